using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedCredentialCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// CDS1002 where the name is given beside the value rather than as a symbol: a name-value call of a library the
/// compilation lacks (an Aspire app host scanned without its SDK), a test's data row bound by position to a
/// credential-named parameter of the test method, and a <c>??</c> fallback of a credential-named symbol.
/// </summary>
public sealed class HardcodedCredentialNameValueTests
{
    private const string TestProjectConfig = "is_global = true\nbuild_property.IsTestProject = true\n";

    [Fact]
    public Task AppHostNameValueCallsThatDoNotBind_ShouldReportCredentialNamedValues() => new VerifyCS.Test
    {
        // An Aspire app host: the SDK's types do not resolve in a source-only scan, so the calls bind to nothing; the
        // variable or parameter name beside the value still says what it is (a local demo password that works).
        TestCode = """
            var builder = DistributedApplication.CreateBuilder(args);
            var pgUser = builder.AddParameter("pg-username", "postgres");
            var pgPassword = builder.AddParameter("pg-password", {|CDS1002:"Pg-local-71"|}, secret: true);
            var cache = builder.AddRedis("cache");
            builder.AddProject<Projects.Api>("api")
                .WithReference(cache)
                .WithEnvironment("Seed__DefaultAdminPassword", {|CDS1002:"Adm1n-Seed!"|})
                .WithEnvironment("HangfireOptions__UserName", "admin")
                .WithEnvironment("HangfireOptions__Password", {|CDS1002:"hf-Dash-2024"|})
                .WithEnvironment("DatabaseOptions__Provider", "postgresql")
                .WithEnvironment("MailOptions__Password", "")
                .WithEnvironment("Jwt__Secret", "${JWT_SECRET}");
            builder.Build().Run();
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task OwnMethodOfACataloguedName_ShouldBeAskedFirst() => new VerifyCS.Test
    {
        // The user's own WithEnvironment(name, label) is no name-value store: its own parameters say what it takes.
        TestCode = """
            public sealed class Stage
            {
                public Stage WithEnvironment(string name, string label) => this;
            }

            public static class Pipeline
            {
                public static void Build(Missing.Runner runner) =>
                    runner.Stage().WithEnvironment("DEPLOY_PASSWORD", "Prompted at deploy time");
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
    }.RunAsync();

    [Fact]
    public Task DataRowBoundToACredentialParameter_ShouldReportRealLookingValuesOnly() => new VerifyCS.Test
    {
        // A test project compiled without its framework (a scan): the rows' values are the method's arguments by position.
        // A real-looking secret in a test is still a leak; a short sentinel or a non-credential argument is not a finding.
        TestCode = """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public sealed class ConfirmationHashTests
            {
                [DataRow({|CDS1002:"Tq8Lm2Xv9Rw4Kp7Ns1Bd5Hg3Jf6="|}, 1337UL, "Kw3Zq9Lm1Xv7Bn5Hd2Rt8Ps4Jc6=")]
                [DataRow("pass", 1337UL, "Kw3Zq9Lm1Xv7Bn5Hd2Rt8Ps4Jc6=", "conf")]
                [DataRow("", 1723332288UL, "hash")]
                [TestMethod]
                public void GeneratesHash(string identitySecret, ulong time, string expectedCode, string? tag = null) { }

                [TestCase("ab12cd", ExpectedResult = true)]
                [TestCase({|CDS1002:"Zr5Wq8Ln2Vx6Mt9Kb3Hd7Js1="|}, ExpectedResult = true)]
                public bool Accepts(string apiToken) => true;

                [InlineData("svc-orders", {|CDS1002:"Vh7Kq2Lx9Mw4Rp8Ns3Bz6Td1="|})]
                [InlineData("svc-billing", "secret")]
                public void Logs(string userName, string? password) { }

                [DataRow("Tq8Lm2Xv9Rw4Kp7Ns1Bd5Hg3Jf6=")]
                public void Parses(string payload) { }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
        TestState = { AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) } },
    }.RunAsync();

    [Fact]
    public Task DataRowProbesOfAPolicyOrAParser_ShouldNotReport() => new VerifyCS.Test
    {
        // Real code (a password policy's theory, an API-key parser's theory, a claims decoder's theory): a row feeds the test
        // the inputs it must accept or refuse, weak and illegal ones by design. There a value is a finding only with a known
        // format or at key length and random: keyboard columns with words, words counted to a key's length, a short key of
        // repeated characters and claims between made-up parts are probes; a random key in the same rows is still reported.
        TestCode = """
            using Xunit;

            public sealed class AccountPolicyTests
            {
                [Theory]
                [InlineData("a1@contoso.example", "!QAZ2wsx#EDC")]
                [InlineData("a1@contoso.example", "!QAZ2wsxsomeshop")]
                [InlineData("a1@contoso.example", "orderdesk!QAZ2wsx")]
                public void RefusesWeak(string email, string password) { }

                [Theory]
                [InlineData("2048thisisfortysixcharsbutnotavalidkeyforyou57")]
                [InlineData("QEMTXEQ5UU6UZDD4AMK57TQ46I==")]
                [InlineData({|CDS1002:"Zr5Wq8Ln2Vx6Mt9Kb3Hd7Js1Pf4Ty"|})]
                public void ParsesKey(string apiKey) { }

                [Theory]
                [InlineData("x.eyJhdWQiOiJvcmRlcnMtYXBpIiwiaXNzIjoiaHR0cHM6Ly9sb2dpbi5jb250b3NvLmV4YW1wbGUvdGVuYW50LWEvdjIuMCIsIm5hbWUiOiJBbGljZSBTbWl0aCIsIm9pZCI6InVzZXItNDcxMSIsImV4cCI6MTg5MzQ1NjAwMH0.x")]
                public void DecodesClaims(string token) { }
            }
            """,
        CompilerDiagnostics = CompilerDiagnostics.None,
        TestState = { AnalyzerConfigFiles = { ("/.globalconfig", TestProjectConfig) } },
    }.RunAsync();

    [Fact]
    public Task FallbackOfACredentialNamedSymbol_ShouldReport() => new VerifyCS.Test
    {
        // The literal is what the symbol holds whenever the store has no value: a hard-coded credential all the same,
        // behind a nullable property's type too.
        TestCode = """
            #nullable enable
            using System;

            public static class Settings
            {
                public static string SharedAccessKey => Environment.GetEnvironmentVariable("SB_KEY") ?? {|CDS1002:"Zk3vQ9xLm2Pw8Rt5Yb1Nc7Df4Gh6Jk0Ls3Qa9We2Rt="|};

                public static string? BusAccessKey =>
                    Environment.GetEnvironmentVariable("SB_USE_PARAMETERS") == "1"
                        ? Environment.GetEnvironmentVariable("SB_PARAMETER")
                        : Environment.GetEnvironmentVariable("SB_ACCESS_KEY") ?? {|CDS1002:"Qm7Tz2Xc9Lv4Rb8Nw1Kd6Hs3Jf5Pg0Ya2Ue9Io7Wq="|};

                public static string Signing(Func<string, string> read)
                {
                    var jwtSecret = read("Jwt:Secret") ?? {|CDS1002:"k8Rt2Vb6Nm4Qw9Xz1Lp5Hs7Jd3Fg0Ka"|};
                    var issuer = read("Jwt:Issuer") ?? "https://orders.example";
                    return jwtSecret + issuer;
                }
            }
            """,
    }.RunAsync();
}
