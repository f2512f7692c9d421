using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedCredentialCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

public sealed class HardcodedCredentialAnalyzerTests
{
    // A test-support library lists the names of the entries of its lab's Key Vault in one type: the constant named
    // DefaultAppSecret holds the name of a vault entry, as its siblings do. The same name outside a type that names a
    // vault, or a generated value inside one, is still a finding.
    [Fact]
    public Task VaultEntryNamesInATypeNamingTheVault_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        static class LabVaultSecrets
        {
            public const string UserPublicCloud = "Contoso-User-PublicCloud";
            public const string AppS2S = "CONTOSO-App-S2S-JSON";
            public const string DefaultAppSecret = "CONTOSO-App-Default";
            public const string FallbackPassword = {|CDS1002:"q8Zx3-Lp3vW-9rTk"|};
        }

        static class LabDefaults
        {
            public const string DefaultAppSecret = {|CDS1002:"CONTOSO-App-Default"|};
        }
        """);

    // A filter attribute names the permission that guards its notifications by its dotted system name: the segment
    // "notifications" is the symbol's own word before "access key". A dotted value that shares no word with its name is
    // still judged as a value.
    [Fact]
    public Task DottedPermissionNameSpellingItsSymbolsWord_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class NotifyFilterAttribute : System.Attribute
        {
            public const string NotificationsAccessKey = "acme.notifications.all";
            public const string BillingAccessKey = {|CDS1002:"acme.notifications.all"|};
        }
        """);

    // A transport's test harness points its client at LocalStack, which accepts any key: the dummy key set in the same
    // constructor or configuration lambda is no secret. A broker's default password beside another local port works on
    // that broker and stays a finding, as does a real-looking key beside the emulator.
    [Fact]
    public Task DummyKeysBesideAnEmulatorAcceptingAnyKey_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        interface IHostConfigurator
        {
            void AccessKey(string accessKey);
            void ServiceUrl(string url);
        }

        sealed class QueueTestHarness
        {
            public QueueTestHarness()
            {
                AccessKey = "admin";
                ServiceUrl = "http://localhost:4566";
            }

            public string AccessKey { get; set; }
            public string ServiceUrl { get; set; }

            public static void UseEmulator(Action<Action<IHostConfigurator>> host) => host(h =>
            {
                h.AccessKey("test");
                h.ServiceUrl("http://localhost:4566");
            });
        }

        sealed class BrokerTestHarness
        {
            public BrokerTestHarness()
            {
                Password = {|CDS1002:"admin"|};
                BrokerUrl = "tcp://localhost:61616";
            }

            public string Password { get; set; }
            public string BrokerUrl { get; set; }
        }

        sealed class MixedHarness
        {
            public MixedHarness()
            {
                AccessKey = {|CDS1002:"q8ZxLp3vW9rTkM2n"|};
                ServiceUrl = "http://localhost:4566";
            }

            public string AccessKey { get; set; }
            public string ServiceUrl { get; set; }
        }
        """);

    [Fact]
    public Task SeededPasswordHashes_ShouldNotReportButARandomPasswordShould()
    {
        // Admin frameworks seed users with a stored hash (ASP.NET Core Identity's, or an MD5 of a default password):
        // hashes are no secret (the SPEC). A random hex password under the same name stays a finding.
        var identityHash = Values.PasswordHashesTests.IdentityV3Hash();
        var md5OfDefault = Values.PasswordHashesTests.Md5Hex("123456");
        var randomHex = "3f9c1a7e5b2d4c8e9a0b6d1f2e3c4a5b";
        return VerifyCS.VerifyAnalyzerAsync($$"""
            public sealed class User
            {
                public string UserName { get; set; }
                public string Password { get; set; }
                public string LoginPWD { get; set; }
            }

            public static class Seed
            {
                public static User[] Users() => new[]
                {
                    new User { UserName = "alice", Password = "{{identityHash}}" },
                    new User { UserName = "admin", LoginPWD = "{{md5OfDefault}}" },
                    new User { UserName = "ops", LoginPWD = {|CDS1002:"{{randomHex}}"|} },
                };
            }
            """);
    }

    // An API's Swagger UI prefills its authorize dialog with the client secret it is given and serves it to every browser:
    // a known credential sink (OAuthClientSecret's parameter is named value, so only the sink row reports it). A warning, not
    // CDS1001's error: APIs also prefill a hint for the person at the dialog. A configured secret stays quiet.
    [Fact]
    public Task SwaggerUiClientSecret_ShouldReportLiteralsButNotConfiguredValues() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;

        public static class Swagger
        {
            private const string SwaggerSecret = {|CDS1002:"sw~Pq4.Lm8Zx2Rt6Vn0"|};

            public static void Use(IApplicationBuilder app, IConfiguration configuration)
            {
                app.UseSwaggerUI(options =>
                {
                    options.OAuthClientId("swagger-ui");
                    options.OAuthClientSecret({|CDS1002:"secret"|});
                    options.OAuthUsePkce();
                });
                app.UseSwaggerUI(options => options.OAuthClientSecret(SwaggerSecret));
                app.UseSwaggerUI(options => options.OAuthConfigObject.ClientSecret = {|CDS1002:"sw~Hk5.Jd9Fs3Ga7Qe2"|});
                app.UseSwaggerUI(options => options.OAuthClientSecret(configuration["Swagger:ClientSecret"]));
                app.UseSwaggerUI(options => options.OAuthClientSecret(string.Empty));
            }
        }
        """);

    // With the flow into a client-secret sink it is CDS1001's (one finding per literal); without it, the name decides.
    [Fact]
    public Task CredentialNamedParameterOfOwnMethod_ShouldReportOnlyWithoutAFlowToAClientSecretSink() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class ApiTokens
        {
            private readonly HttpClient _http = new();

            public async Task<string?> GetApiToken(string clientId, string clientSecret)
            {
                var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
                {
                    Address = "https://auth.example.com/connect/token",
                    ClientId = clientId,
                    ClientSecret = clientSecret,
                });
                return response.AccessToken;
            }

            public static string Cache(string name, string clientSecret) => name + clientSecret.Length;

            public Task<string?> Orders() => GetApiToken("orders", "ord~Xq7.Lp2Mn8Rv4Tw1");

            public string Cached() => Cache("orders", {|CDS1002:"ord~Hk5.Jd9Fs3Ga7Qe2"|});
        }
        """);

    // C# 12: a lambda parameter's default value is a hard-coded value under the parameter's name (SPEC CDS1002).
    [Fact]
    public Task LambdaParameterDefaultValue_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Seed
        {
            public string Connect()
            {
                var connect = (string user, string password = {|CDS1002:"R3ports!2024"|}) => user + ":" + password;
                var label = (string user, string displayName = "Reports service") => user + displayName;
                return connect("svc-reports") + label("svc-reports");
            }
        }
        """);

    // Issue 16: cost that grows with the input. Not timed (benchmarks/LongConstantBenchmarks is): the findings must
    // survive a 1 MB literal beside them and a constant concatenated from 10,000 parts.
    [Fact]
    public Task SecretsBesideAMegabyteLiteralAndInTenThousandParts_ShouldReport()
    {
        var random = new System.Random(17);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        string Blob(int length) => new(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        var parts = string.Join("\n        + ", Enumerable.Range(0, 9_999).Select(_ => "\"" + Blob(16) + "\""));
        var source = "namespace Seed;\n\npublic static class EmbeddedSettings\n{\n"
            + "    public const string Certificate = \"" + Blob(1024 * 1024) + "\";\n"
            + "    public const string DbPassword = {|CDS1002:\"R3ports!2024\"|};\n"
            + "    public const string SigningKeyPassword = {|CDS1002:\"" + Blob(16) + "\"|}\n        + " + parts + ";\n"
            + "}\n";
        return VerifyCS.VerifyAnalyzerAsync(source);
    }

    // Issue 16 (fuzz run 4): a concatenation of thousands of parts written at the sink is one value, one finding on its
    // first part; asking the sink matcher about every part traced the whole composition once per part (n², and one
    // CDS1002 per part: 2,461 findings for 2,500 parts). At a client-secret sink it is CDS1001's alone.
    [Fact]
    public Task ThousandsOfPartsAtASink_ShouldReportOnceOnTheFirstPart()
    {
        var random = new System.Random(23);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        string Part() => "\"" + new string(Enumerable.Range(0, 16).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()) + "\"";
        string Parts(int count) => string.Join("\n            + ", Enumerable.Range(0, count).Select(_ => Part()));
        var source = "using System.Net;\nusing Microsoft.Identity.Client;\n\npublic static class Startup\n{\n"
            + "    public static NetworkCredential Password() => new(\"svc\",\n            {|CDS1002:" + Part() + "|}\n            + " + Parts(1_999) + ");\n"
            + "    public static object Secret() => ConfidentialClientApplicationBuilder.Create(\"orders\").WithClientSecret(\n            " + Parts(2_000) + ").Build();\n"
            + "}\n";
        return VerifyCS.VerifyAnalyzerAsync(source);
    }

    // The sink says which part of a constant composition is the secret: "Bearer " + "…" is one finding, on the token,
    // and a scheme alone is none. (Lost for a while when only the first part of a composition asked the sink.)
    [Fact]
    public Task SchemeAndTokenAtAnAuthorizationHeader_ShouldReportOnceOnTheToken() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;

        public static class PartnerClient
        {
            public static void Configure(HttpClient client, string token)
            {
                client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + {|CDS1002:"8e7d6c5b4a39281706f5e4d3c2b1a0ff"|});
                client.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
            }
        }
        """);

    [Fact]
    public Task KeyBytesAtHmacSinks_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;

        class WebhookSignature
        {
            byte[] Sign(byte[] body)
            {
                using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes({|CDS1002:"whk_9Xq2Lm7Vw4Rz1Kp"|}));
                return hmac.ComputeHash(body);
            }

            byte[] Sign512(byte[] body) => HMACSHA512.HashData(Convert.FromBase64String({|CDS1002:"q8Lm2Xz7Qw4Rt1Vb5Nc9Hd3J"|}), body);
        }
        """);

    [Fact]
    public Task NamelessConstantsAtKeyAndCredentialSinks_ShouldReportOnceAtTheLiteral() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Security.Cryptography;
        using System.Text;

        static class AuthOptions
        {
            public const string KEY = {|CDS1002:"orders_signing_9Xq2!Lm7Vw4Rz1Kp"|};
            private static readonly string Backup = {|CDS1002:"Backup#2024-x7"|};
            public const string Dev = "local";

            public static HMAC First() => new HMACSHA256(Encoding.UTF8.GetBytes(KEY));
            public static HMAC Second() => new HMACSHA512(Encoding.UTF8.GetBytes(KEY));
            public static NetworkCredential Credential() => new("svc-backup", Backup);

            public static HMAC FromLocal()
            {
                var keyBytes = Encoding.ASCII.GetBytes({|CDS1002:"whk_7Kq2Wm9Xv4Lz1Bn8"|});
                return new HMACSHA256(keyBytes);
            }
        }
        """);

    [Fact]
    public Task ConstantsTheLiteralRuleOwnsOrShapedOrReadAtRunTime_ShouldNotReportTwice() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Security.Cryptography;
        using System.Text;

        static class Keys
        {
            public const string SigningSecret = {|CDS1002:"orders_signing_9Xq2!Lm7Vw4Rz1Kp"|};
            public static readonly string FromEnvironment = Environment.GetEnvironmentVariable("SIGNING_KEY") ?? "";
            public const string Placeholder = "changeme";

            public static HMAC A() => new HMACSHA256(Encoding.UTF8.GetBytes(SigningSecret));
            public static HMAC B() => new HMACSHA256(Encoding.UTF8.GetBytes(FromEnvironment));
            public static NetworkCredential C() => new("svc", Placeholder);
        }
        """);

    [Fact]
    public Task KeysPassedToCloudAndSaasClients_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        namespace SendGrid { public class SendGridClient { public SendGridClient(string apiKey, string? host = null) { } } }
        namespace Twilio { public static class TwilioClient { public static void Init(string username, string password) { } } }
        namespace Amazon.Runtime { public class BasicAWSCredentials { public BasicAWSCredentials(string accessKey, string secretKey) { } } }
        namespace Azure { public class AzureKeyCredential { public AzureKeyCredential(string key) { } } }

        class Clients
        {
            void Create()
            {
                _ = new SendGrid.SendGridClient({|CDS1002:"sgk-7Kq2Wm9Xv4Lz1Bn8Cp3"|});
                Twilio.TwilioClient.Init("AC9b2f4e6d8c0a1b3d5f7e9c2a4b6d8f0e", {|CDS1002:"7d3f9a1c5e2b8d4f6a0c3e5b7d9f1a2c"|});
                _ = new Amazon.Runtime.BasicAWSCredentials("AKIA-ID-IS-PUBLIC", {|CDS1002:"kR7vQ2mX9pL4wZ1nB8cT5hJ3fD6sA0gE2yU7iO4p"|});
                _ = new Azure.AzureKeyCredential({|CDS1002:"4f1d8e2c9b7a6f5e3d2c1b0a9f8e7d6c"|});
                _ = new Azure.AzureKeyCredential("");
            }
        }
        """);

    [Fact]
    public Task KeyBytesReadAtRunTimeOrHashedData_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;
        using System.Text;

        class WebhookSignature
        {
            byte[] Sign(string key, byte[] body)
            {
                using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
                return hmac.ComputeHash(Encoding.UTF8.GetBytes("x9Kq2Lm7Vw4Rz1Kp-payload"));
            }
        }
        """);

    [Fact]
    public Task CredentialNamedDeclarations_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        class PartnerSettings
        {
            private const string PartnerApiKey = {|CDS1002:"pk_4f9a1c77e2b84d1f"|};
            public static readonly string DbPassword = {|CDS1002:"Winter2024!"|};
            public string SmtpPassword { get; set; } = {|CDS1002:"hunter22"|};
            public string ServiceToken => {|CDS1002:"tok-8d1f7a2c"|};

            void Connect(string password = {|CDS1002:"admin123"|})
            {
                var accessToken = {|CDS1002:"a8f3k2j9d0s7"|};
                string partner_api_key;
                partner_api_key = {|CDS1002:"ab12cd34ef56"|};
                Environment.SetEnvironmentVariable("PARTNER_API_KEY", {|CDS1002:"ab12cd34ef57"|});
            }
        }
        """);

    [Fact]
    public Task KeysNamedArgumentsAndAnonymousObjects_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class Api
        {
            void Call(string url, string apiKey = "") { }

            void Run()
            {
                var headers = new Dictionary<string, string>
                {
                    ["X-Api-Key"] = {|CDS1002:"a1b2c3d4e5f6"|},
                };
                var more = new Dictionary<string, string> { { "Authorization-Token", {|CDS1002:"zz91aa82bb73"|} } };
                headers.Add("db_password", {|CDS1002:"Pa55w0rd!"|});
                var body = new { username = "svc", password = {|CDS1002:"S3rv1ce!Pass"|} };
                Call("https://partner.example", apiKey: {|CDS1002:"k-72hd92jd"|});
                var pair = new KeyValuePair<string, string>("refresh_token", {|CDS1002:"rt-0x91ma"|});
            }
        }
        """);

    [Fact]
    public Task AttributeNamedArgument_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        [AttributeUsage(AttributeTargets.Class)]
        sealed class PartnerAttribute : Attribute
        {
            public string ApiKey { get; set; } = "";
        }

        [Partner(ApiKey = {|CDS1002:"k-72hd92jd"|})]
        class Client { }
        """);

    [Fact]
    public Task KnownCredentialSinkPositional_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Http.Headers;

        class Calls
        {
            void Run()
            {
                var credential = new NetworkCredential("svc-backup", {|CDS1002:"Backup#2024"|});
                var bearer = new AuthenticationHeaderValue("Bearer", {|CDS1002:"9f8e7d6c5b4a"|});
            }
        }
        """);

    // Real code (a shop's view-data accessor): a key reserved for an item bag, two underscores before a name of words, under
    // a name ending in AccessKey, is a key; after two underscores a value that splits into no words, and a leetspeak value
    // behind a `$`, are still reported.
    [Fact]
    public Task ReservedItemKeysOfWords_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public class DefaultViewDataAccessor
        {
            internal const string ViewDataAccessKey = "__CurrentViewDataDictionary";
            internal const string RequestAccessKey = "__RequestItemKey";
            internal const string ServiceAccessKey = {|CDS1002:"__Xk9qL2mZ8vR4tW"|};
            internal const string AdminPassword = {|CDS1002:"$uperSecret"|};
        }
        """);

    [Fact]
    public Task OperatorTokensReservedKeyNamesAndOffSwitches_ShouldNotReport_ButRealValuesBesideThemShould() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Configuration;

        abstract class JsOperator { public abstract string Token { get; } }
        sealed class JsStrictNotEquals : JsOperator { public override string Token => "!=="; }
        sealed class JsArrow : JsOperator { public override string Token => "=>"; }

        static class Keywords
        {
            public const string Session = "__session";
            public const string ApiKey = "__apikey";
            public const string AuthToken = "$authToken";
            public const string PartnerApiKey = {|CDS1002:"pk_7Kq2Wm9Xv4Lz1Bn8"|};
        }

        sealed class ExternalLoginOptions
        {
            public string ClientId { get; set; } = "";
            public string ClientSecret { get; set; } = "";
        }

        static class ExternalLogins
        {
            public static void Configure(IConfiguration configuration, ExternalLoginOptions microsoft, ExternalLoginOptions partner)
            {
                microsoft.ClientId = configuration["Authentication:Microsoft:ClientId"] ?? "disabled";
                microsoft.ClientSecret = configuration["Authentication:Microsoft:ClientSecret"] ?? "disabled";
                partner.ClientSecret = configuration["Authentication:Partner:ClientSecret"] ?? {|CDS1002:"p4rtn3r-Kq8~xZ91"|};
            }
        }
        """);

    [Fact]
    public Task NotSecrets_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using Microsoft.Extensions.Configuration;

        enum TokenKind { Access, Refresh }

        static class ConfigKeys
        {
            public const string ClientSecret = "Cadasto:ClientSecret";
            public const string ApiKey = "PARTNER_API_KEY";
            public const string HeaderApiKey = "X-Api-Key";
            public const string Password = "Password";
            public const string TokenEndpoint = "https://auth.example/connect/token";
            public const string PasswordHash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
            public const string SecretName = "cadasto-client-secret";
            public const string ClientSecretVariable = "CADASTO_CLIENT_SECRET";
        }

        class Screen
        {
            public string PasswordLabel { get; } = "Password";
            public string InvalidPassword { get; } = "The password you entered is not correct.";
            public string Token { get; set; } = "";
            public string ClientSecret { get; set; } = "<your-client-secret>";
            public string DbPassword { get; set; } = "${DB_PASSWORD}";
            public string ApiKey { get; set; } = "%PARTNER_API_KEY%";
            public string AccessToken { get; set; } = "{{access_token}}";
            public string RefreshToken { get; set; } = "#{RefreshToken}#";
            public string Secret { get; set; } = "changeme";

            void Run(IConfiguration configuration, CancellationToken cancellationToken = default)
            {
                var clientSecret = configuration["Cadasto:ClientSecret"];
                var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                var apiKey = nameof(ApiKey);
                var template = string.Format("Token {0} expired", "x");
                var tokenPath = "/connect/token";
                var tokenFormat = "Bearer {0}";
                var map = new Dictionary<string, string> { ["ClientId"] = "cad-dev-invoice-sync", ["Scope"] = "api.read" };
                Console.WriteLine("Enter your password:");
            }
        }
        """);

    [Fact]
    public Task LiteralReachingAClientSecretSink_ShouldNotReportTwice() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            private const string ClientSecret = "Kq8~xZ.const";

            void Build()
            {
                var secret = "Kq8~xZ.local";
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecret);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(secret);
            }
        }
        """);

    [Fact]
    public Task ExtraCredentialWords_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                class Jwt
                {
                    const string SigningKey = {|CDS1002:"k3y-f0r-s1gning-tok3ns"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ncadasto_credential_words = signing key\n") },
        },
    }.RunAsync();

    [Fact]
    public Task ExtraCredentialWordsInAnEditorConfigSection_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                class Jwt
                {
                    const string SigningKey = {|CDS1002:"k3y-f0r-s1gning-tok3ns"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ncadasto_credential_words = signing key\n") },
        },
    }.RunAsync();
    [Fact]
    public Task CredentialFields_ShouldFixAllUnderKeysNamedAfterTheirSymbols() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Configuration;

        class PartnerClient
        {
            private readonly IConfiguration _configuration;

            public PartnerClient(IConfiguration configuration) => _configuration = configuration;

            void Call()
            {
                var apiKey = {|CDS1002:"pk_4f9a1c77e2b84d1f"|};
                var password = {|CDS1002:"Winter2024!"|};
            }
        }
        """, """
        using Microsoft.Extensions.Configuration;

        class PartnerClient
        {
            private readonly IConfiguration _configuration;

            public PartnerClient(IConfiguration configuration) => _configuration = configuration;

            void Call()
            {
                var apiKey = _configuration["ApiKey"];
                var password = _configuration["Password"];
            }
        }
        """);

    [Fact]
    public Task ConstantContext_ShouldNotOfferAFixThatBreaksTheBuild() => VerifyCS.VerifyCodeFixAsync("""
        using System;

        [AttributeUsage(AttributeTargets.Class)]
        sealed class PartnerAttribute : Attribute
        {
            public string ApiKey { get; set; } = "";
        }

        [Partner(ApiKey = {|CDS1002:"k-72hd92jd"|})]
        class Client
        {
            void Connect(string password = {|CDS1002:"admin123"|}) { }
        }
        """, """
        using System;

        [AttributeUsage(AttributeTargets.Class)]
        sealed class PartnerAttribute : Attribute
        {
            public string ApiKey { get; set; } = "";
        }

        [Partner(ApiKey = {|CDS1002:"k-72hd92jd"|})]
        class Client
        {
            void Connect(string password = {|CDS1002:"admin123"|}) { }
        }
        """);

    [Fact]
    public Task CredentialNamedConstantInsideACompositionAtAClientSecretSink_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityModel.Client;

        class DeviceLogin
        {
            private const string Env = "tv";
            private const string Secret = "D3v1ce-9Qa7Lx2";

            DeviceAuthorizationRequest Request() => new() { ClientId = "tv", ClientSecret = $"{Secret}-{Env}" };
        }
        """);

    [Fact]
    public Task KeyAndValueOfAPredicate_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class Lookup
        {
            static bool Check(string name, string value) => name.Length == value.Length;
            static void Store(string name, string value) { }

            void Run(Dictionary<string, string> headers)
            {
                Check("password", "Hello-World-2291");
                Store("password", {|CDS1002:"Hello-World-2292"|});
                headers.TryAdd("x-api-key", {|CDS1002:"a81Kq2Lm7Xz4Wv9Nb3"|});
            }
        }
        """);

    [Fact]
    public Task ElidedMasksAndEndpointsUnderCredentialNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Display
        {
            public string ApiKey { get; set; } = "sk-...a1b2";
            public string AccessToken { get; set; } = "ghp_\u2026Xy9z";
            public string NoPassword = "amqp://guest@localhost:5672/";
            public string RedisPassword = "redis://cache.internal:6379";
            public string Token = {|CDS1002:"at.71Kq2Xz8Lm"|};
        }
        """);

    [Fact]
    public Task CredentialNamedMembersOfUnresolvedTypes_ShouldReportByName() => new VerifyCS.Test
    {
        // Neither the Google handler nor IdentityServer's TestUser is referenced (a source-only scan): the member's
        // name is the only evidence, a warning, never CDS1001.
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Add(IServiceCollection services)
                {
                    services.AddAuthentication().AddGoogle(o =>
                    {
                        o.ClientId = "1234-abc.apps.googleusercontent.com";
                        o.ClientSecret = {|CDS1002:"GOCSPX-g00gle.Secret81"|};
                    });
                    var options = new Missing.OAuth2IntrospectionOptions { ClientSecret = {|CDS1002:"introspection-8d1c"|} };
                    // A sample API's introspection secret, the demo word its identity server registers.
                    services.AddAuthentication("token").AddOAuth2Introspection("introspection", o =>
                    {
                        o.ClientId = "urn:resource1";
                        o.ClientSecret = {|CDS1002:"secret"|};
                        o.TokenTypeHint = "token";
                    });
                }

                static List<TestUser> Users() => new()
                {
                    new TestUser { SubjectId = "1", Username = "alice", Password = {|CDS1002:"alice"|} },
                    new TestUser { SubjectId = "2", Username = "bob", Password = "" },
                };
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task AnotherChosenWordAsASecretsValue_ShouldReport() => new VerifyCS.Test
    {
        // A sample's admin UI keeps its client's secret in a static field; a template's startup sets it in the callback of a
        // sign-in extension its package provides (not referenced: the receiver does not bind). The word password under a
        // secret's name is the demo value the client logs in with, not a label of the field.
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class AdminSetup
            {
                private static string _clientId = "orders-admin";
                private static string _clientSecret = {|CDS1002:"password"|};

                public static void Add(IServiceCollection services)
                {
                    services.AddOrdersSignIn(o =>
                    {
                        o.ClientId = "orders-web";
                        o.ClientSecret = {|CDS1002:"password"|};
                    });
                    var dbPassword = {|CDS1002:"secret"|};
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task CredentialWordsAsNamesOfFieldsAndKinds_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class GrantTypes
        {
            public const string Password = "password";
        }

        public static class SecretKinds
        {
            public const string PasswordSecret = "password";
            public const string TokenSecret = "token";
        }

        public static class ConnectionKeywords
        {
            public const string Password = "pwd";
            public const string Passphrase = "password";
        }
        """);

    [Fact]
    public Task UnresolvedIntrospectionOptionsAndConditionalDefaults_ShouldReportByName() => new VerifyCS.Test
    {
        // IdentityServer4.AccessTokenValidation and a command-line parser, neither referenced (a source-only scan): the
        // API secret set in a callback whose receiver did not bind, and a seed tool's default password beside an option
        // read at run time.
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Add(IServiceCollection services)
                {
                    services.AddAuthentication(IdentityServerAuthenticationDefaults.AuthenticationScheme)
                        .AddIdentityServerAuthentication(options =>
                        {
                            options.Authority = "https://localhost:44318/";
                            options.ApiName = "grpc_protected_api";
                            options.ApiSecret = {|CDS1002:"grpc_protected_secret"|};
                        });
                }

                static int Seed(CommandOption usernameOption, CommandOption passwordOption)
                {
                    var username = usernameOption.HasValue() ? usernameOption.Value() : "seed-user";
                    var password = passwordOption.HasValue() ? passwordOption.Value() : {|CDS1002:"Password1!"|};
                    return username.Length + password.Length;
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task UnboundCallsOfTheSolutionsOwnExtensionMethods_ShouldReportByParameterName() => new VerifyCS.Test
    {
        // An Aspire AppHost: DistributedApplication and the resource builders come from packages a source-only scan lacks,
        // so the chain over them does not bind, but AddAdminPassword, WithUser and AddClient are the solution's own
        // extension methods. Where every method of the name agrees, the parameter at the argument's position names it.
        TestCode = """
            var builder = DistributedApplication.CreateBuilder(args);
            var web = builder.AddProject<Projects.ClientWeb>("clientweb");
            builder.AddIdentityServerNET("is-nova")
                   .WithMigrations(migrations => migrations
                       .AddAdminPassword({|CDS1002:"Adm1n-Nova!"|})
                       .WithUser("alice", {|CDS1002:"Al1ce-Pw-77"|}, ["admin"])
                       .AddClient(ClientType.WebApplication, "clientweb", {|CDS1002:"Kq8ZxN3vR7"|}, web.Resource, ["openid"])
                       .AddApiResource("orders-api", ["query"]));
            builder.AddIdentityServerNET("is-nova-2").WithMigrations(seed => seed.Protect("Kq8ZxN3vR7"));

            public enum ClientType { WebApplication, ApiClient }

            public sealed class MigrationBuilder { }

            public static class MigrationBuilderExtensions
            {
                public static MigrationBuilder AddAdminPassword(this MigrationBuilder builder, string adminPassword) => builder;
                public static MigrationBuilder WithUser(this MigrationBuilder builder, string userName, string password, string[] roles) => builder;
                public static MigrationBuilder AddClient(this MigrationBuilder builder, ClientType type, string clientId, string clientSecret, object resource, string[] scopes) => builder;
                public static MigrationBuilder AddApiResource(this MigrationBuilder builder, string name, string[] scopes) => builder;

                // Two methods of one name that disagree on the parameter: nothing is known of the argument.
                public static MigrationBuilder Protect(this MigrationBuilder builder, string label, int order = 0) => builder;
                public static MigrationBuilder Protect(this MigrationBuilder builder, string password) => builder;
            }
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // PayPal hands out EC-… (Express Checkout) and BA-… (billing agreement) reference ids for one approval and sends them
    // back as ?token=…; SDK models keep them in a Token member. They name a transaction: no finding. A mixed-case or
    // longer value under the same prefix is no such id.
    [Fact]
    public Task PaymentReferenceIdUnderATokenName_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public sealed class Agreement
        {
            public string token { get; set; }
            public string Token { get; set; }
        }

        static class Checkout
        {
            static Agreement[] Approvals() => new[]
            {
                new Agreement { token = "EC-4T8B2K9X1M7Q3W5ZR" },
                new Agreement { Token = "BA-8K2M4Q6W1T3X5Z7RN" },
                new Agreement { Token = {|CDS1002:"EC-4t8B2k9X1m7Q3w5zR"|} },
                new Agreement { Token = {|CDS1002:"EC-4T8B2K9X1M7Q3W5ZR8L6N2PAQ"|} },
            };
        }
        """);

    // A library's own Basic header class, named as the legacy IdentityModel names its own in System.Net.Http: a build
    // that references only the library binds it, but a source-only scan's reference set holds IdentityModel too, and with
    // both namespaces imported the name is ambiguous. The solution's own type's constructor still names the argument.
    [Fact]
    public Task OwnBasicHeaderClassNamedAsIdentityModels_ShouldReportThePasswordArgument() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using Acme.Tokens.Http;

            namespace Acme.Tokens.Http
            {
                public class BasicAuthenticationHeaderValue : AuthenticationHeaderValue
                {
                    public BasicAuthenticationHeaderValue(string userName, string password)
                        : base("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password))) { }
                }
            }

            namespace Client
            {
                static class Program
                {
                    static void Main()
                    {
                        var client = new HttpClient();
                        client.DefaultRequestHeaders.Authorization = new BasicAuthenticationHeaderValue("svc-orders", {|CDS1002:"Zq7-vR2pLw9xKt4m"|});
                        var other = new BasicAuthenticationHeaderValue("svc-orders", "svc-orders".Length.ToString());
                    }
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // IdentityModel 1.x–3.x (IdentityServer3 and early IdentityServer4 samples): TokenClient took the client's credentials
    // in its constructor and TokenClientExtensions the user's password. Compiled against today's IdentityModel (what a
    // source-only scan ships), neither overload exists, so the arguments have no parameter; the type resolves, and its
    // first API's parameters name them. Arguments the old API gave other names stay silent.
    [Fact]
    public Task IdentityModel1TokenClientArguments_ShouldReportByTheOldApisParameterNames() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            using System.Net.Http;
            using IdentityModel.Client;

            static class Program
            {
                const string TokenEndpoint = "https://localhost:44333/core/connect/token";

                static void Main()
                {
                    var client = new TokenClient(TokenEndpoint, "ro.client", {|CDS1002:"secret"|});
                    var response = client.RequestResourceOwnerPasswordAsync("bob", {|CDS1002:"bob-Pw1"|}, "read write").Result;
                    var refreshed = client.RequestRefreshTokenAsync(response.RefreshToken).Result;

                    var introspection = new IntrospectionClient(
                        "https://localhost:44333/core/connect/introspect",
                        "scope.api1",
                        {|CDS1002:"7BD0C9B6-2E03-4D5A-9E4E-7A1B0C3D2F11"|});

                    var custom = new TokenClient(TokenEndpoint, "custom.client", {|CDS1002:"cd19ac6f-3bfa-4577-9579-da32fd15788a"|}, AuthenticationStyle.PostValues);
                    var anonymous = new TokenClient(TokenEndpoint, "implicit.client");
                    var grant = custom.RequestCustomGrantAsync("custom", "read", new { custom_credential = "custom credential" }).Result;
                    var codes = client.RequestAuthorizationCodeAsync("code", "https://localhost:44300/callback").Result;
                }

                // The demo user's password is the word itself, as IdentityServer3's InMemoryUser registers it.
                static TokenResponse Delegated(TokenClient client) =>
                    client.RequestResourceOwnerPasswordAsync("bob", {|CDS1002:"secret"|}, "api1").Result;
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // Thinktecture.IdentityModel.Client, IdentityModel's predecessor (2013–2015 authorization-server samples): no version
    // of it is shipped, so OAuth2Client never resolves; under an import of its namespace its old parameters still name
    // the arguments. The solution's own OAuth2Client (MSAL has one) is judged by its own parameters, and another
    // namespace's unresolved OAuth2Client by nothing.
    [Fact]
    public Task ThinktectureOAuth2ClientArguments_ShouldReportByItsParameterNames() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System;
                using Thinktecture.IdentityModel.Client;

                static class Program
                {
                    static void Main()
                    {
                        var client = new OAuth2Client(new Uri("https://localhost:44333/users/oauth/token"), "roclient", {|CDS1002:"Rk4-Pq9.Zt2"|});
                        var response = client.RequestResourceOwnerPasswordAsync("bob", {|CDS1002:"abc!123"|}, "read").Result;
                        var refreshed = client.RequestRefreshTokenAsync(response.RefreshToken).Result;
                    }
                }
                """,
                """
                using System;
                using Other.OAuth;

                static class Elsewhere
                {
                    static void Run()
                    {
                        var client = new OAuth2Client(new Uri("https://localhost/token"), "client", "Zx8-Lm3.Qw7");
                        var response = client.RequestResourceOwnerPasswordAsync("bob", "abc!123", "read").Result;
                    }
                }
                """,
            },
        },
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // The same old client under the imports C# itself would search: a global using of another file, a using inside the
    // namespace declaration, a namespace alias; a using static imports a type's members, not the namespace.
    [Fact]
    public Task ThinktectureOAuth2ClientUnderAnyImportOfItsNamespace_ShouldReportByItsParameterNames() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                "global using Thinktecture.IdentityModel.Client;",
                """
                using System;

                static class Global
                {
                    static void Run() => new OAuth2Client(new Uri("https://localhost/token"), "roclient", {|CDS1002:"Rk4-Pq9.Zt2"|});
                }
                """,
                """
                using System;

                namespace Server
                {
                    using Legacy = Thinktecture.IdentityModel.Client;

                    static class Aliased
                    {
                        static void Run() => new Legacy.OAuth2Client(new Uri("https://localhost/token"), "roclient", {|CDS1002:"Rk4-Pq9.Zt2"|});
                    }
                }
                """,
            },
        },
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // A credential word a person chooses, given to a call as its password, is the password that call logs in with (the
    // demo user of a sample), as the same word set on an object is; a dictionary's entry under the word as its key, or a
    // constant so named, is a field's name.
    [Fact]
    public Task ChosenCredentialWordPassedAsAPasswordArgument_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public static class Seed
        {
            public const string Password = "password";

            public static void Login(string userName, string password) { }

            public static void Run(Dictionary<string, string> form)
            {
                Login("alice", {|CDS1002:"password"|});
                Login(userName: "bob", password: {|CDS1002:"secret"|});
                form.Add("password", "secret");
                form["grant_type"] = Password;
            }
        }
        """);

    // Real code (a workflow engine's identity module, library code): the development admin user's password is the word
    // itself, set on the options object the feature logs in with; appsettings.json's "AdminPassword": "password" is
    // CDS1004's, and the same value gets the same verdict in C#. Declared as a constant, the word names a form field or a
    // grant type; an issued credential's word (token) set so names the field the token goes in.
    [Fact]
    public Task CredentialWordSetAsThePasswordOfAnObject_ShouldReport() => new VerifyCS.Test
    {
        TestCode = """
            using System;

            public sealed class AdminUserOptions
            {
                public string UserName { get; set; } = "";
                public string Password { get; set; } = "";
                public string Token { get; set; } = "";
            }

            public static class OAuthConstants
            {
                public const string Password = "password";
                public static readonly string Secret = "secret";
            }

            public sealed class IdentityFeature
            {
                public void UseAdminUserProvider(Action<AdminUserOptions> configure) => configure(new AdminUserOptions());

                public void UseDevelopmentAdminUserProvider() => UseAdminUserProvider(options =>
                {
                    options.UserName = "admin";
                    options.Password = {|CDS1002:"password"|};
                    options.Token = "token";
                });

                public AdminUserOptions Seed() => new() { UserName = "admin", Password = {|CDS1002:"password"|} };
            }
            """,
    }.RunAsync();

    // Real code (an identity server's sample host): the demo users' password is another chosen credential's word, set in
    // the initializer of a user type that a source-only scan cannot resolve (the server package is not in the reference
    // set) and of one it can: either way the user logs in with it. A token's name keeps its own word as a label, and a
    // constant keeps naming a form field.
    [Fact]
    public Task ChosenCredentialWordAsADemoUsersPassword_ShouldReport() => new VerifyCS.Test
    {
        TestCode = """
            using System.Collections.Generic;

            public sealed class LocalUser
            {
                public string Username { get; set; } = "";
                public string Password { get; set; } = "";
                public string RefreshToken { get; set; } = "";
            }

            public static class FormFields
            {
                public const string Password = "secret";
            }

            static class Users
            {
                public static List<InMemoryUser> Get() => new List<InMemoryUser>
                {
                    new InMemoryUser { Username = "bob", Password = {|CDS1002:"secret"|}, Subject = "1" },
                    new InMemoryUser { Username = "alice", Password = {|CDS1002:"passwd"|}, Subject = "2" },
                };

                public static LocalUser Local() => new LocalUser { Username = "carol", Password = {|CDS1002:"secret"|}, RefreshToken = "secret" };
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // Real code (a workflow engine's MySQL persistence module): ServerVersion comes from a provider package the scan lacks,
    // so ServerVersion.Parse("…") does not bind; the solution's own IApiKeyParser.Parse(string apiKey) shares only the
    // name. A call with a receiver reaches the user's extension methods, or a method of a type of the receiver's name.
    [Fact]
    public Task UnboundCallOnAPackageTypeSharingAnOwnMethodsName_ShouldNotReport() => new VerifyCS.Test
    {
        TestCode = """
            public interface IApiKeyParser
            {
                string Parse(string apiKey);
            }

            public sealed class MySqlContextFactory
            {
                public void Configure(Missing.DbContextOptionsBuilder builder, string connectionString)
                {
                    builder.UseMySql(connectionString, serverVersion: ServerVersion.Parse("8.0.36-mysql"));
                    builder.UseMySql(connectionString, Missing.ServerVersion.Parse("9.0.0"));
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task UnboundBuilderSettersAndSecretsSpelledFromTheApisName_ShouldReportByName() => new VerifyCS.Test
    {
        // OpenIddict's web-provider builders (AddGitHub, AddReddit) come from a source generator a source-only scan does
        // not run, and the validation package is not referenced: no call binds. A Set<credential name>(…) builder call
        // stores its one argument under that name (a warning, never CDS1001: an unresolved member is no sink). A sample
        // API's secret spelled from its own name beside it ("invoicesApi" → "invoicesSecret") is its demo secret, not a label.
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Add(IServiceCollection services)
                {
                    services.AddOpenIddict().AddClient(options =>
                    {
                        options.UseWebProviders()
                               .AddGitHub(options =>
                               {
                                   options.SetClientId("0f3a9c1e7b2d")
                                          .SetClientSecret({|CDS1002:"7c4e0a9b3f1d8e2c6a5b4d3e2f1a0b9c8d7e6f5a"|})
                                          .SetRedirectUri("callback/login/github");
                               })
                               .AddReddit(options => options.SetClientId("Qz81kLm0").SetClientSecret({|CDS1002:"Rk2_Mx9vTq4LpZ8sWn3"|}));
                    });
                    services.AddOpenIddict().AddValidation(options =>
                    {
                        options.UseIntrospection()
                               .SetClientId("rs_ordersEventsApi")
                               .SetClientSecret({|CDS1002:"ordersEventsSecret"|});
                    });
                    services.AddAuthentication("token").AddIdentityServerAuthentication(options =>
                    {
                        options.ApiName = "invoicesApi";
                        options.ApiSecret = {|CDS1002:"invoicesSecret"|};
                    });
                    var descriptor = new Missing.ApiOptions { ApiName = "shipping", ApiSecret = {|CDS1002:"shippingSecret"|} };
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // Real code (a Keycloak sample's Program.cs): the client's id and its demo secret spelled from it are locals declared
    // side by side among the top-level statements, then handed to a token-management package the scan does not bind.
    // Spelled from a name beside it, the secret is the demo secret registered for that client, not a vault secret's name.
    [Fact]
    public Task LocalSecretSpelledFromTheClientIdBesideIt_ShouldReport() => new VerifyCS.Test
    {
        // A Key Vault secret's name ends with its symbol's name too ("…-invoicing-secret" under invoicingSecret); with no
        // client id beside it that it is spelled from, it stays a name.
        TestCode = """
            var invoicingClientId = "acme-invoicing";
            var invoicingSecret = {|CDS1002:"acme-invoicing-secret"|};
            Missing.TokenManagement.Register(invoicingClientId, Missing.ClientSecret.Parse(invoicingSecret));

            static class Jobs
            {
                static void Configure()
                {
                    var clientId = "nightly-export";
                    var exportSecret = {|CDS1002:"nightly-export-secret"|};
                    Missing.TokenManagement.Register(clientId, Missing.ClientSecret.Parse(exportSecret));
                }

                static void FromVault()
                {
                    var vaultUri = "https://acme.vault.azure.net/";
                    var exportSecret = "acme-nightly-export-secret";
                    Missing.Vault.Read(vaultUri, exportSecret);
                }
            }
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task UnboundSettersOfLabelsAndOtherCalls_ShouldNotReport() => new VerifyCS.Test
    {
        // What the setters are given is screened as any value is (labels, templates, empty), a setter of two arguments or
        // of a name that is no credential stores nothing under a credential name, and a label spelled from no name beside
        // it stays a label.
        TestCode = """
            static class Startup
            {
                static void Add(Missing.Builder builder)
                {
                    builder.SetClientSecret("ClientSecret")
                           .SetAccessToken("{token}")
                           .SetPassword(string.Empty)
                           .SetPassword("admin", "Xq7Lm2Vr9pKw")
                           .SetTokenEndpoint("https://login.example.com/token");
                    builder.Options.ApiName = "billing";
                    builder.Options.ApiSecret = "OrdersSecret";
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task ProtocolIdentifiersUnderCredentialNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class JsonWebTokenTypes
        {
            // RFC 9068's "typ" of an access token, OpenIddict's private token types, a media type, an AMR value (RFC 8176)
            // spelled as its name's initials, and settings named for what they are for: identifiers, not credentials.
            public const string AccessToken = "at+jwt";
            public const string RefreshToken = "oi_reft+jwt";
            public const string JsonWebToken = "application/jose+json";
            public const string OneTimePassword = "otp";
            public const string ScopeForAccessToken = "orders.read";
            public const string AudienceForNewAccessToken = "rs_ordersApi";
            public const string SigningToken = {|CDS1002:"k8+Qz2/Lm4Xv9Rw1"|};
        }
        """);

    [Fact]
    public Task IdTokenNamesUnderTokenNamedConstants_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class OpenIddictClientAspNetCoreConstants
        {
            public static class Tokens
            {
                // Authentication-property keys and response types that name an ID token: protocol names, not tokens.
                public const string BackchannelIdentityToken = "backchannel_id_token";
                public const string FrontchannelIdentityToken = "frontchannel_id_token";
                public const string CodeIdToken = "rst:code id_token";
                public const string IdTokenToken = "rst:id_token token";

                // A static token a service is configured with is still one, whatever words it is made of.
                public const string ServiceToken = {|CDS1002:"svc_7Kq2Wm9Xv4Lz"|};
                public const string PartnerToken = {|CDS1002:"partner_id_tokens_2026"|};
            }
        }
        """);

    // Real code (a MAUI app's settings service): the keys it stores the user's token under in secure storage are
    // named after the token, some of the constant's words left out; a token is issued, never spelled so. A token
    // the app ships with is still one.
    [Fact]
    public Task StorageKeysUnderTokenNamedConstants_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public sealed class SettingsService
        {
            private const string UserAccessToken = "user_token";
            private const string DeviceRefreshToken = "device_token";
            private const string FallbackAccessToken = {|CDS1002:"user_7Kq2Wm9Xv4Lz"|};
            private readonly Dictionary<string, string> _secureStorage = new();

            public string Token => _secureStorage[UserAccessToken] + _secureStorage[DeviceRefreshToken] + FallbackAccessToken;
        }
        """);

    // Real code (a health-check UI's container image): a constant named after a secret holds the name of the environment
    // variable or configuration key the secret is read from, in another file. That use is the evidence: the same kind of
    // value under a secret name that no lookup uses is what a sample sets as the secret (the SPEC's my_client_secret).
    [Fact]
    public Task ConstantUsedAsAConfigurationKeyElsewhere_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public static class PushKeys
                {
                    public const string PushEndpointSecret = "push_endpoint_secret";
                    public static readonly string RelayApiKey = "relay_api_key";
                    public const string WebhookSecret = {|CDS1002:"webhook_signing_secret"|};
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                public sealed class PushAuthorization(IConfiguration configuration)
                {
                    public bool IsAuthorized(string key) =>
                        key == configuration[PushKeys.PushEndpointSecret]
                        || key == Environment.GetEnvironmentVariable(PushKeys.RelayApiKey)
                        || key == PushKeys.WebhookSecret;
                }
                """,
            },
        },
    }.RunAsync();

    private const string TestProjectConfig = "is_global = true\nbuild_property.IsTestProject = true\n";

    [Fact]
    public Task SentinelsInATestProject_ShouldNotReport_RealLookingValues_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Collections.Generic;
                using System.Net;

                public sealed class TwoFactorEmailServiceTests
                {
                    private const string Password = "pass";
                    private const string OtpToken = "123456";
                    private const string EmailToken = "thisisatokentocompare";
                    private const string AdminPassword = "P@ssw0rd123!";
                    private const string RecoveryCode = "4821";
                    private const string OrganizationApiKey = {|CDS1002:"k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0"|};
                    private const string SeedPassword = {|CDS1002:"Al1ce#Secure2024"|};

                    public NetworkCredential Invalid() => new NetworkCredential("nobody", "nothing");

                    public Dictionary<string, string?> Settings() => new()
                    {
                        ["GlobalSettings:EventLogging:RabbitMq:Password"] = "rabbit",
                        ["GlobalSettings:EventLogging:RabbitMq:Username"] = "guest",
                    };
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (a framework's NUnit tests): a whole file kept for .NET Framework (#if NETFX), which the build of this
    // target skips, holds the provider tokens of its OAuth tests. Committed text leaks like compiled code: names are judged
    // from the tokens (test sentinels and labels stay quiet), and no fix is offered where there is no expression to move.
    [Fact]
    public Task CredentialsInAnIfBranchTheBuildDoesNotCompile_ShouldReport()
    {
        const string Source = """
            #if NETFX
            using System.Collections.Generic;

            public class AuthTokens { public string Provider, AccessTokenSecret, RequestToken, Password, ApiKeyHeader; }

            public abstract class AuthUserSessionTestsBase
            {
                protected AuthTokens twitterAuthTokens = new()
                {
                    Provider = "twitter",
                    AccessTokenSecret = {|CDS1002:"Qm7Xw2Zp9Kd4Rt8Vn3Ls6Hc1Jf5Bg0YeTu2"|},
                    RequestToken = {|CDS1002:"9vL2xQ7mZp4Kd8Rt3Wn6Hc1Jf5Bg0Ye"|},
                    Password = "pass",
                    ApiKeyHeader = "X-Api-Key",
                };

                protected Dictionary<string, string> Settings = new()
                {
                    ["ApiKey"] = {|CDS1002:"k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0"|},
                };
            }
            #endif
            """;
        return new VerifyCS.Test
        {
            TestState = { Sources = { Source }, AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) } },
            FixedState = { Sources = { Source }, AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) } },
        }.RunAsync();
    }

    // Real code (an authorization server's samples, a device simulator): a registration and a certificate password left in
    // the file as commented-out code. A comment is committed like the code around it, so its literals are judged by the
    // same names and values (a warning: no sink resolves in a comment); no fix is offered where there is no expression.
    [Fact]
    public Task CredentialsInCommentedOutCode_ShouldReport()
    {
        const string Source = """
            public class Application { public string ApplicationID, DisplayName, Secret; }

            public static class Seed
            {
                public static Application ResourceServer() => new()
                {
                    ApplicationID = "resource_server",
                    DisplayName = "Main resource server",
                    // Secret = {|CDS1002:"q8Rw2Lk5Zt9Xv3Nm7Bp4Hd6Jf1Gs0Yc"|},
                };

                /* var pfxPassword = {|CDS1002:"Kd7wQz2xLm9"|};
                   var cert = new X509Certificate2("device.pfx", pfxPassword); */
                public static void Connect(string user, string password) { }

                public static void Login(string fromVault) => Connect("svc", password: fromVault); // Connect("svc", password: {|CDS1002:"Tr1cky#Pass9"|});
            }
            """;
        return new VerifyCS.Test
        {
            TestState = { Sources = { Source } },
            FixedState = { Sources = { Source } },
        }.RunAsync();
    }

    // What a comment holds that is no hard-coded credential: prose without a literal, a placeholder, an empty value, a
    // documentation comment's example (documentation shows what to write), a URL's "//" inside a string, and a sentinel
    // in commented-out test code.
    [Fact]
    public Task CommentsWithoutACredential_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public class Options { public string ClientSecret, Password, Endpoint; }

                public static class Setup
                {
                    /// <example>
                    /// options.ClientSecret = "q8Rw2Lk5Zt9Xv3Nm7Bp4Hd6Jf1Gs0Yc";
                    /// </example>
                    public static Options Configure() => new()
                    {
                        // the password is set by the deployment: Password = the vault's value
                        // ClientSecret = "your-client-secret",
                        // Password = "",
                        /* ClientSecret = "<client secret>", */
                        Endpoint = "https://auth.example.com/connect/token", // Password = "Endpoint"
                    };
                }
                """,
                """
                public class LoginTests
                {
                    public void Login()
                    {
                        // var request = new { Account = "admin", Password = "admin123456" };
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    [Fact]
    public Task SentinelsOutsideTestCode_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net;

        public static class SeedData
        {
            private const string Password = {|CDS1002:"pass"|};
            private const string AdminPassword = {|CDS1002:"P@ssw0rd123!"|};

            public static NetworkCredential Service() => new NetworkCredential("svc", {|CDS1002:"nothing"|});
        }
        """);

    // Real code (a .NET Framework authorization server's tests): an old-style MSTest v1 project references the framework
    // Visual Studio installed, Microsoft.VisualStudio.QualityTools.UnitTestFramework, and no package; its password and
    // refresh-token sentinels are test code's. A random-looking key there is still reported.
    [Fact]
    public Task SentinelsInAnMSTestV1Project_ShouldNotReport()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Microsoft.VisualStudio.TestTools.UnitTesting;

                [TestClass]
                public class TokenRequest_Validation_Password
                {
                    private sealed class TokenRequest { public string UserName, Password, Refresh_Token; }

                    [TestMethod]
                    public void Valid_Password_Request()
                    {
                        var request = new TokenRequest { UserName = "alice", Password = "password" };
                        var refresh = new TokenRequest { Refresh_Token = "abc" };
                        var leaked = new TokenRequest { Password = {|CDS1002:"k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0"|} };
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MSTestV1Framework.Value);
        return test.RunAsync();
    }

    // The framework's assembly, by its name, with the two attributes the tests use (Visual Studio's copy is not on this machine).
    private static readonly System.Lazy<Microsoft.CodeAnalysis.MetadataReference> MSTestV1Framework = new(() =>
    {
        using var image = new System.IO.MemoryStream();
        var emitted = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Microsoft.VisualStudio.QualityTools.UnitTestFramework",
                new[]
                {
                    Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                        namespace Microsoft.VisualStudio.TestTools.UnitTesting
                        {
                            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class TestClassAttribute : System.Attribute { }
                            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class TestMethodAttribute : System.Attribute { }
                        }
                        """),
                },
                TestKit.TestReferences.All,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
            .Emit(image);
        Assert.True(emitted.Success);
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    });

    [Fact]
    public Task SentinelsInAProjectReferencingXunit_ShouldNotReport()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Xunit;

                public sealed class LoginTests
                {
                    private const string UserPassword = "password1";
                    private const string ClientSecret = "secret";

                    [Fact]
                    public void Login_Succeeds() => Assert.NotEmpty(UserPassword + ClientSecret);
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(TestKit.TestReferences.TestFramework);
        return test.RunAsync();
    }

    [Fact]
    public void PackagePropsMakeIsTestProjectVisible()
    {
        // Without the declaration a build never passes build_property.IsTestProject, and test code is judged as product code.
        var root = typeof(HardcodedCredentialAnalyzerTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var props = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "src", "Cadasto.Analyzers.Package", "build", "Cadasto.Analyzers.props"));
        Assert.Contains("<CompilerVisibleProperty Include=\"IsTestProject\" />", props);
    }

    [Fact]
    public Task CompositionsWithARunTimePartAndMethodNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net;

        public sealed class NotificationHubConnection
        {
            private readonly string _keyName = Environment.GetEnvironmentVariable("HUB_KEY_NAME") ?? "";

            private string GenerateSasToken(Uri uri, string signature, long expiry) =>
                $"SharedAccessSignature sr={WebUtility.UrlEncode(uri.ToString())}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={_keyName}";

            public string RegistrationToken(Guid userId) => "reg_" + userId.ToString("N") + "_9Xq2Lm7Vw4";

            public void Seed(Guid organizationId)
            {
                var accessToken = $"org.{organizationId}.Zk7Qm2Xv9Lp4";
                string password = "Seed-" + Guid.NewGuid() + "-Qv7!kL2";
                Use(accessToken, password);
            }

            private static string GetApiToken() => "tok-7Kq2Wm9Xv4Lz1Bn8";

            private static void Use(string a, string b) { }
        }
        """);

    [Fact]
    public Task WhollyConstantComposition_ShouldReportOnce() => VerifyCS.VerifyAnalyzerAsync("""
        public static class PartnerSettings
        {
            private const string Prefix = "pk_live_";
            public const string PartnerApiKey = {|CDS1002:"Ab9Q"|} + "x7Lm2Vw4Rz1Kp8Nc";
            public static readonly string Password = $"{Prefix}{{|CDS1002:"Zx81-Kq2Lm7Vw"|}}{"-suffix9"}";
        }
        """);

    [Fact]
    public Task PasswordsPassedToIdentityAndCredentialParameters_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class SeedData
        {
            public static async Task Seed(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, IdentityUser alice)
            {
                await users.CreateAsync(alice, {|CDS1002:"Pass123$"|});
                await users.AddPasswordAsync(alice, {|CDS1002:"Alice#2024x"|});
                await users.ChangePasswordAsync(alice, {|CDS1002:"Alice#2024x"|}, {|CDS1002:"Alice#2025y"|});
                await users.CheckPasswordAsync(alice, {|CDS1002:"Alice#2025y"|});
                await signIn.PasswordSignInAsync("alice", {|CDS1002:"Alice#2025y"|}, isPersistent: false, lockoutOnFailure: false);
                await users.CreateAsync(alice);
                Login("svc-reports", {|CDS1002:"R3ports!2024"|});
                Login("svc-reports", System.Environment.GetEnvironmentVariable("REPORTS_PASSWORD")!);
                Describe("name", "Reports service");
            }

            private static void Login(string userName, string password) { }

            private static void Describe(string key, string description) { }
        }
        """);

    // Real code (seed data of a web application): the message names what the value is — the parameter a known sink takes
    // it as, as for the user's own methods — not the method ('UserManager.CreateAsync' is named like no credential); also
    // for a constant with a plain name handed to the sink, and for both passwords of ChangePasswordAsync.
    [Fact]
    public Task PasswordAtAnIdentitySink_ShouldNameTheParameter()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Identity;

                public static class SeedData
                {
                    private const string Initial = {|#3:"Alice#2026z"|};

                    public static async Task Seed(UserManager<IdentityUser> users, IdentityUser alice)
                    {
                        await users.CreateAsync(alice, {|#0:"Pass123$"|});
                        await users.ChangePasswordAsync(alice, {|#1:"Alice#2024x"|}, {|#2:"Alice#2025y"|});
                        await users.AddPasswordAsync(alice, Initial);
                        _ = new NetworkCredential("svc", {|#4:"R3ports!2024"|});
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(0).WithArguments("'password'"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(1).WithArguments("'currentPassword'"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(2).WithArguments("'newPassword'"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(3).WithArguments("'password'"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(4).WithArguments("'password'"));
        return test.RunAsync();
    }

    // Real code (sample clients and seed data): the demo value is the parameter's or member's own name ("password" passed
    // as the password). Naming the symbol would print the secret in the build's output, which the CLI's masking does not
    // reach, so the message says "A symbol"; a value the name does not hold is named as before.
    [Fact]
    public Task ValueTheNameHolds_ShouldNotBeNamedInTheMessage()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                public sealed class Account
                {
                    public string? Password { get; set; }
                }

                public static class DemoClient
                {
                    public static readonly Account Admin = new() { Password = {|#0:"password"|} };

                    public static void Run()
                    {
                        Login("bob", {|#1:"password"|});
                        Login("alice", {|#2:"Qv7kL2xR9mTw"|});
                    }

                    private static void Login(string userName, string password) { }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(0).WithArguments("A symbol"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(1).WithArguments("A symbol"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.HardcodedCredential).WithLocation(2).WithArguments("'password'"));
        return test.RunAsync();
    }

    // Real code (download-client settings of three media managers): a settings default that is "My" and the property's name
    // is a demo value someone chose (the SPEC's my_client_secret), not a key's name; a key name without "my" stays a name.
    [Fact]
    public Task MyBeforeItsOwnName_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        public class Aria2Settings
        {
            public const string SecretTokenKey = "SecretToken";

            public Aria2Settings()
            {
                Host = "localhost";
                SecretToken = {|CDS1002:"MySecretToken"|};
                RpcPassword = {|CDS1002:"my_password"|};
                Mystery = "MysteryToken";
            }

            public string Host { get; set; }
            public string SecretToken { get; set; }
            public string RpcPassword { get; set; }
            public string Mystery { get; set; }
        }
        """);

    // The key of a pair is read as every rule reads one (KeyedValues): through a local that holds a constant, too.
    [Fact]
    public Task KeyHeldInALocal_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;

        static class PartnerSettings
        {
            public static Dictionary<string, string> Build()
            {
                var settings = new Dictionary<string, string>();
                var key = "PartnerApiKey";
                settings.Add(key, {|CDS1002:"k7Qx9Lm2Rv4Tw8Zp"|});
                var variable = "PARTNER_PASSWORD";
                Environment.SetEnvironmentVariable(variable, {|CDS1002:"R3ports!2024"|});
                return settings;
            }
        }
        """);

    // Real code (UrlHelper extensions): the controller name after an action name ending in a credential word is named by
    // its own parameter (controllerName), not by the literal before it. Real key/value pairs still name their value.
    [Fact]
    public Task ArgumentAfterANameThatIsNoKey_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;

        static class UrlHelperExtensions
        {
            public static string RenewCredential(bool relativeUrl = true) => GetActionLink("RenewCredential", "Users", relativeUrl);

            public static string DropApiKeyCredential(bool relativeUrl = true) => GetActionLink("DropApiKeyCredential", "Users", relativeUrl);

            public static string ManageApiKey() => RouteUrl("ApiKey", "Account");

            private static string GetActionLink(string actionName, string controllerName, bool relativeUrl) =>
                (relativeUrl ? "/" : "https://example.com/") + controllerName + "/" + actionName;

            private static string RouteUrl(string routeName, string area) => area + "/" + routeName;

            public static Dictionary<string, string> Settings()
            {
                var settings = new Dictionary<string, string>();
                settings.Add("ApiKey", {|CDS1002:"k7Qx9Lm2Rv4Tw8Zp"|});
                Environment.SetEnvironmentVariable("PARTNER_API_KEY", {|CDS1002:"p3Hs8Jd5Fk2Lq9Wx"|});
                var pair = new KeyValuePair<string, string>("password", {|CDS1002:"R3ports!2024"|});
                settings[pair.Key] = pair.Value;
                settings["admin"] = ValueOr("ADMIN_CLIENT_SECRET", {|CDS1002:"x9Lm2Rv4Tw8ZpQ7k"|});
                return settings;
            }

            // A test suite's helper: a variable's value, or a hard-coded default: the default is what the variable holds.
            private static string ValueOr(string name, string fallback) => Environment.GetEnvironmentVariable(name) ?? fallback;
        }
        """);

    // Real code (an authentication policy): a credential-named constant whose value is the name's own other word(s) is a
    // lookup key or protocol name, not a secret; a value with a part of its own, or a password equal to a user name
    // ("admin"), is a short demo value that works and stays a finding ("secret" under ClientSecret: the corpus, CDS1001).
    [Fact]
    public Task ValueThatIsTheNamesOwnWord_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class AuthenticationPolicy
        {
            private static string _emailToken = "email";
            private const string ResetPasswordToken = "reset";
            private const string AccountKeyToken = "AccountKey=";
            private static string _enforceMultiFactorAuthenticationToken = "enforce_mfa";
            private const string DeployToken = {|CDS1002:"deploy-7Hq2Lx"|};
            private const string AdminPassword = {|CDS1002:"admin"|};

            public string Email { get; set; } = "";

            public IDictionary<string, string> GetProperties() => new Dictionary<string, string>
            {
                [_emailToken] = Email,
                [_enforceMultiFactorAuthenticationToken] = "true",
                [ResetPasswordToken] = AccountKeyToken + DeployToken + AdminPassword,
            };
        }
        """);

    // Real code (a chat tool that lists an app's clients, a page that shows a store's legacy key): a marker a product writes
    // instead of a value it hides, and a credential's name set off with asterisks where no value exists, are no secrets;
    // a value beside them still is.
    [Fact]
    public Task MarkerInsteadOfAHiddenValue_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;

        sealed class AppClient { public string Name { get; set; } = ""; public string Role { get; set; } = ""; }

        sealed class TokensViewModel { public string? ApiKey { get; set; } public string EncodedApiKey { get; set; } = ""; }

        static class AppTools
        {
            public static object DescribeClients(string app, IEnumerable<AppClient> clients) => clients.Select(x => new
            {
                ClientId = $"{app}:{x.Name}",
                ClientSecret = "obfuscated",
                x.Role,
            });

            public static TokensViewModel Show(string? legacyKey) => new()
            {
                ApiKey = legacyKey,
                EncodedApiKey = legacyKey == null ? "*API Key*" : System.Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(legacyKey)),
            };

            public static object Seed() => new { ClientSecret = {|CDS1002:"Wq4mZ8vK2pLx7RtN"|} };
        }
        """);

    // Real code (a test suite that skips a test unless a secret is configured): the argument names the setting the test
    // reads, not its value; a credential-named parameter given a value is still reported.
    [Fact]
    public Task NameOfASettingPassedToATestAttribute_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class FactWithSecretAttribute : Attribute
                {
                    public FactWithSecretAttribute(string secret) => Skip = Environment.GetEnvironmentVariable(secret) is null ? "no " + secret : null;

                    public string? Skip { get; }
                }

                public sealed class StorageTests
                {
                    [FactWithSecret("BlobStorageConnectionString")]
                    public void CanUseBlobStorage() { }

                    [FactWithSecret("ORDERS_DB_CONNECTION_STRING")]
                    public void CanUseOrdersDatabase() { }

                    [FactWithSecret("PartnerApiToken")]
                    public void CanCallPartner() { }

                    [FactWithSecret({|CDS1002:"Hq7xLm2Rv9Tw4Zp8Kc3N"|})]
                    public void CanUseAValue() { }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (an authorization server's constants): a token type or protocol parameter spelled as its own name in
    // snake case is a name; a password or secret spelled so is what a sample sets as the value (the SPEC), and stays one.
    [Fact]
    public Task TokenTypeNamedAfterItself_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        static class TokenTypes
        {
            public const string IdentityToken = "id_token";
            public const string LogoutToken = "logout_token";
            public const string ReferenceToken = "reference_token";
            public const string DeviceToken = "device-token";
        }

        static class SampleSettings
        {
            public const string AdminEmail = "admin@example.com";
            public const string AdminPassword = {|CDS1002:"admin_password"|};
            public const string WebhookUrl = "https://hooks.example.com/orders";
            public const string WebhookSecret = {|CDS1002:"webhook_secret"|};
        }
        """);

    // Real code (a password manager's EF discriminators, an identity SDK's generated enumeration of template names, an
    // identity library's claim types): a constant spelling its own name, among string constants most of which spell
    // theirs, is one name of a list, whatever its credential word. A self-named password beside values that are not
    // names, a prefix no other name of the list shares, and a generated value among names are still reported.
    [Fact]
    public Task ListsOfConstantsSpellingTheirOwnNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class AccessPolicyDiscriminator
        {
            public const string UserProject = "user_project";
            public const string UserServiceAccount = "user_service_account";
            public const string UserSecret = "user_secret";
            public const string GroupProject = "group_project";
            public const string GroupSecret = "group_secret";
            public const string ServiceAccountSecret = "service_account_secret";
        }

        public readonly record struct EmailTemplateName(string Value)
        {
            public static class Values
            {
                public const string VerifyEmail = "verify_email";
                public const string WelcomeEmail = "welcome_email";
                public const string ChangePassword = "change_password";
                public const string BlockedAccount = "blocked_account";
            }
        }

        public static class ClaimConstants
        {
            public const string Sub = "sub";
            public const string Roles = "roles";
            public const string TenantId = "http://schemas.example.com/identity/claims/tenantid";
            public const string Username = "xms_username";
            public const string Password = "xms_password";
        }

        public static class SeedUsers
        {
            public const string AdminEmail = "admin@example.com";
            public const string AdminRole = "administrator";
            public const string AdminPassword = {|CDS1002:"admin_password"|};
        }

        public static class LegacyClaims
        {
            public const string Sub = "sub";
            public const string Roles = "roles";
            public const string Acr = "acr";
            public const string Password = {|CDS1002:"adm_password"|};
        }

        public static class PolicyKinds
        {
            public const string UserProject = "user_project";
            public const string GroupProject = "group_project";
            public const string ServiceProject = "service_project";
            public const string ServiceSecret = {|CDS1002:"q8ZxN3vR7mT2pL9w"|};
        }
        """);

    // Real code (a social network SDK's login form, hunt10c): the names of a form's fields as constants, one of them the
    // password field's name shortened (`pass`), beside fields named as themselves. A shortened name is a name among such a
    // list; a real password in the same list, and the same short value as a sample's lone constant, are still reported.
    [Fact]
    public Task FormFieldNameShortenedAmongFieldNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class AuthorizationFormFields
        {
            public const string Email = "email";
            public const string Password = "pass";
            public const string CaptchaSid = "captcha_sid";
            public const string CaptchaKey = "captcha_key";
            public const string Code = "code";
        }

        public static class LoginFormFields
        {
            public const string Email = "email";
            public const string Username = "username";
            public const string CaptchaSid = "captcha_sid";
            public const string Password = {|CDS1002:"S3cr3t!xyz"|};
        }

        public static class DemoLogin
        {
            public const string Email = "demo@example.com";
            public const string Password = {|CDS1002:"pass"|};
        }

        public static class SeedAccounts
        {
            public const string Email = "email";
            public const string Username = "username";
            public const string Role = "role";
            public const string AdminPassword = {|CDS1002:"admin"|};
        }
        """);

    // Real code (a CMS's identity-server store, hunt10a): EF table names, each the plural of its entity's name behind the
    // store's prefix (`csids_ClientSecrets` for ClientSecret); and an attribute's marker that a query template replaces with
    // the current user's id (`Token = "@CurrentUserId"`). A value in the same list that names no table, a marked value with
    // digits under a token's name, and a password dressed the same way are still reported.
    [Fact]
    public Task TableNamesAndTemplateMarkersUnderCredentialNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public class EfConstants
        {
            public class TableNames
            {
                public const string IdentityResource = "csids_IdentityResources";
                public const string ApiResource = "csids_ApiResources";
                public const string ApiSecret = "csids_ApiSecrets";
                public const string Client = "csids_Clients";
                public const string ClientScopes = "csids_ClientScopes";
                public const string ClientSecret = "csids_ClientSecrets";
                public const string ClientClaim = "csids_ClientClaims";
            }

            public class LegacyTableNames
            {
                public const string Client = "csids_Clients";
                public const string ClientScopes = "csids_ClientScopes";
                public const string ClientClaim = "csids_ClientClaims";
                public const string ClientSecret = {|CDS1002:"csids_Q8zXv3Lm7Rt2"|};
            }
        }

        [System.AttributeUsage(System.AttributeTargets.Property)]
        public class UserFlagAttribute : System.Attribute
        {
            public const string Token = "@CurrentUserId";
        }

        public static class Markers
        {
            public const string Token = {|CDS1002:"@Q8zXv3Lm7Rt2"|};
            public const string Password = {|CDS1002:"@CurrentUserId"|};
        }
        """);

    // Real code (an OAuth client library's error codes and grant types, an authorization server's response types and
    // token names): a constant of something issued (a token, a private key, a credential) whose value spells its own name —
    // words shortened (`id` for Identity), apart by spaces, behind a short `rst:` prefix — names a code, a parameter or a
    // type. A value that no name spells, or a password spelled as its own name, is still reported.
    [Fact]
    public Task IssuedCredentialConstantsSpellingTheirOwnNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class ClientErrors
        {
            public const string CertWithoutPrivateKey = "cert_without_private_key";
            public const string UserFederatedIdentityCredential = "user_federated_identity_credential";
            public const string InvalidOwnerWindowToken = "invalid_owner_window_token";
        }

        public static class Providers
        {
            public const string BackchannelIdentityToken = "backchannel_id_token";
            public const string FrontchannelAccessToken = "frontchannel_access_token";

            public static class ResponseTypes
            {
                public const string CodeIdToken = "rst:code id_token";
                public const string IdTokenToken = "rst:id_token token";
            }

            public static class TokenLifetimes
            {
                public const string AccessToken = "tkn_lft:act";
                public const string RefreshToken = "tkn_lft:reft";
                public const string IdentityToken = {|CDS1002:"tkn_lft:q8ZxN3vR"|};
            }
        }

        public sealed class RpcSettings
        {
            public string DeviceToken { get; set; } = {|CDS1002:"device_tok_7Qx9"|};
            public const string AdminPassword = {|CDS1002:"admin_password"|};
        }
        """);

    // Real code (a CMS's upload controller; an error-reporting service's data keys): a local named token holds the suffix an
    // upload's chunk names are split on, a constant named like a token the key of a data dictionary, another an option's
    // name. A short password that leads with a symbol standing for a letter, or carries a digit, is a value and stays.
    [Fact]
    public Task KeysAndSuffixesLedBySeparators_ShouldNotReport_ShortPasswords_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.IO;

        public static class KnownDataKeys
        {
            public const string ChatToken = "-@chat";
            public const string SessionToken = ":session";
            public const string OptionPassword = "--password";
        }

        public sealed class ChunkedUploads
        {
            public string[] Parts(string folder, string filename)
            {
                string token = ".chunk_";
                var total = Path.GetExtension(filename).Replace(token, "");
                return Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(filename) + token + "*");
            }
        }

        public static class SeedPasswords
        {
            public const string AdminPassword = {|CDS1002:"@dmin"|};
            public const string ServicePassword = {|CDS1002:"-Passw0rd"|};
            public const string ReaderPassword = {|CDS1002:"$ecret"|};
        }
        """);

    // Real code (an error-reporting service's xUnit tests): a login with a deliberately wrong password phrase, a token made
    // up to be refused (a phrase padded with a count that runs on into the alphabet), and stored ids in MongoDB's ObjectId
    // shape, one under an API key's name. A random key, and a hex key of a key's length, stay reported.
    [Fact]
    public Task WrongPhrasesAndObjectIdsInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public static class TestConstants
                {
                    public const string OrganizationId = "64b7f3a2c91e4d0012ab34cd";
                    public const string SuspendedApiKey = "64b7f3a2c91e4d0012ab34ce";
                    public const string LegacyApiKey = "64B7F3A2C91E4D0012AB34CF";
                    public const string PartnerApiKey = {|CDS1002:"k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1H"|};
                    public const string SigningSecret = {|CDS1002:"9f3e7a1c5b2d8e4f6a0c3b7d9e1f5a2c"|};
                }

                public sealed class AuthEndpointTests
                {
                    private sealed class Login { public string Email, Password; }

                    public object LoginWithWrongPassword() => new Login { Email = "someone@example.com", Password = "Definitelynotmypassword1234" };

                    public string VerifyWithUnknownToken()
                    {
                        const string token = "unknownsession1234567890abc";
                        return token;
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (a test-support library's claims requests): a JSON document under a token's name says which claims to ask
    // for, not a token; a document that holds a generated-looking value still holds a credential.
    [Fact]
    public Task JsonDocumentsNamedAfterTokens_ShouldNotReport_UnlessTheyHoldAValue() => VerifyCS.VerifyAnalyzerAsync("""
        public static class Claims
        {
            public const string ClaimsWithAccessToken = @"{""access_token"":{""nbf"":{""essential"":true, ""value"":""1701477303""}}}";
            public const string CapabilitiesAndClaimsWithAccessToken = @"{""access_token"":{""xms_cc"":{""values"":[""cp1"",""cp2""]}}}";
            public const string ScopesForAccessKey = "[\"orders.read\", \"orders.write\"]";
            public const string SessionToken = {|CDS1002:"{\"token\":\"q8ZxN3vR7mT2pL9wK4bH6cJ1\"}"|};
            public const string BrokenToken = {|CDS1002:"{\"token\": q8ZxN3vR7mT2}"|};
        }
        """);

    // Real code (a test's result formatter): the constant prefix of a concatenation with a run-time part is a fragment, also
    // where the assigned member's type did not bind (a project reference the scan could not resolve).
    [Fact]
    public Task PrefixConcatenatedWithAnUnboundMember_ShouldNotReport() => new VerifyCS.Test
    {
        TestCode = """
            sealed class PrefixingOperation
            {
                public void FormatResult(Missing.AuthenticationResult result)
                {
                    result.AccessToken = "PrefixingOperation2" + result.AccessToken;
                    result.RefreshToken = $"PrefixingOperation2{result.RefreshToken}";
                    result.IdToken = {|CDS1002:"Kq8xZ2Lm9Rv4Tw7Pc3"|};
                }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    // Real code (a library's test constants): a placeholder word followed by a mark (`!`, `.`) is still a placeholder.
    [Fact]
    public Task PlaceholderWithATrailingMark_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class LabConstants
        {
            public const string PlaceholderCredential = "placeholder-credential";
            public const string TestPlaceholderCredential = "placeholder-credential!";
            public const string CertificatePassword = "changeme!";
            public const string DatabasePassword = "placeholder-password";
            public const string ServicePassword = {|CDS1002:"Vx7!Lq2@Rm9#"|};
        }
        """);

    // Real code (mock tokens of a Git credential helper's tests, a download client's fixture): a short tag and one run of
    // digits, and a leetspeak phrase of dictionary words, are test sentinels; a random value in the same tests still is not.
    [Fact]
    public Task TaggedNumbersAndLeetPhrasesInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class HostProviderTest
                {
                    private const string MOCK_ACCESS_TOKEN = "at-0987654321";
                    private const string MOCK_REFRESH_TOKEN = "rt-1234567809";
                    private const string AppToken = "S0mEv3RY1oN9T0k3n";
                    private const string RealAccessToken = {|CDS1002:"at-9Xk2Lq7Rv4Tw8Zp"|};
                    private const string SeedPassword = {|CDS1002:"Al1ce#Secure2024"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (an identity SDK's test projects): a sentence run together as one lower-case word, padded with a counting
    // run or ended with its punctuation to pass a key-length check, is a sentinel as the SPEC's `thisisatokentocompare` is;
    // a random value of the same length and alphabet in the same places is still reported.
    [Fact]
    public Task RunTogetherSentencesInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Text;
                using Microsoft.IdentityModel.Tokens;

                public sealed class ResourceServerCreateRequest { public string SigningSecret { get; set; } = ""; }

                public sealed class TokenValidationTests
                {
                    public ResourceServerCreateRequest Create() => new() { SigningSecret = "thisismysecret0123456789" };

                    public ResourceServerCreateRequest CreateRandom() => new() { SigningSecret = {|CDS1002:"q8zxn3vr7mt2pl9wk4bh6cj1"|} };

                    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes("longenoughtosatisfythekeysizerequirement!"));

                    public SymmetricSecurityKey RandomKey() => new(Encoding.UTF8.GetBytes({|CDS1002:"qzxvkwtrhmplnbdjgfscw!"|}));
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (an identity library's token-acquisition tests): the mock token endpoint answers with tokens named by
    // words and short tags (which tenant, which user, which round); a random token handed over the same way is reported.
    [Fact]
    public Task MockTokensOfWordsAndTagsInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class TokenAcquisitionTests
                {
                    private static object TokenHandler(string accessToken) => accessToken;

                    private static object UserTokenHandler(string userToken, string userId) => userToken + userId;

                    public void Arrange()
                    {
                        TokenHandler(accessToken: "t4-tenant-token");
                        TokenHandler(accessToken: "t3-refresh-b2");
                        UserTokenHandler("pooled-token-b2c3", "user-1");
                        TokenHandler(accessToken: {|CDS1002:"t4-Xk9qL2mZ8vR4tW7p"|});
                        UserTokenHandler({|CDS1002:"pooled-Qm7xKp2Lz9Rv"|}, "user-2");
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (an identity library's tests of the App Service authentication headers): an ID token built by hand, its
    // header and payload base64 JSON written with whitespace, its signature empty, is what the parser under test reads; a
    // token with a real signature is reported.
    [Fact]
    public Task UnsignedHandWrittenTokenInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class AuthenticationInformationTests
                {
                    private const string IdToken = "ewogICJ0eXAiOiAiSldUIiwKICAiYWxnIjogIlJTMjU2Igp9.ewogICJuYW1lIjogIlRlc3QiCn0=.";
                    private const string SignedIdToken = {|CDS1002:"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.Qk9xLm2RvT8wZp4Nc7Hd5Fj1Bs6Gy0Ue"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (an identity SDK's ID-token validator tests): a token whose header says it is unsigned (alg none), even with
    // header and claims run together without their dots, is what the test makes for the validator to refuse; a signed
    // token in the same test is reported.
    [Fact]
    public Task UnsignedTokenRunTogetherInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class IdTokenValidatorTests
                {
                    public void ThrowsWhenAlgIsNone()
                    {
                        var token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0eyJzdWIiOiJhbGljZSIsImFkbWluIjp0cnVlfQ";
                        var unsignedToken = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbGljZSIsImFkbWluIjp0cnVlfQ.";
                        var signedToken = {|CDS1002:"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsaWNlIn0.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7"|};
                        _ = (token, unsignedToken, signedToken);
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (a Redis client's parser tests, NUnit): a password given as the base64 of a word and a symbol is a sentinel,
    // as that text is; the base64 of a random password in the same test is reported.
    [Fact]
    public Task Base64OfASentinelInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class RedisExtensionTests
                {
                    public void Host_Querystring_May_Contain_Equals()
                    {
                        var yuckyPassword = "T3JkZXJzQ2FjaGUh";
                        var realPassword = {|CDS1002:"UXY3IWtMMiN4UjltUHo0QA=="|};
                        _ = (yuckyPassword, realPassword);
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (a password manager's test projects): values that say what they stand for — a numbered user's password,
    // a recovery code padded with a counting run, vault-item passwords dressed up with P@ss and a qualifier, a JSON
    // fixture of names, a one-part encrypted envelope, a data-protection payload behind its purpose's name — are
    // sentinels; a random value in the same places is still reported.
    [Fact]
    public Task SelfDescribingSentinelsInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Threading.Tasks;

                public interface ITwoFactorValidator { Task<bool> VerifyAsync(string user, string token); }

                public sealed class LoginItem { public string Username { get; set; } = ""; public string Password { get; set; } = ""; }

                public sealed class FakeUserManager { public string TWO_FACTOR_TOKEN { get; set; } = ""; }

                public sealed class VaultTests
                {
                    private const string ApiKey = "test-billing-api-key-0123456789abcdef";
                    private const string _wrappedPrivateKey = "7.Qm9vZ2xlS2V5MTIzNDU2Nw==";
                    private const string RealApiKey = {|CDS1002:"Xk9qL2mZ8vR4tW7pHc3N"|};
                    private const string DefaultPassword = "321Pa$sword!";
                    private const string JwtSigningKey = "unit-test-signing-key-that-is-at-least-32-chars-long!!";
                    private const string WebhookSecret = "hook-test-secret-9c2e";

                    public async Task Run(ITwoFactorValidator validator, FakeUserManager users)
                    {
                        var user3Password = "user3_password";
                        var inviteToken = "InviteToken_CfDJ8Kq2xLm9Rv4Tw7Zp3Nc8Hd5Fj1Bs6Gy0Ue2Io4Pa7Sd9Qw3Er5Ty8Ui1Op";
                        await validator.VerifyAsync("user", "valid-backup-code-23456");
                        await validator.VerifyAsync("user", {|CDS1002:"k7Qx9Lm2Rv4Tw8Zp"|});
                        users.TWO_FACTOR_TOKEN = "{\"Key1\":\"AuthenticatorToken\"}";
                        users.TWO_FACTOR_TOKEN = {|CDS1002:"{\"Key1\":\"q8ZxN3vR7mT2pL9wK4bH6cJ1\"}"|};
                        var items = new[]
                        {
                            new LoginItem { Username = "dev@example.com", Password = "SecureP@ss77!" },
                            new LoginItem { Username = "dev@example.com", Password = "CurrentP@ss!" },
                            new LoginItem { Username = "dev@example.com", Password = "PreviousP@ss2!" },
                            new LoginItem { Username = "dev@example.com", Password = {|CDS1002:"Wq4m!Z8vK2pL#x7R"|} },
                        };
                        var reset = new { email = "ghost@example.com", password = "Whatever99!", token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.invalid" };
                        _ = (user3Password, inviteToken, items, ApiKey, _wrappedPrivateKey, RealApiKey, DefaultPassword, JwtSigningKey, WebhookSecret, reset);
                    }
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    // Real code (a shop's routing and cache): a route template's catch-all parameter under a name ending in Token, and a
    // cache-key pattern passed to parameters named ...Token, are syntax, not credentials; a value there still is one.
    [Fact]
    public Task RouteTokenAndCacheKeyPattern_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        static class CategoryCache
        {
            const string CatchAllToken = "{**slug}";
            const string PathToken = "{*path}";

            public static string Pattern(string hiddenToken = "*", string rolesToken = "*", string storeToken = "*") =>
                $"category:{hiddenToken}-{rolesToken}-{storeToken}";

            public static string[] Keys() => new[]
            {
                Pattern("*", "*", "[^0]*"),
                Pattern("*", "[^0]*", "*"),
                Pattern("*", "*", {|CDS1002:"Qv7kL2xR9mWp4Tz8"|}),
                CatchAllToken + PathToken,
            };
        }
        """);
    /// <summary>
    /// A bare <c>token</c> is a template's or a form field's token as often as a bearer token: an attribute that names the
    /// token a help text replaces (perhaps with an index: <c>url2</c>), and a file-name template's tokens under <c>…Token</c>
    /// constants, are token names. A value that could be issued (digits, symbols) under the same names is still reported.
    /// </summary>
    [Fact]
    public Task TokenNamesOfTemplates_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        [AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
        public sealed class HelpTokenAttribute : Attribute
        {
            public HelpTokenAttribute(string label = "", string token = "", object value = null) { }
        }

        public sealed class TorrentClientSettings
        {
            [HelpToken("UseSsl", "clientName", "Transmission")]
            [HelpToken("UrlBase", "url", "http://[host]:[port]/rpc")]
            [HelpToken("UrlBase", "url2", "/plugins/rpc/rpc.php")]
            [HelpToken("UrlBase", {|CDS1002:"u7x2Kq9L"|}, "/plugins/rpc/rpc.php")]
            public string UrlBase { get; set; }

            public string Token { get; set; } = "extension";

            public string ApiToken { get; set; } = {|CDS1002:"tq7-Lm2x9Vb4"|};
        }

        public static class FileNameTemplate
        {
            private const string SeriesTitleToken = "{Series Title}";
            private const string DynamicRangeToken = "{MediaInfo VideoDynamicRange}";
            private const string SessionToken = {|CDS1002:"s3ss-9Lq2-Xv7"|};
        }
        """);

    // A script writer's AppendToken(string token) takes the script's keywords (words in one case joined by punctuation, no
    // digit); an issued token passed to a token parameter is still a finding.
    [Fact]
    public Task ScriptKeywordsPassedToATokenParameter_ShouldNotReport_ButAnIssuedTokenShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text;

        sealed class ScriptWriter
        {
            private readonly StringBuilder _text = new();

            public ScriptWriter AppendToken(string token, int spaces = 0)
            {
                _text.Append(' ', spaces).Append(token).Append(' ');
                return this;
            }
        }

        sealed class ApiClient
        {
            public void UseToken(string token) { }
        }

        static class HttpRequestBlock
        {
            public static void Write(ScriptWriter writer, string name) =>
                writer.AppendToken("CONTENT:STRING", 2).AppendToken(name).AppendToken("Block.End").AppendToken("CONTENT:RAW", 2);

            public static void Connect(ApiClient client) => client.UseToken({|CDS1002:"Zq8vT3mK9pW2xR7n"|});
        }
        """);

    // An http(s) URL built from constants (a base URL + a path) is an endpoint under a token's name; a token in its query is
    // still a credential.
    [Fact]
    public Task EndpointUrlComposedUnderATokenName_ShouldNotReport_ButATokenInItsQueryShould() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class ImageUploader
        {
            private const string URLAPI = "https://api.example.com/v2/";
            private const string URLAccessToken = URLAPI + "user/login";
            private const string URLUpload = URLAPI + "images";
            private const string FeedAccessToken = "https://graph.example.com/me/feed?access_token=" + {|CDS1002:"EAAB9xK2mQ7vLp3R"|};

            public string Login => URLAccessToken;

            public string Upload => URLUpload;

            public string Feed => FeedAccessToken;
        }
        """);

    // A token is machine-made: a naming rule's token (a short word, a file-name suffix, a regular expression) or a search
    // word mapped to a key's name is a lexical token, whichever name holds it. A demo word (a common password) and a value
    // with the marks of an issued one stay findings.
    [Fact]
    public Task ShortWordsAndPatternsUnderATokenName_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class StackRule
        {
            public StackRule(string token, bool numbered) { }
        }

        sealed class SuffixRule
        {
            public SuffixRule(int kind, string token, int media) { }
        }

        static class Rules
        {
            public static readonly StackRule[] Stacks =
            {
                new StackRule(@"^(?<name>.*?)[ _.-]*(?<part>cd|disc)[ _.-]*(?<n>[0-9]+)$", true),
                new StackRule(@"([xX]t(ra)?\.\w+)", false),
            };

            public static readonly SuffixRule[] Suffixes = { new SuffixRule(1, "- teaser", 2), new SuffixRule(2, "-bonus", 2) };

            public static readonly StackRule Layout = new StackRule("tb3d", false);

            public static string KeyName(string token)
            {
                var normalizedToken = token switch
                {
                    "ctl" => "Control",
                    "opt" => "Option",
                    _ => token,
                };
                return normalizedToken;
            }
        }
        """);

    [Fact]
    public Task IssuedLookingAndDemoValuesUnderATokenName_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class StackRule
        {
            public StackRule(string token, bool numbered) { }
        }

        static class Rules
        {
            public static readonly StackRule Issued = new StackRule({|CDS1002:"k7Qz2mXv9LpR4t"|}, false);
            public static readonly StackRule Mixed = new StackRule({|CDS1002:"tq7x9Lm2"|}, false);
            public const string SessionToken = {|CDS1002:"admin123"|};
            public const string DbPassword = {|CDS1002:"shift"|};
        }
        """);

    // A setting named for the credentials to use holds which credentials (a mode word); a short chosen password under a
    // password's name stays a finding.
    [Fact]
    public Task ModeWordUnderACredentialsSetting_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class Settings
        {
            public string EmptyCredentials { get; set; }
            public string DefaultPassword { get; set; }
        }

        static class OptionsPage
        {
            public static void Save(Settings settings, int choice)
            {
                if (choice == 0) settings.EmptyCredentials = "noinfo";
                else if (choice == 1) settings.EmptyCredentials = "windows";
                else settings.EmptyCredentials = "custom";
                settings.DefaultPassword = {|CDS1002:"mR7k"|};
            }
        }
        """);

    // A registry key path built from a root key's constant names where credentials are kept; a value stored there is not.
    [Fact]
    public Task RegistryKeyPathUnderACredentialName_ShouldNotReport_ButAValueShould() => VerifyCS.VerifyAnalyzerAsync("""
        static class RegistryInfo
        {
            public const string RootKey = "SOFTWARE\\Contoso";
            public const string Credential = RootKey + "\\Credentials";
            public const string VaultCredential = @"SOFTWARE\Contoso\VaultCredential";
            public const string ServicePassword = {|CDS1002:"Zx\\7qLm-2Rv"|};
        }
        """);

    // Anonymous FTP (RFC 1635): a published login any client sends, no secret; another password at the same sink is.
    [Fact]
    public Task AnonymousFtpLogin_ShouldNotReport_ButAnotherPasswordShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net;

        static class Ftp
        {
            public static readonly NetworkCredential Anonymous = new("anonymous", "anonymous");
            public static readonly NetworkCredential Upload = new("uploader", {|CDS1002:"Fq8-mLz2Rt"|});
        }
        """);
}
