using System;
using System.Collections.Generic;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// <c>cadasto.json</c> as read: every value with the position it came from (<see cref="LocationInfo"/>:
/// file path and spans), so a rule can point at it. Built from strings, enums, <see cref="EquatableArray{T}"/>
/// and records only — no <c>Location</c>, syntax tree or symbol — so the same object is a cacheable
/// incremental generator model: two reads of the same text compare equal.
/// </summary>
/// <param name="FilePath">The manifest's path, as the compiler gave it.</param>
/// <param name="Root">The root object's opening <c>{</c>: where a missing top-level field is reported.</param>
/// <param name="Application">The application name (absent: CDS9002).</param>
/// <param name="Description">What the integration does, for the credential request.</param>
/// <param name="Contact">Who to contact (absent: CDS9002).</param>
/// <param name="ClientTypeValue">The <c>clientType</c> text as written, when present.</param>
/// <param name="ClientType">The declared client type; <see cref="ManifestClientType.Unspecified"/> when absent or invalid.</param>
/// <param name="Flows">The declared flows, in file order (unknown ones kept as <see cref="OAuthFlow.Unknown"/>).</param>
/// <param name="Scopes">The default scopes (top-level <c>scopes</c>).</param>
/// <param name="Environments">The environments, in file order.</param>
internal sealed record CadastoManifest(
    string FilePath,
    LocationInfo Root,
    ManifestValue? Application,
    ManifestValue? Description,
    ManifestContact? Contact,
    ManifestValue? ClientTypeValue,
    ManifestClientType ClientType,
    EquatableArray<ManifestFlow> Flows,
    EquatableArray<ManifestValue> Scopes,
    EquatableArray<ManifestEnvironment> Environments)
{
    /// <summary><c>rotation.maxAgeDays</c>: the security policy's rotation period in days, or null when the manifest states none.</summary>
    public int? MaxAgeDays { get; init; }

    /// <summary>The environment whose name matches (case-insensitively), or null.</summary>
    public ManifestEnvironment? FindEnvironment(string name)
    {
        foreach (var environment in Environments)
        {
            if (string.Equals(environment.Name.Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return environment;
            }
        }

        return null;
    }

    /// <summary>Whether <c>flows</c> lists <paramref name="flow"/>.</summary>
    public bool DeclaresFlow(OAuthFlow flow)
    {
        foreach (var declared in Flows)
        {
            if (declared.Flow == flow)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the application is a confidential client: <c>clientType: confidential</c>, or no
    /// <c>clientType</c> and the client-credentials flow (which only a confidential client may use).
    /// </summary>
    public bool IsConfidential =>
        ClientType == ManifestClientType.Confidential
        || (ClientType == ManifestClientType.Unspecified && DeclaresFlow(OAuthFlow.ClientCredentials));

    /// <summary>The scopes an environment requests: its own when it declares <c>scopes</c>, else the top-level ones.</summary>
    public EquatableArray<ManifestValue> ScopesOf(ManifestEnvironment environment) =>
        environment.DeclaresScopes ? environment.Scopes : Scopes;

    /// <summary>Every scope the manifest declares, top-level and per environment, in file order.</summary>
    public IEnumerable<ManifestValue> AllScopes()
    {
        foreach (var scope in Scopes)
        {
            yield return scope;
        }

        foreach (var environment in Environments)
        {
            foreach (var scope in environment.Scopes)
            {
                yield return scope;
            }
        }
    }

    /// <summary>Every redirect URI of every environment, in file order.</summary>
    public IEnumerable<ManifestValue> AllRedirectUris()
    {
        foreach (var environment in Environments)
        {
            foreach (var uri in environment.RedirectUris)
            {
                yield return uri;
            }
        }
    }
}

/// <summary>A string value of the manifest and where it is (the string token, quotes included).</summary>
internal sealed record ManifestValue(string Value, LocationInfo Location);

/// <summary><c>contact</c>: <paramref name="Location"/> is the object's <c>{</c>.</summary>
internal sealed record ManifestContact(ManifestValue? Name, ManifestValue? Email, ManifestValue? Slack, LocationInfo Location);

/// <summary>One entry of <c>flows</c>: the flow (Unknown when not one the SPEC lists), the text and its position.</summary>
internal sealed record ManifestFlow(OAuthFlow Flow, string Name, LocationInfo Location);

/// <summary>
/// One entry of <c>environments</c>. <see cref="Name"/> is the property name (its position is where a
/// missing field of the environment is reported).
/// </summary>
/// <param name="DeclaresScopes">Whether the environment has its own <c>scopes</c> (which then replace the top-level ones, even when empty).</param>
/// <param name="Secret">Where the secret lives; the user-secrets default in development when absent there; null when absent elsewhere.</param>
internal sealed record ManifestEnvironment(
    ManifestValue Name,
    ManifestValue? ClientId,
    ManifestValue? Authority,
    bool DeclaresScopes,
    EquatableArray<ManifestValue> Scopes,
    EquatableArray<ManifestValue> RedirectUris,
    EquatableArray<ManifestValue> AllowedOrigins,
    ManifestSecret? Secret)
{
    /// <summary>The name that takes the embedded default secret reference.</summary>
    public const string DevelopmentName = "development";

    /// <summary>Whether the file writes a <c>secret</c> for this environment (valid or not); false when the development default applies.</summary>
    public bool DeclaresSecret { get; init; }

    /// <summary>Whether this is the development environment (names compare case-insensitively).</summary>
    public bool IsDevelopment => string.Equals(Name.Value, DevelopmentName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>secret</c>: where the client secret lives, never the secret. <see cref="Location"/> is the
/// <c>secret</c> object (or, for the development default, the environment's name).
/// </summary>
/// <param name="Store">The store; <see cref="SecretStoreKind.Unknown"/> for a name the SPEC does not list.</param>
/// <param name="StoreName">The store as written (<c>user-secrets</c>, …).</param>
/// <param name="IsDefault">True for the development default (user-secrets key <c>Cadasto:ClientSecret</c>), not written in the file.</param>
internal sealed record ManifestSecret(
    SecretStoreKind Store,
    string StoreName,
    ManifestValue? Key,
    ManifestValue? Name,
    ManifestValue? Path,
    ManifestValue? Vault,
    LocationInfo Location,
    bool IsDefault)
{
    /// <summary>The user-secrets key development uses when the manifest names none.</summary>
    public const string DefaultUserSecretsKey = "Cadasto:ClientSecret";

    /// <summary>What identifies the secret inside its store: the key, the variable or secret name, or the file path.</summary>
    public string? Reference => Store switch
    {
        SecretStoreKind.Environment => Name?.Value,
        SecretStoreKind.UserSecrets or SecretStoreKind.Configuration => Key?.Value,
        SecretStoreKind.File => Path?.Value,
        SecretStoreKind.AzureKeyVault => Name?.Value,
        _ => null,
    };
}

/// <summary>The manifest's <c>clientType</c>.</summary>
internal enum ManifestClientType
{
    /// <summary>Absent or invalid: inferred from the project (see CDS2001).</summary>
    Unspecified,

    /// <summary>May hold a secret (server, daemon).</summary>
    Confidential,

    /// <summary>Browser, mobile, desktop: never holds a secret.</summary>
    Public,
}

/// <summary>The flows a manifest may declare (<c>flows</c>).</summary>
internal enum OAuthFlow
{
    Unknown,
    ClientCredentials,
    AuthorizationCode,
    RefreshToken,
    DeviceCode,
}

/// <summary>The secret stores <c>secret.store</c> may name.</summary>
internal enum SecretStoreKind
{
    Unknown,
    Environment,
    UserSecrets,
    Configuration,
    File,
    AzureKeyVault,
}

/// <summary>What reading a manifest gave: the model (null when the file is not JSON or its root not an object) and the CDS9001–CDS9003 findings.</summary>
internal sealed record ManifestParseResult(CadastoManifest? Manifest, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether the manifest was read with no CDS9001 or CDS9003 finding (CDS9002, a missing field, still leaves a usable model).</summary>
    public bool IsValid
    {
        get
        {
            if (Manifest is null)
            {
                return false;
            }

            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Id is DiagnosticIds.ManifestMalformed or DiagnosticIds.ManifestInvalidValue)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
