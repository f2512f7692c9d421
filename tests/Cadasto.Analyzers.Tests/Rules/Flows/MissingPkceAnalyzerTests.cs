using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.TestKit;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Flows.MissingPkceAnalyzer,
    Cadasto.Analyzers.CodeFixes.MissingPkceCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

public sealed class MissingPkceAnalyzerTests
{
    [Fact]
    public Task UsePkceFalse_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions options)
            {
                options.ResponseType = "code";
                {|CDS2004:options.UsePkce = false|};
            }
        }
        """, """
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions options)
            {
                options.ResponseType = "code";
                options.UsePkce = true;
            }
        }
        """);

    [Fact]
    public Task TwoSchemesWithPkceOff_ShouldFixAll() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions oidc, OAuthOptions oauth)
            {
                {|CDS2004:oidc.UsePkce = false|};
                {|CDS2004:oauth.UsePkce = false|};
            }
        }
        """, """
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions oidc, OAuthOptions oauth)
            {
                oidc.UsePkce = true;
                oauth.UsePkce = true;
            }
        }
        """);

    [Fact]
    public Task CodeExchangeWithoutVerifierInScope_ShouldReportWithoutFix() => VerifyCS.VerifyCodeFixAsync("""
        using Duende.IdentityModel.Client;

        class Callback
        {
            AuthorizationCodeTokenRequest Build(string code) => {|CDS2004:new AuthorizationCodeTokenRequest { Code = code }|};
        }
        """, """
        using Duende.IdentityModel.Client;

        class Callback
        {
            AuthorizationCodeTokenRequest Build(string code) => {|CDS2004:new AuthorizationCodeTokenRequest { Code = code }|};
        }
        """);

    [Fact]
    public Task AddOAuthWithoutUsePkce_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.DependencyInjection;

        static class Auth
        {
            public static void Add(AuthenticationBuilder builder) =>
                {|CDS2004:builder.AddOAuth("cadasto", options =>
                {
                    options.ClientId = "cad-web";
                    options.AuthorizationEndpoint = "https://auth.cadasto.example/connect/authorize";
                    options.TokenEndpoint = "https://auth.cadasto.example/connect/token";
                    options.CallbackPath = "/signin-cadasto";
                })|};
        }
        """, """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.DependencyInjection;

        static class Auth
        {
            public static void Add(AuthenticationBuilder builder) =>
                builder.AddOAuth("cadasto", options =>
                {
                    options.ClientId = "cad-web";
                    options.AuthorizationEndpoint = "https://auth.cadasto.example/connect/authorize";
                    options.TokenEndpoint = "https://auth.cadasto.example/connect/token";
                    options.CallbackPath = "/signin-cadasto";
                    options.UsePkce = true;
                });
        }
        """);

    [Fact]
    public Task AddOAuthWithExpressionBodiedOptions_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.DependencyInjection;

        static class Auth
        {
            public static void Add(AuthenticationBuilder builder) =>
                {|CDS2004:builder.AddOAuth("cadasto", options => options.ClientId = "cad-web")|};
        }
        """, """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.DependencyInjection;

        static class Auth
        {
            public static void Add(AuthenticationBuilder builder) =>
                builder.AddOAuth("cadasto", options => { options.ClientId = "cad-web"; options.UsePkce = true; });
        }
        """);

    [Fact]
    public Task AddOAuthWithUsePkceOn_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.DependencyInjection;

        static class Auth
        {
            public static void Add(AuthenticationBuilder builder) =>
                builder.AddOAuth("cadasto", options =>
                {
                    options.ClientId = "cad-web";
                    options.UsePkce = true;
                });
        }
        """);

    // Real code (an OIDC proxy): the verifier goes into the request's Parameters under IdentityModel's constant for
    // code_verifier rather than through the CodeVerifier property: the exchange has its verifier. A Parameters collection
    // without one still leaves the exchange without PKCE.
    [Fact]
    public Task VerifierAmongTheRequestsParameters_ShouldNotReport_ButOtherParametersShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel;
        using Duende.IdentityModel.Client;

        class Proxy(HttpClient http)
        {
            Task<TokenResponse> RedeemAsync(string code, string redirectUri, string? codeVerifier) =>
                http.RequestTokenAsync(new AuthorizationCodeTokenRequest
                {
                    Address = "https://auth.cadasto.example/connect/token",
                    ClientId = "cad-proxy",
                    Parameters =
                    {
                        { OidcConstants.TokenRequest.Code, code },
                        { OidcConstants.TokenRequest.RedirectUri, redirectUri },
                        { OidcConstants.TokenRequest.CodeVerifier, codeVerifier },
                    },
                });

            Task<TokenResponse> RedeemWithoutVerifierAsync(string code) =>
                http.RequestTokenAsync({|CDS2004:new AuthorizationCodeTokenRequest
                {
                    Address = "https://auth.cadasto.example/connect/token",
                    ClientId = "cad-proxy",
                    Parameters = { { "code", code }, { "audience", "orders" } },
                }|});
        }
        """);

    [Fact]
    public Task CodeExchangeWithoutVerifier_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class Callback(HttpClient http)
        {
            Task<TokenResponse> RedeemAsync(string code, string codeVerifier) =>
                http.RequestAuthorizationCodeTokenAsync({|CDS2004:new AuthorizationCodeTokenRequest
                {
                    Address = "https://auth.cadasto.example/connect/token",
                    ClientId = "cad-web",
                    Code = code,
                    RedirectUri = "https://app.example.com/callback",
                }|});
        }
        """, """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class Callback(HttpClient http)
        {
            Task<TokenResponse> RedeemAsync(string code, string codeVerifier) =>
                http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
                {
                    Address = "https://auth.cadasto.example/connect/token",
                    ClientId = "cad-web",
                    Code = code,
                    RedirectUri = "https://app.example.com/callback",
                    CodeVerifier = codeVerifier
                });
        }
        """);

    [Fact]
    public Task CodeExchangeWithVerifier_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class Callback(HttpClient http)
        {
            Task<TokenResponse> RedeemAsync(string code, string verifier) =>
                http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest { Code = code, CodeVerifier = verifier });

            Task<TokenResponse> LaterAsync(string code, string verifier)
            {
                var request = new AuthorizationCodeTokenRequest { Code = code };
                request.CodeVerifier = verifier;
                return http.RequestAuthorizationCodeTokenAsync(request);
            }
        }
        """);

    [Fact]
    public Task MsalCodeRedemptionWithoutVerifier_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Callback
        {
            Task<AuthenticationResult> RedeemAsync(IConfidentialClientApplication app, string code, string pkceVerifier) =>
                {|CDS2004:app.AcquireTokenByAuthorizationCode(new[] { "api.read" }, code)|}.ExecuteAsync();
        }
        """, """
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Callback
        {
            Task<AuthenticationResult> RedeemAsync(IConfidentialClientApplication app, string code, string pkceVerifier) =>
                app.AcquireTokenByAuthorizationCode(new[] { "api.read" }, code).WithPkceCodeVerifier(pkceVerifier).ExecuteAsync();
        }
        """);

    [Fact]
    public Task MsalAuthorizationUrlWithoutPkce_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class SignIn
        {
            async Task<Uri> UrlAsync(IConfidentialClientApplication app)
            {
                var url = await {|CDS2004:app.GetAuthorizationRequestUrl(new[] { "api.read" })|}.ExecuteAsync();
                return url;
            }
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class SignIn
        {
            async Task<Uri> UrlAsync(IConfidentialClientApplication app)
            {
                var url = await app.GetAuthorizationRequestUrl(new[] { "api.read" }).WithPkce(out var codeVerifier).ExecuteAsync();
                return url;
            }
        }
        """);

    [Fact]
    public Task MsalWithPkce_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class SignIn
        {
            async Task<Uri> UrlAsync(IConfidentialClientApplication app)
            {
                var url = await app.GetAuthorizationRequestUrl(new[] { "api.read" }).WithPkce(out var verifier).ExecuteAsync();
                var result = await app.AcquireTokenByAuthorizationCode(new[] { "api.read" }, "code").WithPkceCodeVerifier(verifier).ExecuteAsync();
                return url;
            }
        }
        """);

    [Fact]
    public Task AuthorizeUrlWithoutCodeChallenge_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityModel.Client;

        class SignIn
        {
            string Url(string clientId, string state) =>
                {|CDS2004:$"https://auth.cadasto.example/connect/authorize?client_id={clientId}&response_type=code&scope=openid%20api.read&state={state}"|};

            string Helper(string clientId) =>
                {|CDS2004:new RequestUrl("https://auth.cadasto.example/connect/authorize").CreateAuthorizeUrl(clientId, "code", "openid api.read", "https://app.example.com/cb")|};
        }
        """);

    [Fact]
    public Task ErrorDescriptionNamingAResponseType_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class AuthorizationProvider
        {
            void Reject(string error, string description) { }
            void RejectCustom(string error, string errorDescription) { }

            void Validate(string responseType)
            {
                if (responseType != "code")
                {
                    Reject(error: "unsupported_response_type", description: "Only response_type=code and response_type=id_token are supported by this server.");
                    RejectCustom("unsupported_response_type", "Only response_type=code is supported.");
                }
            }
        }
        """);

    [Fact]
    public Task HandBuiltCodeExchangeWithoutVerifier_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class SignIn
        {
            FormUrlEncodedContent Exchange(string code) => new({|CDS2004:new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = "https://app.example.com/cb",
            }|});

            StringContent Body(string code) => new({|CDS2004:"grant_type=authorization_code&code=" + code + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb"|});
        }
        """);

    // Real code (an OAuth client library's code redemption): the body parameters are keyed by constants of another class,
    // and the verifier goes into the same dictionary after its initializer, under a condition (indexer or Add). That set has
    // PKCE; the same exchange that never adds the verifier does not.
    [Fact]
    public Task CodeExchangeWithVerifierAddedAfterTheInitializer_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                static class Parameter
                {
                    public const string GrantType = "grant_type";
                    public const string Code = "code";
                    public const string RedirectUri = "redirect_uri";
                    public const string PkceCodeVerifier = "code_verifier";
                    public const string ClientInfo = "client_info";
                }

                static class GrantTypes
                {
                    public const string AuthorizationCode = "authorization_code";
                }
                """,
                """
                using System.Collections.Generic;

                sealed class CodeRedemption
                {
                    private readonly string _code = "";
                    private readonly string _verifier = "";
                    private readonly bool _useForm;

                    public Dictionary<string, string> BodyParameters()
                    {
                        var dict = new Dictionary<string, string>
                        {
                            [Parameter.ClientInfo] = "1",
                            [Parameter.GrantType] = GrantTypes.AuthorizationCode,
                            [Parameter.Code] = _code,
                            [Parameter.RedirectUri] = "https://app.example.com/cb",
                        };

                        if (!string.IsNullOrEmpty(_verifier))
                        {
                            dict[Parameter.PkceCodeVerifier] = _verifier;
                        }

                        return dict;
                    }

                    public Dictionary<string, string> FormParameters()
                    {
                        var form = new Dictionary<string, string> { [Parameter.GrantType] = GrantTypes.AuthorizationCode, [Parameter.Code] = _code };
                        if (_useForm && _verifier is not null)
                        {
                            form.Add(Parameter.PkceCodeVerifier, _verifier);
                        }

                        return form;
                    }

                    public Dictionary<string, string> WithoutVerifier()
                    {
                        var plain = {|CDS2004:new Dictionary<string, string>
                        {
                            [Parameter.GrantType] = GrantTypes.AuthorizationCode,
                            [Parameter.Code] = _code,
                        }|};
                        plain[Parameter.ClientInfo] = "1";
                        return plain;
                    }
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task HandBuiltCodeExchangeWithVerifier_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class SignIn
        {
            FormUrlEncodedContent Exchange(string code, string verifier) => new(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["code_verifier"] = verifier,
            });

            StringContent Body(string code, string verifier) => new($"grant_type=authorization_code&code={code}&code_verifier={verifier}");

            FormUrlEncodedContent Later(string code, string verifier)
            {
                var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };
                form["code_verifier"] = verifier;
                return new FormUrlEncodedContent(form);
            }

            FormUrlEncodedContent Refresh(string token) => new(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = token });
        }
        """);

    [Fact]
    public Task AuthorizeUrlWithCodeChallenge_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityModel.Client;

        class SignIn
        {
            string Url(string clientId, string challenge) =>
                $"https://auth.cadasto.example/connect/authorize?client_id={clientId}&response_type=code&code_challenge={challenge}&code_challenge_method=S256";

            string Helper(string clientId, string challenge) =>
                new RequestUrl("https://auth.cadasto.example/connect/authorize").CreateAuthorizeUrl(clientId, "code", "openid", "https://app.example.com/cb", codeChallenge: challenge, codeChallengeMethod: "S256");
        }
        """);

    [Fact]
    public Task PkceOffInTwoDocuments_ShouldFixAllInProjectAndSolution()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Oidc.cs", """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            static class Oidc
            {
                public static void Configure(OpenIdConnectOptions options) => {|CDS2004:options.UsePkce = false|};
            }
            """));
        test.TestState.Sources.Add(("/0/GitHub.cs", """
            using Microsoft.AspNetCore.Authentication.OAuth;

            static class GitHub
            {
                public static void Configure(OAuthOptions options)
                {
                    options.ClientId = "cad-web";
                    {|CDS2004:options.UsePkce = false|};
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Oidc.cs", """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            static class Oidc
            {
                public static void Configure(OpenIdConnectOptions options) => options.UsePkce = true;
            }
            """));
        test.FixedState.Sources.Add(("/0/GitHub.cs", """
            using Microsoft.AspNetCore.Authentication.OAuth;

            static class GitHub
            {
                public static void Configure(OAuthOptions options)
                {
                    options.ClientId = "cad-web";
                    options.UsePkce = true;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task HybridResponseTypeInOpenIdConnect_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;

        static class Auth
        {
            // The handler sends a code challenge only for response type "code": UsePkce = true does not help here.
            public static void Add(IServiceCollection services) =>
                services.AddAuthentication().AddOpenIdConnect("oidc", options =>
                {
                    options.Authority = "https://login.example.com";
                    options.ClientId = "mvc-hybrid";
                    {|CDS2004:options.ResponseType = OpenIdConnectResponseType.CodeIdToken|};
                    options.UsePkce = true;
                    options.SaveTokens = true;
                });

            public static void Configure(OpenIdConnectOptions options) => {|CDS2004:options.ResponseType = "code id_token"|};
        }
        """);

    [Fact]
    public Task CodeOrTokenResponseTypeInOpenIdConnect_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;

        static class Auth
        {
            public static void Configure(OpenIdConnectOptions code, OpenIdConnectOptions idToken, OpenIdConnectOptions hybridWithToken, string fromConfig)
            {
                code.ResponseType = OpenIdConnectResponseType.Code;
                idToken.ResponseType = OpenIdConnectResponseType.IdToken;
                // The implicit grant (CDS2002) is the finding here: one finding per place.
                hybridWithToken.ResponseType = OpenIdConnectResponseType.CodeIdTokenToken;
                code.ResponseType = fromConfig;
            }
        }
        """);

    [Fact]
    public Task HybridAuthorizeRequestsWithoutCodeChallenge_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Duende.IdentityModel.Client;

        class SignIn
        {
            string Url(string clientId, string nonce) =>
                {|CDS2004:$"https://auth.example.com/connect/authorize?client_id={clientId}&response_type=code%20id_token&response_mode=form_post&nonce={nonce}"|};

            string Helper(string clientId, string nonce) =>
                {|CDS2004:new RequestUrl("https://auth.example.com/connect/authorize").CreateAuthorizeUrl(clientId, "code id_token", "openid", "https://app.example.com/cb", nonce: nonce)|};

            Dictionary<string, string> Parameters(string clientId) => {|CDS2004:new()
            {
                ["client_id"] = clientId,
                ["response_type"] = "code id_token",
                ["scope"] = "openid",
            }|};
        }
        """);

    [Fact]
    public Task AuthorizeUrlBuiltStepByStep_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.WebUtilities;

        class SignIn
        {
            string WithQueryHelpers(string clientId, string state) =>
                QueryHelpers.AddQueryString("https://auth.example.com/oauth2/authorize", {|CDS2004:new Dictionary<string, string?>
                {
                    ["client_id"] = clientId,
                    ["response_type"] = "code",
                    ["redirect_uri"] = "https://app.example.com/cb",
                    ["state"] = state,
                }|});

            string StepByStep(string clientId, string state)
            {
                var query = new Dictionary<string, string?>();
                query["client_id"] = clientId;
                {|CDS2004:query["response_type"] = "code"|};
                query["state"] = state;
                return QueryHelpers.AddQueryString("https://auth.example.com/oauth2/authorize", query);
            }

            string WithAdd(string clientId)
            {
                var query = new Dictionary<string, string?>();
                query.Add("client_id", clientId);
                {|CDS2004:query.Add("response_type", "code")|};
                return QueryHelpers.AddQueryString("https://auth.example.com/oauth2/authorize", query);
            }
        }
        """);

    [Fact]
    public Task ProviderHandlerAddingTheChallengeWhenItsOptionSaysSo_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.WebUtilities;

        class AcmeOptions
        {
            public bool UsePkce { get; set; }
            public string ClientId { get; set; } = "";
        }

        class AcmeHandler
        {
            private readonly AcmeOptions _options = new();

            // A provider library honours the user's UsePkce: the challenge goes in under that option, keyed by ASP.NET Core's
            // OAuthConstants (static readonly fields, whose values no tracer reads from a referenced assembly).
            string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
            {
                var parameters = new Dictionary<string, string?>
                {
                    ["appid"] = _options.ClientId,
                    ["response_type"] = "code",
                    ["redirect_uri"] = redirectUri,
                };

                if (_options.UsePkce)
                {
                    var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
                    properties.Items.Add(OAuthConstants.CodeVerifierKey, verifier);
                    parameters[OAuthConstants.CodeChallengeKey] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(verifier)));
                    parameters[OAuthConstants.CodeChallengeMethodKey] = OAuthConstants.CodeChallengeMethodS256;
                }

                return QueryHelpers.AddQueryString("https://auth.acme.example/authorize", parameters);
            }
        }
        """);

    [Fact]
    public Task ProviderHandlerWhoseOptionAddsNoChallenge_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.WebUtilities;

        class AcmeOptions
        {
            public bool UsePkce { get; set; }
            public string ClientId { get; set; } = "";
        }

        class AcmeHandler
        {
            private readonly AcmeOptions _options = new();

            string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri, string state)
            {
                var parameters = {|CDS2004:new Dictionary<string, string?>
                {
                    ["appid"] = _options.ClientId,
                    ["response_type"] = "code",
                    ["redirect_uri"] = redirectUri,
                }|};

                if (_options.UsePkce)
                {
                    parameters["state"] = state;
                }

                return QueryHelpers.AddQueryString("https://auth.acme.example/authorize", parameters);
            }
        }
        """);

    [Fact]
    public Task CodeExchangeAsKeyValuePairs_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class SignIn
        {
            FormUrlEncodedContent Pairs(string code, string clientId) => new({|CDS2004:new[]
            {
                new KeyValuePair<string, string>("grant_type", "authorization_code"),
                new KeyValuePair<string, string>("code", code),
                new KeyValuePair<string, string>("client_id", clientId),
            }|});

            FormUrlEncodedContent List(string code) => new({|CDS2004:new List<KeyValuePair<string, string>>
            {
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", "https://app.example.com/cb"),
            }|});

            FormUrlEncodedContent StepByStep(string code)
            {
                var form = new Dictionary<string, string>();
                {|CDS2004:form.Add("grant_type", "authorization_code")|};
                form.Add("code", code);
                return new FormUrlEncodedContent(form);
            }
        }
        """);

    [Fact]
    public Task RequestHandedToTheServersValidatorOrBinder_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Collections.Specialized;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;

        public class TokenRequestValidator
        {
            public Task<bool> ValidateRequestAsync(NameValueCollection parameters, string clientId) => Task.FromResult(true);
        }

        public interface IRequestBinder
        {
            Task<Dictionary<string, string>> BindModelAsync(JsonObject payload, Dictionary<string, string> request);
        }

        // An authorization server's own tests: the request it receives, built by hand and read by its validator or binder.
        public class TokenRequestValidationTests
        {
            private readonly TokenRequestValidator _validator = new();

            public async Task<bool> Code_exchange_for_a_client_without_pkce(string handle)
            {
                var parameters = new NameValueCollection();
                parameters.Add("grant_type", "authorization_code");
                parameters.Add("code", handle);
                parameters.Add("redirect_uri", "https://server/cb");

                return await _validator.ValidateRequestAsync(parameters, "codeclient");
            }

            public Task<Dictionary<string, string>> Request_object_payload(IRequestBinder binder, Dictionary<string, string> request)
            {
                var payload = new JsonObject
                {
                    ["client_id"] = "client",
                    ["redirect_uri"] = "https://new.example.com/callback",
                    ["response_type"] = "code",
                };

                return binder.BindModelAsync(payload, request);
            }
        }
        """);

    [Fact]
    public Task CodeExchangeBesideAValidationOfSomethingElse_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        class SignIn
        {
            static bool ValidateState(string state) => state.Length > 0;

            static Task<HttpResponseMessage> Redeem(HttpClient http, string code, string state)
            {
                if (!ValidateState(state))
                {
                    return Task.FromResult(new HttpResponseMessage());
                }

                var form = new Dictionary<string, string>();
                {|CDS2004:form.Add("grant_type", "authorization_code")|};
                form.Add("code", code);
                return http.PostAsync("https://auth.acme.example/token", new FormUrlEncodedContent(form));
            }
        }
        """);

    [Fact]
    public Task CodeExchangeAsKeyValuePairsWithVerifier_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class SignIn
        {
            FormUrlEncodedContent Pairs(string code, string codeVerifier) => new(new[]
            {
                new KeyValuePair<string, string>("grant_type", "authorization_code"),
                new KeyValuePair<string, string>("code", code),
                new KeyValuePair<string, string>("code_verifier", codeVerifier),
            });

            FormUrlEncodedContent StepByStep(string code, string pkceVerifier)
            {
                var form = new Dictionary<string, string>();
                form.Add("grant_type", "authorization_code");
                form.Add("code", code);
                form.Add("code_verifier", pkceVerifier);
                return new FormUrlEncodedContent(form);
            }

            FormUrlEncodedContent Refresh(string token) => new(new[]
            {
                new KeyValuePair<string, string>("grant_type", "refresh_token"),
                new KeyValuePair<string, string>("refresh_token", token),
            });
        }
        """);

    [Fact]
    public Task IdentityServerCodeClientWithoutPkce_ShouldFix() => VerifyCS.VerifyCodeFixAsync("""
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
                    {|CDS2004:RequirePkce = false|},
                    RedirectUris = { "https://mvc.example.com/signin-oidc" },
                },
                new Client
                {
                    ClientId = "hybrid",
                    AllowedGrantTypes = GrantTypes.HybridAndClientCredentials,
                    {|CDS2004:RequirePkce = false|},
                },
                new Client
                {
                    ClientId = "code-by-name",
                    {|CDS2004:RequirePkce = false|},
                    AllowedGrantTypes = { GrantType.AuthorizationCode, "refresh_token" },
                },
            };
        }
        """ + AuthorizationServerStandIns.Source, """
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
                    RequirePkce = true,
                    RedirectUris = { "https://mvc.example.com/signin-oidc" },
                },
                new Client
                {
                    ClientId = "hybrid",
                    AllowedGrantTypes = GrantTypes.HybridAndClientCredentials,
                    RequirePkce = true,
                },
                new Client
                {
                    ClientId = "code-by-name",
                    RequirePkce = true,
                    AllowedGrantTypes = { GrantType.AuthorizationCode, "refresh_token" },
                },
            };
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task DuendeClientTurnedOffLater_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityServer.Models;

        public static class Clients
        {
            public static Client Web()
            {
                var client = new Client { ClientId = "web", AllowedGrantTypes = GrantTypes.CodeAndClientCredentials };
                {|CDS2004:client.RequirePkce = false|};
                return client;
            }

            public static Client Hybrid()
            {
                var client = new Client { ClientId = "hybrid" };
                client.AllowedGrantTypes = new[] { GrantType.Hybrid };
                {|CDS2004:client.RequirePkce = false|};
                return client;
            }
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task ServerClientWithoutCodeFlowOrWithPkce_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Duende.IdentityServer.Models;

        public static class Config
        {
            public static IEnumerable<Client> Clients(ICollection<string> configuredGrants) => new List<Client>
            {
                // PKCE applies to the code flow only: off for a machine client is no finding.
                new Client { ClientId = "worker", AllowedGrantTypes = GrantTypes.ClientCredentials, RequirePkce = false },
                new Client { ClientId = "tv", AllowedGrantTypes = GrantTypes.DeviceFlow, RequirePkce = false },
                new Client { ClientId = "web", AllowedGrantTypes = GrantTypes.Code, RequirePkce = true },
                new Client { ClientId = "default", AllowedGrantTypes = GrantTypes.Code },
                // Grants the code cannot see: nothing to judge.
                new Client { ClientId = "configured", AllowedGrantTypes = configuredGrants, RequirePkce = false },
            };
        }
        """ + AuthorizationServerStandIns.Source);
}
