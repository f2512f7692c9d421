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

    // Real code (a game's mobile test runners): the Android runner compiles the desktop test project's files through a linked
    // Compile item and references no test framework itself; NUnit reaches it from the game project it references, as NuGet
    // passes a referenced project's packages on. A build gives it nunit.framework, so it is test code as the desktop one is;
    // the game itself references NUnit (its test base classes) and is test code by the SPEC's letter in a build too.
    [Fact]
    public void RunnerLinkingTestFilesWithNUnitFromAReference_ShouldBeTestCode()
    {
        using var tree = new TempTree();
        tree.Write("Game/Game.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageReference Include="NUnit" Version="4.5.1" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("Game/Online/Api.cs", "public sealed class Api { public void Login(string user, string password) { } }");
        tree.Write("Game.Tests/Game.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.6.0" />
                <PackageReference Include="NUnit" Version="4.5.1" />
              </ItemGroup>
              <ItemGroup><ProjectReference Include="..\Game\Game.csproj" /></ItemGroup>
            </Project>
            """);
        tree.Write("Game.Tests/Visual/LoginTests.cs", "public sealed class LoginTests { public void Run(Api api) => api.Login(\"user\", \"password\"); }");
        tree.Write("Game.Tests.Android/Game.Tests.Android.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0-android</TargetFramework><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <Compile Include="..\Game.Tests\**\*.cs" Exclude="**\obj\**">
                  <Link>%(RecursiveDir)%(Filename)%(Extension)</Link>
                </Compile>
              </ItemGroup>
              <ItemGroup><ProjectReference Include="..\Game\Game.csproj" /></ItemGroup>
              <ItemGroup><PackageReference Include="Moq" Version="4.17.2" /></ItemGroup>
            </Project>
            """);

        var projects = ProjectDiscovery.Discover(tree.Root).ToDictionary(p => p.Name);

        Assert.Contains(projects["Game.Tests.Android"].SourceFiles, f => f.EndsWith("LoginTests.cs", System.StringComparison.Ordinal));
        Assert.True(IsTestCode(projects["Game.Tests.Android"]));
        Assert.True(IsTestCode(projects["Game.Tests"]));
    }

    // What a build keeps to itself does not make the projects above it test code: a package reference with
    // PrivateAssets="all" (or naming compile), and, past the project that holds it, a project reference with
    // PrivateAssets="all". A packages.config project takes part in no flow.
    [Theory]
    [InlineData("""<PackageReference Include="xunit.assert" Version="2.9.1" PrivateAssets="all" />""", "", false)]
    [InlineData("""<PackageReference Include="xunit.assert" Version="2.9.1"><PrivateAssets>compile;runtime</PrivateAssets></PackageReference>""", "", false)]
    [InlineData("""<PackageReference Include="xunit.assert" Version="2.9.1" />""", "", true)]
    [InlineData("""<PackageReference Include="xunit.assert" Version="2.9.1" />""", """PrivateAssets="all" """, false)]
    public void TestFrameworkOfAReferencedLibrary_ShouldFlowAsABuildPassesIt(string helperPackage, string helperReference, bool appIsTestCode)
    {
        using var tree = new TempTree();
        tree.Write("src/Common/Common.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Flurl.Http" Version="3.2.4" />
                {{helperPackage}}
              </ItemGroup>
            </Project>
            """);
        tree.Write("src/Common/Guard.cs", "public static class Guard { }");
        tree.Write("src/Core/Core.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Common\Common.csproj" {{helperReference}}/></ItemGroup>
            </Project>
            """);
        tree.Write("src/Core/Service.cs", "public sealed class Service { }");
        tree.Write("src/Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Core\Core.csproj" /></ItemGroup>
            </Project>
            """);
        tree.Write("src/Api/Program.cs", "public static class Program { }");
        tree.Write("src/Legacy/Legacy.csproj", """
            <Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><OutputType>Library</OutputType><TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Core\Core.csproj" /></ItemGroup>
              <ItemGroup><Compile Include="Legacy.cs" /></ItemGroup>
            </Project>
            """);
        tree.Write("src/Legacy/packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages><package id="Newtonsoft.Json" version="6.0.3" targetFramework="net48" /></packages>
            """);
        tree.Write("src/Legacy/Legacy.cs", "public sealed class Legacy { }");

        var projects = ProjectDiscovery.Discover(tree.Root).ToDictionary(p => p.Name);

        Assert.Equal(!helperPackage.Contains("PrivateAssets", System.StringComparison.Ordinal), IsTestCode(projects["Core"]));
        Assert.Equal(appIsTestCode, IsTestCode(projects["Api"]));
        Assert.False(IsTestCode(projects["Legacy"]));
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
