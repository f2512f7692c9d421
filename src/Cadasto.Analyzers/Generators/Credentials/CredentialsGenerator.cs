using System.Collections.Immutable;
using System.Linq;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Generators.Credentials.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Generators.Credentials;

/// <summary>
/// Generates the strongly typed, per-environment Cadasto credentials from <c>cadasto.json</c>: one class
/// per environment, <c>CadastoEnvironments.For(name)</c>, the <c>CadastoCredentials</c> service and
/// <c>AddCadastoCredentials</c>. Only in projects that reference <c>Cadasto.Credentials</c> (an
/// analyzers-only project gets the manifest rules and nothing generated), and only for C# 8 or later
/// (CDS9004 otherwise). A manifest that cannot describe the credentials generates nothing. Where it
/// generates, the generator also reports the manifest's findings (CDS9001–CDS9003) and the manifest rules
/// stand aside: the command-line compiler skips analyzers once the user's code fails to bind the missing
/// generated types (CS0246), but reports generator diagnostics, so only then does a broken manifest name
/// itself in <c>dotnet build</c>. Elsewhere (no runtime, generation off) the rules report; never both.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CredentialsGenerator : IIncrementalGenerator
{
    /// <summary>The names of the pipeline's steps, for step-tracking tests and diagnostics.</summary>
    public static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string CompilationFacts = nameof(CompilationFacts);
        public const string ManifestFileName = nameof(ManifestFileName);
        public const string ManifestNameInSection = nameof(ManifestNameInSection);
        public const string AdditionalFiles = nameof(AdditionalFiles);
        public const string ManifestCandidates = nameof(ManifestCandidates);
        public const string ManifestFiles = nameof(ManifestFiles);
        public const string AllManifests = nameof(AllManifests);
        public const string Inputs = nameof(Inputs);
        public const string Manifest = nameof(Manifest);
        public const string Model = nameof(Model);
        public const string Generation = nameof(Generation);
        public const string LanguageVersionCheck = nameof(LanguageVersionCheck);
        public const string ProjectClientType = nameof(ProjectClientType);
        public const string ManifestFindings = nameof(ManifestFindings);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // cadasto_manifest may also come from an .editorconfig section that applies to the additional files
        // ([*], [*.json]): the first file with a value speaks for the project, as in the rules.
        var manifestNameInSection = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => CadastoOptions.ManifestOptionInSection(pair.Right, pair.Left))
            .Collect()
            .Select(static (names, _) => names.FirstOrDefault(static name => name is not null))
            .WithTrackingName(TrackingNames.ManifestNameInSection);

        // The build's options (namespace, UserSecretsId, manifest name, on/off) as one small record.
        var options = context.AnalyzerConfigOptionsProvider
            .Combine(manifestNameInSection)
            .Select(static (pair, _) => CredentialsParser.ParseOptions(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        // Two facts about the compilation, compared by value: every edit makes a new compilation, but these
        // stay equal, so an edit to a .cs file stops here.
        var compilation = context.CompilationProvider
            .Select(static (compilation, _) => CredentialsParser.ParseCompilation(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // The manifest among the additional files, read by the shared reader (cached per text). This result
        // holds positions, so it changes on a whitespace edit...
        var manifestFileName = options
            .Select(static (o, _) => o.ManifestFileName)
            .WithTrackingName(TrackingNames.ManifestFileName);
        var manifestFiles = context.AdditionalTextsProvider
            .Combine(manifestFileName)
            .WithTrackingName(TrackingNames.AdditionalFiles)
            .Where(static pair => ManifestProvider.IsManifestPath(pair.Left.Path, pair.Right))
            .WithTrackingName(TrackingNames.ManifestCandidates)
            .Select(static (pair, cancellationToken) => ManifestProvider.TryGet(pair.Left, cancellationToken, out var result) ? result : null)
            .WithTrackingName(TrackingNames.ManifestFiles);

        var allManifests = manifestFiles
            .Collect()
            .WithTrackingName(TrackingNames.AllManifests);
        var manifest = allManifests
            .Select(static (results, _) => Nearest(results))
            .WithTrackingName(TrackingNames.Manifest);

        // ...and the model drops them: after a whitespace edit it compares equal and nothing is emitted again.
        var model = manifest
            .Select(static (result, _) => CredentialsParser.ParseManifest(result))
            .WithTrackingName(TrackingNames.Model);

        var inputs = model
            .Combine(options)
            .Combine(compilation)
            .WithTrackingName(TrackingNames.Inputs);

        // What to emit: nothing without a model, without the runtime library, below C# 8, or when switched off.
        var generation = inputs
            .Select(static (input, _) =>
            {
                var ((credentials, generatorOptions), facts) = input;
                return credentials is null || generatorOptions.Disabled || !facts.ReferencesRuntime || !facts.SupportsGeneratedCode
                    ? null
                    : new GenerationSpec(CredentialsParser.Namespace(generatorOptions), generatorOptions.UserSecretsId, credentials);
            })
            .WithTrackingName(TrackingNames.Generation);

        // The one diagnostic of the generator itself: code would be generated, but the language is too old.
        var languageTooOld = inputs
            .Select(static (input, _) =>
            {
                var ((credentials, generatorOptions), facts) = input;
                return credentials is not null && !generatorOptions.Disabled && facts.ReferencesRuntime && !facts.SupportsGeneratedCode
                    ? facts.LanguageVersion
                    : null;
            })
            .WithTrackingName(TrackingNames.LanguageVersionCheck);

        // What the project says its client type is (a manifest without clientType is judged by it). Runs per
        // compilation, but compares equal across edits, so the findings below are not reported again.
        var projectClientType = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => CompilationClientType.OfProject(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ProjectClientType);

        // The manifest's findings, with their positions, when this generator rather than the rules reports them.
        var manifestFindings = allManifests
            .Combine(projectClientType)
            .Combine(options)
            .Combine(compilation)
            .Select(static (input, _) =>
            {
                var (((manifests, project), generatorOptions), facts) = input;
                return CredentialsParser.ManifestFindings(manifests, project, generatorOptions, facts);
            })
            .WithTrackingName(TrackingNames.ManifestFindings);

        context.RegisterSourceOutput(manifestFindings, static (output, findings) =>
        {
            foreach (var finding in findings)
            {
                if (ManifestDescriptor(finding.Id) is { } descriptor)
                {
                    output.ReportDiagnostic(finding.ToDiagnostic(descriptor));
                }
            }
        });

        context.RegisterSourceOutput(generation, static (output, spec) =>
        {
            if (spec is null)
            {
                return;
            }

            foreach (var (hintName, source) in CredentialsEmitter.Emit(spec))
            {
                output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });

        context.RegisterSourceOutput(languageTooOld, static (output, languageVersion) =>
        {
            if (languageVersion is not null)
            {
                output.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.CredentialsNeedCSharp8, Location.None, languageVersion));
            }
        });
    }

    private static DiagnosticDescriptor? ManifestDescriptor(string id) => id switch
    {
        DiagnosticIds.ManifestMalformed => DiagnosticDescriptors.ManifestMalformed,
        DiagnosticIds.ManifestIncomplete => DiagnosticDescriptors.ManifestIncomplete,
        DiagnosticIds.ManifestInvalidValue => DiagnosticDescriptors.ManifestInvalidValue,
        _ => null,
    };

    /// <summary>With several manifests of the right name, the one nearest the project (shortest path), as the rules pick it.</summary>
    private static ManifestParseResult? Nearest(ImmutableArray<ManifestParseResult?> results)
    {
        ManifestParseResult? nearest = null;
        foreach (var result in results)
        {
            if (result is not null && (nearest is null || result.Manifest?.FilePath.Length < nearest.Manifest?.FilePath.Length))
            {
                nearest = result;
            }
        }

        return nearest;
    }
}
