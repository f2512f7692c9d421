using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>
/// <c>scan --msbuild</c> on a project restored once, offline, from the machine's global packages folder:
/// the design-time evaluation sees what the source-only loader cannot (a define from an imported file),
/// an unrestored project and one MSBuild cannot evaluate fall back with a note, and the scan writes nothing into the tree.
/// </summary>
public sealed class MsBuildScanTests
{
    private static readonly string GlobalPackagesFolder =
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [Fact]
    public async Task RestoredProject_ShouldLoadWithMSBuild_AndLeaveTheTreeUnchanged()
    {
        using var fixture = new Fixture();
        fixture.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="restored" value="{GlobalPackagesFolder}" />
              </packageSources>
            </configuration>
            """);
        fixture.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
              </ItemGroup>
              <Import Project="build/leak.props" />
            </Project>
            """);
        // Only an evaluation of the project sees this define: the source-only loader reads the project file and
        // Directory.Build.props, not an explicit Import.
        fixture.Write("App/build/leak.props", """
            <Project>
              <PropertyGroup>
                <DefineConstants>$(DefineConstants);CADASTO_LEAK</DefineConstants>
              </PropertyGroup>
            </Project>
            """);
        fixture.Write("App/Program.cs", $$"""
            using Microsoft.Identity.Client;

            var builder = ConfidentialClientApplicationBuilder.Create("client-id");
            #if CADASTO_LEAK
            builder = builder.WithClientSecret("{{Fixture.Secret}}");
            #endif
            Console.WriteLine(builder.Build().Authority);
            """);
        fixture.Write("Unrestored/Unrestored.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        fixture.Write("Unrestored/Helper.cs", "namespace Unrestored; public static class Helper { }\n");

        var restore = await RunDotnetAsync(fixture.Root, "restore", "App/App.csproj", "--configfile", Path.Combine(fixture.Root, "NuGet.config"));
        Assert.True(restore.ExitCode == 0, "restore failed: " + restore.All);
        Assert.True(File.Exists(Path.Combine(fixture.Root, "App", "obj", "project.assets.json")));

        // Looks restored, but MSBuild cannot evaluate it (its SDK does not exist): it must fall back, not fail the scan.
        fixture.Write("Failing/Failing.csproj", """
            <Project Sdk="No.Such.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        fixture.Write("Failing/Tokens.cs", "namespace Failing; public static class Tokens { }\n");
        Directory.CreateDirectory(Path.Combine(fixture.Root, "Failing", "obj"));
        File.Copy(Path.Combine(fixture.Root, "App", "obj", "project.assets.json"), Path.Combine(fixture.Root, "Failing", "obj", "project.assets.json"));
        var before = Snapshot(fixture.Root);

        var sourceOnly = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json", "--no-progress", ".");
        Assert.True(sourceOnly.ExitCode == 0, sourceOnly.All);
        Assert.Empty(Findings(sourceOnly.Output));

        var stopwatch = Stopwatch.StartNew();
        var msbuild = await CliRunner.RunAsync(fixture.Root, "scan", "--msbuild", "--format", "json", "--no-progress", ".");
        stopwatch.Stop();
        Assert.True(msbuild.ExitCode == 1, msbuild.All);
        var finding = Assert.Single(Findings(msbuild.Output));
        Assert.Equal("CDS1001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("App/Program.cs", finding.GetProperty("path").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.DoesNotContain(Fixture.Secret, msbuild.All, StringComparison.Ordinal);

        var notes = JsonDocument.Parse(msbuild.Output).RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("Unrestored: --msbuild: no obj/project.assets.json", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Failing: --msbuild: the project did not load (", StringComparison.Ordinal)
            && n.Contains("No.Such.Sdk", StringComparison.Ordinal) && n.EndsWith("analysed source-only.", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.StartsWith("App:", StringComparison.Ordinal));

        // Nothing written: no obj/Debug, no generated AssemblyInfo or editorconfig, no bin.
        Assert.Equal(before, Snapshot(fixture.Root));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"scan --msbuild took {stopwatch.Elapsed}");
    }

    private static List<JsonElement> Findings(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().ToList();

    private static async Task<CliResult> RunDotnetAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => $"{Path.GetRelativePath(root, p)} {(File.Exists(p) ? new FileInfo(p).Length + " " + File.GetLastWriteTimeUtc(p).Ticks : "dir")}")
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
}
