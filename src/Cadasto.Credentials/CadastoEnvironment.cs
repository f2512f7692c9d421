using System;
using System.Collections.Generic;

namespace Cadasto.Credentials;

/// <summary>
/// One environment of an application's Cadasto registration, as <c>cadasto.json</c> describes it:
/// public identifiers and the <em>reference</em> to the secret, never the secret. The generator
/// derives one sealed class per environment from this type.
/// </summary>
public class CadastoEnvironment
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();

    /// <summary>Describes an environment.</summary>
    public CadastoEnvironment(
        string application,
        string name,
        string clientId,
        string? authority,
        IReadOnlyList<string>? scopes,
        IReadOnlyList<string>? redirectUris,
        IReadOnlyList<string>? allowedOrigins,
        SecretReference? secret)
    {
        Application = application ?? throw new ArgumentNullException(nameof(application));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ClientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        Authority = authority;
        Scopes = scopes ?? None;
        RedirectUris = redirectUris ?? None;
        AllowedOrigins = allowedOrigins ?? None;
        Secret = secret;
    }

    /// <summary>The application's name (<c>application</c>).</summary>
    public string Application { get; }

    /// <summary>The environment's name as the manifest spells it (compared case-insensitively).</summary>
    public string Name { get; }

    /// <summary>The public client id Cadasto issued for this environment.</summary>
    public string ClientId { get; }

    /// <summary>The authorization server, or null when the manifest gives none.</summary>
    public string? Authority { get; }

    /// <summary>The scopes this environment requests (the environment's own, else the manifest's default).</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The registered redirect URIs; empty for machine-to-machine use.</summary>
    public IReadOnlyList<string> RedirectUris { get; }

    /// <summary>The allowed CORS origins; empty unless a browser app calls the API.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; }

    /// <summary>Where the client secret lives; null for a public client.</summary>
    public SecretReference? Secret { get; }

    /// <summary>Whether <paramref name="environmentName"/> names this environment (case-insensitive).</summary>
    public bool Matches(string? environmentName) => string.Equals(Name, environmentName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A one-line description: identifiers and the secret's reference, never a value.</summary>
    public override string ToString() =>
        $"{Application} ({Name}): client id {ClientId}, authority {Authority ?? "(none)"}, scopes [{string.Join(" ", Scopes)}], secret {(Secret is null ? "(none)" : Secret.ToString())}";
}
