using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Scopes;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.Scopes;

public sealed class UnusedScopeAnalyzerTests
{
    private static Task VerifyAsync(string source, string manifest, params (string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerVerifier<UnusedScopeAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", manifest));
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        return test.RunAsync(CancellationToken.None);
    }

    private const string Code = """
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Tokens
        {
            Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app) =>
                app.AcquireTokenForClient(new[] { "api.read" }).ExecuteAsync();
        }
        """;

    [Fact]
    public Task DeclaredScopeNeverRequested_ShouldReport() => VerifyAsync(Code, """
        {
          "application": "invoice-sync",
          "flows": ["client_credentials"],
          "scopes": ["api.read", {|CDS4002:"api.write"|}],
          "environments": {
            "production": { "clientId": "cad-prod", "scopes": ["api.read", {|CDS4002:"api.admin"|}, "openid"] }
          }
        }
        """);

    [Theory]
    [InlineData(false, "{|CDS4002:\"api.write\"|}")]
    [InlineData(true, "\"api.write\"")]
    public Task ScopeRequestedInADesignerFile_CountsWhenConfiguredAsNotGenerated(bool configuredAsNotGenerated, string declared)
    {
        // A request in a *.Designer.cs file is generated code, which no rule reads, unless the configuration says
        // `generated_code = false` for it: decided as the compiler decides it for every other rule.
        var test = new CSharpAnalyzerVerifier<UnusedScopeAnalyzer>.Test { TestCode = Code };
        test.TestState.Sources.Add(("/0/Writes.Designer.cs", """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            class Writes
            {
                Task<AuthenticationResult> WriteAsync(IConfidentialClientApplication app) =>
                    app.AcquireTokenForClient(new[] { "api.write" }).ExecuteAsync();
            }
            """));
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", $$"""
            {
              "application": "invoice-sync",
              "flows": ["client_credentials"],
              "scopes": ["api.read", {{declared}}],
              "environments": { "production": { "clientId": "cad-prod" } }
            }
            """));
        if (configuredAsNotGenerated)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.Designer.cs]\ngenerated_code = false\n"));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task EveryScopeRequested_ShouldNotReport() => VerifyAsync(Code, """
        {
          "application": "invoice-sync",
          "flows": ["client_credentials"],
          "scopes": ["api.read", "api.write"],
          "environments": { "production": { "clientId": "cad-prod" } }
        }
        """, ("/0/appsettings.json", """{ "Cadasto": { "Scopes": [ "api.write" ] } }"""));

    [Fact]
    public Task ScopeRequestedOnlyForExtraConsent_ShouldNotReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Consent
        {
            Task<AuthenticationResult> SignInAsync(IPublicClientApplication app) =>
                app.AcquireTokenInteractive(new[] { "api.read" }).WithExtraScopesToConsent(new[] { "api.write" }).ExecuteAsync();
        }
        """, """
        { "application": "desk", "scopes": ["api.read", "api.write"], "environments": { "development": { "clientId": "cad-dev" } } }
        """);

    [Fact]
    public Task ScopeReadAtRunTime_ShouldNotReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class Tokens
        {
            Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app, IConfiguration configuration) =>
                app.AcquireTokenForClient(configuration.GetSection("Cadasto:Scopes").Get<string[]>()!).ExecuteAsync();
        }
        """, """
        {
          "application": "invoice-sync",
          "flows": ["client_credentials"],
          "scopes": ["api.read", "api.write"],
          "environments": { "production": { "clientId": "cad-prod" } }
        }
        """);

    [Fact]
    public Task ScopesFromTheGeneratedEnvironment_ShouldNotReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;
        using Microsoft.Identity.Client;

        static class CadastoEnvironment
        {
            public static IReadOnlyList<string> Scopes { get; } = new[] { "api.read", "api.write" };
        }

        class Tokens(HttpClient http)
        {
            Task<AuthenticationResult> MsalAsync(IConfidentialClientApplication app) =>
                app.AcquireTokenForClient(CadastoEnvironment.Scopes).ExecuteAsync();

            Task<TokenResponse> IdentityModelAsync() =>
                http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest { Scope = string.Join(" ", CadastoEnvironment.Scopes) });
        }
        """, """
        {
          "application": "invoice-sync",
          "flows": ["client_credentials"],
          "scopes": ["api.read", "api.write"],
          "environments": { "production": { "clientId": "cad-prod" } }
        }
        """);
}
