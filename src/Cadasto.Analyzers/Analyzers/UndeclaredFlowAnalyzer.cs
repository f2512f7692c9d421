using System.Collections.Immutable;
using Cadasto.Analyzers.Manifest;
using Cadasto.Analyzers.OAuth;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Analyzers;

/// <summary>
/// CDS2005: a flow the code uses (client credentials, authorization code, refresh token, device code)
/// that the manifest's <c>flows</c> does not declare. Silent without a manifest, and when the manifest
/// lists no flows at all (nothing to compare with). The password and implicit grants are CDS2003's and
/// CDS2002's: no manifest can declare them, so they are not reported twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredFlowAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UndeclaredFlow);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationManifest.Get(start.Options, start.CancellationToken) is not { Flows.Length: > 0 } manifest)
            {
                return;
            }

            var fileName = CompilationManifest.FileName(manifest);
            var index = OAuthSignalIndex.Get(start.Compilation);
            OAuthSignalActions.Register(
                start,
                index,
                signal => FlowOf(signal) is { } flow && !manifest.DeclaresFlow(flow),
                (context, finding) => context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UndeclaredFlow,
                    finding.Location,
                    finding.Source,
                    ManifestVocabulary.FlowName(FlowOf(finding.Signal)!.Value),
                    fileName)));
        });
    }

    private static OAuthFlow? FlowOf(OAuthSignal signal) => signal switch
    {
        OAuthSignal.ClientCredentialsGrant => OAuthFlow.ClientCredentials,
        OAuthSignal.AuthorizationCodeGrant => OAuthFlow.AuthorizationCode,
        OAuthSignal.RefreshTokenGrant => OAuthFlow.RefreshToken,
        OAuthSignal.DeviceCodeGrant => OAuthFlow.DeviceCode,
        _ => null,
    };
}
