using System.Threading.Tasks;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedCredentialCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// CDS1002 on a JSON document written in C#: a value under a credential-named key is judged as CDS1004 judges it in a
/// configuration file (the SPEC: the same value gets the same verdict in C# and in JSON), and lands on the literal that
/// holds it.
/// </summary>
public sealed class JsonDocumentsInCodeTests
{
    // Seed data of payment modules (EF Core HasData): the provider's settings as one JSON literal, or as a constant
    // concatenation with one member per line.
    [Fact]
    public Task CredentialsInsideAJsonLiteral_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        public sealed class PaymentProvider
        {
            public PaymentProvider(string id) => Id = id;
            public string Id { get; }
            public string AdditionalSettings { get; set; }
        }

        public static class PaymentSeed
        {
            public static PaymentProvider[] Providers() => new[]
            {
                new PaymentProvider("Cashfree")
                {
                    AdditionalSettings = {|CDS1002:"{ \"IsSandbox\":true, \"AppId\":\"58a3c1f0e9d24b7a\", \"SecretKey\":\"9f4e2b7c1d8a6e3f5b0c9d2a7e4f1b8c6d3a0e5f\" }"|},
                },
                new PaymentProvider("Braintree")
                {
                    AdditionalSettings =
                        "{" +
                            "\"PublicKey\": \"w4k8z2qj7m5n\", " +
                            {|CDS1002:"\"PrivateKey\" : \"c3e9a1f7b5d2e8c4a6f0b9d1e7c3a5f2\", "|} +
                            "\"MerchantId\" : \"r7t2y9u4i1o6\"" +
                        "}",
                },
                new PaymentProvider("NganLuong")
                {
                    AdditionalSettings = {|CDS1002:"{\"IsSandbox\":true, \"MerchantId\": 47249, \"MerchantPassword\": \"b8d3f6a1c9e4b7d2a5f8c1e6b3d9a4f7\"}"|},
                },
            };
        }
        """);

    // What a JSON text under a credential key holds when it is no credential: a key name, a placeholder, a template, a
    // run-time value, a schema; and a public key, whose members are no credential names.
    [Fact]
    public Task JsonLiteralsWithoutACredential_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class Requests
        {
            public static string Reference() => "{\"ClientSecret\":\"Cadasto:ClientSecret\"}";
            public static string Placeholder() => "{\"password\":\"{{password}}\", \"apiKey\":\"<your-api-key>\"}";
            public static string Template() => "{\"ApiKey\":\"${PARTNER_API_KEY}\"}";
            public static string AtRunTime(string password) => "{\"user\":\"svc\",\"password\":\"" + password + "\"}";
            public static string Schema() => "{\"type\":\"object\",\"properties\":{\"password\":{\"type\":\"string\",\"minLength\":12}}}";
            public static string PublicKey() => "{\"kty\":\"RSA\",\"use\":\"sig\",\"e\":\"AQAB\",\"n\":\"DrbZq1qy76Yq1Hh7Sc3eUuHuqhEU81Sca1QFmMfOvpUnba9y13yjyVGFclTeXONhDpK\"}";
            public static string NotJson() => "password: \"c3e9a1f7b5d2e8c4a6f0\" is not a document";
        }
        """);

    // In test code a sentinel inside the document is no finding, as it is in the test project's settings files, nor is a
    // token of a mocked response; a chosen credential that looks real still is.
    [Fact]
    public Task SentinelsInAJsonLiteralOfATestProject_ShouldNotReport_RealLookingValues_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class LoginTests
                {
                    private const string Body = "{\"username\":\"alice\",\"password\":\"pass\"}";
                    private const string Invalid = "{\"client_id\":\"app\",\"client_secret\":\"wrong\"}";

                    // A mocked server's response: the token it issues is the test's input, not a leaked credential.
                    private const string TokenResponse = "{\"access_token\":\"Tq3vN8mR2xK7pL4wZ9bC6yH1\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
                    private const string Leaked = {|CDS1002:"{\"client_id\":\"app\",\"client_secret\":\"Zq8vL2mX7pR4tK9wB3nC6yH1\"}"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();
}
