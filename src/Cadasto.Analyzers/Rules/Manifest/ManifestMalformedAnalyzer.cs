using System.Collections.Immutable;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Manifest;

/// <summary>
/// CDS9001: the manifest (<c>cadasto.json</c>, or the file <c>cadasto_manifest</c> / <c>CadastoManifest</c> names)
/// is not valid JSON or does not have the manifest's shape. Reported at the exact position in the file; in a project where the credentials
/// generator runs, the generator reports it instead, so each finding appears once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestMalformedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ManifestMalformed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        ManifestRuleRunner.Register(context, DiagnosticDescriptors.ManifestMalformed);
    }
}
