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
/// registrations (<c>ClientSecrets = { new Secret("…".Sha256()) }</c>) bind in a source-only scan as in a build. A
/// project gets them only when it references the package and the scan has no other source for them; everything else of
/// the package stays unresolved, as before.
/// </summary>
internal static class PackageStandIns
{
    // IdentityServer4's and Duende IdentityServer's Secret and HashExtensions (IdentityServer4.Storage 4.1 and
    // Duende.IdentityServer.Storage 7: the same members in both), nothing else.
    private const string ModelsTemplate = """
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
    /// <paramref name="compilation"/> with the stand-ins for the packages <paramref name="project"/> references whose types
    /// it does not already have: a solution that declares them itself (IdentityServer's own repository, whose hosts
    /// reference its projects) keeps its own, and a stand-in that would make them ambiguous is left out.
    /// </summary>
    public static CSharpCompilation AddTo(CSharpCompilation compilation, ScanProject project)
    {
        var wanted = Packages.Where(p => project.PackageReferences.Any(r => r.StartsWith(p.PackagePrefix, StringComparison.OrdinalIgnoreCase))).ToList();
        if (wanted.Count == 0)
        {
            return compilation;
        }

        // One compilation with every wanted stand-in: a stand-in stays when its Secret is the only one there, which is
        // when the project had none of its own (source, project reference or reference set). Binding the reference set
        // once instead of twice is what this saves (84 of the 313 projects of DuendeSoftware/Samples reference IdentityServer).
        var extended = compilation.AddReferences(wanted.Select(p => References.Value[p.Namespace]));
        var kept = wanted.Where(p => extended.GetTypesByMetadataName(p.Namespace + ".Secret") is [var only]
            && only.ContainingAssembly.Name == StandInAssemblyName(p.Namespace)).ToList();
        return kept.Count == wanted.Count ? extended : compilation.AddReferences(kept.Select(p => References.Value[p.Namespace]));
    }

    private static string StandInAssemblyName(string ns) => "Cadasto.StandIns." + ns;

    private static ImmutableDictionary<string, MetadataReference> Build()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, MetadataReference>(StringComparer.Ordinal);
        foreach (var (_, ns) in Packages)
        {
            var tree = CSharpSyntaxTree.ParseText(ModelsTemplate.Replace("NAMESPACE", ns, StringComparison.Ordinal));
            var compilation = CSharpCompilation.Create(
                StandInAssemblyName(ns),
                new[] { tree },
                ReferenceSet.Default.Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
            {
                // Our own constant source: a failure here is a bug, never the user's input.
                throw new InvalidOperationException("The " + ns + " stand-ins did not compile: " + emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }

            builder[ns] = MetadataReference.CreateFromImage(image.ToArray());
        }

        return builder.ToImmutable();
    }
}
