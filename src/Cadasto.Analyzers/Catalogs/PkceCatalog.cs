using System.Collections.Immutable;
using Cadasto.Analyzers.Rules.Flows;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>What shows PKCE is on for a catalogued call or creation (<paramref name="Evidence"/>: a member set, a call
/// chained, an argument passed), the code fix that turns it on, and the advice the message gives.</summary>
internal sealed record PkceRequirement(string Evidence, string Fix, string Advice);

/// <summary>The authorization-code calls and creations that need PKCE evidence (CDS2004), as data.</summary>
internal static class PkceCatalog
{
    private const string Msal = "Microsoft.Identity.Client.";

    /// <summary>The PKCE-less calls and creations, as data: member → (what shows PKCE is on, the fix).</summary>
    public static readonly ImmutableArray<PkceSite> Members = ImmutableArray.Create(
        new PkceSite(Msal + "IConfidentialClientApplication", "AcquireTokenByAuthorizationCode", SinkKind.MethodArgument, Meaning: new PkceRequirement("WithPkceCodeVerifier", MissingPkceAnalyzer.FixWithPkceCodeVerifier, "add .WithPkceCodeVerifier(codeVerifier)")),
        new PkceSite(Msal + "ConfidentialClientApplication", "AcquireTokenByAuthorizationCode", SinkKind.MethodArgument, Meaning: new PkceRequirement("WithPkceCodeVerifier", MissingPkceAnalyzer.FixWithPkceCodeVerifier, "add .WithPkceCodeVerifier(codeVerifier)")),
        new PkceSite(Msal + "IConfidentialClientApplication", "GetAuthorizationRequestUrl", SinkKind.MethodArgument, Meaning: new PkceRequirement("WithPkce", MissingPkceAnalyzer.FixWithPkce, "add .WithPkce(out var codeVerifier) and keep the verifier for the code exchange")),
        new PkceSite(Msal + "ConfidentialClientApplication", "GetAuthorizationRequestUrl", SinkKind.MethodArgument, Meaning: new PkceRequirement("WithPkce", MissingPkceAnalyzer.FixWithPkce, "add .WithPkce(out var codeVerifier) and keep the verifier for the code exchange")),
        new PkceSite("Microsoft.Extensions.DependencyInjection.OAuthExtensions", "AddOAuth", SinkKind.MethodArgument, Meaning: new PkceRequirement("UsePkce", MissingPkceAnalyzer.FixAddUsePkce, "set UsePkce = true (OAuthOptions leaves it off)")),
        new PkceSite("Duende.IdentityModel.Client.AuthorizationCodeTokenRequest", ".ctor", SinkKind.ConstructorArgument, Meaning: new PkceRequirement("CodeVerifier", MissingPkceAnalyzer.FixAddCodeVerifier, "set CodeVerifier to the verifier of the authorize request")),
        new PkceSite("IdentityModel.Client.AuthorizationCodeTokenRequest", ".ctor", SinkKind.ConstructorArgument, Meaning: new PkceRequirement("CodeVerifier", MissingPkceAnalyzer.FixAddCodeVerifier, "set CodeVerifier to the verifier of the authorize request")),
        new PkceSite("Duende.IdentityModel.Client.RequestUrlExtensions", "CreateAuthorizeUrl", SinkKind.MethodArgument, Meaning: new PkceRequirement("codeChallenge", MissingPkceAnalyzer.FixKey, "pass a codeChallenge (S256)")),
        new PkceSite("IdentityModel.Client.RequestUrlExtensions", "CreateAuthorizeUrl", SinkKind.MethodArgument, Meaning: new PkceRequirement("codeChallenge", MissingPkceAnalyzer.FixKey, "pass a codeChallenge (S256)")),

        // ASP.NET Core's handler sends a code challenge only when the response type is exactly "code" (UsePkce is ignored otherwise).
        new PkceSite("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions", "ResponseType", SinkKind.PropertyAssignment, Meaning: new PkceRequirement("code", MissingPkceAnalyzer.HybridResponseType, "the OpenID Connect handler sends a code challenge only for response type 'code', so use 'code' (the ID token then comes from the token endpoint)")),

        // Authorization servers: RequirePkce = false on a client registration whose AllowedGrantTypes include the code flow.
        new PkceSite("IdentityServer4.Models.Client", "RequirePkce", SinkKind.PropertyAssignment, Meaning: new PkceRequirement("AllowedGrantTypes", MissingPkceAnalyzer.FixSetUsePkceTrue, "set RequirePkce = true")),
        new PkceSite("Duende.IdentityServer.Models.Client", "RequirePkce", SinkKind.PropertyAssignment, Meaning: new PkceRequirement("AllowedGrantTypes", MissingPkceAnalyzer.FixSetUsePkceTrue, "set RequirePkce = true")));
}
