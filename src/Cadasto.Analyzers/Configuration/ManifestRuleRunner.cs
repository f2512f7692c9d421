using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Generators.Credentials;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// What CDS9001, CDS9002 and CDS9003 share: each looks at the additional files, picks the manifest by
/// name (as the CLI, which has no MSBuild, does too), takes the cached parse and reports its own findings.
/// The parse happens once per text whatever the number of rules (see <see cref="ManifestProvider"/>).
/// In a project where the credentials generator runs, the generator reports these findings instead
/// (<see cref="CredentialsParser.ReportsManifestFindings(Compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider)"/>).
/// </summary>
internal static class ManifestRuleRunner
{
    /// <summary>Registers the additional-file action that reports <paramref name="descriptor"/>'s findings.</summary>
    public static void Register(AnalysisContext context, DiagnosticDescriptor descriptor)
    {
        context.RegisterCompilationStartAction(start =>
        {
            // Where the generator reports the manifest's findings (it generates there, and a broken manifest would
            // otherwise show only as CS0246 in a build), the rules stand aside: one finding, one report.
            if (CredentialsParser.ReportsManifestFindings(start.Compilation, start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            // The manifest's name is a compilation-wide option: read it once, not per file.
            var manifestFileName = CadastoOptions.ManifestFileName(start.Options);
            start.RegisterAdditionalFileAction(file => Analyze(file, manifestFileName, descriptor));
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, string manifestFileName, DiagnosticDescriptor descriptor)
    {
        if (!ManifestProvider.IsManifestPath(context.AdditionalFile.Path, manifestFileName)
            || !ManifestProvider.TryGet(context.AdditionalFile, context.CancellationToken, out var result))
        {
            return;
        }

        foreach (var diagnostic in ManifestProvider.DiagnosticsFor(result, descriptor))
        {
            context.ReportDiagnostic(diagnostic);
        }

        // Without a clientType the project decides (only CDS9002 and CDS9003 can follow from it).
        if (result.Manifest is { ClientType: ManifestClientType.Unspecified } manifest && descriptor.Id != DiagnosticIds.ManifestMalformed)
        {
            // The same answer every rule gets (cadasto_client_type, then the build), computed once per compilation.
            var project = CompilationClientType.Get(context.Compilation, context.Options, context.CancellationToken);
            foreach (var info in ManifestClientTypeFindings.For(manifest, project))
            {
                if (info.Id == descriptor.Id)
                {
                    context.ReportDiagnostic(info.ToDiagnostic(descriptor));
                }
            }
        }
    }
}
