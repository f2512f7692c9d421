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
    private static readonly (string PackagePrefix, string Namespace)[] Packages =
    {
        ("IdentityServer4", IdentityServerStandInSource.IdentityServer4),
        ("Duende.IdentityServer", IdentityServerStandInSource.Duende),
        ("IdentityServer3", IdentityServerStandInSource.IdentityServer3),
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
        var parts = wanted.SelectMany(p => IdentityServerStandInSource.PartsOf(p.Namespace).Select(m => References.Value[p.Namespace + "." + m.Part])).ToList();
        foreach (var (_, ns) in wanted)
        {
            if (compilation.GetTypesByMetadataName(ns + ".HashExtensions").Length == 0)
            {
                parts.Add(References.Value[ns + HashPart]);
            }
        }

        // One compilation with every wanted stand-in: a model part stays when each of its types is the stand-in's alone
        // there, which is when the project had none of its own (source, project reference or reference set); Client only
        // with the Secret its ClientSecrets holds. Binding the reference set once instead of once per part is what this
        // saves (84 of the 313 projects of DuendeSoftware/Samples reference IdentityServer).
        var extended = compilation.AddReferences(parts);
        var dropped = new HashSet<MetadataReference>();
        foreach (var (_, ns) in wanted)
        {
            var secretKept = OnlyFromStandIn(extended, ns, IdentityServerStandInSource.SecretPart);
            foreach (var (part, _) in IdentityServerStandInSource.PartsOf(ns))
            {
                var kept = OnlyFromStandIn(extended, ns, part)
                    && (part != IdentityServerStandInSource.ClientPart || secretKept);
                if (!kept)
                {
                    dropped.Add(References.Value[ns + "." + part]);
                }
            }
        }

        return dropped.Count == 0 ? extended : compilation.AddReferences(parts.Where(part => !dropped.Contains(part)));
    }

    private const string HashPart = ".HashExtensions";

    private static bool OnlyFromStandIn(CSharpCompilation extended, string ns, string part) =>
        IdentityServerStandInSource.ModelParts.First(m => m.Part == part).Types.All(type => extended.GetTypesByMetadataName(ns + "." + type) is [var only]
            && only.ContainingAssembly.Name == StandInAssemblyName(ns + "." + part));

    /// <summary>Whether a project this one references was given the namespace's <c>Secret</c> stand-in (referenced projects are compiled first).</summary>
    private static bool ReferencedProjectsHave(CSharpCompilation compilation, string ns)
    {
        var standIn = References.Value[ns + "." + IdentityServerStandInSource.SecretPart];
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
            var secret = Emit(ns + "." + IdentityServerStandInSource.SecretPart, IdentityServerStandInSource.Part(IdentityServerStandInSource.SecretPart, ns));
            foreach (var (part, _) in IdentityServerStandInSource.PartsOf(ns))
            {
                builder[ns + "." + part] = part == IdentityServerStandInSource.SecretPart
                    ? secret
                    : Emit(ns + "." + part, IdentityServerStandInSource.Part(part, ns), part == IdentityServerStandInSource.ClientPart ? secret : null);
            }

            builder[ns + HashPart] = Emit(ns + HashPart, IdentityServerStandInSource.HashExtensions(ns));
        }

        return builder.ToImmutable();
    }

    private static MetadataReference Emit(string part, string source, MetadataReference? dependency = null)
    {
        var compilation = CSharpCompilation.Create(
            StandInAssemblyName(part),
            new[] { CSharpSyntaxTree.ParseText(source) },
            dependency is null ? ReferenceSet.Default.Framework : ReferenceSet.Default.Framework.Append(dependency),
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
