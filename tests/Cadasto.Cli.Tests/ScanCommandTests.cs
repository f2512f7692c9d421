using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

public sealed class ScanCommandTests
{
    [Fact]
    public async Task LeakyRepository_ShouldReportErrorAndExitOne()
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, "scan", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("src/Leaky/TokenFactory.cs(11,31): error CDS1001:", result.Output);
        Assert.Matches(@"Scanned 1 project\(s\), 1 C# file\(s\) \(1 analysed\), 1 configuration file\(s\) in [0-9.]+ s: [1-9][0-9]* error\(s\)", result.Output);
    }

    [Fact]
    public async Task Profile_ShouldPrintPhasesAndRuleTimesOnStandardErrorOnly()
    {
        using var fixture = Fixture.Leaky();

        var plain = await CliRunner.RunAsync(fixture.Root, "scan", ".", "--format", "json");
        var profiled = await CliRunner.RunAsync(fixture.Root, "scan", ".", "--format", "json", "--profile");

        Assert.Equal(1, profiled.ExitCode);
        Assert.Contains("analysis: binding and analyzers", profiled.Error);
        Assert.Contains("load: parse", profiled.Error);
        Assert.Contains("load: compilation", profiled.Error);
        Assert.Contains("load: package stand-ins", profiled.Error);
        Assert.Matches(@"profile: [0-9]+\.[0-9] s elapsed, [0-9]+\.[0-9] s of CPU", profiled.Error);
        Assert.Contains("projects in flight at once", profiled.Error);
        Assert.Matches(@"\n +[0-9]+\.[0-9]{2} s  HardcodedClientSecretAnalyzer\r?\n", profiled.Error);
        Assert.DoesNotContain("profile", plain.Error);
        // The report itself is the same: the profile goes to standard error.
        using var withProfile = JsonDocument.Parse(profiled.Output);
        using var without = JsonDocument.Parse(plain.Output);
        Assert.Equal(
            without.RootElement.GetProperty("findings").GetRawText(),
            withProfile.RootElement.GetProperty("findings").GetRawText());
    }

    [Fact]
    public async Task CleanRepository_ShouldExitZero()
    {
        using var fixture = new Fixture();
        fixture.Write("App/App.csproj", Fixture.WebProject);
        fixture.Write("App/Program.cs", """
            using Microsoft.Identity.Client;
            var app = ConfidentialClientApplicationBuilder.Create("cad-dev")
                .WithClientSecret(Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET"))
                .Build();
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 error(s)", result.Output);
    }

    [Theory]
    [InlineData("human")]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task EveryFormat_ShouldNeverPrintTheSecret(string format)
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, "scan", ".", "--format", format);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CDS1001", result.Output);
        Assert.DoesNotContain(Fixture.Secret, result.All);
        Assert.DoesNotContain(Fixture.Secret.Substring(0, 12), result.All);
    }

    [Fact]
    public async Task Sarif_ShouldHaveTheRequiredPropertiesOfSarif210()
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "sarif");

        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("cadasto", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("id").GetString())));
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "CDS1001");
        Assert.All(run.GetProperty("invocations").EnumerateArray(), i => Assert.Equal(JsonValueKind.True, i.GetProperty("executionSuccessful").ValueKind));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var finding = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "CDS1001");
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("text").GetString()));
        Assert.Equal("error", finding.GetProperty("level").GetString());
        var ruleIndex = finding.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("CDS1001", rules[ruleIndex].GetProperty("id").GetString());
        var location = Assert.Single(finding.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("src/Leaky/TokenFactory.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString(), StringComparison.Ordinal);
        var region = location.GetProperty("region");
        Assert.Equal(11, region.GetProperty("startLine").GetInt32());
        Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);

        // The fingerprint is not the secret, nor any hash of it.
        var fingerprint = finding.GetProperty("partialFingerprints").GetProperty("cadasto/v1").GetString()!;
        Assert.NotEmpty(fingerprint);
        foreach (var hash in HashesOf(Fixture.Secret).Concat(HashesOf("\"" + Fixture.Secret + "\"")))
        {
            Assert.False(hash.Contains(fingerprint, StringComparison.OrdinalIgnoreCase), "the fingerprint is derived from the secret");
        }
    }

    [Fact]
    public async Task Fingerprints_ShouldSurviveLineMovesAndNotDependOnTheValue()
    {
        using var fixture = Fixture.Leaky();
        var before = await FingerprintsAsync(fixture.Root);

        // Lines moved above the finding, and the secret itself rotated: the same finding, the same fingerprint.
        var path = Path.Combine(fixture.Root, "src/Leaky/TokenFactory.cs");
        File.WriteAllText(path, "// moved\n// down\n\n" + Fixture.LeakyProgram("Zz9Q~aB1.cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV"));
        var after = await FingerprintsAsync(fixture.Root);

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Baseline_ShouldReportOnlyNewFindings()
    {
        using var fixture = Fixture.Leaky();
        var baseline = Path.Combine(fixture.Root, "..", Path.GetFileName(fixture.Root) + ".baseline.json");
        try
        {
            var first = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json", "--output", baseline);
            Assert.Equal(1, first.ExitCode);

            var unchanged = await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", baseline);
            Assert.Equal(0, unchanged.ExitCode);
            Assert.Contains("already in the baseline", unchanged.Output);

            fixture.Write("src/Leaky/Second.cs", Fixture.LeakyProgram().Replace("TokenFactory", "SecondFactory", StringComparison.Ordinal));
            var added = await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", baseline, "--format", "json");
            Assert.Equal(1, added.ExitCode);
            using var report = JsonDocument.Parse(added.Output);
            var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("src/Leaky/Second.cs", finding.GetProperty("path").GetString());

            // A SARIF report works as a baseline too.
            var sarif = baseline + ".sarif";
            await CliRunner.RunAsync(fixture.Root, "scan", "--format", "sarif", "--output", sarif);
            var fromSarif = await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", sarif);
            Assert.Equal(0, fromSarif.ExitCode);
            File.Delete(sarif);
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Theory]
    [InlineData("scan", "--format", "xml")]
    [InlineData("scan", "--no-such-option")]
    [InlineData("scan", "does/not/exist")]
    [InlineData("scan", "--baseline", "missing-baseline.json")]
    [InlineData("frobnicate")]
    [InlineData("check")]
    public async Task BadUsage_ShouldExitTwo(params string[] args)
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task BrokenProjectFile_ShouldStillAnalyseItsSourcesAndSaySo()
    {
        using var fixture = new Fixture();
        fixture.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</Target");
        fixture.Write("Broken/TokenFactory.cs", Fixture.LeakyProgram());

        var result = await CliRunner.RunAsync(fixture.Root, "scan");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Broken/TokenFactory.cs(11,31): error CDS1001", result.Output);
        Assert.Contains("Broken/Broken.csproj: could not be read", result.Output);
        Assert.DoesNotContain(Fixture.Secret, result.All);
    }

    [Fact]
    public async Task ThousandsOfFiles_ShouldFindTheOneLeak()
    {
        using var fixture = new Fixture();
        fixture.Write("Big/Big.csproj", Fixture.WebProject);
        for (var i = 0; i < 3000; i++)
        {
            // Every tenth file has no string literal: the prefilter leaves it unbound.
            var body = i % 10 == 0
                ? $"public int Twice(int x) => x * {i};"
                : $"public string Name => \"item-{i}\"; public IEnumerable<string> Tags(IEnumerable<string> t) => t.Where(s => s.Length > {i % 7}).Select(s => s + \"-{i}\");";
            fixture.Write($"Big/Models/Folder{i / 100}/Model{i}.cs", $"namespace Big.Models;\npublic sealed class Model{i} {{ {body} }}\n");
        }

        fixture.Write("Big/Auth/TokenFactory.cs", Fixture.LeakyProgram());

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("Big/Auth/TokenFactory.cs", finding.GetProperty("path").GetString());
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(3001, summary.GetProperty("sourceFiles").GetInt32());
        Assert.Equal(2701, summary.GetProperty("analyzedFiles").GetInt32());
    }

    [Fact]
    public async Task Prefilter_ShouldNeverLoseAFinding()
    {
        using var fixture = Fixture.Leaky();
        // A constant in a file the prefilter keeps, used from a file it would set aside if it looked at literals only.
        fixture.Write("src/Leaky/Secrets.cs", $$"""namespace Leaky; internal static class Secrets { public const string Value = "{{Fixture.Secret}}"; }""");
        fixture.Write("src/Leaky/UsesConstant.cs", """
            using Microsoft.Identity.Client;
            namespace Leaky;
            internal static class UsesConstant
            {
                public static IConfidentialClientApplication Create(string id) =>
                    ConfidentialClientApplicationBuilder.Create(id).WithClientSecret(Secrets.Value).Build();
            }
            """);
        fixture.Write("src/Leaky/Plain.cs", "namespace Leaky; internal static class Plain { public static int Add(int a, int b) => a + b; }");

        var filtered = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");
        var everything = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json", "--no-prefilter");

        Assert.Equal(Findings(everything.Output), Findings(filtered.Output));
        // The constant is declared in one document and used at the sink in another: the finding lands at the sink's
        // argument in the using document (SPEC: document-local), so the prefilter must keep that file too.
        Assert.Contains(Findings(filtered.Output), f => f.StartsWith("src/Leaky/UsesConstant.cs", StringComparison.Ordinal));
        using var report = JsonDocument.Parse(filtered.Output);
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("analyzedFiles").GetInt32() < 5, "Plain.cs should have been set aside");
    }

    [Fact]
    public async Task EditorConfigSeverity_ShouldBeHonoured()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        fixture.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CDS1001.severity = warning\n");

        var lowered = await CliRunner.RunAsync(fixture.Root, "scan");
        Assert.Equal(0, lowered.ExitCode);
        Assert.Contains("warning CDS1001", lowered.Output);

        fixture.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CDS1001.severity = none\n");
        var silenced = await CliRunner.RunAsync(fixture.Root, "scan");
        Assert.Equal(0, silenced.ExitCode);
        Assert.DoesNotContain("CDS1001:", silenced.Output);
    }

    [Fact]
    public async Task PragmaSuppression_ShouldBeHonoured()
    {
        using var fixture = new Fixture();
        fixture.Write("App/App.csproj", Fixture.WebProject);
        fixture.Write("App/TokenFactory.cs", "#pragma warning disable CDS1001 // a throwaway test tenant\n" + Fixture.LeakyProgram());

        var result = await CliRunner.RunAsync(fixture.Root, "scan");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CDS1001:", result.Output);
    }

    [Fact]
    public async Task Scan_ShouldNotWriteIntoTheTree()
    {
        using var fixture = Fixture.Leaky();
        var before = Snapshot(fixture.Root);

        await CliRunner.RunAsync(fixture.Root, "scan", "--format", "sarif");

        Assert.Equal(before, Snapshot(fixture.Root));
    }

    [Fact]
    public async Task RedirectedOutput_ShouldHaveNoColour()
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, "scan");
        var noColor = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "scan");

        Assert.DoesNotContain('\u001b', result.All);
        Assert.DoesNotContain('\u001b', noColor.All);
    }

    [Fact]
    public async Task ProjectReference_ShouldLetTheSolutionsOwnTypesBind()
    {
        using var fixture = new Fixture();
        // Lib hands out MSAL's builder; App puts the secret on it. Without Lib's types, the call in App is on an
        // unknown type and is not a client-secret sink.
        fixture.Write("src/Lib/Lib.csproj", Fixture.WebProject.Replace("<OutputType>Exe</OutputType>", "<OutputType>Library</OutputType>", StringComparison.Ordinal));
        fixture.Write("src/Lib/ClientFactory.cs", """
            using Microsoft.Identity.Client;

            namespace Lib;

            public static class ClientFactory
            {
                public static ConfidentialClientApplicationBuilder Builder() => ConfidentialClientApplicationBuilder.Create("cad-dev-invoice-sync");
            }
            """);
        fixture.Write("src/App/App.csproj", Fixture.WebProject.Replace("</Project>", """
              <ItemGroup>
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        fixture.Write("src/App/Program.cs", $$"""
            var app = Lib.ClientFactory.Builder().WithClientSecret("{{Fixture.Secret}}").Build();
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("src/App/Program.cs(1,56) CDS1001", Findings(result.Output));
        Assert.DoesNotContain(Fixture.Secret, result.All);
    }

    [Fact]
    public async Task GeneratedCode_ShouldBeLeftOutYetItsTypesBind()
    {
        using var fixture = new Fixture();
        fixture.Write("App/App.csproj", Fixture.WebProject);
        // A migration with a leak: EF Core migrations are left out unless --include-generated.
        fixture.Write("App/Migrations/20240101000000_Seed.cs", $$"""
            using Microsoft.EntityFrameworkCore.Migrations;
            using Microsoft.Identity.Client;

            namespace App.Migrations;

            public partial class Seed : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev").WithClientSecret("{{Fixture.Secret}}").Build();
            }
            """);
        // A generated file whose type the written code uses: kept as declarations.
        fixture.Write("App/Clients.Designer.cs", """
            // <auto-generated/>
            namespace App;

            public static class Clients
            {
                public static Microsoft.Identity.Client.ConfidentialClientApplicationBuilder Builder() =>
                    Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create("cad-dev");
            }
            """);
        fixture.Write("App/Program.cs", $$"""
            var app = App.Clients.Builder().WithClientSecret("{{Fixture.Secret}}").Build();
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");
        var included = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json", "--include-generated");

        var findings = Findings(result.Output);
        Assert.Contains("App/Program.cs(1,50) CDS1001", findings);
        Assert.DoesNotContain(findings, f => f.Contains("Migrations", StringComparison.Ordinal));
        Assert.Contains("1 EF Core migration", result.Output);
        Assert.Contains(Findings(included.Output), f => f.StartsWith("App/Migrations/20240101000000_Seed.cs", StringComparison.Ordinal) && f.EndsWith("CDS1001", StringComparison.Ordinal));
    }

    private static async Task<List<string>> FingerprintsAsync(string root)
    {
        var result = await CliRunner.RunAsync(root, "scan", "--format", "json");
        using var report = JsonDocument.Parse(result.Output);
        return report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static List<string> Findings(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}({f.GetProperty("line").GetInt32()},{f.GetProperty("column").GetInt32()}) {f.GetProperty("ruleId").GetString()}")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    internal static IEnumerable<string> HashesOf(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        yield return Convert.ToHexString(SHA256.HashData(bytes));
        yield return Convert.ToHexString(SHA1.HashData(bytes));
        yield return Convert.ToHexString(MD5.HashData(bytes));
        yield return Convert.ToHexString(SHA512.HashData(bytes));
    }

    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => $"{Path.GetRelativePath(root, p)} {(File.Exists(p) ? new FileInfo(p).Length + " " + File.GetLastWriteTimeUtc(p).Ticks : "dir")}")
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task TestProject_ShouldNotReportSentinelsButShouldReportRealLookingValues()
    {
        using var fixture = new Fixture();
        fixture.Write("tests/App.Tests/App.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
              </ItemGroup>
            </Project>
            """);
        fixture.Write("tests/App.Tests/LoginTests.cs", """
            public sealed class LoginTests
            {
                private const string UserPassword = "pass";
                private const string OtpToken = "123456";
                private const string OrganizationApiKey = "k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0";
            }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CDS1002", finding.GetProperty("ruleId").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
    }

    /// <summary>
    /// Sentinels in test code whose test-ness the project file does not say itself: a nested Directory.Build.props that
    /// imports the one above (which sets IsTestProject), and a test framework that Directory.Packages.props references for
    /// projects whose path holds "Tests", or the Arcade SDK imported by Directory.Build.props (it makes every project named
    /// *.Tests, *.UnitTests, *.IntegrationTests or *.PerformanceTests a test project, as OpenIddict's are). Words passed to a record's credential-named parameters and a password key of a
    /// JsonObject are sentinels there; a real-looking key is still reported.
    /// </summary>
    [Theory]
    [InlineData("imported-props")]
    [InlineData("central-packages")]
    [InlineData("arcade-sdk")]
    public async Task TestProjectDeclaredAboveIt_ShouldNotReportSentinels(string layout)
    {
        using var fixture = new Fixture();
        fixture.Write("src/Auth/Auth.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        fixture.Write("src/Auth/IssuedTokens.cs", """
            namespace Auth;

            public sealed record IssuedTokens(string AccessToken, string RefreshToken);
            """);
        if (layout == "imported-props")
        {
            fixture.Write("test/Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <IsTestProject>true</IsTestProject>
                  </PropertyGroup>
                </Project>
                """);
            fixture.Write("test/unit/Directory.Build.props", """
                <Project>
                  <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
                  <PropertyGroup><Threshold>0</Threshold></PropertyGroup>
                </Project>
                """);
        }
        else if (layout == "arcade-sdk")
        {
            fixture.Write("Directory.Build.props", """
                <Project>
                  <Import Project="Sdk.props" Sdk="Microsoft.DotNet.Arcade.Sdk" />
                  <PropertyGroup><LangVersion>latest</LangVersion></PropertyGroup>
                </Project>
                """);
        }
        else
        {
            fixture.Write("Directory.Packages.props", """
                <Project>
                  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup Condition="$(MSBuildProjectName.EndsWith('API'))">
                    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.5.0" />
                  </ItemGroup>
                  <ItemGroup Condition="$(MSBuildProjectFullPath.Contains('Tests'))">
                    <PackageReference Include="nunit" Version="4.0.1" />
                  </ItemGroup>
                </Project>
                """);
        }

        var tests = layout switch
        {
            "imported-props" => "test/unit/Auth.Tests",
            "arcade-sdk" => "test/Auth.IntegrationTests",
            _ => "src/Tests/Auth.Tests",
        };
        var reference = layout == "central-packages" ? "../../Auth/Auth.csproj" : "../../" + (layout == "imported-props" ? "../" : "") + "src/Auth/Auth.csproj";
        fixture.Write($"{tests}/{Path.GetFileName(tests)}.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="{{reference}}" /></ItemGroup>
            </Project>
            """);
        fixture.Write($"{tests}/TokenTests.cs", """
            using System.Text.Json.Nodes;
            using Auth;

            namespace Auth.Tests;

            public sealed class TokenTests
            {
                public IssuedTokens Issued() => new IssuedTokens("access-a", "refresh-a");

                public JsonObject Redacted() => new JsonObject { ["nested"] = new JsonObject { ["password"] = "also-secret" } };

                private const string OrganizationApiKey = "k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0";
            }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CDS1002", finding.GetProperty("ruleId").GetString());
        Assert.Equal(12, finding.GetProperty("line").GetInt32());
    }
    /// <summary>
    /// A Directory.Build.props that gives a test framework only to the projects it marks as tests, through a property set
    /// under a condition on the project's name (Sonarr's layout): the product project is no test code, so its hard-coded
    /// default password is reported, while a sentinel in the marked test project is not.
    /// </summary>
    [Fact]
    public async Task TestFrameworkUnderADecidableCondition_ShouldReportInProductProjects()
    {
        using var fixture = new Fixture();
        fixture.Write("src/Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <MarkedAsTest>false</MarkedAsTest>
                <MarkedAsTest Condition="$(MSBuildProjectName.EndsWith('.Test'))">true</MarkedAsTest>
              </PropertyGroup>
              <ItemGroup Condition="'$(MarkedAsTest)'=='true'">
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.10.0" />
                <PackageReference Include="NUnit" Version="4.1.0" />
              </ItemGroup>
            </Project>
            """);
        fixture.Write("src/Downloader/Downloader.csproj", """
            <Project Sdk="Microsoft.NET.Sdk"></Project>
            """);
        fixture.Write("src/Downloader/TorrentSettings.cs", """
            namespace Downloader;

            public sealed class TorrentSettings
            {
                public string Host { get; set; } = "localhost";

                public string Password { get; set; } = "raspberry";
            }
            """);
        fixture.Write("src/Downloader.Test/Downloader.Test.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><ProjectReference Include="../Downloader/Downloader.csproj" /></ItemGroup>
            </Project>
            """);
        fixture.Write("src/Downloader.Test/TorrentSettingsTests.cs", """
            namespace Downloader.Test;

            public sealed class TorrentSettingsTests
            {
                public Downloader.TorrentSettings Settings() => new() { Password = "pass" };
            }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CDS1002", finding.GetProperty("ruleId").GetString());
        Assert.EndsWith("TorrentSettings.cs", finding.GetProperty("path").GetString());
    }
    /// <summary>
    /// bitwarden's layout: Directory.Build.props sets IsTestProject under a compound condition, true only for projects named
    /// <c>*.Test</c> or <c>*.IntegrationTest</c> while the property is unset. The scan decides the parts it can (the names)
    /// and the whole with them: the product project stays product code, so its default password is reported.
    /// </summary>
    [Fact]
    public async Task TestProjectUnderACompoundCondition_ShouldReportInProductProjects()
    {
        using var fixture = new Fixture();
        fixture.Write("src/Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject Condition="'$(IsTestProject)' == '' and ($(MSBuildProjectName.EndsWith('.Test')) or $(MSBuildProjectName.EndsWith('.IntegrationTest')))">true</IsTestProject>
              </PropertyGroup>
            </Project>
            """);
        fixture.Write("src/Seeder/Seeder.csproj", """
            <Project Sdk="Microsoft.NET.Sdk"></Project>
            """);
        fixture.Write("src/Seeder/UserSeeder.cs", """
            namespace Seeder;

            public static class UserSeeder
            {
                public const string DefaultPassword = "raspberry";
            }
            """);
        fixture.Write("src/Seeder.Test/Seeder.Test.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><ProjectReference Include="../Seeder/Seeder.csproj" /></ItemGroup>
            </Project>
            """);
        fixture.Write("src/Seeder.Test/UserSeederTests.cs", """
            namespace Seeder.Test;

            public sealed class UserSeederTests
            {
                public const string WrongPassword = "pass";
            }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CDS1002", finding.GetProperty("ruleId").GetString());
        Assert.EndsWith("UserSeeder.cs", finding.GetProperty("path").GetString());
    }
    /// <summary>
    /// The repository is the OAuth library itself: a sample app references the library's project, whose assembly the tool
    /// also ships as a package. The project's source replaces the shipped copy, as in a build, so the sink still resolves.
    /// </summary>
    [Fact]
    public async Task SinkLibraryCompiledFromTheScannedSource_ShouldReport()
    {
        using var fixture = new Fixture();
        fixture.Write("src/Microsoft.Identity.Client/Microsoft.Identity.Client.csproj", """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
            """);
        fixture.Write("src/Microsoft.Identity.Client/ConfidentialClientApplicationBuilder.cs", """
            namespace Microsoft.Identity.Client;

            public sealed class ConfidentialClientApplicationBuilder
            {
                public static ConfidentialClientApplicationBuilder Create(string clientId) => new();

                public ConfidentialClientApplicationBuilder WithClientSecret(string clientSecret) => this;
            }
            """);
        fixture.Write("samples/DevApp/DevApp.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="../../src/Microsoft.Identity.Client/Microsoft.Identity.Client.csproj" /></ItemGroup>
            </Project>
            """);
        fixture.Write("samples/DevApp/Startup.cs", """
            using Microsoft.Identity.Client;

            namespace DevApp;

            public static class Startup
            {
                public static ConfidentialClientApplicationBuilder Client() =>
                    ConfidentialClientApplicationBuilder.Create("dev-app").WithClientSecret("dev-7Qx2-app");
            }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        using var report = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CDS1001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("samples/DevApp/Startup.cs", finding.GetProperty("path").GetString());
    }
}
