using System.Linq;
using System.Threading.Tasks;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// A library's samples that reference the library as a package built from the same tree (SimpleIdServer's samples and
/// templates: <c>&lt;PackageReference Include="SimpleIdServer.IdServer" /&gt;</c>), and a wildcard project reference
/// (<c>..\..\src\Providers.*\*.csproj</c>): in a source-only scan both compile against the tree's projects, so the
/// library's own methods bind and a credential-named parameter is known (CDS1002, "the user's own methods included").
/// </summary>
public sealed class OwnPackageTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    private const string Builder = """
        namespace Acme.Identity.Builders;

        public sealed class AppClient { }

        public static class ClientBuilder
        {
            public static AppClient BuildApiClient(string clientId, string clientSecret) => new AppClient();
        }
        """;

    private static string LibraryProject(string properties = "") => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework>{{properties}}</PropertyGroup>
        </Project>
        """;

    private static string Sample(string items) => $$"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup>{{items}}</ItemGroup>
        </Project>
        """;

    private const string Seeding = $$"""
        using Acme.Identity.Builders;

        public static class Seed
        {
            public static AppClient Client() => ClientBuilder.BuildApiClient("api", "{{Secret}}");
        }
        """;

    [Fact]
    public async Task SampleReferencingItsLibraryAsPackage_ShouldReportTheCredentialNamedParameter()
    {
        using var tree = new TempTree();
        tree.Write("src/Acme.Identity/Acme.Identity.csproj", LibraryProject());
        tree.Write("src/Acme.Identity/ClientBuilder.cs", Builder);
        tree.Write("samples/Server/Server.csproj", Sample("""<PackageReference Include="Acme.Identity" Version="9.9.9" />"""));
        tree.Write("samples/Server/Seed.cs", Seeding);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CDS1002", "samples/Server/Seed.cs"), (finding.RuleId, finding.Path));
        Assert.DoesNotContain(Secret, finding.Message);
    }

    [Fact]
    public async Task ProjectsOfOneName_ShouldBeNamedInANoteOnlyWhereAPackageReferenceUsesThem()
    {
        // Sample trees hold many projects of one name (each sample's WebClient): a tie matters only to a reference.
        using var tree = new TempTree();
        tree.Write("one/WebClient/WebClient.csproj", LibraryProject());
        tree.Write("two/WebClient/WebClient.csproj", LibraryProject());
        tree.Write("src/Acme.Identity/Acme.Identity.csproj", LibraryProject());
        tree.Write("lib/Acme.Identity/Acme.Identity.csproj", LibraryProject());
        tree.Write("src/Acme.Identity/ClientBuilder.cs", Builder);
        tree.Write("samples/Server/Server.csproj", Sample("""<PackageReference Include="Acme.Identity" Version="9.9.9" />"""));
        tree.Write("samples/Server/Seed.cs", Seeding);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.DoesNotContain(result.Notes, n => n.Contains("package id WebClient", System.StringComparison.Ordinal));
        Assert.Single(result.Notes, n => n.Contains("2 projects have the package id Acme.Identity", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task PackageIdDeclaredByTheProject_ShouldWinOverAProjectOfThatFileName()
    {
        // The library's file name differs from its package id; a stub project named like the id declares no builder.
        using var tree = new TempTree();
        tree.Write("src/Core/Core.csproj", LibraryProject("<PackageId>Acme.Identity</PackageId>"));
        tree.Write("src/Core/ClientBuilder.cs", Builder);
        tree.Write("tools/Acme.Identity/Acme.Identity.csproj", LibraryProject());
        tree.Write("tools/Acme.Identity/Stub.cs", "namespace Acme.Identity.Tools; public static class Stub { }");
        tree.Write("samples/Server/Server.csproj", Sample("""<PackageReference Include="Acme.Identity" />"""));
        tree.Write("samples/Server/Seed.cs", Seeding);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CDS1002", "samples/Server/Seed.cs"), (finding.RuleId, finding.Path));
    }

    [Fact]
    public async Task PackageOfAnUnrelatedId_ShouldLeaveTheBuilderUnknown()
    {
        // The SPEC's "unknown parameter, no finding": a package the tree does not build stays unresolved, as before.
        using var tree = new TempTree();
        tree.Write("src/Acme.Identity/Acme.Identity.csproj", LibraryProject());
        tree.Write("src/Acme.Identity/ClientBuilder.cs", Builder);
        tree.Write("samples/Server/Server.csproj", Sample("""<PackageReference Include="Acme.Identity.Client" />"""));
        tree.Write("samples/Server/Seed.cs", Seeding);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.DoesNotContain(result.Findings, f => f.Path == "samples/Server/Seed.cs");
    }

    [Fact]
    public async Task PackageReferencesFormingACycle_ShouldStillAnalyseEveryProject()
    {
        // The library references the sample's package back (a cycle only the package boundary allows): the edge that
        // would close the cycle is left out, and the sample still binds the library.
        using var tree = new TempTree();
        tree.Write("src/Acme.Identity/Acme.Identity.csproj", Sample("""<PackageReference Include="Server" />""").Replace(".Web", string.Empty));
        tree.Write("src/Acme.Identity/ClientBuilder.cs", Builder);
        tree.Write("samples/Server/Server.csproj", Sample("""<PackageReference Include="Acme.Identity" />"""));
        tree.Write("samples/Server/Seed.cs", Seeding);

        var projects = ProjectDiscovery.Discover(tree.Root);
        var result = await new Scanner().ScanAsync(tree.Root);

        var library = Assert.Single(projects, p => p.Name == "Acme.Identity");
        var sample = Assert.Single(projects, p => p.Name == "Server");
        Assert.True(sample.ProjectReferences.Contains(library.ProjectFile!) ^ library.ProjectReferences.Contains(sample.ProjectFile!));
        Assert.Equal(2, result.Projects);
    }

    [Fact]
    public async Task WildcardProjectReference_ShouldResolveEveryMatchedProject()
    {
        using var tree = new TempTree();
        tree.Write("src/Providers.Alpha/Providers.Alpha.csproj", LibraryProject());
        tree.Write("src/Providers.Alpha/ClientBuilder.cs", Builder);
        tree.Write("src/Providers.Beta/Providers.Beta.csproj", LibraryProject());
        tree.Write("src/Providers.Beta/Beta.cs", "namespace Providers.Beta; public static class BetaDefaults { }");
        tree.Write("src/Other/Other.csproj", LibraryProject());
        tree.Write("test/Providers.Tests/Providers.Tests.csproj", Sample("""<ProjectReference Include="..\..\src\Providers.*\*.csproj" />""").Replace(".Web", string.Empty));
        tree.Write("test/Providers.Tests/Seed.cs", Seeding);

        var projects = ProjectDiscovery.Discover(tree.Root);
        var result = await new Scanner().ScanAsync(tree.Root);

        var tests = Assert.Single(projects, p => p.Name == "Providers.Tests");
        Assert.Equal(
            new[] { "Providers.Alpha.csproj", "Providers.Beta.csproj" },
            tests.ProjectReferences.Select(System.IO.Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CDS1002", "test/Providers.Tests/Seed.cs"), (finding.RuleId, finding.Path));
    }

    [Fact]
    public async Task TemplateWhoseProjectFileIsNoWellFormedXml_ShouldStillCompileAgainstItsLibrary()
    {
        // A dotnet new template's project: an ItemGroup left open makes the document unreadable, but its package references
        // are still what its sources are written against.
        using var tree = new TempTree();
        tree.Write("src/Acme.Identity/Acme.Identity.csproj", LibraryProject());
        tree.Write("src/Acme.Identity/ClientBuilder.cs", Builder);
        tree.Write("src/Templates/templates/Server/Server.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Acme.Identity" Version="9.0.*-*" />
              </ItemGroup>
              <ItemGroup>
              <ItemGroup>
                <PackageReference Include="Serilog" Version="4.0.0" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("src/Templates/templates/Server/Seed.cs", Seeding);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CDS1002", "src/Templates/templates/Server/Seed.cs"), (finding.RuleId, finding.Path));
        Assert.Contains(result.Notes, note => note.Contains("Server.csproj: could not be read", System.StringComparison.Ordinal)
            && note.Contains("2 package and project reference(s)", System.StringComparison.Ordinal));
    }
}
