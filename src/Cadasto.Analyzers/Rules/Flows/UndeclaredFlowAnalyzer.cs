using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Flows;

/// <summary>
/// CDS2005: a flow the code uses (client credentials, authorization code, refresh token, device code,
/// and the password and implicit grants) that the manifest's <c>flows</c> does not declare. Silent without
/// a manifest, and when the manifest lists no flows at all (nothing to compare with). The password and
/// implicit grants are never declarable (a manifest that lists them gets CDS9003), so with a manifest they
/// are always CDS2005 too, besides CDS2003/CDS2002: the SPEC's "a flow used in code that the manifest's
/// flows does not declare" holds for them, and the message tells the user to move to a declared flow
/// rather than to declare them.
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
            OAuthSignalActions.Register(
                start,
                signal => IsUndeclared(signal, manifest),
                finding => Findings.Create(
                    DiagnosticDescriptors.UndeclaredFlow,
                    finding.Location,
                    finding.Source,
                    FlowName(finding.Signal),
                    fileName,
                    Remedy(finding.Signal)));
        });
    }

    private static bool IsUndeclared(OAuthSignal signal, CadastoManifest manifest) => signal switch
    {
        OAuthSignal.PasswordGrant or OAuthSignal.ImplicitGrant => true,
        _ => FlowOf(signal) is { } flow && !manifest.DeclaresFlow(flow),
    };

    private static string FlowName(OAuthSignal signal) => signal switch
    {
        OAuthSignal.PasswordGrant => "password",
        OAuthSignal.ImplicitGrant => "implicit",
        _ => ManifestVocabulary.FlowName(FlowOf(signal)!.Value),
    };

    private static string Remedy(OAuthSignal signal) => signal switch
    {
        OAuthSignal.PasswordGrant or OAuthSignal.ImplicitGrant => "Cadasto does not issue it, so move the code to a declared flow",
        _ => "add \"" + FlowName(signal) + "\" to its flows or use a declared flow",
    };

    private static OAuthFlow? FlowOf(OAuthSignal signal) => signal switch
    {
        OAuthSignal.ClientCredentialsGrant => OAuthFlow.ClientCredentials,
        OAuthSignal.AuthorizationCodeGrant => OAuthFlow.AuthorizationCode,
        OAuthSignal.RefreshTokenGrant => OAuthFlow.RefreshToken,
        OAuthSignal.DeviceCodeGrant => OAuthFlow.DeviceCode,
        _ => null,
    };
}
