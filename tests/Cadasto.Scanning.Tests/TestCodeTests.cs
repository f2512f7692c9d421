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

    // Real code (a .NET Framework authorization server's tests): Visual Studio's MSTest v1 template, an old-style project
    // that references the framework Visual Studio installed (no package: packages.config lists only the product's), in a
    // <Choose> whose branches differ by the reference's version. A build sees the assembly; the scan reads its name.
    [Fact]
    public void OldStyleMSTestV1Project_ShouldBeTestCode()
    {
        using var tree = new TempTree();
        tree.Write("source/Tests/Tests/Tests.csproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="12.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <AssemblyName>Tests</AssemblyName>
                <TargetFrameworkVersion>v4.5</TargetFrameworkVersion>
                <ProjectTypeGuids>{3AC096D0-A1C2-E12C-1390-A8335801FDAB};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids>
                <TestProjectType>UnitTest</TestProjectType>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Newtonsoft.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed, processorArchitecture=MSIL">
                  <HintPath>..\..\packages\Newtonsoft.Json.6.0.3\lib\net45\Newtonsoft.Json.dll</HintPath>
                </Reference>
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
              <ItemGroup>
                <Compile Include="TokenRequestValidationTests.cs" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("source/Tests/Tests/packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="Newtonsoft.Json" version="6.0.3" targetFramework="net45" />
            </packages>
            """);
        tree.Write("source/Tests/Tests/TokenRequestValidationTests.cs", "public sealed class TokenRequestValidationTests { }");
        tree.Write("source/Server/Server.csproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="12.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><OutputType>Library</OutputType><TargetFrameworkVersion>v4.5</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup>
                <Reference Include="System" />
                <Reference Include="System.Web.Mvc, Version=5.1.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35, processorArchitecture=MSIL" />
              </ItemGroup>
              <ItemGroup><Compile Include="TokenController.cs" /></ItemGroup>
            </Project>
            """);
        tree.Write("source/Server/TokenController.cs", "public sealed class TokenController { }");

        var projects = ProjectDiscovery.Discover(tree.Root).ToDictionary(p => p.Name);

        Assert.True(IsTestCode(projects["Tests"]));
        Assert.False(IsTestCode(projects["Server"]));
    }
}
