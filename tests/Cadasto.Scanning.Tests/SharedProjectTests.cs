using System.Linq;
using System.Threading.Tasks;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// Shared projects (<c>.shproj</c> + <c>.projitems</c>): a large product (a healthcare data server, one web host per FHIR
/// version) keeps most of its tests in them and compiles each into one test project per version through
/// <c>&lt;Import Project="…\Shared.Tests.projitems" Label="Shared" /&gt;</c>. A shared file is analysed in each project that
/// imports it, as MSBuild compiles it there (with that project's references, test-ness and settings), reported once, and
/// never as a loose file.
/// </summary>
public sealed class SharedProjectTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    private const string SharedProject = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup Label="Globals"><ProjectGuid>a898cc57-69d0-4454-bb70-784c138a05bf</ProjectGuid></PropertyGroup>
          <Import Project="$(MSBuildExtensionsPath32)\Microsoft\VisualStudio\v$(VisualStudioVersion)\CodeSharing\Microsoft.CodeSharing.Common.props" />
          <Import Project="Shared.Tests.projitems" Label="Shared" />
        </Project>
        """;

    private const string SharedItems = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>
            <MSBuildAllProjects>$(MSBuildAllProjects);$(MSBuildThisFileFullPath)</MSBuildAllProjects>
            <HasSharedItems>true</HasSharedItems>
          </PropertyGroup>
          <PropertyGroup Label="Configuration"><Import_RootNamespace>Health.Tests</Import_RootNamespace></PropertyGroup>
          <ItemGroup>
            <Compile Include="$(MSBuildThisFileDirectory)Rest\TokenTests.cs" />
          </ItemGroup>
        </Project>
        """;

    // The end-to-end test's token request: a sentinel for a client secret (the SPEC: "a dictionary word … is not a finding"
    // in test code), and, where asked, a value that looks real, which still is.
    private static string TokenTests(bool withRealSecret) => $$"""
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.Identity.Client;

        namespace Health.Tests.Rest;

        public sealed class TokenTests
        {
            public FormUrlEncodedContent Form() => new(new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("client_id", "e2e-client"),
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_secret", "secret"),
            });

            public IConfidentialClientApplication App() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev").WithClientSecret("{{(withRealSecret ? Secret : "secret")}}").Build();
        }
        """;

    private static string Importer(string sdk, string packages, string sharedItems = @"..\Shared.Tests\Shared.Tests.projitems") => $$"""
        <Project Sdk="{{sdk}}">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
            {{packages}}
          </ItemGroup>
          <Import Project="{{sharedItems}}" Label="Shared" />
        </Project>
        """;

    private const string XunitPackages = """
        <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
        <PackageReference Include="xunit" Version="2.9.3" />
        """;

    private static TempTree SharedTree(bool withRealSecret)
    {
        var tree = new TempTree();
        tree.Write("test/Shared.Tests/Shared.Tests.shproj", SharedProject);
        tree.Write("test/Shared.Tests/Shared.Tests.projitems", SharedItems);
        tree.Write("test/Shared.Tests/Rest/TokenTests.cs", TokenTests(withRealSecret));
        tree.Write("test/R4.Tests/R4.Tests.csproj", Importer("Microsoft.NET.Sdk", XunitPackages));
        tree.Write("test/R5.Tests/R5.Tests.csproj", Importer("Microsoft.NET.Sdk", XunitPackages));
        return tree;
    }

    [Fact]
    public void SharedFiles_ShouldBelongToEachImporterAndToNoLooseGroup()
    {
        using var tree = SharedTree(withRealSecret: false);

        var projects = ProjectDiscovery.Discover(tree.Root);

        var shared = System.IO.Path.Combine(tree.Root, "test", "Shared.Tests", "Rest", "TokenTests.cs");
        Assert.Equal(new[] { "R4.Tests", "R5.Tests" }, projects.Where(p => p.SourceFiles.Contains(shared)).Select(p => p.Name));
        Assert.DoesNotContain(projects, p => p.IsLoose && p.SourceFiles.Count > 0);
    }

    [Fact]
    public async Task SentinelsInASharedProjectOfTestProjects_ShouldNotReport()
    {
        using var tree = SharedTree(withRealSecret: false);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.SourceFiles); // the shared file counts once
    }

    [Fact]
    public async Task RealLookingSecretInASharedProjectOfTestProjects_ShouldReportOnce()
    {
        using var tree = SharedTree(withRealSecret: true);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CDS1001", "test/Shared.Tests/Rest/TokenTests.cs", 17), (finding.RuleId, finding.Path, finding.StartLine));
        // The first importer by name, whatever order the projects were analysed in.
        Assert.Equal("R4.Tests", finding.Project);
        Assert.DoesNotContain(Secret, finding.Message);
    }

    [Fact]
    public async Task SharedProjectImportedByAProductProject_ShouldBeAnalysedAsProductCode()
    {
        // The same files compiled into a web host are product code: the demo value at a client-secret sink is an error there,
        // reported once, though two test projects import the file too.
        using var tree = SharedTree(withRealSecret: false);
        tree.Write("src/R4.Web/R4.Web.csproj", Importer("Microsoft.NET.Sdk.Web", string.Empty, @"..\..\test\Shared.Tests\Shared.Tests.projitems"));

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Equal(
            new[] { ("CDS1001", 13, "R4.Web"), ("CDS1001", 17, "R4.Web") },
            result.Findings.Select(f => (f.RuleId, f.StartLine, f.Project)).OrderBy(f => f.StartLine));
        Assert.All(result.Findings, f => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, f.Severity));
    }

    [Fact]
    public async Task EditorConfigBesideTheSharedFiles_ShouldApplyInEveryImporter()
    {
        // The SDK hands a project the .editorconfig files above each file it compiles, a shared one's included.
        using var tree = SharedTree(withRealSecret: true);
        tree.Write("test/Shared.Tests/.editorconfig", """
            [*.cs]
            dotnet_diagnostic.CDS1001.severity = none
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CDS1001");
    }

    [Fact]
    public async Task ImportOfAMissingSharedProject_ShouldSaySoAndKeepTheFilesLoose()
    {
        using var tree = new TempTree();
        tree.Write("test/R4.Tests/R4.Tests.csproj", Importer("Microsoft.NET.Sdk", XunitPackages, @"..\Shared.Tests\Gone.projitems"));
        tree.Write("test/Shared.Tests/Rest/TokenTests.cs", TokenTests(withRealSecret: false));

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Contains(result.Notes, n => n.Contains("Gone.projitems, which is not there", System.StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Path == "test/Shared.Tests/Rest/TokenTests.cs" && f.Project == "test");
    }
}
