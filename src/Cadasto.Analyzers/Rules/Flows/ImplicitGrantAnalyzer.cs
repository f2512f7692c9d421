using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Flows;

/// <summary>
/// CDS2002: the implicit grant, a response type whose space-separated values include <c>token</c>
/// (<c>ResponseType</c> properties, <c>response_type</c> fields and URL parameters, <c>responseType</c>
/// arguments, OpenIddict <c>AllowImplicitFlow</c>). <c>id_token</c> alone is not the implicit grant. On an authorization
/// server, a client registration that allows it (IdentityServer <c>AllowedGrantTypes</c>, OpenIddict permissions).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImplicitGrantAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ImplicitGrant);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            OAuthSignalActions.Register(
                start,
                static signal => signal == OAuthSignal.ImplicitGrant,
                static finding => Findings.Create(DiagnosticDescriptors.ImplicitGrant, finding.Location, finding.Source),
                serverRegistrations: true);
        });
    }
}
