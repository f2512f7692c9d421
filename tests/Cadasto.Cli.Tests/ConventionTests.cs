using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>Command-line conventions a user expects of any tool: colour switches, exit thresholds, names, unknown options, version.</summary>
public sealed class ConventionTests
{
    [Fact]
    public async Task Help_ShouldNameTheCommandCadasto()
    {
        using var fixture = new Fixture();

        var root = await CliRunner.RunAsync(fixture.Root, "--help");
        var scan = await CliRunner.RunAsync(fixture.Root, "scan", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("cadasto [command] [options]", root.Output);
        Assert.Contains("cadasto scan [<path>] [options]", scan.Output);
        Assert.DoesNotContain("Cadasto.Cli", root.Output + scan.Output);
    }

    [Fact]
    public async Task Version_ShouldPrintTheVersionAndExitZero()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(fixture.Root, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Theory]
    [InlineData("scan", "--no-such-option")]
    [InlineData("scan", "--no-such-option", ".")]
    [InlineData("scan", ".", "--no-such-option")]
    [InlineData("request", "--no-such-option")]
    public async Task UnknownOption_ShouldBeReportedAsAnUnknownOption(params string[] args)
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--no-such-option'", result.Error);
        Assert.DoesNotContain("does not exist", result.Error);
    }

    [Fact]
    public async Task PathAfterDoubleDash_ShouldBeAPathEvenWithALeadingDash()
    {
        using var fixture = Fixture.Leaky();
        Directory.Move(Path.Combine(fixture.Root, "src"), Path.Combine(fixture.Root, "-src"));

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--no-progress", "--", "-src");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CDS1001", result.Output);
    }

    [Fact]
    public async Task NoColorOption_ShouldTurnColourOffOnATerminal()
    {
        using var fixture = Fixture.Leaky();

        var coloured = (await CliRunner.RunOnTerminalAsync(fixture.Root, null, "scan", "--no-progress")).All;
        var option = (await CliRunner.RunOnTerminalAsync(fixture.Root, null, "scan", "--no-progress", "--no-color")).All;
        var variable = (await CliRunner.RunOnTerminalAsync(fixture.Root, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "scan", "--no-progress")).All;

        Assert.Contains("CDS1001", coloured);
        Assert.Contains("\u001b[38", coloured);
        Assert.Contains("CDS1001", option);
        Assert.DoesNotContain("\u001b[38", option);
        Assert.Contains("CDS1001", variable);
        Assert.DoesNotContain("\u001b[38", variable);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("never", 0)]
    public async Task FailOn_WithAnError_ShouldExitAsTheLevelSays(string level, int expected)
    {
        using var fixture = Fixture.Leaky(withSettings: false);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--fail-on", level);

        Assert.Equal(expected, result.ExitCode);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("never", 0)]
    public async Task FailOn_WithOnlyAWarning_ShouldExitAsTheLevelSays(string level, int expected)
    {
        using var fixture = new Fixture();
        fixture.Write("App/App.csproj", Fixture.WebProject);
        // CDS1002: a credential-named field with a hard-coded value, no sink: a warning.
        fixture.Write("App/Settings.cs", "namespace App; public static class Settings { public static string PartnerApiKey = \"Zq8vN3xR7tY2wL5k\"; }");

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--fail-on", level, "--format", "json");

        Assert.Contains("\"CDS1002\"", result.Output);
        Assert.Contains("\"warning\"", result.Output);
        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public async Task FailOn_UnknownLevel_ShouldExitTwo()
    {
        using var fixture = Fixture.Leaky();

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--fail-on", "sometimes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sometimes", result.Error);
    }
}
