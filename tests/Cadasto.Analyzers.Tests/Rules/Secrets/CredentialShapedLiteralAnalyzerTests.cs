using System.Threading.Tasks;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<
    Cadasto.Analyzers.Rules.Secrets.CredentialShapedLiteralAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

// Every value here is a fake made for these tests: random bodies in the vendors' shapes.
public sealed class CredentialShapedLiteralAnalyzerTests
{
    [Fact]
    public Task WellKnownTokenFormats_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Fixtures
        {
            static readonly string[] Values =
            {
                {|CDS1003:"ghp_L7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9Q"|},
                {|CDS1003:"AKIAE9UVW53EFR4EDT2S"|},
                {|CDS1003:"xoxb-650752917034-2366712768426-3JrTAwR4y9ojfljoQoaF1Llq"|},
                {|CDS1003:"sk_live_sajAIxNKu8iS2G8NPRVdD53X"|},
                {|CDS1003:"AIzaYYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po-79"|},
                {|CDS1003:"npm_cabUGJmGEp7CgQ0PBQFI14zGtSnovm14TUOi"|},
                {|CDS1003:"Etf2Q~nRH9ucAUsdMlHUvTC.QCyEZDz~TddJ8HyS"|},
                {|CDS1003:"qwkt vbnm zrpd hsjf"|},
            };
        }
        """);

    // Real code (a framework's demo app): the project defines one database's symbol, and the branches for the others stay
    // in the file as text the build skips. Their connection strings are committed as the compiled one is.
    [Fact]
    public Task ConnectionStringsInIfBranchesTheBuildDoesNotCompile_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        static class ConfigureDb
        {
            static object AddOrmLite(this object services, string name, string connectionString) => services;

            public static object Configure(object services) => services
        #if MYSQL
                .AddOrmLite("northwind", {|CDS1003:"Server=db;Database=northwind;UID=northwind;Password=Tr1cky#Pass;SslMode=Required"|})
        #elif MSSQL
                .AddOrmLite("northwind", {|CDS1003:"Server=db;Database=northwind;User Id=northwind;Password=p@55w0rd;TrustServerCertificate=True;"|})
                .AddOrmLite("reports", "Server=db;Database=reports;Password=" + "Tr1cky#Pass")
        #else
                .AddOrmLite("northwind", "Data Source=northwind.sqlite")
        #endif
                ;

        #if LEGACY
            // A credential name makes it CDS1002's, as in compiled code; a template is no secret anywhere.
            const string ApiKey = "ghp_L7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9Q";
            const string Template = "Server=db;Password=${DB_PASSWORD};";
        #endif
        }
        """);

    // Real code (a health-checks sample, an EF Core context): connection strings left in commented-out calls. A comment is
    // committed like code: its literals get the shapes' judgement (a documentation comment's example and a template do not).
    [Fact]
    public Task ConnectionStringsInCommentedOutCode_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        static class HealthChecks
        {
            static object AddQueue(this object services, string connectionString) => services;

            public static object Configure(object services) => services
                //.AddQueue({|CDS1003:"Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=policy;SharedAccessKey=Zk3vQ9mL2xR7tW4nB8pC1dF6gH0jK5sY3uE9aI2oM7c="|})
                /* .AddQueue({|CDS1003:"Host=db;Database=app;Username=app;Password=Tr1cky#Pass"|}) */
                .AddQueue("Host=db;Database=app");

            /// <summary>Reads e.g. "Host=db;Database=app;Username=app;Password=Tr1cky#Pass".</summary>
            // .AddQueue("Host=db;Database=app;Username=app;Password=${DB_PASSWORD}")
            public static void Documented() { }
        }
        """);

    // Real code (a game server's persistence layer, hunt10c): regular expressions that read the user and the password back
    // out of the configured connection string. `Password=([^;]+?);` is a pattern (a capture group, a negated class, a lazy
    // quantifier), not a password; the connection string the pattern runs over is still reported, and so is a password that
    // only starts with a bracket.
    [Fact]
    public Task RegexPatternsThatReadAPasswordFromAConnectionString_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        static class ConnectionConfigurator
        {
            static readonly Regex Pwd = new(@"Pwd=(\S+);Server", RegexOptions.Compiled);

            public static string GetRoleUser(string connectionString) =>
                Regex.Match(connectionString, "User Id=([^;]+?);").Groups[1].Value;

            public static string GetRolePassword(string connectionString) =>
                Regex.Match(connectionString, "Password=([^;]+?);").Groups[1].Value;

            public static string Redact(string connectionString) =>
                Regex.Replace(connectionString, "(?i)password=(?<pwd>.*?)(;|$)", "Password=***;");

            public static bool HasAccountKey(string connectionString) =>
                Regex.IsMatch(connectionString, @"DefaultEndpointsProtocol=https;AccountKey=[A-Za-z0-9+/=]{40,};");

            public static string Sample() =>
                Regex.Match({|CDS1003:"Server=db;User Id=app;Password=Tr1cky#Pass;"|}, "Password=([^;]+?);").Groups[1].Value;

            public const string Bracketed = {|CDS1003:"Server=db;User Id=app;Password=(Tr1cky#Pass);"|};
        }
        """);

    [Fact]
    public Task ConnectionStringKeywordsOfConfigurationFiles_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Fixtures
        {
            void Run()
            {
                // The keywords CDS1004 reads in appsettings.json: the same string gets the same verdict in code.
                Use({|CDS1003:"endpoint=https://invoices.communication.azure.com/;accesskey=q8ZxN3vR7mT2pL9wK4bH6cJ1fD5sG0aYe2Uo"|});
                Use({|CDS1003:"Host=files.internal;SecretKey=Wm4pQ8rT2vX6zB1nD5gJ9kL3sF7hY0cA"|});
                Use("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1;AccountName=devstoreaccount1;AccessKey=q8ZxN3vR7mT2pL9wK4bH6cJ1fD5sG0aY");
            }

            void Use(string value) { }
        }
        """);

    [Fact]
    public Task JwtPemConnectionStringsAndUrls_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Fixtures
        {
            void Run()
            {
                Use({|CDS1003:"eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAic3ZjLWludm9pY2UiLCAiaWF0IjogMTcxNjIzOTAyMn0.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7"|});
                Use({|CDS1003:"Server=sql.internal;Database=Invoices;User Id=invoice_app;Password=Tr1cky#Pass;"|});
                Use({|CDS1003:"DefaultEndpointsProtocol=https;AccountName=invoicesync;AccountKey=5LK6KXA0dPBkrGj3APWwKz3GZvRb3qosyu3NK1FXQQ5N7krys09DCgc0R95jbA6AbJV7poTWQx+16tdCTQnhXQ==;EndpointSuffix=core.windows.net"|});
                Use({|CDS1003:"Endpoint=sb://invoices.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=AkxYSPI9H6b3Nh1/YY0VMucOIOKmZo3n9H6EZ+VG1T4="|});
                Use({|CDS1003:"https://invoicesync.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&sig=z7EbQgckgtxTHCvDkHyWF%2BteUInkAYa6qKV9EZ5vtl0%3D"|});
                Use({|CDS1003:"postgres://invoice_app:Tr1cky!Pass@db.internal:5432/invoices"|});
                Use({|CDS1003:@"-----BEGIN RSA PRIVATE KEY-----
        yOKhJXvbJWybPk+7SYFG73Awy/lTclLczq3XZLajL7sJrerhCcSplyA5dTUrh4sUXIpC2ITPTP2nLY4dXdkliQgthSpxIoc+6AWt1YlCFno4UoYZXGefnGmU5FuKsQmA
        -----END RSA PRIVATE KEY-----"|});
            }

            void Use(string value) { }
        }
        """);

    [Fact]
    public Task PrivateKeysAsJsonWebKeysAndXml_ShouldReport() => VerifyCS.VerifyAnalyzerAsync(""""
        class AssertionService
        {
            // A client's private_key_jwt signing key as a JWK (raw string), a symmetric JWK, a serialized
            // Microsoft.IdentityModel JsonWebKey (PascalCase members), and RSA.ToXmlString(true).
            private static string rsaKey = {|CDS1003:"""
                {
                    "d":"BxS340f_f2ZNXAgbG_BozmHxQqG2UkSRR3gzxIe7d1qz8eIUI5j4VHDyRPjERm_ALD62_RYKSUKPjSXebdgw2w",
                    "dp":"nCIXmdHweugG7CJPsuGGaqsnnGgev2u1Fw2mqNwrje4",
                    "e":"AQAB",
                    "kid":"ZzAjSnraU3bkWGnnAqLapYGpTyNfLbjbzgAPbbW2GEA",
                    "kty":"RSA",
                    "n":"rds-paTNWn7-_svm5uus9NJA4UEhWPTUWZWkBMjvi3REiOLQw7_s1KmVlV_54Z7aMu1Q4Ri_QLoCKnrfvpkCkLvSJgxnAKpRTi0lmyYZ2n5-Qixc97V6X63d0MnbquUrepp1bJc"
                }
                """|};

            private readonly string _symmetricJwk = {|CDS1003:"""
                {
                    "kid": "1",
                    "alg": "HS256",
                    "kty": "oct",
                    "use": "sig",
                    "k": "882rxNUXGlR8LKl8_OPirvY_PNbwRoxUdnY3gkJNfFw"
                }
                """|};

            string _privateJWK = {|CDS1003:"{\"Crv\":null,\"D\":\"kAKFPn_hEveWljEK1fKTQ9RReBrY_vw1pbtyEr0GaMUrMR94Be5b1jsbAlIzU9kd\",\"E\":\"AQAB\",\"K\":null,\"Kty\":\"RSA\",\"N\":\"DrbZq1qy76Yq1Hh7Sc3eUuHuqhEU81Sca1QFmMfOvpUnba9y13yjyVGFclTeXONhDpK-jCbxCo7ScD65kmWZbQ\"}"|};

            public static string PrivateKeyXml = {|CDS1003:"<RSAKeyValue><Modulus>QzUOFBvKvL55koIlYjagyKGk0SagWYY0qwD5CQuc9UpDWGQz0GyhBdWIbkaQllvPlCPg9nRn+rI2TtYzQLAz4Q==</Modulus><Exponent>AQAB</Exponent><P>KXqUnzWjXU05+Ey1JxlPhfe61WJ+YXMfmGVN84awkB8=</P><D>TdKjTMKOOCJakEyfioyTijfDrAq6v3iBAhEPkxFkFm0k51Bk9YmNhq3CpRrpIqqIvSZvPcqs6ViI6ejim3FRu0=</D></RSAKeyValue>"|};
        }
        """");

    [Fact]
    public Task PublicKeysAsJsonWebKeysAndXml_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync(""""
        class DPoPProofValidatorTests
        {
            // The public halves of the keys above: what a server registers or publishes, never a secret.
            string _publicJWK = "{\"kty\":\"RSA\",\"use\":\"sig\",\"e\":\"AQAB\",\"n\":\"DrbZq1qy76Yq1Hh7Sc3eUuHuqhEU81Sca1QFmMfOvpUnba9y13yjyVGFclTeXONhDpK-jCbxCo7ScD65kmWZbQ\"}";

            string _serializedPublicJwk = "{\"Crv\":null,\"D\":null,\"E\":\"AQAB\",\"K\":null,\"Kty\":\"RSA\",\"N\":\"DrbZq1qy76Yq1Hh7Sc3eUuHuqhEU81Sca1QFmMfOvpUnba9y13yjyVGFclTeXONhDpK-jCbxCo7ScD65kmWZbQ\"}";

            const string ecKey = """
                {
                    "kty":"EC",
                    "crv":"P-256",
                    "x":"QWbL9ljGWYL7eRA9KzJvJ3hbPsWRt6pYJTbWWqylOVE",
                    "y":"882rxNUXGlR8LKl8_OPirvY_PNbwRoxUdnY3gkJNfFw"
                }
                """;

            // Documentation of the format, with no key material in it.
            const string Shape = "{ \"kty\": \"RSA\", \"d\": \"...\", \"n\": \"...\" }";

            public static string PublicKeyXml = "<RSAKeyValue><Modulus>QzUOFBvKvL55koIlYjagyKGk0SagWYY0qwD5CQuc9UpDWGQz0GyhBdWIbkaQllvPlCPg9nRn+rI2TtYzQLAz4Q==</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>";
        }
        """");

    // A signing key stored in a data-protection key ring: .NET's RSAParameters as JSON, base64 in the key's <value>,
    // inside an interpolated fixture (its holes are the key's id); the same key as JSON (IdentityServer's developer key
    // file), and a JWK that carries its CRT members without d.
    [Fact]
    public Task RsaParametersAsJsonAndWrappedInBase64_ShouldReport() => VerifyCS.VerifyAnalyzerAsync(""""
        using System;

        class KeyRingFixture
        {
            string Xml(Guid id, string deserializer) => @$"<key id=""{id}"" version=""1"">
            <descriptor deserializerType=""{deserializer}{|CDS1003:"">
                <key p4:requiresEncryption=""true"" xmlns:p4=""http://schemas.asp.net/2015/03/dataProtection"">
                    <value>eyJEIjoiNHZieTQrVUticXhYZmdtalhsQ2xrcm5VZ0UraEJNUjk3TTRmTmVOamd3ZVVrUVN1VkV5ZGwzeXFYZUk3TlBpMTMwN051bGtybTgyVytZRDh2MXo1WWc9PSIsIkRQIjoiZE82VUVSSnVSSWFzeTcwVXVNRnZZMU0vNTJVMXZXRG5RbmdweUJGYm5GZz0iLCJEUSI6IjVDT1FjZjFRbnRRWFZwdkFVbGxycmFRbkF5R3dnOEFFeDlHNVMwTHF1QTg9IiwiRXhwb25lbnQiOiJBUUFCIiwiSW52ZXJzZVEiOiJ3R3hOSVdGOUVyMktRUWYvajA4UHhlRmdzcnZpVzZrYmJYZjd2Qy80SDVVPSIsIk1vZHVsdXMiOiJid3hFeDJVMHE4em1hcnhnOXgzOTFGeEFTZTZVZ3VQQTNGWW5zZUROSmx2TGpUcmRXRmowQ1IzNFVYMXV5byt3aXJpWXdlNlB1VTJocFF0NHBlVC9CUT09IiwiUCI6InduRHdac1dlb2xBQTJCNFh2SVFLblVQaldiZlhkNHk2aU5wT1c0aWNYUk09IiwiUSI6Im1DZnpROHlFTThYZGhsL0ROVWZJb0JMNkxTbDRGamhXVXh0c0IwRlpsR009In0=</value>
                </key>
            </descriptor>
        </key>|}";

            const string TempKey = {|CDS1003:"{\"KeyId\":\"9c2f5e\",\"Parameters\":{\"D\":\"bwxEx2U0q8zmarxg9x391FxASe6UguPA3FYnseDNJlvLjTrdWFj0CR34UX1uyo\",\"Exponent\":\"AQAB\",\"Modulus\":\"wnDwZsWeolAA2B4XvIQKnUPjWbfXd4y6iNpOW4icXRM\"}}"|};

            const string CrtOnly = {|CDS1003:"""
                { "kty": "RSA", "e": "AQAB", "n": "mCfzQ8yEM8Xdhl_DNUfIoBL6LSl4FjhWUxtsB0FZlGM",
                  "p": "5COQcf1QntQXVpvAUllrraQnAyGwg8AEx9G5S0LquA8", "q": "dO6UERJuRIasy70UuMFvY1M_52U1vWDnQngpyBFbnFg" }
                """|};
        }
        """");

    // The public halves: RSAParameters with null private members, in base64 as a key ring would hold an exported public
    // key, and documentation of the JSON shape.
    [Fact]
    public Task PublicRsaParametersAsJsonAndWrappedInBase64_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync(""""
        class PublicKeys
        {
            const string Exported = "<value>eyJEIjpudWxsLCJEUCI6bnVsbCwiRFEiOm51bGwsIkV4cG9uZW50IjoiQVFBQiIsIkludmVyc2VRIjpudWxsLCJNb2R1bHVzIjoiYnd4RXgyVTBxOHptYXJ4Zzl4MzkxRnhBU2U2VWd1UEEzRlluc2VETkpsdkxqVHJkV0ZqMENSMzRVWDF1eW8rd2lyaVl3ZTZQdVUyaHBRdDRwZVQvQlE9PSIsIlAiOm51bGwsIlEiOm51bGx9</value>";
            const string AsJson = "{\"D\":null,\"Exponent\":\"AQAB\",\"Modulus\":\"wnDwZsWeolAA2B4XvIQKnUPjWbfXd4y6iNpOW4icXRM\"}";
            const string Shape = "{ \"Modulus\": \"...\", \"D\": \"...\" }";
        }
        """");

    [Fact]
    public Task LookAlikes_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class Fixtures
        {
            void Run()
            {
                Use("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
                Use("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
                Use("da39a3ee5e6b4b0d3255bfef95601890afd80709");
                Use("SGVsbG8sIHRoaXMgaXMgYSBiYXNlNjQgZW5jb2RlZCBwYXlsb2FkIGZvciB0ZXN0cy4=");
                Use("AKIAIOSFODNN7EXAMPLE");
                Use("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
                Use("-----BEGIN PRIVATE KEY-----");
                Use("Server=sql.internal;Database=Invoices;Integrated Security=true;");
                Use("Server=sql.internal;Database=Invoices;User Id=app;Password=${DB_PASSWORD};");
                Use("Server=sql.internal;User Id=app;Password={0};");
                Use("UseDevelopmentStorage=true");
                Use("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;");
                Use("https://user@example.com/path");
                Use("postgres://user:password@localhost:5432/app");
                Use("The access token expired; request a new one from the token endpoint.");
                Use("W/\"0815b9e3c1f5a6e2\"");
                Use("abcd efgh ijkl mnop");
                Use("sign into your mail");
                Use("lynx hymn sync myth");
                Use("Qwkt vbnm zrpd hsjf");
            }

            void Use(string value) { }
        }
        """);

    [Fact]
    public Task SentinelPasswordsOfConnectionStringsInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public sealed class GlobalSettingsTests
                {
                    private const string Sql = "Server=localhost;Database=vault;User Id=sa;Password=password;";
                    private const string Amqp = "amqp://admin:admin123@localhost:5672/";
                    private const string Real = {|CDS1003:"Server=sql.internal;Database=Invoices;User Id=invoice_app;Password=Qv7!kL2#xR9m;"|};
                    private const string GitHubFixture = {|CDS1003:"ghp_L7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9Q"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();

    // Real code (a log-collection job's tests): a storage key padded out with a word that says it is made up has a key's
    // length and alphabet but is no key; a random key in the same place is one.
    // Real code (an identity SDK's tests of a mocked token endpoint; an identity server's tests of request objects): a JWT
    // whose header or claims were cut short, as documentation shows one, is no credential anywhere; in test code an
    // unsigned token (alg none), made for a validator to refuse, is none either. A whole signed token in the same test is
    // still reported.
    [Fact]
    public Task CutOrUnsignedTokensInATestProject_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                class MfaAuthenticationTests
                {
                    const string CutResponse = "{\n  \"id_token\": \"eyJhbGciOiJSUzI1NiIs.eyJzdWIiOiIxMjM0NTY3ODkwIi.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7\",\n  \"token_type\": \"Bearer\"\n}";
                    const string RequestObject = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbGljZSIsImFkbWluIjp0cnVlfQ.";
                    const string SignedResponse = {|CDS1003:"{\n  \"id_token\": \"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsaWNlIn0.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7\"\n}"|};
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();

    // Real code (an identity SDK's cache and id-token tests): a signed token's header and whole claims with the signature
    // left out or cut short is an issued token as a response or a cache holds it (a client reads an id token without its
    // signature): a known format, in test code too. A signature written in by hand (a word, one character repeated) makes
    // a made-up or redacted token, and claims of a few characters a token made for a parser.
    [Fact]
    public Task SignedTokenWithoutItsSignatureInATestProject_ShouldReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                class CacheSchemaTests
                {
                    const string IdTokenStripped = {|CDS1003:"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJvcmRlcnMtYXBpIiwiaXNzIjoiaHR0cHM6Ly9sb2dpbi5jb250b3NvLmV4YW1wbGUvdGVuYW50LWEvdjIuMCIsIm5hbWUiOiJBbGljZSBTbWl0aCIsIm9pZCI6InVzZXItNDcxMSIsImV4cCI6MTg5MzQ1NjAwMH0."|};
                    const string IdTokenCut = {|CDS1003:"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJvcmRlcnMtYXBpIiwiaXNzIjoiaHR0cHM6Ly9sb2dpbi5jb250b3NvLmV4YW1wbGUvdGVuYW50LWEvdjIuMCIsIm5hbWUiOiJBbGljZSBTbWl0aCIsIm9pZCI6InVzZXItNDcxMSIsImV4cCI6MTg5MzQ1NjAwMH0.Qk7xZ2pLm9"|};
                    const string Redacted = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJvcmRlcnMtYXBpIiwiaXNzIjoiaHR0cHM6Ly9sb2dpbi5jb250b3NvLmV4YW1wbGUvdGVuYW50LWEvdjIuMCIsIm5hbWUiOiJBbGljZSBTbWl0aCIsIm9pZCI6InVzZXItNDcxMSIsImV4cCI6MTg5MzQ1NjAwMH0.XXXXXXXXXXXXXX";
                    const string WordSigned = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJvcmRlcnMtYXBpIiwiaXNzIjoiaHR0cHM6Ly9sb2dpbi5jb250b3NvLmV4YW1wbGUvdGVuYW50LWEvdjIuMCIsIm5hbWUiOiJBbGljZSBTbWl0aCIsIm9pZCI6InVzZXItNDcxMSIsImV4cCI6MTg5MzQ1NjAwMH0.signature";
                    const string Tiny = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.";
                }
                """,
            },
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
        },
    }.RunAsync();

    // Outside test code a token cut short is still no credential, while an unsigned one is reported as before.
    [Fact]
    public Task CutTokenOutsideTests_ShouldNotReport_UnsignedToken_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        class TokenDocumentation
        {
            const string Example = "eyJhbGciOiJSUzI1NiIs.eyJzdWIiOiIxMjM0NTY3ODkwIi.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";
            const string Unsigned = {|CDS1003:"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbGljZSIsImFkbWluIjp0cnVlfQ."|};
        }
        """);

    // Real code (an identity server's start-up tests): a SAS URL whose signature is a capitals marker ending in HERE is the
    // template of one; a SAS URL with a real signature is reported.
    [Fact]
    public Task SasUrlWithAPlaceholderSignature_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class StartupTest
        {
            void Run()
            {
                Use("https://keyring.blob.core.windows.net/keys/ring?sv=2017-04-17&sr=b&sig=SIGNATURE_WILL_BE_HERE");
                Use({|CDS1003:"https://keyring.blob.core.windows.net/keys/ring?sv=2017-04-17&sr=b&sig=z7EbQgckgtxTHCvDkHyWF%2BteUInkAYa6qKV9EZ5vtl0%3D"|});
            }

            void Use(string value) { }
        }
        """);

    [Fact]
    public Task AccountKeyPaddedWithAFakeMarker_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class JobConfiguration
        {
            public string Source { get; set; } = "";
            public string Destination { get; set; } = "";
        }

        static class JobTests
        {
            public static JobConfiguration Configuration() => new()
            {
                Source = "DefaultEndpointsProtocol=https;AccountName=logsource;AccountKey=cdummyQaadummyDUMMYdummy8xdummy+dummyZdummyq/dummy==;EndpointSuffix=core.windows.net",
                Destination = {|CDS1003:"DefaultEndpointsProtocol=https;AccountName=logsink;AccountKey=5LK6KXA0dPBkrGj3APWwKz3GZvRb3qosyu3NK1FXQQ5N7krys09DCgc0R95jbA6AbJV7poTWQx+16tdCTQnhXQ==;EndpointSuffix=core.windows.net"|},
            };
        }
        """);

    // Real code (a payment server's start-up check and its settings-file writer): a help message that quotes example
    // connection strings after a sentence, and a commented-out line of a generated settings file, show a format; the
    // same strings written as live settings are reported.
    [Fact]
    public Task ExampleOfAFormatInAMessageOrACommentedLine_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Text;

        static class NodeSettings
        {
            public static string Help(string setting, string error) =>
                $"Invalid setting {setting}, " + Environment.NewLine +
                "If you have a ledger server: 'type=ledger;server=https://node:node@ledger.example.com;macaroon=abf239...'" + Environment.NewLine +
                "If you have a relay server: 'type=relay;server=http://relay:4570;password=relaypassword;node-auth=noderpcuser:noderpcpassword'" + Environment.NewLine +
                "               relay server: 'type=relay;server=http://relay:4570;password=relaypassword'" + Environment.NewLine +
                $"Error: {error}";

            public static string Template(int port)
            {
                var builder = new StringBuilder();
                builder.AppendLine("### Database ###");
                builder.AppendLine("#postgres=User ID=root;Password=myPassword;Host=localhost;Port=5432;Database=myDataBase;");
                builder.AppendLine("// cache=redis.internal:6380,password=k8Rv2LmQx7Tp,ssl=True");
                builder.AppendLine({|CDS1003:"postgres=User ID=root;Password=Qv7!kL2#xR9m;Host=db.internal;Port=5432;Database=orders;"|});
                builder.AppendLine("port=" + port);
                return builder.ToString();
            }

            public static string Live() => {|CDS1003:"type=relay;server=http://relay:4570;password=Kq8xZ2vL9mRt"|};

            public static string Quoted() => {|CDS1003:"Connecting to 'Server=db.internal;User Id=app;Password=Qv7!kL2#xR9m'"|};
        }
        """);

    // Pairs inside a sentence are help text, not a connection string; a Redis configuration of the same pairs still is one.
    [Fact]
    public Task LoginPairsInsideHelpText_ShouldNotReport_ButARedisConfigurationShould() => VerifyCS.VerifyAnalyzerAsync("""
        sealed class BasicLoginSettings
        {
            public BasicLoginSettings(string instructions) => Instructions = instructions;

            public string Instructions { get; }
        }

        static class Indexer
        {
            public static BasicLoginSettings Settings() =>
                new BasicLoginSettings("Configure the URL, username and password from your local server.<br>" +
                                       "Default credentials are: username=admin, password=Kq8xZ2vL9mRt.<br>" +
                                       "If you have many torrents, use a database.");

            public static string Cache() => {|CDS1003:"cache.internal:6380,password=Kq8xZ2vL9mRt,ssl=True"|};

            public static string Login() => {|CDS1003:"username=admin, password=Kq8xZ2vL9mRt"|};
        }
        """);
}
