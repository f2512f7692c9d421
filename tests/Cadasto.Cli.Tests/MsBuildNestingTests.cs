using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>
/// The nesting limit (docs/robustness.md, "Limits") holds on the <c>--msbuild</c> path too: a project loaded through
/// MSBuild is parsed and bound by the workspace, not by the source-only loader, so a file nested past the limit must be
/// left out there as well (named, exit 2), never parsed (Roslyn's parser is superlinear in nested parentheses) nor bound
/// (the operation tree is built by unguarded recursion) nor reported on as if it had been analysed.
/// </summary>
public sealed class MsBuildNestingTests
{
    [Fact]
    public async Task NestingBeyondTheLimit_ShouldBeRefusedOnTheMsBuildPathToo()
    {
        using var fixture = new Fixture();
        var nugetConfig = fixture.WriteOfflineNuGetConfig();
        fixture.Write("Deep/Deep.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        fixture.Write("Deep/Settings.cs", $"namespace Deep; public static class Settings {{ public const string ApiPassword = \"{Fixture.Secret}\"; }}\n");
        // Refused before the parse: 25,000 nested parentheses (bracket tokens past the limit).
        fixture.Write("Deep/Parens.cs", $"namespace Deep; public static class Parens {{ public const string DbPassword = \"{Fixture.Secret}\"; public static object Value = {new string('(', 25_000)}1{new string(')', 25_000)}; }}\n");
        // Refused once parsed: 11,000 nested array initializers are about 22,000 syntax levels in 11,000 brackets.
        var initializers = new StringBuilder("namespace Deep; public static class Initializers { public const string SmtpPassword = \"" + Fixture.Secret + "\"; public static object Value = ");
        initializers.Insert(initializers.Length, "new object[] { \"x\", ", 11_000).Append('1').Insert(initializers.Length, " }", 11_000).Append("; }\n");
        fixture.Write("Deep/Initializers.cs", initializers.ToString());
        var restore = await CliRunner.RunProcessAsync("dotnet", new[] { "restore", "Deep/Deep.csproj", "--configfile", nugetConfig }, fixture.Root);
        Assert.True(restore.ExitCode == 0, "restore failed: " + restore.All);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--msbuild", "--format", "json", "--no-progress", ".");

        Assert.True(result.ExitCode == 2, result.All);
        foreach (var file in new[] { "Deep/Parens.cs", "Deep/Initializers.cs" })
        {
            // Named once, with the limit, though both loaders refused it.
            var refusal = $"{file}: not analysed: code nested more than 20,000 syntax levels deep is over the limit";
            Assert.True(result.Error.Split(refusal).Length == 2, result.Error);
        }

        var report = JsonDocument.Parse(result.Output).RootElement;
        var notes = report.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.DoesNotContain(notes, n => n.Contains("--msbuild: the project did not load", StringComparison.Ordinal));
        // The file under the limit is analysed through MSBuild; the refused ones are not reported on.
        var paths = report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Equal(new[] { "Deep/Settings.cs" }, paths);
        Assert.DoesNotContain(Fixture.Secret, result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack overflow", result.All, StringComparison.Ordinal);
    }
}
