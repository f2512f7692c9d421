using System.Linq;
using System.Threading.Tasks;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// Files a project compiles from outside its folder (<c>&lt;Compile Include="..\Config\Clients.cs" Link="…" /&gt;</c>), the
/// shape of IdentityServer hosts that share one client configuration: analysed in that project's compilation, where the
/// solution's own types bind, and reported once however many projects link them.
/// </summary>
public sealed class LinkedFileTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    // IdentityServer's model, declared in the solution as the product's own source is (the package is not in the reference set).
    private const string Models = """
        namespace Duende.IdentityServer.Models;

        public class Secret
        {
            public Secret(string value) => Value = value;
            public string Value { get; set; }
        }

        public class Client
        {
            public string ClientId { get; set; } = "";
            public System.Collections.Generic.ICollection<Secret> ClientSecrets { get; set; } = new System.Collections.Generic.List<Secret>();
        }

        public static class HashExtensions
        {
            public static string Sha256(this string input) => input;
        }
        """;

    private static string Host(string extra = "") => $$"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="..\..\src\Models\Models.csproj" />
          </ItemGroup>
          <ItemGroup>
            <Compile Include="..\Config\Clients.cs">
              <Link>Config\Clients.cs</Link>
            </Compile>
            {{extra}}
          </ItemGroup>
        </Project>
        """;

    private const string Clients = $$"""
        using Duende.IdentityServer.Models;

        public static class Clients
        {
            public static Client[] List =>
            [
                new Client { ClientId = "console", ClientSecrets = { new Secret("{{Secret}}".Sha256()) } },
            ];
        }
        """;

    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task LinkedFileOfTwoHosts_ShouldReportOnceWithTheSolutionsTypes()
    {
        using var tree = new TempTree();
        tree.Write("src/Models/Models.csproj", Library);
        tree.Write("src/Models/Secret.cs", Models);
        tree.Write("hosts/main/Host.Main.csproj", Host());
        tree.Write("hosts/main/Program.cs", "System.Console.WriteLine(Clients.List.Length);");
        tree.Write("hosts/Configuration/Host.Configuration.csproj", Host());
        tree.Write("hosts/Config/Clients.cs", Clients);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CDS1001", "hosts/Config/Clients.cs"), (finding.RuleId, finding.Path));
        // The first project by name among those that link it, whatever order they were analysed in.
        Assert.Equal("Host.Configuration", finding.Project);
        Assert.DoesNotContain(Secret, finding.Message);
        Assert.Equal(3, result.SourceFiles); // the linked file counts once
    }

    [Fact]
    public async Task UnlinkedFileOutsideProjects_ShouldStayLooseWithoutTheSolutionsTypes()
    {
        // The same file that no project compiles is a loose file: IdentityServer's types do not bind there, and an
        // unresolved Secret is never a sink by its name alone (the SPEC).
        using var tree = new TempTree();
        tree.Write("src/Models/Models.csproj", Library);
        tree.Write("src/Models/Secret.cs", Models);
        tree.Write("hosts/Config/Clients.cs", Clients);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CDS1001");
    }

    [Fact]
    public async Task WildcardCompileItem_ShouldAnalyseTheMatchedFilesAndHonourExclude()
    {
        using var tree = new TempTree();
        tree.Write("src/Models/Models.csproj", Library);
        tree.Write("src/Models/Secret.cs", Models);
        tree.Write("hosts/main/Host.Main.csproj", Host("""<Compile Include="..\Shared\**\*.cs" Exclude="..\Shared\Old\*.cs" />"""));
        tree.Write("hosts/Config/Clients.cs", "public static class Clients { }");
        tree.Write("hosts/Shared/Deep/MoreClients.cs", Clients.Replace("class Clients", "class MoreClients"));
        tree.Write("hosts/Shared/Old/OldClients.cs", Clients.Replace("class Clients", "class OldClients"));

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CDS1001");
        Assert.Equal(("hosts/Shared/Deep/MoreClients.cs", "Host.Main"), (finding.Path, finding.Project));
    }

    [Fact]
    public async Task CompileItemsNamingTheProjectsOwnFiles_ShouldChangeNothing()
    {
        // An old-style project lists every file it compiles; they are the project's by the default globs already.
        using var tree = new TempTree();
        tree.Write("src/Models/Models.csproj", Library);
        tree.Write("src/Models/Secret.cs", Models);
        tree.Write("hosts/main/Host.Main.csproj", Host("""<Compile Include="Clients.cs" /><Compile Include="**\*.cs" />""").Replace("..\\Config\\Clients.cs", "Clients.cs"));
        tree.Write("hosts/main/Clients.cs", Clients);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("hosts/main/Clients.cs", "Host.Main"), (finding.Path, finding.Project));
        Assert.Equal(2, result.SourceFiles);
    }

    [Fact]
    public async Task CompileItemOutsideTheScannedFolder_ShouldNotBeReadAndSaySo()
    {
        using var outside = new TempTree();
        outside.Write("Clients.cs", Clients);
        using var tree = new TempTree();
        tree.Write("src/Models/Models.csproj", Library);
        tree.Write("src/Models/Secret.cs", Models);
        var escaping = System.IO.Path.GetRelativePath(System.IO.Path.Combine(tree.Root, "hosts", "main"), System.IO.Path.Combine(outside.Root, "Clients.cs"));
        tree.Write("hosts/main/Host.Main.csproj", Host($"""<Compile Include="{escaping}" />"""));
        tree.Write("hosts/Config/Clients.cs", "public static class Clients { }");

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Empty(result.Findings);
        Assert.Contains(result.Notes, n => n.Contains("outside the scanned folder: not read", System.StringComparison.Ordinal));
    }
}
