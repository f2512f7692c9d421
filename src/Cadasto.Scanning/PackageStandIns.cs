using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cadasto.Scanning;

/// <summary>
/// Declarations the tool ships for packages it cannot ship (neither IdentityServer package is served to it): the few
/// public types the rules need, with the package's own names and signatures, so that an authorization server's client
/// registrations (<c>ClientSecrets = { new Secret("…".Sha256()) }</c>, <c>AllowedGrantTypes = GrantTypes.Implicit</c>,
/// <c>RequirePkce = false</c>, <c>RedirectUris</c>) bind in a source-only scan as in a build. A
/// project gets them only when it references the package and the scan has no other source for them; everything else of
/// the package stays unresolved, as before.
/// </summary>
internal static class PackageStandIns
{
    // IdentityServer4's and Duende IdentityServer's Secret, Client, GrantType(s) and HashExtensions (IdentityServer4.Storage
    // 4.1 and Duende.IdentityServer.Storage 7: the same names in both; the models come together, so they are one part). HashExtensions is a separate part: a
    // project whose own source (or a referenced project) declares it gets Secret alone, or every Sha256() call would be
    // ambiguous (IdentityServer4's repository declares HashExtensions in its server project and takes Secret from the
    // Storage package).
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

    private static readonly (string PackagePrefix, string Namespace)[] Packages =
    {
        ("IdentityServer4", "IdentityServer4.Models"),
        ("Duende.IdentityServer", "Duende.IdentityServer.Models"),
    };

    private static readonly Lazy<ImmutableDictionary<string, MetadataReference>> References = new(Build);

    /// <summary>
    /// <paramref name="compilation"/> with the stand-ins for the packages <paramref name="project"/> references, directly,
    /// through a project it references that was given them (package references flow to referencing projects in a
    /// build), or through another package (its source imports the models' namespace, which a build resolves from the
    /// package whichever package brought it: <c>using Duende.IdentityServer.Models;</c> in a project that references only
    /// a vendor's admin package built on Duende; never for loose files, which no build compiles) — whose types it does not already have: a solution that declares them
    /// itself keeps its own, and a stand-in that would make them ambiguous is left out.
    /// </summary>
    /// <param name="compilation">The project's compilation.</param>
    /// <param name="project">The project.</param>
    /// <param name="importedNamespaces">The namespaces its source (and its implicit global usings) imports.</param>
    public static CSharpCompilation AddTo(CSharpCompilation compilation, ScanProject project, IReadOnlySet<string> importedNamespaces)
    {
        var wanted = Packages.Where(p => project.PackageReferences.Any(r => r.StartsWith(p.PackagePrefix, StringComparison.OrdinalIgnoreCase))
            || (!project.IsLoose && importedNamespaces.Contains(p.Namespace))
            || ReferencedProjectsHave(compilation, p.Namespace)).ToList();
        if (wanted.Count == 0)
        {
            return compilation;
        }

        // HashExtensions from the stand-in only where nothing of the compilation declares it (asked before adding any).
        var parts = wanted.Select(p => References.Value[p.Namespace + SecretPart]).ToList();
        foreach (var (_, ns) in wanted)
        {
            if (compilation.GetTypesByMetadataName(ns + ".HashExtensions").Length == 0)
            {
                parts.Add(References.Value[ns + HashPart]);
            }
        }

        // One compilation with every wanted stand-in: a stand-in stays when its Secret is the only one there, which is
        // when the project had none of its own (source, project reference or reference set). Binding the reference set
        // once instead of twice is what this saves (84 of the 313 projects of DuendeSoftware/Samples reference IdentityServer).
        var extended = compilation.AddReferences(parts);
        var kept = wanted.Where(p => OnlyFromStandIn(extended, p.Namespace)).Select(p => p.Namespace).ToList();
        return kept.Count == wanted.Count
            ? extended
            : compilation.AddReferences(parts.Where(part => kept.Any(ns => IsPartOf(part, ns))));
    }

    private const string SecretPart = ".Secret";

    // The models of the Secret part: the part stays only where each of them is the stand-in's alone.
    private static readonly string[] ModelTypes = { ".Secret", ".Client", ".GrantTypes", ".GrantType" };

    private static bool OnlyFromStandIn(CSharpCompilation extended, string ns) =>
        ModelTypes.All(type => extended.GetTypesByMetadataName(ns + type) is [var only]
            && only.ContainingAssembly.Name == StandInAssemblyName(ns + SecretPart));

    private const string HashPart = ".HashExtensions";

    private static bool IsPartOf(MetadataReference part, string ns) =>
        ReferenceEquals(part, References.Value[ns + SecretPart]) || ReferenceEquals(part, References.Value[ns + HashPart]);

    /// <summary>Whether a project this one references was given the namespace's <c>Secret</c> stand-in (referenced projects are compiled first).</summary>
    private static bool ReferencedProjectsHave(CSharpCompilation compilation, string ns)
    {
        var standIn = References.Value[ns + SecretPart];
        foreach (var reference in compilation.References)
        {
            if (reference is CompilationReference { Compilation: var referenced } && referenced.References.Contains(standIn))
            {
                return true;
            }
        }

        return false;
    }

    private static string StandInAssemblyName(string ns) => "Cadasto.StandIns." + ns;

    private static ImmutableDictionary<string, MetadataReference> Build()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, MetadataReference>(StringComparer.Ordinal);
        foreach (var (_, ns) in Packages)
        {
            builder[ns + SecretPart] = Emit(ns + SecretPart, SecretTemplate.Replace("NAMESPACE", ns, StringComparison.Ordinal));
            builder[ns + HashPart] = Emit(ns + HashPart, HashExtensionsTemplate.Replace("NAMESPACE", ns, StringComparison.Ordinal));
        }

        return builder.ToImmutable();
    }

    private static MetadataReference Emit(string part, string source)
    {
        var compilation = CSharpCompilation.Create(
            StandInAssemblyName(part),
            new[] { CSharpSyntaxTree.ParseText(source) },
            ReferenceSet.Default.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            // Our own constant source: a failure here is a bug, never the user's input.
            throw new InvalidOperationException("The " + part + " stand-in did not compile: " + emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
