using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.CodeFixes;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.RedirectUris;

public sealed class UnregisteredRedirectUriAnalyzerTests
{
    private const string Manifest = """
        {
          "application": "portal",
          "contact": { "name": "Jane Doe", "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["authorization_code"],
          "scopes": ["api.read"],
          "environments": {
            "development": { "clientId": "cad-dev-portal", "redirectUris": ["https://localhost:5001/signin-oidc", "http://127.0.0.1/callback"] },
            "production": { "clientId": "cad-prod-portal", "redirectUris": ["https://portal.example.com/signin-oidc"] }
          }
        }
        """;

    private static Task VerifyAsync(string source, string? manifest = Manifest, params (string Path, string Text)[] files)
    {
        var test = new CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Test { TestCode = source };
        if (manifest is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/cadasto.json", manifest));
        }

        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task UnregisteredMsalRedirect_ShouldReport() => VerifyAsync("""
        using Microsoft.Identity.Client;

        class SignIn
        {
            IPublicClientApplication Build() =>
                PublicClientApplicationBuilder.Create("cad-dev-portal").WithRedirectUri({|CDS3001:"https://portal.example.com/signin-oidc/"|}).Build();
        }
        """);

    [Fact]
    public Task RegisteredUrisWithCaseAndLoopbackPort_ShouldNotReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Identity.Client;

        class SignIn
        {
            void Build(OpenIdConnectOptions oidc)
            {
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("HTTPS://Portal.Example.com/signin-oidc").Build();
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("http://127.0.0.1:53123/callback").Build();
                var options = new OidcClientOptions { RedirectUri = "https://localhost:5001/signin-oidc" };
                oidc.CallbackPath = "/signin-oidc";
            }
        }
        """);

    [Fact]
    public Task CaseInPathAndOtherPortOnNonLoopback_ShouldReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        class SignIn
        {
            void Build(OpenIdConnectOptions oidc)
            {
                var a = new OidcClientOptions { RedirectUri = {|CDS3001:"https://portal.example.com/Signin-Oidc"|} };
                var b = new OidcClientOptions { RedirectUri = {|CDS3001:"https://portal.example.com:8443/signin-oidc"|} };
                oidc.CallbackPath = {|CDS3001:"/signin-cadasto"|};
            }
        }
        """);

    [Fact]
    public Task UriReadFromConfiguration_ShouldNotReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;
        using Microsoft.Extensions.Configuration;

        class SignIn
        {
            OidcClientOptions Build(IConfiguration configuration) => new() { RedirectUri = configuration["Cadasto:RedirectUri"] };
        }
        """);

    [Fact]
    public Task WithoutManifest_ShouldNotReport() => VerifyAsync("""
        using Microsoft.Identity.Client;

        class SignIn
        {
            IPublicClientApplication Build() =>
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("https://elsewhere.example.com/cb").Build();
        }
        """, manifest: null);

    [Fact]
    public Task ManifestOfTheWrongShape_ShouldNotReport() => VerifyAsync("""
        using Microsoft.Identity.Client;

        class SignIn
        {
            IPublicClientApplication Build() =>
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("https://portal.example.com/signin-oidc").Build();
        }
        """, manifest: """
        { "application": "portal", "environments": { "production": { "clientId": "cad", "redirectUris": "https://portal.example.com/signin-oidc" } } }
        """);

    [Fact]
    public Task OpenIddictUriAndAppSettings_ShouldReport() => VerifyAsync("""
        using System;
        using OpenIddict.Client;

        class Setup
        {
            OpenIddictClientRegistration Registration() => new() { RedirectUri = new Uri({|CDS3001:"https://portal.example.com/callback/login"|}, UriKind.Absolute) };
        }
        """, Manifest, ("/0/appsettings.Production.json", """
        {
          // the production sign-in
          "Cadasto": { "RedirectUri": {|CDS3001:"https://portal.example.com/signin"|}, "CallbackPath": "/signin-oidc", },
        }
        """));

    [Fact]
    public Task LoopbackLocalhostAndIpv6OnAnyPort_ShouldNotReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;
        using Microsoft.Identity.Client;

        class SignIn
        {
            void Build()
            {
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("http://localhost:49152/callback").Build();
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("http://[::1]:8080/callback").Build();
                var a = new OidcClientOptions { RedirectUri = "https://LOCALHOST:7001/signin-oidc" };
                var b = new OidcClientOptions { RedirectUri = "http://127.0.0.1:61000/callback" };
            }
        }
        """, """
        {
          "application": "desktop",
          "clientType": "public",
          "flows": ["authorization_code"],
          "environments": {
            "development": { "clientId": "cad-dev", "redirectUris": ["http://localhost/callback", "http://[::1]/callback", "https://localhost:5001/signin-oidc", "http://127.0.0.1/callback"] }
          }
        }
        """);

    [Fact]
    public Task LoopbackWithOtherPathOrQuery_ShouldReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;

        class SignIn
        {
            void Build()
            {
                var a = new OidcClientOptions { RedirectUri = {|CDS3001:"http://127.0.0.1:53123/callback/"|} };
                var b = new OidcClientOptions { RedirectUri = {|CDS3001:"https://portal.example.com/signin-oidc?tenant=1"|} };
                var c = new OidcClientOptions { RedirectUri = {|CDS3001:"http://portal.example.com/signin-oidc"|} };
                var d = new OidcClientOptions { RedirectUri = {|CDS3001:"https://portal@portal.example.com/signin-oidc"|} };
                var e = new OidcClientOptions { RedirectUri = {|CDS3001:"http://user@127.0.0.1:53123/callback"|} };
            }
        }
        """);

    [Fact]
    public async Task UnregisteredUri_ShouldReportNamingTheClosestRegistered()
    {
        var test = new CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Test
        {
            TestCode = """
                using Duende.IdentityModel.OidcClient;
                using Microsoft.AspNetCore.Authentication.OpenIdConnect;

                class SignIn
                {
                    void Build(OpenIdConnectOptions oidc)
                    {
                        var a = new OidcClientOptions { RedirectUri = {|#0:"https://portal.example.com/signin-odic"|} };
                        oidc.CallbackPath = {|#1:"/signin-odic"|};
                    }
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", Manifest));
        test.ExpectedDiagnostics.Add(CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Diagnostic("CDS3001").WithLocation(0)
            .WithArguments("https://portal.example.com/signin-odic", "cadasto.json", "use the registered 'https://portal.example.com/signin-oidc'"));
        test.ExpectedDiagnostics.Add(CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Diagnostic("CDS3001").WithLocation(1)
            .WithArguments("/signin-odic", "cadasto.json", "use the path of a registered one, such as '/signin-oidc'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task UnregisteredCallbackPathInAppSettings_ShouldReport() => VerifyAsync("class C { }", Manifest, ("/0/appsettings.json", """
        { "OpenIdConnect": { "CallbackPath": {|CDS3001:"/signin-cadasto"|}, "SignedOutCallbackPath": "/signout-callback-oidc" }, "Cadasto": { "CallbackPath": "/signin-oidc" } }
        """));

    [Fact]
    public Task RedirectUriKeysInAnyStyleInAppSettings_ShouldReport() => VerifyAsync("class C { }", Manifest, ("/0/appsettings.Development.json", """
        {
          "Oidc": { "redirect_uri": {|CDS3001:"https://portal.example.com/oidc-callback"|}, "callback_path": {|CDS3001:"/oidc-callback"|} },
          "Desktop": { "redirect-uri": "http://127.0.0.1:7000/callback", "callbackPath": "/signin-oidc" }
        }
        """));

    [Fact]
    public Task ManifestNamedByOption_ShouldReport()
    {
        var test = new CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Test
        {
            TestCode = """
                using Duende.IdentityModel.OidcClient;

                class SignIn
                {
                    OidcClientOptions Build() => new() { RedirectUri = {|CDS3001:"https://elsewhere.example.com/cb"|} };
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/config/registration.json", Manifest));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncadasto_manifest = config/registration.json\n"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RedirectUriFormFieldsAndProtocolMessage_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        class SignIn
        {
            const string Callback = {|CDS3001:"https://portal.example.com/cb"|};

            FormUrlEncodedContent Exchange(string code) => new(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = {|CDS3001:"https://portal.example.com/callback"|},
            });

            FormUrlEncodedContent Exchange2(string code) => new(new[]
            {
                new KeyValuePair<string, string>("grant_type", "authorization_code"),
                new KeyValuePair<string, string>("redirect_uri", Callback),
            });

            object Body(string code) => new { grant_type = "authorization_code", code, redirect_uri = {|CDS3001:"https://portal.example.com/json-callback"|} };

            (string, string) Field() => ("redirect_uri", {|CDS3001:"https://portal.example.com/tuple-callback"|});

            void Events(OpenIdConnectOptions options) =>
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.RedirectUri = {|CDS3001:"https://portal.example.com/signin-other"|};
                    return System.Threading.Tasks.Task.CompletedTask;
                };
        }
        """);

    [Fact]
    public Task RegisteredOrConfiguredFormFields_ShouldNotReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.Extensions.Configuration;

        class SignIn
        {
            FormUrlEncodedContent Exchange(string code, IConfiguration configuration) => new(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["redirect_uri"] = configuration["Cadasto:RedirectUri"]!,
                ["return_url"] = "https://elsewhere.example.com/home",
            });

            object Body() => new { grant_type = "authorization_code", redirect_uri = "https://portal.example.com/signin-oidc" };

            (string, string) Field() => ("redirect_uri", "https://localhost:7100/signin-oidc");
        }
        """);

    [Fact]
    public async Task UnregisteredUri_ShouldFix()
    {
        var test = new CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Test
        {
            TestCode = """
                using Duende.IdentityModel.OidcClient;
                using Microsoft.AspNetCore.Authentication.OpenIdConnect;

                class SignIn
                {
                    void Build(OpenIdConnectOptions oidc)
                    {
                        var a = new OidcClientOptions { RedirectUri = {|CDS3001:"https://portal.example.com/signin-odic"|} };
                        oidc.CallbackPath = {|CDS3001:"/signin-odic"|};
                    }
                }
                """,
            FixedCode = """
                using Duende.IdentityModel.OidcClient;
                using Microsoft.AspNetCore.Authentication.OpenIdConnect;

                class SignIn
                {
                    void Build(OpenIdConnectOptions oidc)
                    {
                        var a = new OidcClientOptions { RedirectUri = "https://portal.example.com/signin-oidc" };
                        oidc.CallbackPath = "/signin-oidc";
                    }
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", Manifest));
        test.FixedState.AdditionalFiles.Add(("/0/cadasto.json", Manifest));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UnregisteredUrisInTwoDocuments_ShouldFixAllInProjectAndSolution()
    {
        var test = new CSharpCodeFixVerifier<UnregisteredRedirectUriAnalyzer, UnregisteredRedirectUriCodeFix>.Test();
        test.TestState.Sources.Add(("/0/Desktop.cs", """
            using Microsoft.Identity.Client;

            class Desktop
            {
                const string Redirect = {|CDS3001:"https://portal.example.com/signin-odic"|};

                IPublicClientApplication Build() => PublicClientApplicationBuilder.Create("cad").WithRedirectUri(Redirect).Build();
            }
            """));
        test.TestState.Sources.Add(("/0/Web.cs", """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            class Web
            {
                void Configure(OpenIdConnectOptions oidc) => oidc.CallbackPath = {|CDS3001:"/signin-oidc/"|};
            }
            """));
        test.FixedState.Sources.Add(("/0/Desktop.cs", """
            using Microsoft.Identity.Client;

            class Desktop
            {
                const string Redirect = "https://portal.example.com/signin-oidc";

                IPublicClientApplication Build() => PublicClientApplicationBuilder.Create("cad").WithRedirectUri(Redirect).Build();
            }
            """));
        test.FixedState.Sources.Add(("/0/Web.cs", """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            class Web
            {
                void Configure(OpenIdConnectOptions oidc) => oidc.CallbackPath = "/signin-oidc";
            }
            """));
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", Manifest));
        test.FixedState.AdditionalFiles.Add(("/0/cadasto.json", Manifest));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task ServerRegistrationOfItsClients_ShouldNotReport() => VerifyAsync("""
        using System;
        using IdentityServer4.Models;
        using OpenIddict.Abstractions;

        public static class Config
        {
            // An authorization server registers its own clients' URIs: they are not this application's redirect URIs.
            public static Client Mvc() => new Client
            {
                ClientId = "mvc",
                AllowedGrantTypes = GrantTypes.Code,
                RedirectUris = { "https://mvc.example.com/signin-oidc" },
                PostLogoutRedirectUris = { "https://mvc.example.com/signout-callback-oidc" },
            };

            public static OpenIddictApplicationDescriptor Spa() => new()
            {
                ClientId = "spa",
                RedirectUris = { new Uri("https://spa.example.com/callback") },
            };
        }
        """ + AuthorizationServerStandIns.Source);
}
