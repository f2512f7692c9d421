using System.Threading.Tasks;
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
}
