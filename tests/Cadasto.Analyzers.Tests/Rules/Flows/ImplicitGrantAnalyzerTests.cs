using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.TestKit;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Flows.ImplicitGrantAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

public sealed class ImplicitGrantAnalyzerTests
{
    [Fact]
    public Task OpenIdConnectResponseTypeWithToken_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions options, OpenIdConnectOptions other, OpenIdConnectOptions third)
            {
                {|CDS2002:options.ResponseType = OpenIdConnectResponseType.IdTokenToken|};
                {|CDS2002:other.ResponseType = "code token"|};
                {|CDS2002:third.ResponseType = "token"|};
            }
        }
        """);

    [Fact]
    public Task TernaryOfResponseTypeConstants_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions options, bool legacyHybrid) =>
                {|CDS2002:options.ResponseType = legacyHybrid ? OpenIdConnectResponseType.CodeIdTokenToken : OpenIdConnectResponseType.Code|};
        }
        """);

    [Fact]
    public Task ResponseTypeWithoutToken_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions options, OpenIdConnectOptions other, OpenIdConnectOptions third, string fromConfig)
            {
                options.ResponseType = OpenIdConnectResponseType.Code;
                other.ResponseType = "id_token";
                third.ResponseType = "code id_token";
                third.ResponseType = fromConfig;
            }
        }
        """);

    [Fact]
    public Task AuthorizeUrlWithTokenResponseType_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityModel.Client;

        class Login
        {
            string Url(string clientId, string state) =>
                {|CDS2002:$"https://auth.cadasto.example/connect/authorize?client_id={clientId}&response_type=id_token%20token&state={state}"|};

            string WithHelper(string clientId) =>
                new RequestUrl("https://auth.cadasto.example/connect/authorize").CreateAuthorizeUrl(clientId, {|CDS2002:"token"|}, "openid api.read", "https://app.example.com/cb");
        }
        """);

    [Fact]
    public Task AuthorizeUrlWithANumericSumInIt_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Login
        {
            // A part that adds numbers is not a string composition: reading it as one recursed until the stack overflowed.
            string Url(string clientId, int page, int offset) =>
                {|CDS2002:"https://auth.cadasto.example/connect/authorize?response_type=token&client_id=" + clientId + "&n=" + (page + offset)|};

            string Interpolated(int page, int offset) =>
                {|CDS2002:$"https://auth.cadasto.example/connect/authorize?response_type=token&n={page + offset}"|};
        }
        """);

    // A provider's code exchange that also sends response_type=token goes to the token endpoint with a grant_type: the
    // implicit grant is an authorize request, which names no grant.
    [Fact]
    public Task TokenEndpointRequestWithAResponseType_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class FuturePayments
        {
            string Exchange(string code) =>
                string.Format("v1/oauth2/token?grant_type=authorization_code&response_type=token&redirect_uri=urn:ietf:wg:oauth:2.0:oob&code={0}", code);

            string Refresh(string refreshToken) =>
                "v1/oauth2/token?grant_type=refresh_token&response_type=token&refresh_token=" + refreshToken;
        }
        """);

    [Fact]
    public Task AuthorizeUrlWithCodeResponseType_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Login
        {
            string Url(string clientId, string challenge) =>
                $"https://auth.cadasto.example/connect/authorize?client_id={clientId}&response_type=code&code_challenge={challenge}&code_challenge_method=S256";

            string Docs() => "Implicit flow uses token response type; see response_type docs";
        }
        """);

    [Fact]
    public Task BlazorProviderOptionsAndFormFieldWithToken_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OidcProviderOptions provider, OpenIdConnectOptions oidc)
            {
                {|CDS2002:provider.ResponseType = "id_token token"|};
                {|CDS2002:oidc.ResponseType = OpenIdConnectResponseType.Token|};
            }

            public static Dictionary<string, string> Authorize(string clientId) => new()
            {
                ["client_id"] = clientId,
                ["response_type"] = {|CDS2002:"token"|},
            };

            public static void Fine(OidcProviderOptions provider, OpenIdConnectOptions oidc)
            {
                provider.ResponseType = "code";
                oidc.ResponseType = OpenIdConnectResponseType.IdToken;
            }
        }
        """);

    [Fact]
    public Task OpenIddictAllowImplicitFlow_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        static class Setup
        {
            public static void Add(IServiceCollection services) =>
                services.AddOpenIddict().AddClient(options => {|CDS2002:options.AllowImplicitFlow()|});
        }
        """);

    [Fact]
    public Task IdentityServerClientAllowingImplicit_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using IdentityServer4.Models;

        public static class Config
        {
            public static IEnumerable<Client> Clients => new List<Client>
            {
                new Client
                {
                    ClientId = "spa",
                    AllowedGrantTypes = {|CDS2002:GrantTypes.Implicit|},
                    AllowAccessTokensViaBrowser = true,
                    RedirectUris = { "https://spa.example.com/callback.html" },
                },
                new Client
                {
                    ClientId = "mvc",
                    AllowedGrantTypes = {|CDS2002:GrantTypes.ImplicitAndClientCredentials|},
                },
                new Client
                {
                    ClientId = "legacy",
                    AllowedGrantTypes = { {|CDS2002:GrantType.Implicit|} },
                },
                new Client
                {
                    ClientId = "legacy-2",
                    AllowedGrantTypes = new List<string> { {|CDS2002:"implicit"|}, "client_credentials" },
                },
            };
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task DuendeClientAllowingImplicitLater_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityServer.Models;

        public static class Clients
        {
            public static Client Spa()
            {
                var client = new Client { ClientId = "spa" };
                client.AllowedGrantTypes = new[] { {|CDS2002:GrantType.Implicit|} };
                client.AllowedGrantTypes.Add({|CDS2002:"implicit"|});
                return client;
            }
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task IdentityServerClientWithoutImplicit_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using IdentityServer4.Models;

        public static class Config
        {
            public static IEnumerable<Client> Clients => new[]
            {
                new Client { ClientId = "web", AllowedGrantTypes = GrantTypes.Code },
                new Client { ClientId = "worker", AllowedGrantTypes = GrantTypes.ClientCredentials },
                new Client { ClientId = "tv", AllowedGrantTypes = GrantTypes.DeviceFlow },
                new Client { ClientId = "mixed", AllowedGrantTypes = GrantTypes.CodeAndClientCredentials.Union(new[] { "refresh_token" }).ToList() },
            };

            // A grant-type constant outside a registration is not one (a custom validator comparing the request's grant).
            public static bool IsImplicit(string grantType) => grantType == GrantType.Implicit;

            public static string[] Known => new[] { "implicit", "password" };
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task OpenIddictServerAllowingImplicit_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using OpenIddict.Abstractions;
        using static OpenIddict.Abstractions.OpenIddictConstants;

        static class Setup
        {
            public static void Add(IServiceCollection services) =>
                services.AddOpenIddict().AddServer(options =>
                {
                    options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                    options.AllowAuthorizationCodeFlow();
                    {|CDS2002:options.AllowImplicitFlow()|};
                });

            public static OpenIddictApplicationDescriptor Legacy() => new()
            {
                ClientId = "legacy-spa",
                RedirectUris = { new Uri("https://spa.example.com/callback") },
                Permissions = { Permissions.Endpoints.Authorization, {|CDS2002:Permissions.GrantTypes.Implicit|}, Permissions.ResponseTypes.IdToken },
            };
        }
        """ + AuthorizationServerStandIns.Source);
}
