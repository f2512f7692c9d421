using System.Collections.Immutable;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Manifest;

/// <summary>
/// CDS9002: the manifest (<c>cadasto.json</c>, or the file <c>cadasto_manifest</c> / <c>CadastoManifest</c> names)
/// lacks a field a credential request needs: the application, a contact, the environments, a client id
/// per environment, or a secret reference for a confidential client outside development. Reported at the
/// root's <c>{</c> for a top-level field, at the environment's name for a field of an environment; in a
/// project where the credentials generator runs, the generator reports it instead, so each finding appears once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestIncompleteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ManifestIncomplete);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        ManifestRuleRunner.Register(context, DiagnosticDescriptors.ManifestIncomplete);
    }
}
