using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>Bad input gets a clear message and the right exit code: never a crash, a hang, or a silent pass (issue 16).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("""{ "findings": 5 }""")]
    [InlineData("""{ "findings": [ { "fingerprint": 3 } ] }""")]
    [InlineData("""{ "findings": [ 1, "two" ] }""")]
    [InlineData("""{ "runs": [ { "results": [ { "partialFingerprints": 7 } ] } ] }""")]
    [InlineData("""{ "runs": [ 1 ] }""")]
    [InlineData("""[ { "fingerprint": "abc" } ]""")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public async Task BaselineOfTheWrongShape_ShouldExitTwoBeforeTheScan(string content)
    {
        using var fixture = Fixture.Leaky();
        fixture.Write("baseline.json", content);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", "baseline.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline", result.Error);
        Assert.DoesNotContain("   at ", result.All);
        Assert.DoesNotContain("Scanned", result.All);
    }

    [Fact]
    public async Task BaselineThatIsAFolder_ShouldExitTwo()
    {
        using var fixture = Fixture.Leaky();
        Directory.CreateDirectory(Path.Combine(fixture.Root, "baseline.json"));

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", "baseline.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline.json", result.Error);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task UnreadableBaseline_ShouldExitTwoAndSayWhy()
    {
        using var fixture = Fixture.Leaky();
        var baseline = fixture.Write("baseline.json", """{ "findings": [] }""");
        File.SetUnixFileMode(baseline, UnixFileMode.None);

        var result = await CliRunner.RunAsUnprivilegedAsync(fixture.Root, "scan", "--baseline", "baseline.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline.json", result.Error);
        Assert.Contains("permission denied", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("file-as-parent")]
    [InlineData("unwritable")]
    public async Task OutputThatCannotBeWritten_ShouldExitTwoBeforeTheScan(string kind)
    {
        using var fixture = Fixture.Leaky();
        string target;
        switch (kind)
        {
            case "folder":
                target = "reports";
                Directory.CreateDirectory(Path.Combine(fixture.Root, target));
                break;
            case "file-as-parent":
                fixture.Write("plain.txt", "not a folder");
                target = "plain.txt/report.json";
                break;
            default:
                var folder = Path.Combine(fixture.Root, "locked");
                Directory.CreateDirectory(folder);
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                target = "locked/report.json";
                break;
        }

        var result = await CliRunner.RunAsUnprivilegedAsync(fixture.Root, "scan", "--format", "json", "--output", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output", result.Error);
        Assert.DoesNotContain("   at ", result.All);
        Assert.DoesNotContain("Scanned", result.All);
    }

    [Fact]
    public async Task TwoThousandNestedArrayInitializers_ShouldBeAnalysed()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        fixture.Write("src/Leaky/Deep.cs", DeepInitializer(2000));

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CDS1001", result.Output);
        Assert.DoesNotContain("Stack overflow", result.All);
    }

    [Fact]
    public async Task NestingBeyondTheLimit_ShouldExitTwoNamingTheLimit()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        fixture.Write("src/Leaky/Deep.cs", DeepInitializer(30_000));

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Deep.cs", result.Error);
        Assert.Contains("20,000", result.Error);
        Assert.Contains("error CDS1001", result.Output);
        Assert.DoesNotContain("Stack overflow", result.All);
    }

    [Fact]
    public async Task PipesNamedLikeInputs_ShouldNeverHang()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        foreach (var name in new[] { "src/Leaky/Pipe.cs", "src/Leaky/appsettings.json", "src/Leaky/.editorconfig", "src/Other/Other.csproj", "src/Directory.Build.props" })
        {
            var path = Path.Combine(fixture.Root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var made = await CliRunner.RunProcessAsync("mkfifo", new[] { path }, fixture.Root);
            Assert.Equal(0, made.ExitCode);
        }

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CDS1001", result.Output);
        Assert.Contains("Pipe.cs", result.Output);
        Assert.Contains("not a regular file", result.Output);
    }

    [Fact]
    public async Task SourceFileOverFourMegabytes_ShouldStillBeAnalysed()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        fixture.Write("src/Leaky/TokenFactory.cs", Padding(5 * 1024 * 1024) + Fixture.LeakyProgram());

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CDS1001", result.Output);
    }

    [Fact]
    public async Task SourceFileOverTheLimit_ShouldExitTwoNamingTheLimit()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        fixture.Write("src/Leaky/Huge.cs", Padding(17 * 1024 * 1024) + Fixture.LeakyProgram().Replace("TokenFactory", "Huge", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Huge.cs", result.Error);
        Assert.Contains("16 MB", result.Error);
    }

    [Fact]
    public async Task UnreadableFilesAndFolders_ShouldBeNamedWithTheReason()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        var settings = fixture.Write("src/Leaky/appsettings.json", """{ "Name": "x" }""");
        var source = fixture.Write("src/Leaky/Hidden.cs", "namespace Leaky; class Hidden { }");
        var folder = Path.Combine(fixture.Root, "src", "Leaky", "Locked");
        fixture.Write("src/Leaky/Locked/Inside.cs", "namespace Leaky; class Inside { }");
        File.SetUnixFileMode(settings, UnixFileMode.None);
        File.SetUnixFileMode(source, UnixFileMode.None);
        File.SetUnixFileMode(folder, UnixFileMode.None);

        try
        {
            var result = await CliRunner.RunAsUnprivilegedAsync(fixture.Root, "scan", "--no-progress");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error CDS1001", result.Output);
            foreach (var name in new[] { "appsettings.json", "Hidden.cs", "Locked" })
            {
                Assert.Contains(result.Error.Split('\n'), line => line.Contains(name, StringComparison.Ordinal) && line.Contains("permission denied", StringComparison.OrdinalIgnoreCase));
            }
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // Issue 16: an unreadable cadasto.json was reported as "The file is empty"; every file not read is named, with why.
    [Fact]
    public async Task UnreadableManifest_ShouldBeNamedWithTheReason_NotCalledEmpty()
    {
        using var fixture = Fixture.Leaky(withSettings: false);
        var manifest = fixture.Write("src/Leaky/cadasto.json", """{ "client": { "id": "leaky" } }""");
        File.SetUnixFileMode(manifest, UnixFileMode.None);

        var result = await CliRunner.RunAsUnprivilegedAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Error.Split('\n'), line => line.Contains("cadasto.json", StringComparison.Ordinal) && line.Contains("permission denied", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("empty", result.All, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("evil\nsrc/Fake.cs(1,1): error CDS1001: forged")]
    [InlineData("evil\u001b[2J\u001b]0;owned\u0007")]
    [InlineData("evil :warning: \u202ecs.txt")]
    public async Task FileNames_ShouldBeEscapedInTheHumanReport(string folder)
    {
        using var fixture = new Fixture();
        fixture.Write(Path.Combine(folder, "TokenFactory.cs"), Fixture.LeakyProgram());

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress");

        Assert.Equal(1, result.ExitCode);
        var findingLines = result.Output.Split('\n').Where(l => l.Contains("CDS1001", StringComparison.Ordinal) && l.Contains("): error", StringComparison.Ordinal)).ToList();
        Assert.Single(findingLines);
        Assert.StartsWith("evil", findingLines[0]);
        Assert.DoesNotContain('\u001b', result.All);
        Assert.DoesNotContain('\u202e', result.All);
        Assert.DoesNotContain("\u26a0", result.All);
        if (folder.Contains(":warning:", StringComparison.Ordinal))
        {
            Assert.Contains(":warning:", findingLines[0]);
        }
    }

    [Fact]
    public async Task ManyFindingsThatHoldNoSecret_ShouldCarryNoValueHash()
    {
        // Found by the fuzz run (docs/robustness.md): 1,000 declared scopes that no code requests gave 1,000 CDS4002, each
        // with a 100,000-round PBKDF2 of the scope's name in the JSON report — over a minute for one small manifest.
        using var fixture = Fixture.Leaky(withSettings: false);
        var scopes = string.Join(", ", Enumerable.Range(0, 300).Select(i => $"\"api.scope{i}\""));
        fixture.Write("src/Leaky/cadasto.json", $$"""
            { "application": "leaky", "contact": { "email": "a@example.com" }, "clientType": "confidential", "flows": ["client_credentials"],
              "scopes": [{{scopes}}], "environments": { "development": { "clientId": "cad-dev" } } }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json", "--no-progress");

        Assert.Equal(1, result.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(result.Output);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(300, findings.Count(f => f.GetProperty("ruleId").GetString() == "CDS4002"));
        Assert.All(findings.Where(f => f.GetProperty("ruleId").GetString() == "CDS4002"), f => Assert.False(f.TryGetProperty("valueHash", out _)));
        Assert.True(Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "CDS1001").TryGetProperty("valueHash", out _));
    }

    private static string DeepInitializer(int depth)
    {
        var text = new StringBuilder("namespace Leaky; public static class Deep { public static object Value = ");
        text.Insert(text.Length, "new object[] { \"x\", ", depth).Append('1').Insert(text.Length, " }", depth).Append("; }\n");
        return text.ToString();
    }

    private static string Padding(int bytes)
    {
        var line = "// padding: a long comment line that makes this file big without changing what it declares.\n";
        return string.Concat(Enumerable.Repeat(line, bytes / line.Length + 1));
    }
}
