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
/// an unrestored project and one MSBuild cannot evaluate fall back with a note, the scan writes nothing into the tree,
/// and a finding both loaders see has the same fingerprint either way (a baseline written by one holds for the other).
/// </summary>
public sealed class MsBuildScanTests : IClassFixture<MsBuildScanTests.RestoredRepository>
{
    private readonly RestoredRepository _repository;

    public MsBuildScanTests(RestoredRepository repository) => _repository = repository;

    [Fact]
    public async Task RestoredProject_ShouldLoadWithMSBuild_AndLeaveTheTreeUnchanged()
    {
        var root = _repository.Fixture.Root;

        var sourceOnly = await CliRunner.RunAsync(root, "scan", "--format", "json", "--no-progress", ".");
        Assert.True(sourceOnly.ExitCode == 1, sourceOnly.All);
        Assert.DoesNotContain(Findings(sourceOnly.Output), f => f.GetProperty("path").GetString() == "App/Program.cs");

        var stopwatch = Stopwatch.StartNew();
        var msbuild = await CliRunner.RunAsync(root, "scan", "--msbuild", "--format", "json", "--no-progress", ".");
        stopwatch.Stop();
        Assert.True(msbuild.ExitCode == 1, msbuild.All);
        var finding = Assert.Single(Findings(msbuild.Output), f => f.GetProperty("path").GetString() == "App/Program.cs");
        Assert.Equal("CDS1001", finding.GetProperty("ruleId").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.DoesNotContain(Fixture.Secret, msbuild.All, StringComparison.Ordinal);

        var notes = JsonDocument.Parse(msbuild.Output).RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("Unrestored: --msbuild: no obj/project.assets.json", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Failing: --msbuild: the project did not load (", StringComparison.Ordinal)
            && n.Contains("No.Such.Sdk", StringComparison.Ordinal) && n.EndsWith("analysed source-only.", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.StartsWith("App:", StringComparison.Ordinal) || n.StartsWith("--msbuild:", StringComparison.Ordinal));

        // Nothing written: no obj/Debug, no generated AssemblyInfo or editorconfig, no bin.
        Assert.Equal(_repository.Before, Snapshot(root));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"scan --msbuild took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task FindingBothLoadersSee_ShouldHaveTheSameFingerprint_InJsonAndSarif()
    {
        var root = _repository.Fixture.Root;

        var sourceJson = await CliRunner.RunAsync(root, "scan", "--format", "json", "--no-progress", ".");
        var msbuildJson = await CliRunner.RunAsync(root, "scan", "--msbuild", "--format", "json", "--no-progress", ".");
        var sourceSarif = await CliRunner.RunAsync(root, "scan", "--format", "sarif", "--no-progress", ".");
        var msbuildSarif = await CliRunner.RunAsync(root, "scan", "--msbuild", "--format", "sarif", "--no-progress", ".");
        foreach (var run in new[] { sourceJson, msbuildJson, sourceSarif, msbuildSarif })
        {
            Assert.True(run.ExitCode == 1, run.All);
        }

        // The C# leak in a class member, the appsettings.json leak, the web app's logged secret and the leak in the shared
        // project App imports: both loaders see them (the rest of App is what only MSBuild sees, checked above).
        var fromSource = JsonIdentities(sourceJson.Output);
        Assert.Equal(
            new[]
            {
                ("CDS1005", "Api/Program.cs", 4), ("CDS1001", "App/TokenFactory.cs", 11), ("CDS1004", "App/appsettings.json", 1),
                ("CDS1001", "Shared/SharedTokens.cs", 11),
            },
            fromSource.Select(f => (f.RuleId, f.Path, f.Line)).ToArray());
        Assert.Equal("App", Findings(msbuildJson.Output).Single(f => f.GetProperty("path").GetString() == "Shared/SharedTokens.cs").GetProperty("project").GetString());
        Assert.All(fromSource, f => Assert.Matches("^[0-9a-f]{32}$", f.Fingerprint));

        var fromMsBuild = JsonIdentities(msbuildJson.Output);
        Assert.Equal(fromSource, fromMsBuild.Where(f => f.Path != "App/Program.cs").ToList());
        Assert.Equal(fromSource, SarifIdentities(sourceSarif.Output));
        Assert.Equal(fromMsBuild, SarifIdentities(msbuildSarif.Output));
    }

    private static List<(string RuleId, string Path, int Line, string Fingerprint)> JsonIdentities(string json) =>
        Findings(json)
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("fingerprint").GetString()!))
            .OrderBy(f => f.Item2, StringComparer.Ordinal).ThenBy(f => f.Item3)
            .ToList();

    private static List<(string RuleId, string Path, int Line, string Fingerprint)> SarifIdentities(string sarif) =>
        JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                return (
                    r.GetProperty("ruleId").GetString()!,
                    Uri.UnescapeDataString(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!),
                    location.GetProperty("region").GetProperty("startLine").GetInt32(),
                    r.GetProperty("partialFingerprints").GetProperty("cadasto/v1").GetString()!);
            })
            .OrderBy(f => f.Item2, StringComparer.Ordinal).ThenBy(f => f.Item3)
            .ToList();

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

    /// <summary>
    /// The repository every test of this class scans, restored once: App (restored; one leak only an evaluation sees, two
    /// that both loaders see), Api (restored, a web app also named App), Unrestored (no assets file) and Failing (an
    /// assets file, an SDK that does not exist).
    /// </summary>
    public sealed class RestoredRepository : IAsyncLifetime
    {
        public Fixture Fixture { get; } = new();

        /// <summary>The tree after the restore, before any scan.</summary>
        public List<string> Before { get; private set; } = new();

        public async Task InitializeAsync()
        {
            var fixture = Fixture;
            var nugetConfig = fixture.WriteOfflineNuGetConfig();
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
                  <Import Project="build/leak.targets" />
                  <Import Project="..\Shared\Shared.projitems" Label="Shared" />
                </Project>
                """);
            // A shared project's file (.projitems, compiled by App): MSBuild's evaluation compiles it into App, and the
            // source-only load gives it to App too; neither analyses it as a loose file.
            fixture.Write("Shared/Shared.projitems", """
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup><HasSharedItems>true</HasSharedItems></PropertyGroup>
                  <ItemGroup><Compile Include="$(MSBuildThisFileDirectory)SharedTokens.cs" /></ItemGroup>
                </Project>
                """);
            fixture.Write("Shared/SharedTokens.cs", Fixture.LeakyProgram().Replace("class TokenFactory", "class SharedTokens", StringComparison.Ordinal));
            // Only an evaluation of the project sees this define: the source-only loader reads the project file,
            // Directory.Build.props and the .props files the project imports, not an imported .targets file.
            fixture.Write("App/build/leak.targets", """
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
            // Seen by both loaders: a C# leak in a class member, a configuration leak.
            fixture.Write("App/TokenFactory.cs", Fixture.LeakyProgram());
            fixture.Write("App/appsettings.json", $$"""{ "AzureAd": { "ClientId": "cad-dev-invoice-sync", "ClientSecret": "{{Fixture.Secret}}" } }""");
            // A second project named App (a web app in another folder): the design-time files of both are named
            // App.GlobalUsings.g.cs, and its leak binds only with the web SDK's global usings (WebApplication, ILogger).
            fixture.Write("Api/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                </Project>
                """);
            fixture.Write("Api/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var secret = builder.Configuration["Cadasto:ClientSecret"];
                app.Logger.LogInformation("Using the secret {Secret}", secret);
                app.Run();
                """);
            fixture.Write("Unrestored/Unrestored.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """);
            fixture.Write("Unrestored/Helper.cs", "namespace Unrestored; public static class Helper { }\n");

            foreach (var project in new[] { "App/App.csproj", "Api/App.csproj" })
            {
                var restore = await RunDotnetAsync(fixture.Root, "restore", project, "--configfile", nugetConfig);
                Assert.True(restore.ExitCode == 0, "restore failed: " + restore.All);
            }

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
            Before = Snapshot(fixture.Root);
        }

        public Task DisposeAsync()
        {
            Fixture.Dispose();
            return Task.CompletedTask;
        }
    }
}
