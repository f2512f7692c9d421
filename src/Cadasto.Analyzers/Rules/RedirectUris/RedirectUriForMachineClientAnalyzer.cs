using System.Collections.Immutable;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.RedirectUris;

/// <summary>
/// CDS3003: redirect URIs registered for an application whose flows are all machine to machine
/// (client credentials, with or without refresh tokens): each registered URI is reported where the manifest
/// spells it. Silent without a manifest or without declared flows.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RedirectUriForMachineClientAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RedirectUriForMachineClient);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(context =>
        {
            if (!ManifestProvider.IsManifestFile(context.AdditionalFile, context.Options)
                || !ManifestProvider.TryGet(context.AdditionalFile, context.CancellationToken, out var result)
                || result.Manifest is not { } manifest
                || !IsMachineToMachineOnly(manifest))
            {
                return;
            }

            foreach (var environment in manifest.Environments)
            {
                foreach (var uri in environment.RedirectUris)
                {
                    context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.RedirectUriForMachineClient, uri.Location.ToLocation(), environment.Name.Value));
                }
            }
        });
    }

    /// <summary>Flows declared, and none of them brings a user to a redirect URI.</summary>
    private static bool IsMachineToMachineOnly(CadastoManifest manifest)
    {
        if (manifest.Flows.Length == 0 || !manifest.DeclaresFlow(OAuthFlow.ClientCredentials))
        {
            return false;
        }

        foreach (var flow in manifest.Flows)
        {
            if (flow.Flow is not (OAuthFlow.ClientCredentials or OAuthFlow.RefreshToken))
            {
                return false;
            }
        }

        return true;
    }
}
