using System.Collections.Immutable;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Manifest;

/// <summary>
/// CDS9003: the manifest (<c>cadasto.json</c>, or the file <c>cadasto_manifest</c> / <c>CadastoManifest</c> names)
/// holds an invalid value: an unknown flow or store, a malformed URI, or a secret or the client-credentials
/// grant for a public client. Reported at the value; in a project where the credentials generator runs, the
/// generator reports it instead, so each finding appears once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestInvalidValueAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ManifestInvalidValue);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        ManifestRuleRunner.Register(context, DiagnosticDescriptors.ManifestInvalidValue);
    }
}
