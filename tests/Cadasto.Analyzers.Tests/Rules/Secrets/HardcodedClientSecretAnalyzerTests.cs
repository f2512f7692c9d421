using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.CodeFixes;
using Cadasto.Analyzers.Tests.TestKit;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedClientSecretAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedClientSecretCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

public sealed class HardcodedClientSecretAnalyzerTests
{
    // One finding per literal (SPEC): a constant that reaches two sinks is still one squiggle.
    [Fact]
    public Task ConstReachingTwoSinks_ShouldReportOnce() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        static class Secrets
        {
            public const string Orders = {|CDS1001:"ord~Xq7.Lp2Mn8Rv4Tw1"|};
        }

        class Factory
        {
            IConfidentialClientApplication A() => ConfidentialClientApplicationBuilder.Create("a").WithClientSecret(Secrets.Orders).Build();

            IConfidentialClientApplication B() => ConfidentialClientApplicationBuilder.Create("b").WithClientSecret(Secrets.Orders).Build();

            ConfidentialClientApplicationOptions C() => new() { ClientId = "c", ClientSecret = Secrets.Orders };
        }
        """);

    // SPEC: at least one call level into the user's own methods through a parameter.
    [Fact]
    public Task ConstantPassedToOwnMethodThatSetsTheClientSecret_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class ApiTokens
        {
            private readonly HttpClient _http = new();

            public async Task<string?> GetApiToken(string clientId, string scope, string clientSecret)
            {
                var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
                {
                    Address = "https://auth.example.com/connect/token",
                    ClientId = clientId,
                    Scope = scope,
                    ClientSecret = clientSecret,
                });
                return response.AccessToken;
            }

            public Task<string?> Orders() => GetApiToken("orders", "orders.read", {|CDS1001:"ord~Xq7.Lp2Mn8Rv4Tw1"|});

            public Task<string?> Billing(string secretFromVault) => GetApiToken("billing", "billing.read", secretFromVault);
        }
        """);

    [Fact]
    public Task ConstantPassedToOwnHelperWhoseParameterNameSaysNothing_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        static class Apps
        {
            private const string Shared = {|CDS1001:"shr~Hk5.Jd9Fs3Ga7Qe2"|};

            static IConfidentialClientApplication Build(string id, string value)
            {
                var credential = value;
                return ConfidentialClientApplicationBuilder.Create(id).WithClientSecret(credential).Build();
            }

            public static IConfidentialClientApplication Orders() => Build("orders", Shared);
        }
        """);

    [Fact]
    public Task ConstantPassedToOwnMethodThatReassignsOrDoesNotUseTheParameter_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Identity.Client;

        static class Apps
        {
            static IConfidentialClientApplication Build(string id, string value)
            {
                value = Environment.GetEnvironmentVariable(value) ?? throw new InvalidOperationException();
                return ConfidentialClientApplicationBuilder.Create(id).WithClientSecret(value).Build();
            }

            static string Describe(string id, string value) => id + value;

            public static IConfidentialClientApplication Orders() => Build("orders", "ORDERS_CLIENT_SECRET_VARIABLE");

            public static string Label() => Describe("orders", "ord~Xq7.Lp2Mn8Rv4Tw1");
        }
        """);

    // A ternary of constants declared in another class of another file, into a local, reaching the sink.
    [Fact]
    public async Task TernaryOfConstantsFromAnotherClassInAnotherFile_ShouldReportBothAtTheArgument()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Microsoft.Identity.Client;

                    class Factory
                    {
                        IConfidentialClientApplication Build(bool production)
                        {
                            var secret = production ? Secrets.Production : Secrets.Staging;
                            return ConfidentialClientApplicationBuilder.Create("orders").WithClientSecret({|#0:secret|}).Build();
                        }
                    }
                    """,
                    """
                    static class Secrets
                    {
                        public const string Production = {|#2:"prd~Xq7.Lp2Mn8Rv4Tw1"|};
                        public const string Staging = {|#3:"stg~Hk5.Jd9Fs3Ga7Qe2"|};
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedClientSecret).WithLocation(0).WithLocation(2).WithArguments("ConfidentialClientApplicationBuilder.WithClientSecret"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedClientSecret).WithLocation(0).WithLocation(3).WithArguments("ConfidentialClientApplicationBuilder.WithClientSecret"));
        await test.RunAsync();
    }

    [Fact]
    public Task SecretChosenBySwitchExpression_ShouldReportEveryArm() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Identity.Client;

        class Factory
        {
            IConfidentialClientApplication For(string environment)
            {
                var secret = environment switch
                {
                    "Development" => {|CDS1001:"dev~Xq7.Lp2Mn8Rv4Tw1"|},
                    "Staging" => {|CDS1001:"stg~Hk5.Jd9Fs3Ga7Qe2"|},
                    _ => throw new ArgumentOutOfRangeException(nameof(environment)),
                };

                return ConfidentialClientApplicationBuilder.Create("orders").WithClientSecret(secret).Build();
            }
        }
        """);

    [Fact]
    public Task SwitchExpressionWithAnArmReadAtRunTime_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Identity.Client;

        class Factory
        {
            IConfidentialClientApplication For(string environment)
            {
                var secret = environment switch
                {
                    "Development" => "dev~Xq7.Lp2Mn8Rv4Tw1",
                    _ => Environment.GetEnvironmentVariable("CLIENT_SECRET")!,
                };

                return ConfidentialClientApplicationBuilder.Create("orders").WithClientSecret(secret).Build();
            }
        }
        """);

    [Fact]
    public Task BasicHeaderFromStringFormatAndFormBodyFromStringBuilder_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;

        class PartnerToken
        {
            const string ClientId = "partner-portal";

            void Basic(HttpRequestMessage request)
            {
                var raw = string.Format("{0}:{1}", ClientId, {|CDS1001:"Pp7rT2kW9xQ4mZ1v"|});
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(raw)));
            }

            string Concat() => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Concat(ClientId, ":", "x")));

            StringContent Body(string state)
            {
                var body = new StringBuilder("grant_type=client_credentials");
                body.Append("&client_id=").Append(ClientId);
                body.Append("&client_secret=").Append({|CDS1001:"b7E2kQ9zX4wL1pR8"|});
                body.Append("&state=").Append(state);
                return new StringContent(body.ToString());
            }
        }
        """);

    [Fact]
    public Task LiteralPassedToWithClientSecret_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev-invoice-sync")
                    .WithClientSecret({|CDS1001:"s3cr3t-v4lue-Kq8~xZ"|})
                    .Build();
        }
        """);

    [Fact]
    public Task ConstantThroughFieldAndLocal_ShouldReportAtTheLiteral() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        static class Secrets
        {
            public const string Prefix = "abc";
            public const string ClientSecret = {|CDS1001:Prefix + "-Kq8~xZ91"|};
            public static readonly string Other = {|CDS1001:"q9.Lm2~pX"|};
        }

        class TokenProvider
        {
            void Build()
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Secrets.ClientSecret);
                var secret = Secrets.Other;
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(secret);
            }
        }
        """);

    [Fact]
    public Task InterpolationAndTernaryOfConstants_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            const string Part = "Kq8~xZ";

            void Build(bool production)
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:$"{Part}-91aa"|});
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(production ? {|CDS1001:"prod-Kq8~xZ"|} : {|CDS1001:"dev-Kq8~xZ"|});
            }
        }
        """);

    [Fact]
    public Task ValueReadAtRunTime_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            static string fromStore = "";

            void Build(IConfiguration configuration, string injected)
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"]);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET"));
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(injected);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(fromStore);
            }
        }
        """);

    [Fact]
    public Task LocalAssignedTwice_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build()
            {
                var secret = "fallback-Kq8~xZ";
                secret = Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET");
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(secret);
            }
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("<your-secret>")]
    [InlineData("changeme")]
    [InlineData("REPLACE_ME")]
    [InlineData("xxx")]
    [InlineData("${CADASTO_CLIENT_SECRET}")]
    [InlineData("%CADASTO_CLIENT_SECRET%")]
    [InlineData("{{clientSecret}}")]
    [InlineData("#{ClientSecret}#")]
    public Task Placeholder_ShouldNotReport(string placeholder) => VerifyCS.VerifyAnalyzerAsync($$"""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build() => ConfidentialClientApplicationBuilder.Create("id").WithClientSecret("{{placeholder}}");
        }
        """);

    [Fact]
    public Task SameMethodNameOnAnotherType_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class FakeBuilder
        {
            public FakeBuilder WithClientSecret(string clientSecret) => this;
            void Build() => WithClientSecret("Kq8~xZ-not-a-sink");
        }
        """);

    [Fact]
    public Task IConfigurationParameterInScope_ShouldFixWithConfigurationRead() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build(IConfiguration configuration) =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build(IConfiguration configuration) =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"]).Build();
        }
        """);

    [Fact]
    public Task NoConfigurationInScope_ShouldFixWithEnvironmentVariable() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
        }
        """, """
        using System;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET")).Build();
        }
        """);

    [Fact]
    public Task ConstField_ShouldFixAndBecomeStaticReadonly() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            using Microsoft.Identity.Client;

            class TokenProvider
            {
                private const string ClientSecret = {|CDS1001:"s3cr3t-Kq8~xZ"|};

                IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecret).Build();
            }
            """,
        FixedCode = """
            using System;
            using Microsoft.Identity.Client;

            class TokenProvider
            {
                private static readonly string ClientSecret = Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET");

                IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecret).Build();
            }
            """,
    }.RunAsync();

    [Fact]
    public Task NullableEnabled_ShouldFixWithFailFastRead() => VerifyCS.VerifyCodeFixAsync("""
        #nullable enable
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider(IConfiguration configuration)
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
        }
        """, """
        #nullable enable
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider(IConfiguration configuration)
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"] ?? throw new InvalidOperationException("Set the configuration value Cadasto:ClientSecret (dotnet user-secrets set \"Cadasto:ClientSecret\" <value>).")).Build();
        }
        """);

    [Fact]
    public Task SeveralSecrets_ShouldFixAllInOnePass() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build(IConfiguration configuration)
            {
                ConfidentialClientApplicationBuilder.Create("a").WithClientSecret({|CDS1001:"first-Kq8~xZ"|});
                ConfidentialClientApplicationBuilder.Create("b").WithClientSecret({|CDS1001:"second-Kq8~xZ"|});
            }
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build(IConfiguration configuration)
            {
                ConfidentialClientApplicationBuilder.Create("a").WithClientSecret(configuration["Cadasto:ClientSecret"]);
                ConfidentialClientApplicationBuilder.Create("b").WithClientSecret(configuration["Cadasto:ClientSecret"]);
            }
        }
        """);
    [Fact]
    public Task MsalOptionsAndIdentityModelRequests_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityModel.Client;
        using Duende.IdentityModel.OidcClient;
        using Microsoft.Identity.Client;

        class Tokens
        {
            void Configure()
            {
                var msal = new ConfidentialClientApplicationOptions { ClientId = "cad-dev", ClientSecret = {|CDS1001:"Kq8~xZ.msal-options"|} };
                var cc = new ClientCredentialsTokenRequest { Address = "https://auth.example/connect/token", ClientId = "cad-dev", ClientSecret = {|CDS1001:"Kq8~xZ.client-credentials"|} };
                var code = new AuthorizationCodeTokenRequest { ClientSecret = {|CDS1001:"Kq8~xZ.code"|}, Code = "abc" };
                var refresh = new RefreshTokenRequest { ClientSecret = {|CDS1001:"Kq8~xZ.refresh"|}, RefreshToken = "r" };
                var exchange = new TokenExchangeTokenRequest { ClientSecret = {|CDS1001:"Kq8~xZ.exchange"|} };
                var options = new TokenClientOptions { ClientId = "cad-dev", ClientSecret = {|CDS1001:"Kq8~xZ.token-client"|} };
                var basic = new BasicAuthenticationHeaderValue("cad-dev", {|CDS1001:"Kq8~xZ.basic"|});
                var oidc = new OidcClientOptions { ClientId = "cad-dev", ClientSecret = {|CDS1001:"Kq8~xZ.oidc-client"|} };
                cc.ClientSecret = {|CDS1001:"Kq8~xZ.assigned"|};
            }
        }
        """);

    [Fact]
    public Task LegacyIdentityModelRequests_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using IdentityModel.Client;

        class Tokens
        {
            object Request() => new ClientCredentialsTokenRequest { ClientId = "cad-dev", ClientSecret = {|CDS1001:"Kq8~xZ.legacy"|} };
        }
        """);

    [Fact]
    public Task AspNetCoreOptionsInLambdasAndConfigure_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Identity.Web;

        static class Startup
        {
            static void Add(IServiceCollection services)
            {
                services.AddAuthentication().AddOpenIdConnect(options =>
                {
                    options.ClientId = "cad-dev";
                    options.ClientSecret = {|CDS1001:"Kq8~xZ.oidc"|};
                });
                services.Configure<OpenIdConnectOptions>("oidc", o => o.ClientSecret = {|CDS1001:"Kq8~xZ.configure"|});
                services.Configure<OAuthOptions>(o => { o.ClientSecret = {|CDS1001:"Kq8~xZ.oauth"|}; });
                services.Configure<MicrosoftIdentityOptions>(o => o.ClientSecret = {|CDS1001:"Kq8~xZ.identity-web"|});
            }
        }
        """);

    [Fact]
    public Task CredentialDescriptionOpenIddictAndAzureIdentity_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Azure.Identity;
        using Microsoft.Identity.Abstractions;
        using OpenIddict.Abstractions;
        using OpenIddict.Client;

        class Registrations
        {
            void Add()
            {
                var credential = new CredentialDescription { SourceType = CredentialSource.ClientSecret, ClientSecret = {|CDS1001:"Kq8~xZ.description"|} };
                var registration = new OpenIddictClientRegistration { ClientId = "cad-dev", ClientSecret = {|CDS1001:"Kq8~xZ.openiddict"|} };
                var seeded = new OpenIddictApplicationDescriptor { ClientId = "console", ClientSecret = {|CDS1001:"388D45FA-B36B-4988-BA59-B187D329C207"|} };
                var azure = new ClientSecretCredential("tenant", "cad-dev", {|CDS1001:"Kq8~xZ.azure"|});
            }
        }
        """);

    [Fact]
    public Task ClientSecretFormFields_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class TokenCall
        {
            const string Secret = {|CDS1001:"Kq8~xZ.const"|};

            HttpContent Build(string clientId)
            {
                var form = new Dictionary<string, string>
                {
                    { "grant_type", "client_credentials" },
                    { "client_id", clientId },
                    { "client_secret", {|CDS1001:"Kq8~xZ.initializer"|} },
                };
                form["client_secret"] = {|CDS1001:"Kq8~xZ.indexer"|};
                form.Add("client_secret", Secret);
                var indexed = new Dictionary<string, string> { ["client_secret"] = {|CDS1001:"Kq8~xZ.index-init"|} };
                var pairs = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("client_secret", {|CDS1001:"Kq8~xZ.pair"|}) };
                var body = new { client_id = clientId, client_secret = {|CDS1001:"Kq8~xZ.anonymous"|} };
                return new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("client_secret", {|CDS1001:"Kq8~xZ.form"|}) });
            }
        }
        """);

    [Fact]
    public Task ClientSecretInQueryStringsAndBodies_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class TokenCall
        {
            const string Secret = {|CDS1001:"Kq8~xZ.q1"|};

            string Build(string clientId) => $"grant_type=client_credentials&client_id={clientId}&client_secret={Secret}";
            string Concat(string clientId) => "client_id=" + clientId + "&client_secret=" + {|CDS1001:"Kq8~xZ.q2"|};
            string Spelled() => {|CDS1001:"grant_type=client_credentials&client_id=app&client_secret=Kq8~xZ.q3"|};
        }
        """);

    [Fact]
    public Task BasicAuthorizationHeaderFromIdAndSecret_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;

        class TokenCall
        {
            const string ClientId = "cad-dev";
            const string Secret = {|CDS1001:"Kq8~xZ.basic-const"|};

            void Build(HttpClient client, HttpRequestMessage request)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes({|CDS1001:"cad-dev:Kq8~xZ.literal"|})));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{ClientId}:{Secret}")));
                request.Headers.Add("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + {|CDS1001:"Kq8~xZ.concat"|})));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", {|CDS1001:"Y2FkLWRldjpLcTh+eFouZW5jb2RlZA=="|});
            }
        }
        """);

    [Fact]
    public Task FallbackAfterStoreRead_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build(IConfiguration configuration) =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"] ?? {|CDS1001:"Kq8~xZ.fallback"|});
        }
        """);

    [Fact]
    public Task ReadsAndOtherFields_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http.Headers;
        using System.Text;
        using Duende.IdentityModel.Client;
        using Microsoft.Extensions.Configuration;

        class TokenCall
        {
            void Build(IConfiguration configuration, string secret)
            {
                var form = new Dictionary<string, string> { { "client_id", "cad-dev" }, { "client_secret", secret }, { "scope", "api.read" } };
                var request = new ClientCredentialsTokenRequest { ClientId = "cad-dev", ClientSecret = configuration["Cadasto:ClientSecret"] };
                var empty = new ClientCredentialsTokenRequest { ClientSecret = "" };
                var placeholder = new ClientCredentialsTokenRequest { ClientSecret = "<your-client-secret>" };
                var query = $"client_id=cad-dev&client_secret={secret}";
                var template = "client_id={0}&client_secret={1}";
                var header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cad-dev:" + secret)));
                var names = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("TOKEN"));
            }
        }
        """);

    [Fact]
    public Task UserSinkFromGlobalConfig_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                namespace Partner.Sdk
                {
                    public sealed class PartnerClient
                    {
                        public string SharedKey { get; set; } = "";
                        public void Connect(string endpoint, string apiSecret) { }
                        public PartnerClient(string name = "", string signingSecret = "") { }
                    }
                }

                class Use
                {
                    void Run()
                    {
                        var client = new Partner.Sdk.PartnerClient("x", {|CDS1001:"Kq8~xZ.ctor"|}) { SharedKey = {|CDS1001:"Kq8~xZ.prop"|} };
                        client.Connect("https://partner.example", {|CDS1001:"Kq8~xZ.method"|});
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ncadasto_secret_sinks = Partner.Sdk.PartnerClient.SharedKey, Partner.Sdk.PartnerClient.Connect, Partner.Sdk.PartnerClient..ctor\n") },
        },
    }.RunAsync();

    [Fact]
    public Task UserSinkInAnEditorConfigSection_ShouldReport() => new VerifyCS.Test
    {
        // Where most teams write options: a [*.cs] section of the repository's .editorconfig (not a global option).
        TestState =
        {
            Sources =
            {
                """
                namespace Partner.Sdk
                {
                    public sealed class PartnerClient
                    {
                        public void Connect(string endpoint, string apiSecret) { }
                    }
                }

                class Use
                {
                    void Run() => new Partner.Sdk.PartnerClient().Connect("https://partner.example", {|CDS1001:"Kq8~xZ.section"|});
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ncadasto_secret_sinks = Partner.Sdk.PartnerClient.Connect\n") },
        },
    }.RunAsync();
    private const string ManifestWithUserSecretsKey = """
        {
          "application": "invoice-sync",
          "contact": { "name": "Jane Doe", "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["client_credentials"],
          "scopes": ["api.read"],
          "environments": {
            "development": {
              "clientId": "cad-dev-invoice-sync",
              "secret": { "store": "user-secrets", "key": "InvoiceSync:Cadasto:Secret" }
            }
          }
        }
        """;

    [Fact]
    public Task ManifestNamesTheDevelopmentKey_ShouldFixWithThatKey() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Identity.Client;

                class TokenProvider
                {
                    IConfidentialClientApplication Build(IConfiguration configuration) =>
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
                }
                """,
            },
            AdditionalFiles = { ("cadasto.json", ManifestWithUserSecretsKey) },
        },
        FixedState =
        {
            Sources =
            {
                """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Identity.Client;

                class TokenProvider
                {
                    IConfidentialClientApplication Build(IConfiguration configuration) =>
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["InvoiceSync:Cadasto:Secret"]).Build();
                }
                """,
            },
            AdditionalFiles = { ("cadasto.json", ManifestWithUserSecretsKey) },
        },
    }.RunAsync();

    [Fact]
    public Task ManifestNamesAnEnvironmentVariable_ShouldFixWithThatVariable()
    {
        var manifest = ManifestWithUserSecretsKey.Replace("\"store\": \"user-secrets\", \"key\": \"InvoiceSync:Cadasto:Secret\"", "\"store\": \"environment\", \"name\": \"INVOICE_SYNC_CADASTO_SECRET\"");
        return new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Microsoft.Extensions.Configuration;
                    using Microsoft.Identity.Client;

                    class TokenProvider
                    {
                        IConfidentialClientApplication Build(IConfiguration configuration) =>
                            ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
                    }
                    """,
                },
                AdditionalFiles = { ("cadasto.json", manifest) },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using Microsoft.Extensions.Configuration;
                    using Microsoft.Identity.Client;

                    class TokenProvider
                    {
                        IConfidentialClientApplication Build(IConfiguration configuration) =>
                            ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(System.Environment.GetEnvironmentVariable("INVOICE_SYNC_CADASTO_SECRET")).Build();
                    }
                    """,
                },
                AdditionalFiles = { ("cadasto.json", manifest) },
            },
        }.RunAsync();
    }
    [Fact]
    public Task ClientSecretOfAnUnresolvedType_ShouldNotReport() => new VerifyCS.Test
    {
        // A source-only scan may lack a library (here Microsoft.AspNetCore.Authentication.Google), or a product declares
        // its own request model with a ClientSecret member in a project that did not bind: a member of a type that does
        // not resolve is never a client-secret sink by its name alone (CDS1002 judges the name; see its tests).
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Add(IServiceCollection services)
                {
                    services.AddAuthentication().AddGoogle(o =>
                    {
                        o.ClientId = "1234-abc.apps.googleusercontent.com";
                        o.ClientSecret = "GOCSPX-g00gle.Secret81";
                    });
                    var options = new Missing.OAuth2IntrospectionOptions { ClientSecret = "introspection-8d1c" };
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task InstructionsInsteadOfASecret_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Add(IServiceCollection services) =>
                services.Configure<OpenIdConnectOptions>(o => o.ClientSecret = "copy client secret from Google here");
        }
        """);
    [Fact]
    public Task TeamDeclaredPlaceholder_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using Microsoft.Identity.Client;

                class TokenProvider
                {
                    void Build()
                    {
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret("Dev0nly~Secret");
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"Pr0d~Secret.71"|});
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ncadasto_allowed_placeholders = Dev0nly~Secret\n") },
        },
    }.RunAsync();
    [Fact]
    public Task ManifestKeyWithoutConfigurationInScope_ShouldFixWithTheMatchingVariable() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using Microsoft.Identity.Client;

                class TokenProvider
                {
                    IConfidentialClientApplication Build() =>
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
                }
                """,
            },
            AdditionalFiles = { ("cadasto.json", ManifestWithUserSecretsKey) },
        },
        FixedState =
        {
            Sources =
            {
                """
                using Microsoft.Identity.Client;

                class TokenProvider
                {
                    IConfidentialClientApplication Build() =>
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(System.Environment.GetEnvironmentVariable("INVOICE_SYNC_CADASTO_SECRET")).Build();
                }
                """,
            },
            AdditionalFiles = { ("cadasto.json", ManifestWithUserSecretsKey) },
        },
    }.RunAsync();
    [Fact]
    public Task SecretValueSpelledOut_ShouldReport()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Cadasto.Credentials;

                static class Credentials
                {
                    public static readonly SecretValue Secret = new({|CDS1001:"Kq8~xZ.generated-secret"|});
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(typeof(Cadasto.Credentials.SecretValue).Assembly);
        return test.RunAsync();
    }

    [Fact]
    public Task GetOnlyPropertyAndReadonlyInstanceField_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        static class Registration
        {
            public static string Secret { get; } = {|CDS1001:"Rk2~Lm9.Pq4Xz7Wv1Nb6"|};
        }

        class Reader
        {
            private readonly string _secret = {|CDS1001:"mb~Z4x.Nq8Wr2Lt6Yv0"|};

            void Build()
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Registration.Secret);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(_secret);
            }
        }
        """);

    [Fact]
    public Task ReadonlyMembersSetAtRunTime_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        class Reader
        {
            private readonly string _secret = "mb~Z4x.Nq8Wr2Lt6Yv0";
            public string Settable { get; set; } = "Rk2~Lm9.Pq4Xz7Wv1Nb6";
            public string Computed { get { return "q9.Lm2~pX-computed"; } }

            public Reader(string secret) => _secret = secret;

            void Build()
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(_secret);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Settable);
            }
        }
        """);

    [Fact]
    public Task CompositionWithoutTextOfItsOwn_ShouldReportAtItsConstants() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        static class Secrets
        {
            private const string Prefix = {|CDS1001:"Xy7~"|};
            private const string Body = {|CDS1001:"Kp3.Lm8Qw2Rz5Vb9"|};
            public static readonly string Graph = Prefix + Body;
        }

        class Graph
        {
            void Build() => ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Secrets.Graph);
        }
        """);

    [Fact]
    public Task BasicHeaderFromStringJoin_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http.Headers;
        using System.Text;

        class Joined
        {
            const string ClientId = "billing";

            AuthenticationHeaderValue Header() =>
                new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(":", ClientId, {|CDS1001:"j01ned-Bx4Lq"|}))));

            AuthenticationHeaderValue Other(string secret) =>
                new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(":", ClientId, secret))));
        }
        """);

    [Fact]
    public Task ConfigurationPathsAndPatternsInClientSecretFields_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Text.RegularExpressions;

        static class Keys
        {
            static readonly Dictionary<string, string> Map = new()
            {
                ["client_secret"] = "Cadasto__ClientSecret",
                ["client_id"] = "Cadasto:ClientId",
            };

            static readonly Dictionary<string, string> Other = new() { ["client_secret"] = "AzureAd:ClientSecret" };

            static readonly Regex Field = new("client_secret=([^&]+)");
            static readonly Regex Escaped = new(@"client_secret=\w+");
        }
        """);

    // Real code (an OpenIddict server's callback endpoint, product code): a token request's client_secret named for the
    // test client it is registered with works against that server, a short demo value that works (SPEC). Only a word
    // that says the value is made up and meant not to work stays no secret.
    [Fact]
    public Task DemoWordsInAClientSecretFieldOfProductCode_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class CallbackEndpoint
        {
            HttpContent Exchange(string code) => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                { "grant_type", "authorization_code" },
                { "code", code },
                { "client_id", "test_client" },
                { "client_secret", {|CDS1001:"test_secret"|} },
            });

            HttpContent Demo() => new FormUrlEncodedContent(new Dictionary<string, string> { { "client_secret", {|CDS1001:"demo-secret"|} } });

            HttpContent Dummy() => new FormUrlEncodedContent(new Dictionary<string, string> { { "client_secret", "dummy-secret" } });
        }
        """);

    [Fact]
    public Task DemoWordsInAClientSecretFieldOfATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Collections.Generic;
                using System.Net.Http;

                public sealed class CallbackEndpointTests
                {
                    public HttpContent Exchange() => new FormUrlEncodedContent(new Dictionary<string, string> { { "client_secret", "test_secret" } });
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();

    [Fact]
    public Task SentinelSecretsInATestProject_ShouldNotReport_RealLookingSecrets_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Net.Http;
                using Duende.IdentityModel.Client;
                using Microsoft.Identity.Client;

                public sealed class TokenEndpointTests
                {
                    public IConfidentialClientApplication Sentinel() =>
                        ConfidentialClientApplicationBuilder.Create("integration.tests").WithClientSecret("secret").Build();

                    public void BasicAuth(HttpClient client) => client.SetBasicAuthentication("seeder", "test-pass");

                    // A form body spelled for a parser test: the field's value is what is judged, not the whole body.
                    public string FormBody(string clientId) => string.Format("client_id={0}&client_secret=secret", clientId);

                    public string FormBodyWithARealSecret(string clientId) =>
                        string.Format({|CDS1001:"client_id={0}&client_secret=Qv7kL2xR9mWp4Tz8"|}, clientId);

                    public ClientCredentialsTokenRequest Real() => new()
                    {
                        Address = "https://localhost:5001/connect/token",
                        ClientId = "integration.tests",
                        ClientSecret = {|CDS1001:"9c41e7a2f05b4d38a6e1c92f7b03d5e8"|},
                    };
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();

    // Real code (an identity library's option-merging tests): each option is set to its own name spelled as a path, the
    // client secret included, to see which value wins. A made-up name of words is no secret; a random one in the same place is.
    [Fact]
    public Task OptionNamesAsValuesInATestProject_ShouldNotReport_RandomMixedCaseKey_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using Microsoft.AspNetCore.Authentication.OpenIdConnect;

                public sealed class MergedOptionsTests
                {
                    private readonly string _authority = "/contosoOptionsAuthority";
                    private readonly string _clientSecret = "/contosoOptionsClientSecret";

                    public void Merge(OpenIdConnectOptions options)
                    {
                        options.Authority = _authority;
                        options.ClientSecret = _clientSecret;
                    }

                    public void Real(OpenIdConnectOptions options) => options.ClientSecret = {|CDS1001:"hJqWkLmNbVcXzRtYpQsD"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();

    // Real code (IdentityServer4's own hosts, scanned from source): the scanner stands in for Secret alone, so the kind
    // constants (IdentityServerConstants.SecretTypes…) do not bind; their names still say the kind, as their values would.
    // A SharedSecret, or an unbound member of another class, is still a secret.
    [Fact]
    public Task SecretOfAnUnboundCertificateKind_ShouldNotReport() => new VerifyCS.Test
    {
        CompilerDiagnostics = CompilerDiagnostics.None,
        TestState =
        {
            Sources =
            {
                // What the scan compiles IdentityServer4's own hosts against: the models, and HashExtensions from their own source.
                IdentityServerStandInSource.Models(IdentityServerStandInSource.IdentityServer4),
                "namespace IdentityServer4.Models { public static class HashExtensions { public static string Sha256(this string input) => input; } }",
                """
                using System.Collections.Generic;
                using IdentityServer4;
                using IdentityServer4.Models;

                public static class ConsoleClients
                {
                    public static List<Secret> Secrets(Settings settings) => new()
                    {
                        new Secret("5D9E9B6B333CD42C99D1DE6175CC0F3EF99DDF68", "mtls.test") { Type = IdentityServerConstants.SecretTypes.X509CertificateThumbprint },
                        new Secret { Type = IdentityServerConstants.SecretTypes.X509CertificateBase64, Value = "MIIEgTCCAumgAwIBAgIQDMMu7l" },
                        new Secret { Type = IdentityServerConstants.SecretTypes.JsonWebKey, Value = "{'e':'AQAB','kty':'RSA','n':'wWwQFt'}" },
                        new Secret({|CDS1001:"c8Xq2Lm9Rv4Tw7Zp"|}.Sha256(), "shared") { Type = IdentityServerConstants.SecretTypes.SharedSecret },
                        new Secret { Type = settings.Kind, Value = {|CDS1001:"k7Qx9Lm2Rv4Tw8Zp"|} },
                    };
                }
                """,
            },
        },
    }.RunAsync();

    // Real code (IdentityServer3's sample hosts, .NET Framework): a client's ClientSecrets and a scope's ScopeSecrets hold
    // the same Secret as IdentityServer4's, hashed by the same Sha256(). The scan stands in for Secret and HashExtensions
    // alone: Client, Scope and the secret-kind constants stay unresolved, as there. A certificate's thumbprint registered
    // as a Secret is public.
    [Fact]
    public Task IdentityServer3Registrations_ShouldReport() => new VerifyCS.Test
    {
        CompilerDiagnostics = CompilerDiagnostics.None,
        TestState =
        {
            Sources =
            {
                AuthorizationServerStandIns.IdentityServer(IdentityServerStandInSource.IdentityServer3),
                """
                using System.Collections.Generic;
                using IdentityServer3.Core;
                using IdentityServer3.Core.Models;

                public static class Clients
                {
                    public static List<Client> Get() => new List<Client>
                    {
                        new Client
                        {
                            ClientId = "clientcredentials.client",
                            Flow = Flows.ClientCredentials,
                            ClientSecrets = new List<Secret>
                            {
                                new Secret({|CDS1001:"secret"|}.Sha256()),
                                new Secret
                                {
                                    Value = "61B754C541BBCFC6A45A9E9EC5E47D8702B78C29",
                                    Type = Constants.SecretTypes.X509CertificateThumbprint,
                                    Description = "Client Certificate",
                                },
                            },
                        },
                    };
                }

                public static class Scopes
                {
                    public static List<Scope> Get() => new List<Scope>
                    {
                        new Scope { Name = "read", ScopeSecrets = new List<Secret> { new Secret({|CDS1001:"21B5F798-BE55-42BC-8AA8-0025B903DC3B"|}.Sha256()) } },
                    };
                }
                """,
            },
        },
    }.RunAsync();

    // Neither IdentityServer package is served here: the scan's stand-ins (the models and HashExtensions), and the package
    // types a scan has no stand-in for that a build with the package resolves (ApiResource, the secret-kind constants).
    private static readonly string IdentityServerStandIns =
        AuthorizationServerStandIns.IdentityServer(IdentityServerStandInSource.Duende)
        + AuthorizationServerStandIns.IdentityServer(IdentityServerStandInSource.IdentityServer4) + """
        namespace Duende.IdentityServer.Models
        {
            public class ApiResource { public System.Collections.Generic.ICollection<Secret> ApiSecrets { get; set; } = new System.Collections.Generic.List<Secret>(); }
        }

        namespace Duende.IdentityServer
        {
            public static class IdentityServerConstants
            {
                public static class SecretTypes
                {
                    public const string SharedSecret = "SharedSecret";
                    public const string X509CertificateThumbprint = "X509Thumbprint";
                    public const string X509CertificateName = "X509Name";
                    public const string X509CertificateBase64 = "X509CertificateBase64";
                    public const string JsonWebKey = "JWK";
                }
            }
        }

        // OpenIddict's builders live in Microsoft.Extensions.DependencyInjection, as the package declares them.
        namespace Microsoft.Extensions.DependencyInjection
        {
            public sealed class OpenIddictValidationBuilder
            {
                public OpenIddictValidationBuilder SetClientSecret(string secret) => this;
            }
        }
        """;

    [Fact]
    public Task AuthorizationServerRegistrations_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                IdentityServerStandIns,
                """
                using System.Collections.Generic;
                using Duende.IdentityServer.Models;

                public static class Config
                {
                    public static IEnumerable<Client> Clients => new[]
                    {
                        new Client { ClientId = "m2m", ClientSecrets = { new Secret({|CDS1001:"511536EF-F270-4058-80CA-1C89C192F69A"|}.Sha256()) } },
                        new Client { ClientId = "mvc", ClientSecrets = { new Secret({|CDS1001:"49C1A7E1-0C79-4A89-A3D6-A37998FB86B0"|}) } },
                        new Client { ClientId = "spa", ClientSecrets = { new Secret { Value = {|CDS1001:"mvc-secret-Kq8Lm2"|}.Sha256() } } },
                        new Client { ClientId = "cfg", ClientSecrets = { new Secret(System.Environment.GetEnvironmentVariable("CLIENT_SECRET")!.Sha256()) } },
                    };

                    public static ApiResource Api => new() { ApiSecrets = { new Secret({|CDS1001:"scopesecret-7Kq2"|}.Sha256(), "introspection") } };

                    public static IdentityServer4.Models.Secret Legacy => new(IdentityServer4.Models.HashExtensions.Sha256({|CDS1001:"legacy-Wm9Xv4"|}));

                    public static void Validation(Microsoft.Extensions.DependencyInjection.OpenIddictValidationBuilder options) =>
                        options.SetClientSecret({|CDS1001:"846B62D0-DEF9-4215-A99D-86E6B8DAB342"|});
                }
                """,
            },
        },
    }.RunAsync();

    // Real code (a hybrid-flow sample's server and client): demo secrets written as names of the client they belong to,
    // joined by a preposition, registered by the server and passed by the client to its own token helper. They read like
    // names, which the SPEC calls secrets; a description of where the value comes from is still none.
    [Fact]
    public Task DemoSecretsNamedWithAPreposition_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                IdentityServerStandIns,
                """
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Duende.IdentityModel.Client;
                using Duende.IdentityServer.Models;

                public static class Config
                {
                    public static IEnumerable<ApiResource> Apis => new[]
                    {
                        new ApiResource { ApiSecrets = { new Secret({|CDS1001:"api_in_billing_zone_secret"|}.Sha256()) } },
                    };

                    public static IEnumerable<Client> Clients => new[]
                    {
                        new Client { ClientId = "orders", ClientSecrets = new List<Secret> { new Secret { Value = {|CDS1001:"job_for_orders_secret"|}.Sha256() } } },
                        new Client { ClientId = "web", ClientSecrets = { new Secret("secret-from-the-portal".Sha256()) } },
                        new Client { ClientId = "job", ClientSecrets = { new Secret("secret_for_local_run".Sha256()) } },
                    };
                }

                public sealed class ApiTokenClient
                {
                    private readonly HttpClient _http = new();

                    public async Task<string?> GetApiToken(string clientId, string scope, string secret)
                    {
                        var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
                        {
                            Address = "https://sts.example.com/connect/token",
                            ClientId = clientId,
                            ClientSecret = secret,
                            Scope = scope,
                        });
                        return response.AccessToken;
                    }

                    public Task<string?> Orders() => GetApiToken("orders", "orders.read", {|CDS1001:"job_for_orders_secret"|});
                }
                """,
            },
        },
    }.RunAsync();

    // Real code (an authorization server's mutual-TLS and private_key_jwt clients): a Secret whose Type says certificate
    // thumbprint, subject name, certificate or JSON Web Key registers a public value the client proves itself with, not
    // a shared secret; a SharedSecret (said or by default), or a kind read at run time, is still one.
    [Fact]
    public Task SecretOfACertificateOrPublicKeyType_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                IdentityServerStandIns,
                """
                using System.Collections.Generic;
                using Duende.IdentityServer;
                using Duende.IdentityServer.Models;

                public static class MutualTlsClients
                {
                    public static Client Certificate(string kind) => new()
                    {
                        ClientId = "device.mtls",
                        ClientSecrets =
                        {
                            new Secret("CN=device.partner.example", "mtls") { Type = IdentityServerConstants.SecretTypes.X509CertificateName },
                            new Secret("7D1C0F4E9A2B85D36E0F1A4C9B7E2D58F3A6C1B0", "mtls") { Type = IdentityServerConstants.SecretTypes.X509CertificateThumbprint },
                            new Secret { Value = "MIIBszCCAVmgAwIBAgIUQ7rX2k", Type = IdentityServerConstants.SecretTypes.X509CertificateBase64 },
                            new Secret("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\"}") { Type = "JWK" },
                            new Secret({|CDS1001:"c8Xq2Lm9Rv4Tw7Zp"|}.Sha256()) { Type = IdentityServerConstants.SecretTypes.SharedSecret },
                            new Secret({|CDS1001:"p3Hs8Jd5Fk2Lq9Wx"|}.Sha256()) { Type = kind },
                            new Secret { Value = {|CDS1001:"k7Qx9Lm2Rv4Tw8Zp"|}, Type = "SharedSecret" },
                        },
                    };
                }
                """,
            },
        },
    }.RunAsync();
}
