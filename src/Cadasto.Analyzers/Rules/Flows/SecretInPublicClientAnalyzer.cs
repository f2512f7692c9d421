using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Flows;

/// <summary>
/// CDS2001: a client secret (any CDS1001 sink, a <c>client_secret</c> field) or the client-credentials
/// grant in a public client. Silent when the client type is confidential or unknown.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInPublicClientAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SecretInPublicClient);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var clientType = CompilationClientType.Get(start.Compilation, start.Options, start.CancellationToken);
            if (!clientType.IsPublic)
            {
                return;
            }

            OAuthSignalActions.Register(
                start,
                static signal => signal is OAuthSignal.ClientSecret or OAuthSignal.ClientCredentialsGrant,
                finding => Findings.Create(
                    DiagnosticDescriptors.SecretInPublicClient,
                    finding.Location,
                    finding.Source,
                    clientType.Reason));
        });
    }
}
