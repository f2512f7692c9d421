using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;

namespace Cadasto.Packaging.Tests;

/// <summary>
/// What a user gets from the packages: one package brings everything; the analyzers alone can be
/// turned on repository-wide; no finding is ever reported twice, also on a second build.
/// </summary>
public sealed partial class PackageTests(PackedProduct product) : IClassFixture<PackedProduct>
{
    private const string LeakyProgram = """
        using Microsoft.Identity.Client;

        var app = ConfidentialClientApplicationBuilder.Create("cad-dev-app")
            .WithClientSecret("Xq8Q~vL2.pR7sT9uW1yZ3aB5cD7eF9gH1jK3mN5")
            .Build();
        System.Console.WriteLine(app.Authority);
        """;

    private const string LeakyLibrary = """
        using Microsoft.Identity.Client;

        public static class TokenClient
        {
            public static IConfidentialClientApplication Create() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev-lib").WithClientSecret("Xq8Q~vL2.pR7sT9uW1yZ3aB5cD7eF9gH1jK3mN5").Build();
        }
        """;

    [Fact]
    public void AnalyzersPackage_HasAnalyzersFixesAndBuildFiles_AndNoDependencies()
    {
        using var package = ZipFile.OpenRead(product.PackagePath("Cadasto.Analyzers"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Cadasto.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Cadasto.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("build/Cadasto.Analyzers.props", entries);
        Assert.Contains("build/Cadasto.Analyzers.targets", entries);
        Assert.Contains("buildTransitive/Cadasto.Analyzers.props", entries);
        Assert.Contains("buildTransitive/Cadasto.Analyzers.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var nuspec = ReadNuspec(package);
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialsPackage_DependsOnTheAnalyzers_WithBuildAssetsFlowing()
    {
        using var package = ZipFile.OpenRead(product.PackagePath("Cadasto.Credentials"));
        Assert.Contains(package.Entries, e => e.FullName == "lib/netstandard2.0/Cadasto.Credentials.dll");
        Assert.Contains(package.Entries, e => e.FullName == "lib/net8.0/Cadasto.Credentials.dll");
        var nuspec = ReadNuspec(package);
        // include="All" (PrivateAssets="none"): the analyzers and buildTransitive files reach the user's project.
        Assert.Contains($"<dependency id=\"Cadasto.Analyzers\" version=\"{product.Version}\" include=\"All\" />", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void FreshProjects_RestoringThePackages_SeeEachFindingExactlyOnce_OnEveryBuild()
    {
        var root = Directory.CreateDirectory(Path.Combine(product.WorkRoot, "consumer")).FullName;
        File.WriteAllText(Path.Combine(root, "NuGet.config"), product.NuGetConfig());
        // A team turns the rules on for every project from Directory.Build.props (all but "Single").
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ErrorLog>$(MSBuildProjectDirectory)/obj/findings.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup Condition="'$(MSBuildProjectName)' != 'Single'">
                <PackageReference Include="Cadasto.Analyzers" Version="{product.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        // Errors become warnings so the build completes, copies appsettings.json to bin/, and builds again over it.
        // Findings in additional files (appsettings.json) take only rule-id severities, not category ones.
        File.WriteAllText(Path.Combine(root, ".globalconfig"), """
            is_global = true
            dotnet_analyzer_diagnostic.category-Security.severity = warning
            dotnet_diagnostic.CDS1001.severity = warning
            dotnet_diagnostic.CDS1004.severity = warning
            """);

        // App: the runtime package AND the repository-wide analyzers (both paths to the same analyzer).
        WriteProject(root, "App", "Exe", $"""<PackageReference Include="Cadasto.Credentials" Version="{product.Version}" />""");
        // Lib: the analyzers alone, from Directory.Build.props: no runtime dependency.
        WriteProject(root, "Lib", "Library", string.Empty);
        // Single: only the runtime package: it must bring the analyzers by itself.
        WriteProject(root, "Single", "Exe", $"""<PackageReference Include="Cadasto.Credentials" Version="{product.Version}" />""");

        var environment = product.ConsumerEnvironment(root);
        for (var build = 1; build <= 2; build++)
        {
            foreach (var project in new[] { "App", "Lib", "Single" })
            {
                // Touch the source so the second build compiles again, with bin/appsettings.json now present.
                File.SetLastWriteTimeUtc(Path.Combine(root, project, "Program.cs"), DateTime.UtcNow);
                var (exitCode, output) = DotnetCli.Run(root, environment, "build", Path.Combine(root, project, project + ".csproj"));
                Assert.True(exitCode == 0, $"build {build} of {project} failed:\n{output}");

                var findings = ReadFindings(Path.Combine(root, project, "obj", "findings.sarif"));
                var duplicates = findings.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(duplicates.Count == 0, $"build {build} of {project} reported twice: {string.Join("; ", duplicates)}");
                Assert.Single(findings, f => f.RuleId == "CDS1001" && f.File.EndsWith("Program.cs", StringComparison.Ordinal));
                // The props hand appsettings.json to the rules once: the project's copy, never the one in bin/.
                Assert.Single(findings, f => f.RuleId == "CDS1004" && f.File.EndsWith("appsettings.json", StringComparison.Ordinal));
                Assert.DoesNotContain(findings, f => f.File.Contains("/bin/", StringComparison.Ordinal) || f.File.Contains("/obj/", StringComparison.Ordinal));
            }
        }

        var libraryAssets = File.ReadAllText(Path.Combine(root, "Lib", "obj", "project.assets.json"));
        Assert.DoesNotContain("Cadasto.Credentials", libraryAssets, StringComparison.Ordinal);
    }

    private static void WriteProject(string root, string name, string outputType, string packageReference)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {packageReference}
                <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
                <None Update="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), outputType == "Exe" ? LeakyProgram : LeakyLibrary);
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """
            {
              "Cadasto": { "ClientId": "cad-dev-app", "ClientSecret": "Zr5~Jk2.Lm8Qp4Tx9Vb1Nc6Hd3Fg7Ws0Ye2Ua" }
            }
            """);
    }

    private static List<Finding> ReadFindings(string sarifPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var findings = new List<Finding>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var ruleId = result.GetProperty("ruleId").GetString()!;
                if (!ruleId.StartsWith("CDS", StringComparison.Ordinal))
                {
                    continue;
                }

                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                findings.Add(new Finding(
                    ruleId,
                    location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                    region.GetProperty("startLine").GetInt32(),
                    region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 0));
            }
        }

        return findings;
    }

    private static string ReadNuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private sealed record Finding(string RuleId, string File, int Line, int Column);
}
