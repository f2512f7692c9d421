using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Flows;

/// <summary>
/// CDS2003: the resource-owner password grant (MSAL <c>AcquireTokenByUsernamePassword</c>, IdentityModel
/// <c>PasswordTokenRequest</c>/<c>RequestPasswordTokenAsync</c>, <c>grant_type=password</c>, OpenIddict
/// <c>AllowPasswordFlow</c>/<c>AuthenticateWithPasswordAsync</c>). On an authorization server, a client registration
/// that allows it (IdentityServer <c>AllowedGrantTypes</c>, OpenIddict permissions).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PasswordGrantAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PasswordGrant);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            OAuthSignalActions.Register(
                start,
                static signal => signal == OAuthSignal.PasswordGrant,
                static finding => Findings.Create(DiagnosticDescriptors.PasswordGrant, finding.Location, finding.Source),
                serverRegistrations: true);
        });
    }
}
