using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadasto.Packaging.Tests;

/// <summary>
/// The files the package's props hand to the rules, as MSBuild evaluates them in a user's project (the
/// buildTransitive targets imported as NuGet imports them; evaluation only, no pack, no restore).
/// </summary>
public sealed class AdditionalFilesGlobTests
{
    [Fact]
    public void PropsGlobs_TakeAppSettingsFromEverySubFolder_AndNothingFromBinOrObj()
    {
        var root = Directory.CreateTempSubdirectory("cadasto-globs-").FullName;
        try
        {
            // Stops MSBuild's upward search for the repository's own Directory.Build.* files.
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
            var targets = Path.Combine(PackedProduct.RepositoryRoot, "src", "Cadasto.Analyzers.Package", "buildTransitive", "Cadasto.Analyzers.targets");
            var project = Write(root, "App/App.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <Import Project="{targets}" />
                </Project>
                """);
            var read = new[]
            {
                "appsettings.json", "appsettings.Development.json", "cadasto.json", "Properties/launchSettings.json",
                "wwwroot/appsettings.json", "Config/appsettings.Shared.json", "Deploy/Production/appsettings.Production.json",
            };
            var neverRead = new[]
            {
                "bin/Debug/net10.0/appsettings.json", "obj/Debug/net10.0/appsettings.json", "Config/bin/appsettings.json",
                "bin/Release/net10.0/publish/wwwroot/appsettings.json", "settings.json", "Config/secrets.json",
            };
            foreach (var file in read.Concat(neverRead))
            {
                Write(root, Path.Combine("App", file), "{}");
            }

            var (exitCode, output) = DotnetCli.Run(root, null, "msbuild", project, "-getItem:AdditionalFiles", "-nologo");
            Assert.True(exitCode == 0, output);

            var items = JsonDocument.Parse(output.Substring(output.IndexOf('{', StringComparison.Ordinal)))
                .RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
                .Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'))
                .ToList();
            Assert.Equal(read.OrderBy(f => f, StringComparer.Ordinal), items.OrderBy(f => f, StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Write(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
