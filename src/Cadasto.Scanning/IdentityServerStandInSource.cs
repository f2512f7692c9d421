using System.Collections.Generic;
using System.Linq;

namespace Cadasto.Scanning;

/// <summary>
/// The text of the stand-ins for IdentityServer4's and Duende IdentityServer's models (IdentityServer4.Storage 4.1 and
/// Duende.IdentityServer.Storage 7: the same names in both), in one place for the two that compile it: the scan
/// (<see cref="PackageStandIns"/>, which emits it as metadata references) and the analyzer tests' kit (this file is
/// linked into Cadasto.Analyzers.Tests), so that a test compiles against exactly what a scan compiles against. No
/// <c>using</c> and block namespaces: the text composes with any source that has no file-scoped namespace.
/// </summary>
internal static class IdentityServerStandInSource
{
    /// <summary>The namespace of IdentityServer4's models.</summary>
    public const string IdentityServer4 = "IdentityServer4.Models";

    /// <summary>The namespace of Duende IdentityServer's models.</summary>
    public const string Duende = "Duende.IdentityServer.Models";

    /// <summary>
    /// The namespace of IdentityServer3's models (the IdentityServer3 package 2.x, .NET Framework): a client's
    /// <c>ClientSecrets</c> and a scope's <c>ScopeSecrets</c> hold the same <c>Secret</c>, hashed by the same
    /// <c>Sha256()</c>. Its <c>Client</c> registers flows (<c>Flow = Flows.Implicit</c>), not grant types: only
    /// <c>Secret</c> and <c>HashExtensions</c> are stood in for (<see cref="PartsOf"/>).
    /// </summary>
    public const string IdentityServer3 = "IdentityServer3.Core.Models";

    /// <summary>
    /// The parts of <see cref="Models"/> a scan emits apart, each with the simple names of its types: a scan keeps a part
    /// only where each of its types is the stand-in's alone, so a solution that declares some of them itself keeps its
    /// own and still gets the rest (IdentityServer4's repository declares <c>GrantTypes</c> in its server project and
    /// takes <c>Secret</c> and <c>Client</c> from the Storage package). <c>Client</c> holds <c>Secret</c>s: its part is
    /// compiled against the <c>Secret</c> part and kept only with it.
    /// </summary>
    public static readonly (string Part, string[] Types)[] ModelParts =
    {
        (SecretPart, new[] { "Secret" }),
        (ClientPart, new[] { "Client" }),
        (GrantsPart, new[] { "GrantTypes", "GrantType" }),
    };

    /// <summary>The parts stood in for in <paramref name="ns"/>: every one of <see cref="ModelParts"/>, IdentityServer3's <c>Secret</c> alone.</summary>
    public static IEnumerable<(string Part, string[] Types)> PartsOf(string ns) =>
        ns == IdentityServer3 ? ModelParts.Where(p => p.Part == SecretPart) : ModelParts;

    /// <summary>The part that declares <c>Secret</c>.</summary>
    public const string SecretPart = "Secret";

    /// <summary>The part that declares <c>Client</c> (compiled against <see cref="SecretPart"/>).</summary>
    public const string ClientPart = "Client";

    /// <summary>The part that declares <c>GrantType</c> and <c>GrantTypes</c>.</summary>
    public const string GrantsPart = "Grants";

    /// <summary><c>Secret</c>, <c>Client</c> (whose <c>ClientSecrets</c> holds <c>Secret</c>s) and <c>GrantType</c>/<c>GrantTypes</c> together (IdentityServer3: <c>Secret</c>), as the tests compile them.</summary>
    public static string Models(string ns) => string.Join("\n", PartsOf(ns).Select(p => Part(p.Part, ns)));

    /// <summary>The text of one of <see cref="ModelParts"/>.</summary>
    public static string Part(string part, string ns) => Fill(
        part switch
        {
            SecretPart => ns == IdentityServer3 ? IdentityServer3SecretTemplate : SecretTemplate,
            ClientPart => ClientTemplate,
            GrantsPart => GrantsTemplate,
            _ => throw new System.ArgumentOutOfRangeException(nameof(part), part, "no such stand-in part"),
        },
        ns);

    /// <summary>
    /// <c>HashExtensions</c> (<c>"…".Sha256()</c>), a part of its own: a project whose own source (or a referenced
    /// project) declares it gets the models alone, or every <c>Sha256()</c> call would be ambiguous (IdentityServer4's
    /// repository declares HashExtensions in its server project and takes Secret from the Storage package).
    /// </summary>
    public static string HashExtensions(string ns) => Fill(HashExtensionsTemplate, ns);

    private static string Fill(string template, string ns) => template.Replace("NAMESPACE", ns, System.StringComparison.Ordinal);

    private const string SecretTemplate = """
        namespace NAMESPACE
        {
            public class Secret
            {
                public Secret() { }
                public Secret(string value, System.DateTime? expiration = null) { }
                public Secret(string value, string description, System.DateTime? expiration = null) { }
                public string Description { get; set; }
                public string Value { get; set; }
                public System.DateTime? Expiration { get; set; }
                public string Type { get; set; }
            }
        }
        """;

    // IdentityServer3's Secret expires at a DateTimeOffset; its Type is a Constants.SecretTypes value, as in the others.
    private const string IdentityServer3SecretTemplate = """
        namespace NAMESPACE
        {
            public class Secret
            {
                public Secret() { }
                public Secret(string value, System.DateTimeOffset? expiration = null) { }
                public Secret(string value, string description, System.DateTimeOffset? expiration = null) { }
                public string Description { get; set; }
                public string Value { get; set; }
                public System.DateTimeOffset? Expiration { get; set; }
                public string Type { get; set; }
            }
        }
        """;

    private const string ClientTemplate = """
        namespace NAMESPACE
        {
            // A client registration as the rules read it (grant types, PKCE, redirect URIs, secrets), with the members a
            // registration commonly sets so that they bind; the package has more, which stay unresolved.
            public class Client
            {
                public bool Enabled { get; set; } = true;
                public string ClientId { get; set; }
                public string ClientName { get; set; }
                public string Description { get; set; }
                public string ClientUri { get; set; }
                public string LogoUri { get; set; }
                public string ProtocolType { get; set; } = "oidc";
                public System.Collections.Generic.ICollection<Secret> ClientSecrets { get; set; } = new System.Collections.Generic.HashSet<Secret>();
                public bool RequireClientSecret { get; set; } = true;
                public bool RequireConsent { get; set; }
                public bool AllowRememberConsent { get; set; } = true;
                public System.Collections.Generic.ICollection<string> AllowedGrantTypes { get; set; } = new System.Collections.Generic.HashSet<string>();
                public bool RequirePkce { get; set; } = true;
                public bool AllowPlainTextPkce { get; set; }
                public bool RequireRequestObject { get; set; }
                public bool AllowAccessTokensViaBrowser { get; set; }
                public System.Collections.Generic.ICollection<string> RedirectUris { get; set; } = new System.Collections.Generic.HashSet<string>();
                public System.Collections.Generic.ICollection<string> PostLogoutRedirectUris { get; set; } = new System.Collections.Generic.HashSet<string>();
                public string FrontChannelLogoutUri { get; set; }
                public bool FrontChannelLogoutSessionRequired { get; set; } = true;
                public string BackChannelLogoutUri { get; set; }
                public bool BackChannelLogoutSessionRequired { get; set; } = true;
                public bool AllowOfflineAccess { get; set; }
                public System.Collections.Generic.ICollection<string> AllowedScopes { get; set; } = new System.Collections.Generic.HashSet<string>();
                public bool AlwaysIncludeUserClaimsInIdToken { get; set; }
                public int IdentityTokenLifetime { get; set; } = 300;
                public int AccessTokenLifetime { get; set; } = 3600;
                public int AuthorizationCodeLifetime { get; set; } = 300;
                public int AbsoluteRefreshTokenLifetime { get; set; } = 2592000;
                public int SlidingRefreshTokenLifetime { get; set; } = 1296000;
                public bool UpdateAccessTokenClaimsOnRefresh { get; set; }
                public bool EnableLocalLogin { get; set; } = true;
                public bool IncludeJwtId { get; set; }
                public bool AlwaysSendClientClaims { get; set; }
                public string ClientClaimsPrefix { get; set; } = "client_";
                public System.Collections.Generic.ICollection<string> AllowedCorsOrigins { get; set; } = new System.Collections.Generic.HashSet<string>();
                public System.Collections.Generic.IDictionary<string, string> Properties { get; set; } = new System.Collections.Generic.Dictionary<string, string>();
            }
        }
        """;

    private const string GrantsTemplate = """
        namespace NAMESPACE
        {
            // The grant-type names (protocol values) and the named sets a registration assigns to AllowedGrantTypes.
            public static class GrantType
            {
                public const string Implicit = "implicit";
                public const string Hybrid = "hybrid";
                public const string AuthorizationCode = "authorization_code";
                public const string ClientCredentials = "client_credentials";
                public const string ResourceOwnerPassword = "password";
                public const string DeviceFlow = "urn:ietf:params:oauth:grant-type:device_code";
            }

            public class GrantTypes
            {
                public static System.Collections.Generic.ICollection<string> Implicit => new[] { GrantType.Implicit };
                public static System.Collections.Generic.ICollection<string> ImplicitAndClientCredentials => new[] { GrantType.Implicit, GrantType.ClientCredentials };
                public static System.Collections.Generic.ICollection<string> Code => new[] { GrantType.AuthorizationCode };
                public static System.Collections.Generic.ICollection<string> CodeAndClientCredentials => new[] { GrantType.AuthorizationCode, GrantType.ClientCredentials };
                public static System.Collections.Generic.ICollection<string> Hybrid => new[] { GrantType.Hybrid };
                public static System.Collections.Generic.ICollection<string> HybridAndClientCredentials => new[] { GrantType.Hybrid, GrantType.ClientCredentials };
                public static System.Collections.Generic.ICollection<string> ClientCredentials => new[] { GrantType.ClientCredentials };
                public static System.Collections.Generic.ICollection<string> ResourceOwnerPassword => new[] { GrantType.ResourceOwnerPassword };
                public static System.Collections.Generic.ICollection<string> ResourceOwnerPasswordAndClientCredentials => new[] { GrantType.ResourceOwnerPassword, GrantType.ClientCredentials };
                public static System.Collections.Generic.ICollection<string> DeviceFlow => new[] { GrantType.DeviceFlow };
            }
        }
        """;

    private const string HashExtensionsTemplate = """
        namespace NAMESPACE
        {
            public static class HashExtensions
            {
                public static string Sha256(this string input) => input;
                public static byte[] Sha256(this byte[] input) => input;
                public static string Sha512(this string input) => input;
                public static byte[] Sha512(this byte[] input) => input;
            }
        }
        """;
}
