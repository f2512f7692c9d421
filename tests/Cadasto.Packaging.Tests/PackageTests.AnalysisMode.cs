using System;
using System.IO;
using System.Linq;

namespace Cadasto.Packaging.Tests;

/// <summary>
/// <c>CadastoAnalysisMode</c> through the restored package: <c>None</c> turns every rule off (a leaking
/// project builds, nothing reported), <c>All</c> keeps the errors, and an unknown value stops the build saying
/// which values there are.
/// </summary>
public sealed partial class PackageTests
{
    [Fact]
    public void AnalysisMode_FromTheRestoredPackage_SetsEverySeverity()
    {
        var root = Directory.CreateDirectory(Path.Combine(product.WorkRoot, "analysis-mode")).FullName;
        File.WriteAllText(Path.Combine(root, "NuGet.config"), product.NuGetConfig());
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ErrorLog>$(MSBuildProjectDirectory)/obj/findings.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cadasto.Analyzers" Version="{product.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        WriteProject(root, "Mode", "Exe", string.Empty);
        var project = Path.Combine(root, "Mode", "Mode.csproj");
        var sarif = Path.Combine(root, "Mode", "obj", "findings.sarif");
        var environment = product.ConsumerEnvironment(root);

        var (noneExit, noneOutput) = DotnetCli.Run(root, environment, "build", project, "-p:CadastoAnalysisMode=None");
        Assert.True(noneExit == 0, "CadastoAnalysisMode=None still failed the build:\n" + noneOutput);
        Assert.Empty(ReadFindings(sarif));

        File.SetLastWriteTimeUtc(Path.Combine(root, "Mode", "Program.cs"), DateTime.UtcNow);
        var (allExit, allOutput) = DotnetCli.Run(root, environment, "build", project, "-p:CadastoAnalysisMode=All");
        Assert.NotEqual(0, allExit);
        Assert.Contains("error CDS1001", allOutput, StringComparison.Ordinal);

        var (badExit, badOutput) = DotnetCli.Run(root, environment, "build", project, "-p:CadastoAnalysisMode=Strict");
        Assert.NotEqual(0, badExit);
        Assert.Contains("CadastoAnalysisMode is 'Strict': use Default, All or None.", badOutput, StringComparison.Ordinal);
    }
}
