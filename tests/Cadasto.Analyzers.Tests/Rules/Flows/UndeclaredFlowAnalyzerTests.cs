using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

public sealed class UndeclaredFlowAnalyzerTests
{
    private static Task VerifyAsync(string source, string? flows)
    {
        var test = new CSharpAnalyzerVerifier<UndeclaredFlowAnalyzer>.Test { TestCode = source };
        if (flows is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/cadasto.json", $$"""
                { "application": "invoice-sync", "flows": [{{flows}}], "environments": { "development": { "clientId": "cad-dev" } } }
                """));
        }

        return test.RunAsync(CancellationToken.None);
    }

    private const string ClientCredentialsAndDeviceCode = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Tokens
        {
            Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app) =>
                {|#0:app.AcquireTokenForClient(new[] { "api.read" })|}.ExecuteAsync();

            Task<AuthenticationResult> DeviceAsync(IPublicClientApplication app) =>
                {|#1:app.AcquireTokenWithDeviceCode(new[] { "api.read" }, code => Task.CompletedTask)|}.ExecuteAsync();
        }
        """;

    [Fact]
    public Task FlowsNotDeclared_ShouldReport() =>
        VerifyAsync(ClientCredentialsAndDeviceCode.Replace("{|#0:", "{|CDS2005:").Replace("{|#1:", "{|CDS2005:"), "\"authorization_code\"");

    [Fact]
    public Task OnlyTheUndeclaredFlow_ShouldReport() =>
        VerifyAsync(ClientCredentialsAndDeviceCode.Replace("{|#0:", "").Replace(")|}.ExecuteAsync();\n\n", ").ExecuteAsync();\n\n").Replace("{|#1:", "{|CDS2005:"), "\"client_credentials\"");

    [Fact]
    public Task DeclaredFlows_ShouldNotReport() =>
        VerifyAsync(Strip(ClientCredentialsAndDeviceCode), "\"client_credentials\", \"device_code\"");

    private const string PasswordAndImplicit = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        class Legacy
        {
            Task<TokenResponse> LoginAsync(HttpClient http, string user, string password) =>
                http.RequestPasswordTokenAsync({|#0:new PasswordTokenRequest { Address = "https://auth.cadasto.example/connect/token", UserName = user, Password = password }|});

            void Configure(OpenIdConnectOptions options) => {|#1:options.ResponseType = "id_token token"|};
        }
        """;

    [Fact]
    public Task PasswordAndImplicitGrantsWithAManifest_ShouldReport()
    {
        var test = new CSharpAnalyzerVerifier<UndeclaredFlowAnalyzer>.Test { TestCode = PasswordAndImplicit };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", """
            { "application": "invoice-sync", "flows": ["authorization_code"], "environments": { "development": { "clientId": "cad-dev" } } }
            """));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<UndeclaredFlowAnalyzer>.Diagnostic("CDS2005").WithLocation(0)
            .WithArguments("PasswordTokenRequest", "password", "cadasto.json", "Cadasto does not issue it, so move the code to a declared flow"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<UndeclaredFlowAnalyzer>.Diagnostic("CDS2005").WithLocation(1)
            .WithArguments("ResponseType = \"id_token token\"", "implicit", "cadasto.json", "Cadasto does not issue it, so move the code to a declared flow"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task PasswordAndImplicitGrantsWithoutManifest_ShouldNotReport() =>
        VerifyAsync(Strip(PasswordAndImplicit).Replace("}|}", "}").Replace("token\"|}", "token\""), flows: null);

    [Fact]
    public Task WithoutManifest_ShouldNotReport() => VerifyAsync(Strip(ClientCredentialsAndDeviceCode), flows: null);

    [Fact]
    public Task MsalAuthorizationUrlAndRefreshTokenRedemption_ShouldReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Web
        {
            Task<System.Uri> SignInUrlAsync(IConfidentialClientApplication app) =>
                {|CDS2005:app.GetAuthorizationRequestUrl(new[] { "api.read" })|}.WithPkce(out _).ExecuteAsync();

            Task<AuthenticationResult> MigrateAsync(IConfidentialClientApplication app, string refreshToken) =>
                {|CDS2005:((IByRefreshToken)app).AcquireTokenByRefreshToken(new[] { "api.read" }, refreshToken)|}.ExecuteAsync();

            Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app) =>
                app.AcquireTokenForClient(new[] { "api.read" }).ExecuteAsync();
        }
        """, "\"client_credentials\"");

    [Fact]
    public Task GrantTypeInForm_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class Tokens
        {
            FormUrlEncodedContent Refresh(string token) => new(new Dictionary<string, string>
            {
                ["grant_type"] = {|CDS2005:"refresh_token"|},
                ["refresh_token"] = token,
            });
        }
        """, "\"client_credentials\"");

    private static string Strip(string source) => source.Replace("{|#0:", "").Replace("{|#1:", "").Replace(")|}", ")");
}
