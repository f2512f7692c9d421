using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Scopes;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.Scopes;

public sealed class UndeclaredScopeAnalyzerTests
{
    private const string Manifest = """
        {
          "application": "portal",
          "flows": ["authorization_code", "client_credentials"],
          "scopes": ["api.read"],
          "environments": {
            "development": { "clientId": "cad-dev", "scopes": ["api.read", "api.write"] },
            "production": { "clientId": "cad-prod" }
          }
        }
        """;

    private static Task VerifyAsync(string source, string? manifest = Manifest)
    {
        var test = new CSharpAnalyzerVerifier<UndeclaredScopeAnalyzer>.Test { TestCode = source };
        if (manifest is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/cadasto.json", manifest));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task MsalScopeArrays_ShouldReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Tokens
        {
            static readonly string[] Scopes = { "api.read", {|CDS4001:"api.admin"|} };

            Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app) => app.AcquireTokenForClient(Scopes).ExecuteAsync();

            Task<AuthenticationResult> UserAsync(IPublicClientApplication app) =>
                app.AcquireTokenInteractive(new[] { "openid", "offline_access", "api.write", {|CDS4001:"api.delete"|} }).ExecuteAsync();
        }
        """);

    [Fact]
    public Task MsalExtraScopesToConsent_ShouldReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Consent
        {
            Task<AuthenticationResult> SignInAsync(IPublicClientApplication app) =>
                app.AcquireTokenInteractive(new[] { "api.read" })
                    .WithExtraScopesToConsent(new[] { "api.write", {|CDS4001:"billing.read"|} })
                    .ExecuteAsync();
        }
        """);

    [Fact]
    public Task ScopeStringsAndCollections_ShouldReport() => VerifyAsync("""
        using Duende.IdentityModel.Client;
        using Duende.IdentityModel.OidcClient;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using OpenIddict.Client;

        class SignIn
        {
            void Configure(OpenIdConnectOptions oidc)
            {
                var options = new OidcClientOptions { Scope = {|CDS4001:"openid profile api.read billing.export"|} };
                var request = new ClientCredentialsTokenRequest { Scope = "api.read api.write" };
                oidc.Scope.Add({|CDS4001:"api.admin"|});
                oidc.Scope.Add("email");
                var registration = new OpenIddictClientRegistration { Scopes = { "api.read", {|CDS4001:"api.purge"|} } };
            }
        }
        """);

    [Fact]
    public Task DeclaredProtocolAndRuntimeScopes_ShouldNotReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class Tokens
        {
            Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app, IConfiguration configuration) =>
                app.AcquireTokenForClient(new[] { configuration["Cadasto:Scope"] }).ExecuteAsync();

            Task<AuthenticationResult> DefaultAsync(IConfidentialClientApplication app) =>
                app.AcquireTokenForClient(new[] { "api://cadasto/.default" }).ExecuteAsync();

            Task<AuthenticationResult> PrefixedAsync(IPublicClientApplication app) =>
                app.AcquireTokenInteractive(new[] { "api://cadasto/api.read", "openid", "profile", "email", "address", "phone", "offline_access" }).ExecuteAsync();
        }
        """);

    [Fact]
    public Task WithoutManifest_ShouldNotReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;

        class SignIn
        {
            OidcClientOptions Options() => new() { Scope = "openid api.anything" };
        }
        """, manifest: null);

    // C# 12 collection expressions whose elements are not compile-time constants, and a ternary of two of them.
    [Fact]
    public Task CollectionExpressionOfReadonlyScopesAndTernaryOfCollections_ShouldReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        static class ApiScopes
        {
            public static readonly string Reports = {|CDS4001:"reports.all"|};
        }

        class Tokens
        {
            Task<AuthenticationResult> ReportsAsync(IConfidentialClientApplication app) =>
                app.AcquireTokenForClient([ApiScopes.Reports, "api.read"]).ExecuteAsync();

            Task<AuthenticationResult> AdminAsync(IConfidentialClientApplication app, bool admin)
            {
                string[] scopes = admin ? ["api.read", {|CDS4001:"api.admin"|}] : ["api.read"];
                return app.AcquireTokenForClient(scopes).ExecuteAsync();
            }
        }
        """);

    [Fact]
    public Task ScopeInTokenForm_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class Tokens
        {
            FormUrlEncodedContent Form() => new(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = {|CDS4001:"api.read reports.all"|},
            });

            StringContent Body() => new({|CDS4001:"grant_type=client_credentials&scope=api.read%20api.everything"|});
        }
        """);

    [Fact]
    public Task ScopeKeyInAnyCase_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class Tokens
        {
            FormUrlEncodedContent Form() => new(new Dictionary<string, string>
            {
                { "Grant_Type", "client_credentials" },
                { "Scope", {|CDS4001:"reports.all"|} },
            });
        }
        """);

    [Fact]
    public Task EncodedAuthorizeUrlAndAnonymousBody_ShouldReport() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;

        class SignIn
        {
            string Url(string clientId, string challenge) =>
                {|CDS4001:$"https://auth.cadasto.example/connect/authorize?client_id={clientId}&response_type=code&scope=openid%20api.read%20api.admin&code_challenge={challenge}"|};

            JsonContent Body(string clientId) => JsonContent.Create(new { grant_type = "client_credentials", client_id = clientId, scope = {|CDS4001:"api.read api.export"|} });

            string Fine(string clientId, string challenge) =>
                $"https://auth.cadasto.example/connect/authorize?client_id={clientId}&response_type=code&scope=openid+offline_access+api.write&code_challenge={challenge}";
        }
        """);
}
