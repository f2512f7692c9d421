using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.RedirectUris;

public sealed class InsecureRedirectUriAnalyzerTests
{
    private static Task VerifyAsync(string source, params (string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerVerifier<InsecureRedirectUriAnalyzer>.Test { TestCode = source };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        return test.RunAsync(CancellationToken.None);
    }

    // Documents that can hold no redirect URI are skipped from their text: this one spells neither "redirect_uri" nor a
    // sink's name, and still reports, because a constant of another document carries the key.
    [Fact]
    public Task FormKeyFromAConstantOfAnotherDocument_ShouldReport()
    {
        var test = new CSharpAnalyzerVerifier<InsecureRedirectUriAnalyzer>.Test
        {
            TestCode = """
                using System.Collections.Generic;

                class Exchange
                {
                    Dictionary<string, string> Form() => new() { { FormKeys.Callback, {|CDS3002:"http://portal.example.com/cb"|} } };
                }
                """,
        };
        test.TestState.Sources.Add(("FormKeys.cs", "static class FormKeys { public const string Callback = \"redirect_uri\"; }"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task InsecureUrisInCode_ShouldReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;
        using Microsoft.Identity.Client;

        class SignIn
        {
            void Build()
            {
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri({|CDS3002:"http://portal.example.com/callback"|}).Build();
                var a = new OidcClientOptions { RedirectUri = {|CDS3002:"https://*.example.com/callback"|} };
                var b = new OidcClientOptions { RedirectUri = {|CDS3002:"https://portal.example.com/callback#done"|} };
                var c = new OidcClientOptions { RedirectUri = {|CDS3002:"/callback"|} };
            }
        }
        """);

    // The tracer follows a ternary into a local: both branches, each a Uri built from a constant.
    [Fact]
    public Task UriChosenByTernaryIntoLocal_ShouldReportTheInsecureBranch() => VerifyAsync("""
        using System;
        using OpenIddict.Client;

        class SignIn
        {
            OpenIddictClientRegistration Registration(bool production)
            {
                var uri = production ? new Uri("https://portal.example.com/callback/login") : new Uri({|CDS3002:"http://portal.example.com/callback/login"|});
                return new OpenIddictClientRegistration { RedirectUri = uri };
            }
        }
        """);

    [Fact]
    public Task HttpHostThatOnlyLooksLikeLoopback_ShouldReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;

        class SignIn
        {
            void Build()
            {
                var a = new OidcClientOptions { RedirectUri = {|CDS3002:"http://127.0.0.1.nip.io/callback"|} };
                var b = new OidcClientOptions { RedirectUri = {|CDS3002:"http://127.example.com/callback"|} };
                var c = new OidcClientOptions { RedirectUri = {|CDS3002:"http://localhost.example.com/callback"|} };
                var d = new OidcClientOptions { RedirectUri = "http://127.0.0.2:8080/callback" };
            }
        }
        """);

    [Fact]
    public Task InsecureFormFieldsAndProtocolMessage_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        class SignIn
        {
            FormUrlEncodedContent Exchange(string code)
            {
                var form = new Dictionary<string, string> { { "grant_type", "authorization_code" }, { "code", code } };
                form.Add("redirect_uri", {|CDS3002:"http://portal.example.com/callback"|});
                return new FormUrlEncodedContent(form);
            }

            KeyValuePair<string, string> Relative() => new("redirect_uri", {|CDS3002:"/callback"|});

            void Events(OpenIdConnectOptions options) =>
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.RedirectUri = {|CDS3002:"https://*.portal.example.com/signin-oidc"|};
                    return System.Threading.Tasks.Task.CompletedTask;
                };

            KeyValuePair<string, string> Loopback() => new("redirect_uri", "http://127.0.0.1:7890/");
        }
        """);

    // An authentication plugin publishes its callback path to its UI under "redirect_uri" and, when the code comes back,
    // builds the absolute redirect URI from the request with the same constant as the path: a callback path by design (the
    // SPEC's CallbackPath). A relative constant the type uses for nothing else stays a relative redirect URI.
    [Fact]
    public Task CallbackPathTheTypeMakesAbsolute_ShouldNotReport_ButAnotherRelativeValueShould() => VerifyAsync("""
        using System;
        using System.Collections.Generic;

        sealed class SignInPlugin
        {
            private const string CallbackUrl = "/auth/callback";
            private const string ReturnUrl = {|CDS3002:"/auth/return"|};

            public IEnumerable<KeyValuePair<string, string>> PublicProperties() => new Dictionary<string, string>
            {
                { "redirect_uri", CallbackUrl },
                { "client_id", "portal" },
            };

            public IEnumerable<KeyValuePair<string, string>> Legacy() => new Dictionary<string, string>
            {
                { "redirect_uri", ReturnUrl },
            };

            public string RedirectUri(string scheme, string host) => new UriBuilder { Scheme = scheme, Host = host, Path = CallbackUrl }.Uri.ToString();
        }
        """);

    [Fact]
    public Task SecureUris_ShouldNotReport() => VerifyAsync("""
        using Duende.IdentityModel.OidcClient;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Identity.Client;

        class SignIn
        {
            void Build(OpenIdConnectOptions oidc)
            {
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("http://localhost").Build();
                PublicClientApplicationBuilder.Create("cad").WithRedirectUri("http://127.0.0.1:8400/").Build();
                var a = new OidcClientOptions { RedirectUri = "https://portal.example.com/callback" };
                var b = new OidcClientOptions { RedirectUri = "com.example.portal:/oauth2redirect" };
                var c = new OidcClientOptions { RedirectUri = "http://[::1]:5000/cb" };
                oidc.CallbackPath = "/signin-oidc";
            }
        }
        """);

    [Fact]
    public Task FormFieldKeyInAnyCaseOrShape_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;

        class SignIn
        {
            const string RedirectKey = "Redirect_Uri";

            void Build(Dictionary<string, string> form)
            {
                form.Add("REDIRECT_URI", {|CDS3002:"http://portal.example.com/a"|});
                form[RedirectKey] = {|CDS3002:"http://portal.example.com/b"|};
                var pair = KeyValuePair.Create(" redirect_uri ", {|CDS3002:"http://portal.example.com/c"|});
                var tuple = ("redirect_uri", {|CDS3002:"http://portal.example.com/d"|});
                form.Add("redirect_uri_hint", "http://portal.example.com/e");
            }
        }
        """);

    [Fact]
    public Task InsecureUrisInManifestAndAppSettings_ShouldReport() => VerifyAsync("class C { }",
        ("/0/cadasto.json", """
        {
          "application": "portal",
          "flows": ["authorization_code"],
          "environments": {
            "development": { "clientId": "cad-dev", "redirectUris": ["http://localhost:5000/signin-oidc", {|CDS3002:"http://dev.portal.example.com/signin-oidc"|}] },
            "production": { "clientId": "cad-prod", "redirectUris": ["https://portal.example.com/signin-oidc", {|CDS3002:"https://portal.example.com/cb#x"|}] }
          }
        }
        """),
        ("/0/appsettings.json", """
        { "Oidc": { "RedirectUri": {|CDS3002:"http://portal.example.com/signin-oidc"|}, "CallbackPath": "/signin-oidc" }, "Legacy": { "redirect_uri": {|CDS3002:"https://*.portal.example.com/cb"|} } }
        """));

    [Fact]
    public Task RelativeAndWildcardUrisInManifest_ShouldReport() => VerifyAsync("class C { }",
        ("/0/cadasto.json", """
        {
          "application": "portal",
          "flows": ["authorization_code"],
          "environments": {
            "staging": { "clientId": "cad-stg", "redirectUris": [{|CDS3002:"/signin-oidc"|}, {|CDS3002:"https://*.staging.portal.example.com/signin-oidc"|}, "https://staging.portal.example.com/signin-oidc"] },
            "desktop": { "clientId": "cad-desk", "redirectUris": ["http://127.0.0.1/callback", "http://[::1]/callback", "com.example.portal:/oauth2redirect"] }
          }
        }
        """));

    [Fact]
    public Task ReturnUrlsAfterSignIn_ShouldNotReport() => VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Authentication;

        class Account
        {
            AuthenticationProperties AfterLogin() => new AuthenticationProperties { RedirectUri = "/" };

            AuthenticationProperties External() => new() { RedirectUri = "http://intranet.example.com/home" };

            Dictionary<string, string> Query(string returnUrl) => new() { ["returnUrl"] = "http://intranet.example.com/home", ["post_logout_redirect"] = "/" };
        }
        """);

    [Fact]
    public Task InsecureUrisInIdentityServerClients_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using IdentityServer4.Models;

        public static class Config
        {
            public static IEnumerable<Client> Clients => new List<Client>
            {
                new Client
                {
                    ClientId = "mvc",
                    AllowedGrantTypes = GrantTypes.Code,
                    RedirectUris = { {|CDS3002:"http://mvc.example.com/signin-oidc"|}, "https://mvc.example.com/signin-oidc" },
                    PostLogoutRedirectUris = { {|CDS3002:"http://mvc.example.com/signout-callback-oidc"|} },
                },
                new Client
                {
                    ClientId = "spa",
                    AllowedGrantTypes = GrantTypes.Code,
                    RedirectUris = new List<string> { {|CDS3002:"https://*.spa.example.com/callback.html"|}, {|CDS3002:"https://spa.example.com/#/callback"|} },
                    PostLogoutRedirectUris = new[] { {|CDS3002:"/index.html"|} },
                },
            };
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task InsecureUrisInDuendeAndOpenIddictRegistrations_ShouldReport() => VerifyAsync("""
        using System;
        using Duende.IdentityServer.Models;
        using OpenIddict.Abstractions;

        public static class Clients
        {
            public static Client Web(string host)
            {
                var client = new Client { ClientId = "web", AllowedGrantTypes = GrantTypes.Code };
                client.RedirectUris.Add({|CDS3002:"http://web.example.com/signin-oidc"|});
                client.RedirectUris.Add($"https://{host}/signin-oidc");
                return client;
            }

            public static OpenIddictApplicationDescriptor Mvc()
            {
                var descriptor = new OpenIddictApplicationDescriptor
                {
                    ClientId = "mvc",
                    RedirectUris = { new Uri({|CDS3002:"http://mvc.example.com/callback/login/local"|}) },
                };
                descriptor.PostLogoutRedirectUris.Add(new Uri({|CDS3002:"http://mvc.example.com/callback/logout/local"|}));
                return descriptor;
            }
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task InsecureUrisInCollectionExpressionsAndDeclaredArrays_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using IdentityServer4.Models;

        public static class Config
        {
            private static readonly string[] MvcCallbacks = { {|CDS3002:"http://mvc.example.com/signin-oidc"|}, "https://mvc.example.com/signin-oidc" };

            public static IEnumerable<Client> Clients(bool staging)
            {
                var spaCallbacks = new List<string> { {|CDS3002:"http://spa.example.com/callback.html"|} };
                return new List<Client>
                {
                    new Client { ClientId = "mvc", AllowedGrantTypes = GrantTypes.Code, RedirectUris = MvcCallbacks },
                    new Client { ClientId = "spa", AllowedGrantTypes = GrantTypes.Code, RedirectUris = spaCallbacks },
                    new Client
                    {
                        ClientId = "web",
                        AllowedGrantTypes = GrantTypes.Code,
                        RedirectUris = [{|CDS3002:"http://web.example.com/signin-oidc"|}, "https://web.example.com/signin-oidc"],
                        PostLogoutRedirectUris = staging ? [{|CDS3002:"http://staging.example.com/"|}] : ["https://web.example.com/"],
                    },
                };
            }
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task SecureOrLoopbackUrisInServerRegistrations_ShouldNotReport() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using IdentityServer4.Models;
        using OpenIddict.Abstractions;

        public static class Config
        {
            public static IEnumerable<Client> Clients(string baseUrl) => new List<Client>
            {
                new Client
                {
                    ClientId = "native",
                    AllowedGrantTypes = GrantTypes.Code,
                    RedirectUris = { "http://127.0.0.1/sample-wpf-app", "http://localhost:7890/", "com.example.app:/oauth2redirect" },
                    PostLogoutRedirectUris = { "https://app.example.com/signout-callback-oidc" },
                },
                new Client
                {
                    ClientId = "configured",
                    AllowedGrantTypes = GrantTypes.Code,
                    RedirectUris = { $"{baseUrl}/signin-oidc" },
                    FrontChannelLogoutUri = "https://app.example.com/signout-oidc",
                },
            };

            public static OpenIddictApplicationDescriptor Desktop() => new()
            {
                ClientId = "desktop",
                RedirectUris = { new Uri("http://localhost/callback/login/local") },
            };
        }
        """ + AuthorizationServerStandIns.Source);
}
