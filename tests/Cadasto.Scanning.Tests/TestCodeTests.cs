using System.IO;
using System.Linq;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// Which projects the scan treats as test code (the SPEC: "IsTestProject, or a reference to xUnit, NUnit, MSTest or
/// TUnit"), as a build does: there the analyzer sees the framework's assemblies among the references.
/// </summary>
public sealed class TestCodeTests
{
    private static ScanProject Project(string? isTestProject, params string[] packages)
    {
        var project = new ScanProject("Web.Test.Common", Path.Combine(Path.GetTempPath(), "Web.Test.Common"), Path.Combine(Path.GetTempPath(), "Web.Test.Common", "Web.Test.Common.csproj"));
        if (isTestProject is not null)
        {
            project.Properties["IsTestProject"] = isTestProject;
        }

        foreach (var package in packages)
        {
            project.PackageReferences.Add(package);
        }

        return project;
    }

    private static bool IsTestCode(ScanProject project) =>
        SourceOnlyLoader.BuildProperties(project).TryGetValue("IsTestProject", out var value) && value == "true";

    // Real code (an identity library's shared test helpers): the project says IsTestProject false, so that `dotnet test`
    // runs nothing in it, and references xunit for its fixtures and base classes. Its constants are test code.
    [Theory]
    [InlineData("xunit")]
    [InlineData("NUnit")]
    [InlineData("MSTest.TestFramework")]
    [InlineData("TUnit.Core")]
    public void HelperLibraryReferencingATestFramework_ShouldBeTestCode(string framework) =>
        Assert.True(IsTestCode(Project("false", framework)));

    // Real code (a .NET Framework OAuth2 server's unit tests, Visual Studio 2013): an old-style MSTest v1 project, whose
    // framework is an assembly reference (no package, no IsTestProject) in both branches of the template's Choose; its
    // sample clients' passwords are sentinels.
    [Fact]
    public void OldStyleMSTestV1Project_ShouldBeTestCode()
    {
        using var tree = new TempTree();
        tree.Write("source/Tests/Tests.csproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="12.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup>
                <ProjectTypeGuids>{3AC096D0-A1C2-E12C-1390-A8335801FDAB};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids>
                <TestProjectType>UnitTest</TestProjectType>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="System" />
              </ItemGroup>
              <Choose>
                <When Condition="('$(VisualStudioVersion)' == '10.0' or '$(VisualStudioVersion)' == '') and '$(TargetFrameworkVersion)' == 'v3.5'">
                  <ItemGroup>
                    <Reference Include="Microsoft.VisualStudio.QualityTools.UnitTestFramework, Version=10.1.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a, processorArchitecture=MSIL" />
                  </ItemGroup>
                </When>
                <Otherwise>
                  <ItemGroup>
                    <Reference Include="Microsoft.VisualStudio.QualityTools.UnitTestFramework" />
                  </ItemGroup>
                </Otherwise>
              </Choose>
            </Project>
            """);
        tree.Write("source/Tests/Data.cs", "public static class Data { }");
        // A Choose whose taken branch is decided: the other's framework is not referenced.
        tree.Write("source/WebHost/WebHost.csproj", """
            <Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><Harness>none</Harness></PropertyGroup>
              <ItemGroup><Reference Include="System.Web" /></ItemGroup>
              <Choose>
                <When Condition="'$(Harness)' == 'none'"><ItemGroup><Reference Include="System.Net.Http" /></ItemGroup></When>
                <Otherwise><ItemGroup><Reference Include="nunit.framework" /></ItemGroup></Otherwise>
              </Choose>
            </Project>
            """);
        tree.Write("source/WebHost/Global.cs", "public static class Global { }");

        var projects = ProjectDiscovery.Discover(tree.Root).ToDictionary(p => p.Name);

        Assert.True(IsTestCode(projects["Tests"]));
        Assert.False(IsTestCode(projects["WebHost"]));
    }

    [Fact]
    public void TestSdkAlone_ShouldBeTestCodeOnlyWhereIsTestProjectIsUnset()
    {
        Assert.True(IsTestCode(Project(null, "Microsoft.NET.Test.Sdk")));
        Assert.False(IsTestCode(Project("false", "Microsoft.NET.Test.Sdk")));
    }

    [Fact]
    public void ProductProject_ShouldNotBeTestCode() =>
        Assert.False(IsTestCode(Project(null, "Microsoft.Identity.Client", "Microsoft.Extensions.Logging")));

    // Real code (a workflow engine's layout): tests/Directory.Build.props gives every test project xunit and the test
    // SDK; the benchmarks below it import that file, then remove both and say IsTestProject false. The unit tests stay
    // test code; the benchmarks are not.
    [Fact]
    public void PackageRemovedBelowTheTestsProps_ShouldNotBeTestCode()
    {
        using var tree = new TempTree();
        tree.Write("test/Directory.Build.props", """
            <Project>
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="xunit" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("test/performance/Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
              <PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup>
              <ItemGroup>
                <PackageReference Remove="Microsoft.NET.Test.Sdk" />
                <PackageReference Remove="xunit" />
                <PackageReference Include="BenchmarkDotNet" />
              </ItemGroup>
            </Project>
            """);
        const string Project = """<Project Sdk="Microsoft.NET.Sdk"></Project>""";
        tree.Write("test/unit/Engine.UnitTests/Engine.UnitTests.csproj", Project);
        tree.Write("test/unit/Engine.UnitTests/RunTests.cs", "public sealed class RunTests { }");
        tree.Write("test/performance/Engine.PerformanceTests/Engine.PerformanceTests.csproj", Project);
        tree.Write("test/performance/Engine.PerformanceTests/RunBenchmarks.cs", "public sealed class RunBenchmarks { }");

        var projects = ProjectDiscovery.Discover(tree.Root).ToDictionary(p => p.Name);

        Assert.True(IsTestCode(projects["Engine.UnitTests"]));
        Assert.False(IsTestCode(projects["Engine.PerformanceTests"]));
    }
}
