using System.Threading.Tasks;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedCredentialCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// CDS1002 for a hard-coded JWT signing key: a wholly constant text that reaches
/// <c>Microsoft.IdentityModel.Tokens.SymmetricSecurityKey</c>'s constructor through its bytes
/// (<c>Encoding.X.GetBytes</c>, <c>Convert.FromBase64String</c>), a known credential sink (a catalogue row), whatever the
/// constant's name and however readable the text: the text is the key. Every value here was made up for these tests.
/// </summary>
public sealed class SymmetricSigningKeyTests
{
    // eShopOnWeb's shape: a constant named KEY, a phrase for a value, its bytes taken into a local, the local given to the
    // key twice (issuing and validating tokens).
    [Fact]
    public Task PhraseConstantThroughALocalOfItsBytes_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public static class AuthorizationConstants
        {
            public const string AUTH_KEY = "AuthKeyOfDoomThatMustBeAMinimumNumberOfBytes";
            public const string JWT_SECRET_KEY = {|CDS1002:"TheSecretKeyOfOrdersThatMustBeLongEnough"|};
        }

        public sealed class TokenService
        {
            public SymmetricSecurityKey Issue()
            {
                var key = Encoding.ASCII.GetBytes(AuthorizationConstants.JWT_SECRET_KEY);
                return new SymmetricSecurityKey(key);
            }

            public TokenValidationParameters Validate()
            {
                var key = Encoding.ASCII.GetBytes(AuthorizationConstants.JWT_SECRET_KEY);
                return new TokenValidationParameters { IssuerSigningKey = new SymmetricSecurityKey(key) };
            }
        }
        """);

    // The key spelled at the sink, as a phrase or generated; an HMAC's key the same. A phrase that describes itself is the key
    // there whatever it says; it is no key where no sink takes its bytes (a message, a name).
    [Fact]
    public Task PhraseSpelledAtTheKeySink_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public static class Keys
        {
            public const string Described = "TheSecretKeyOfOrdersThatMustBeLongEnough";

            public static SymmetricSecurityKey Signing() =>
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|CDS1002:"ThisIsTheSuperSecretSigningKeyOfOrders"|}));

            public static SymmetricSecurityKey Base64() =>
                new(Convert.FromBase64String({|CDS1002:"q7Vd2LmX9pRt4sKw8ZbN3cYhW5jE1fGaQ0uI6oP2rT8="|}));

            public static HMAC Webhook() => new HMACSHA256(Encoding.ASCII.GetBytes({|CDS1002:"OrdersWebhookSecretKeyForSignatures"|}));
        }
        """);

    // What is no hard-coded key: a read from configuration, a placeholder, bytes made at run time; in a test project a
    // phrase that does not look real (a test sentinel, the SPEC's test-code clause), while a random key there still is.
    [Fact]
    public Task KeysReadPlaceholdersAndTestSentinels_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;

        public sealed class Keys
        {
            private const string Template = "your-256-bit-secret";

            public SymmetricSecurityKey FromConfiguration(IConfiguration configuration) => new(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!));

            public SymmetricSecurityKey Placeholder() => new(Encoding.UTF8.GetBytes(Template));

            public SymmetricSecurityKey Random() => new(RandomNumberGenerator.GetBytes(32));

            public SymmetricSecurityKey Composed(string tenant) => new(Encoding.UTF8.GetBytes("TheSecretKeyOfTenant" + tenant));
        }
        """);

    [Fact]
    public Task DescribedKeyInATestProject_ShouldNotReportButARandomKeyShould() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Text;
                using Microsoft.IdentityModel.Tokens;

                public sealed class TokenTests
                {
                    private const string TestKey = "TheSecretKeyOfTheTestsThatMustBeLongEnough";

                    public SymmetricSecurityKey Described() => new(Encoding.UTF8.GetBytes(TestKey));

                    public SymmetricSecurityKey Inline() => new(Encoding.UTF8.GetBytes("ThisIsTheSuperSecretSigningKeyOfTests"));

                    public SymmetricSecurityKey Random() => new(Encoding.UTF8.GetBytes({|CDS1002:"k9Qz2LmX7pRt4sKw8ZbN3cYh"|}));
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) },
        },
    }.RunAsync();

    private const string TestProjectConfig = "is_global = true\nbuild_property.IsTestProject = true\n";
}
