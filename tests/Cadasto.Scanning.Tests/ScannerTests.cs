using System.Linq;
using System.Threading.Tasks;

namespace Cadasto.Scanning.Tests;

public sealed class ScannerTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
          </ItemGroup>
        </Project>
        """;

    private static string Leaky(string type, string attribute = "") => $$"""
        using Microsoft.Identity.Client;

        {{attribute}}
        public static class {{type}}
        {
            public static IConfidentialClientApplication Create() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev").WithClientSecret("{{Secret}}").Build();
        }
        """;

    [Fact]
    public async Task LiteralAtClientSecretSink_ShouldReportMaskedFinding()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", Project);
        tree.Write("App/TokenFactory.cs", Leaky("TokenFactory"));

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CDS1001", finding.RuleId);
        Assert.Equal("App/TokenFactory.cs", finding.Path);
        Assert.DoesNotContain(Secret, finding.Message);
        Assert.Null(result.Profile);
    }

    [Fact]
    public async Task OpenIddictValidationIntrospectionSecret_ShouldResolveAsAClientSecretSink()
    {
        // An API that validates tokens by introspection (OpenIddict.Validation.AspNetCore): its SetClientSecret resolves in a
        // source-only scan, so the value is CDS1001 (an error) rather than a name-only warning.
        using var tree = new TempTree();
        tree.Write("Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenIddict.Validation.AspNetCore" Version="7.8.0" />
                <PackageReference Include="OpenIddict.Validation.SystemNetHttp" Version="7.8.0" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("Api/Program.cs", $$"""
            using Microsoft.Extensions.DependencyInjection;

            public static class Startup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddOpenIddict().AddValidation(options =>
                    {
                        options.SetIssuer("https://localhost:44319/");
                        options.UseIntrospection().SetClientId("api_service").SetClientSecret("{{Secret}}");
                    });
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CDS1001", finding.RuleId);
        Assert.Equal(9, finding.StartLine);
    }

    [Fact]
    public async Task OpenIddictServerThatAllowsThePasswordFlow_ShouldReport()
    {
        // An OpenIddict authorization server (OpenIddict.AspNetCore and its EF Core stores): its server builder, reached
        // through AddCore(…).AddServer(…), resolves in a source-only scan, so AllowPasswordFlow() is CDS2003 as in a build.
        using var tree = new TempTree();
        tree.Write("Auth/Auth.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenIddict.AspNetCore" Version="7.8.0" />
                <PackageReference Include="OpenIddict.EntityFrameworkCore" Version="7.8.0" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("Auth/OpenIddictSetup.cs", """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            public static class OpenIddictSetup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddOpenIddict()
                        .AddCore(options => options.DisableEntityCaching())
                        .AddServer(options =>
                        {
                            options.SetTokenEndpointUris("/connect/token");
                            options
                                .AllowAuthorizationCodeFlow()
                                .AllowClientCredentialsFlow()
                                .AllowPasswordFlow()
                                .AllowRefreshTokenFlow();
                            options.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                        });
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CDS2003", finding.RuleId);
        Assert.Equal(15, finding.StartLine);
    }

    [Fact]
    public async Task AddressOfTheTestDomainAsAMailPasswordInATestProject_ShouldNotReport()
    {
        // Real code (an end-to-end test's local mail server, xunit.v3): test_/demo words mark a value made up for the test
        // in test code, though outside it they name a demo value that works.
        using var tree = new TempTree();
        tree.Write("Tests/Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="xunit.v3" Version="3.2.2" /></ItemGroup>
            </Project>
            """);
        tree.Write("Tests/WalletTests.cs", """
            using System.Threading.Tasks;

            public sealed class Tester
            {
                public Task ConfigureServerEmail(string from = "a@example.com", string login = "a@example.com", string password = "password") => Task.CompletedTask;
            }

            public sealed class WalletTests
            {
                public async Task Setup(Tester s) =>
                    await s.ConfigureServerEmail(from: "wallet-setup@test.com", login: "wallet-setup@test.com", password: "wallet-setup@test.com");
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Empty(result.Findings);
    }

    // Real code (a framework's demo apps): the tests folder's Directory.Build.props defines symbols per target framework
    // with $(DefineConstants);…, and an app picks its database with <DefineConstants>$(DefineConstants);PGSQL</…>. Each
    // adds to the symbols before it: the app's branch is the one a build compiles, and its leak is a finding.
    [Fact]
    public async Task DefineConstantsAddedInProjectAndProps_ShouldAllBeDefined()
    {
        using var tree = new TempTree();
        tree.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup Condition=" '$(Configuration)' == 'Debug' "><DefineConstants>DEBUG</DefineConstants></PropertyGroup>
              <PropertyGroup Condition=" '$(TargetFramework)' == 'net10.0' ">
                <DefineConstants>$(DefineConstants);NET10_0_OR_GREATER</DefineConstants>
              </PropertyGroup>
              <PropertyGroup Condition=" '$(TargetFramework)' == 'net8.0' OR '$(TargetFramework)' == 'net10.0' ">
                <DefineConstants>$(DefineConstants);NETCORE</DefineConstants>
              </PropertyGroup>
            </Project>
            """);
        tree.Write("App/App.csproj", Project.Replace(
            "<ImplicitUsings>enable</ImplicitUsings>",
            "<ImplicitUsings>enable</ImplicitUsings>\n    <DefineConstants>$(DefineConstants);PGSQL</DefineConstants>",
            System.StringComparison.Ordinal));
        tree.Write("App/TokenFactory.cs", "#if PGSQL && NETCORE\n" + Leaky("TokenFactory") + "\n#endif\n");

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Equal("CDS1001", Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public async Task SettingsFromAPropsFileTheProjectImports_ShouldBindTheCode()
    {
        // A product that shares settings from a folder of its own (<Import Project="../build/public.props" />, not
        // Directory.Build.props): implicit usings, a global using and the package come from there, and the code says none.
        using var tree = new TempTree();
        tree.Write("build/public.props", """
            <Project>
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
                <Using Include="Microsoft.Identity.Client" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="../build/public.props" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        tree.Write("App/TokenFactory.cs", Leaky("TokenFactory").Replace("using Microsoft.Identity.Client;", string.Empty, System.StringComparison.Ordinal));

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Equal("CDS1001", Assert.Single(result.Findings).RuleId);
    }

    // The props reader and the shared-items reader walk a file's imports the same way: top level or in an ImportGroup, in
    // document order, an import or a group under a condition the scan decides is false left out.
    [Theory]
    [InlineData("""<Import Project="../build/public.props" />""", true)]
    [InlineData("""<ImportGroup Label="Shared"><Import Project="../build/public.props" /></ImportGroup>""", true)]
    [InlineData("""<ImportGroup Condition="'$(MSBuildProjectName)' == 'Other'"><Import Project="../build/public.props" /></ImportGroup>""", false)]
    [InlineData("""<Import Project="../build/public.props" Condition="'$(MSBuildProjectName)' != 'App'" />""", false)]
    public void PropsFileTheProjectImports_ShouldBeReadWhereverItsImportStands(string import, bool read)
    {
        using var tree = new TempTree();
        tree.Write("build/public.props", """
            <Project>
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><Using Include="Microsoft.Identity.Client" /></ItemGroup>
            </Project>
            """);
        tree.Write("App/App.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              {{import}}
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        tree.Write("App/TokenFactory.cs", "class TokenFactory { }");

        var project = Assert.Single(ProjectDiscovery.Discover(tree.Root), p => p.Name == "App");

        Assert.Equal(read, project.Properties.ContainsKey("ImplicitUsings"));
        Assert.Equal(read, project.Usings.Contains("Microsoft.Identity.Client"));
    }

    [Fact]
    public async Task MigrationAndGeneratedFiles_ShouldNotBeAnalysedUnlessAsked()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", Project);
        // A migration: [Migration("…")] in Microsoft.EntityFrameworkCore.Migrations.
        tree.Write("App/Migrations/20240101_Init.cs", "// Microsoft.EntityFrameworkCore.Migrations\n" + Leaky("Init", "[Migration(\"20240101_Init\")]"));
        tree.Write("App/Client.Designer.cs", Leaky("Designer"));

        var skipped = await new Scanner().ScanAsync(tree.Root);
        var included = await new Scanner(new ScanOptions { IncludeGenerated = true }).ScanAsync(tree.Root);

        Assert.Empty(skipped.Findings);
        Assert.Contains(skipped.Notes, n => n.Contains("1 EF Core migration or snapshot file(s) left out and 1 generated file(s)", System.StringComparison.Ordinal));
        // Included, both are parsed and analysed: the designer file is no generated code to the rules either.
        Assert.Equal(
            new[] { "App/Client.Designer.cs", "App/Migrations/20240101_Init.cs" },
            included.Findings.Select(f => f.Path).OrderBy(p => p, System.StringComparer.Ordinal));
    }

    // A migration is left out from its first bytes where its words stand there, and from the whole text where they come
    // later (a long licence header); a UTF-16 file is read by its byte order mark either way.
    [Theory]
    [InlineData(0, false)]
    [InlineData(12 * 1024, false)]
    [InlineData(0, true)]
    [InlineData(12 * 1024, true)]
    public async Task Migration_ShouldBeLeftOutWhereverItsWordsStand(int headerBytes, bool utf16)
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", Project);
        var header = string.Concat(Enumerable.Repeat("// A licence header line of the kind some products open every file with.\n", headerBytes / 72));
        var migration = header + "using Microsoft.EntityFrameworkCore.Migrations;\n" + Leaky("Init", "[Migration(\"20240101_Init\")]");
        var path = System.IO.Path.Combine(tree.Root, "App", "Migrations", "20240101_Init.cs");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, migration, utf16 ? new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true) : new System.Text.UTF8Encoding(false));

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Empty(result.Findings);
        Assert.Contains(result.Notes, n => n.Contains("1 EF Core migration or snapshot file(s) left out", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_ShouldTimePhasesAndEveryAnalyzerWithoutChangingFindings()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", Project);
        tree.Write("App/TokenFactory.cs", Leaky("TokenFactory"));

        var plain = await new Scanner().ScanAsync(tree.Root);
        var profiled = await new Scanner(new ScanOptions { Profile = true }).ScanAsync(tree.Root);

        Assert.Equal(plain.Findings.Select(f => f.Fingerprint), profiled.Findings.Select(f => f.Fingerprint));
        var profile = Assert.IsType<ScanProfile>(profiled.Profile);
        Assert.Contains(profile.Phases, p => p.Phase == "analysis: binding and analyzers" && p.Time > System.TimeSpan.Zero);
        Assert.Contains(profile.Phases, p => p.Phase == "load: parse");
        Assert.Equal(AnalyzerCatalog.Analyzers.Length, profile.Analyzers.Count);
        Assert.Contains(profile.Analyzers, a => a.Analyzer == "HardcodedClientSecretAnalyzer" && a.Time > System.TimeSpan.Zero);
        // One project: the wall time splits into none and one project in flight, never two.
        var inFlight = profile.TimeByProjectsInFlight;
        Assert.Equal(2, inFlight.Count);
        Assert.True(inFlight[1] > System.TimeSpan.Zero);
        var (project, time) = Assert.Single(profile.SlowestProjects(8));
        Assert.Equal("App", project);
        Assert.True(time <= inFlight[1] + System.TimeSpan.FromMilliseconds(1));
    }
    [Theory]
    [InlineData(".editorconfig", "root = true\n\n[*.cs]\ncadasto_secret_sinks = Demo.Uploader.Push\n")]
    [InlineData(".globalconfig", "is_global = true\ncadasto_secret_sinks = Demo.Uploader.Push\n")]
    public async Task UserSinkCalledInAFileWithNoLiteral_ShouldBeAnalysedByTheScan(string configFile, string config)
    {
        // The prefilter drops a file with no string and no credential word; a user's sink makes a file worth analysing
        // (a constant declared elsewhere is reported at the sink's argument), as the options apply to that file.
        using var tree = new TempTree();
        tree.Write("App/App.csproj", Project);
        tree.Write("App/" + configFile, config);
        tree.Write("App/Uploader.cs", """
            namespace Demo;

            public sealed class Uploader
            {
                public void Push(string apiToken) { }
            }
            """);
        tree.Write("App/Values.cs", $$"""
            namespace Demo;

            public static class K
            {
                public const string V = "{{Secret}}";
            }
            """);
        tree.Write("App/Job.cs", """
            namespace Demo;

            public static class Job
            {
                public static void Run() => new Uploader().Push(K.V);
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CDS1001");
        Assert.Equal("App/Job.cs", finding.Path);
    }
}
