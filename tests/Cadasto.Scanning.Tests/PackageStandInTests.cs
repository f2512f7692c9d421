using System.Linq;
using System.Threading.Tasks;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// IdentityServer packages are not in the shipped reference set: the scan ships their Secret and HashExtensions
/// declarations, so an authorization server's client registrations bind as in a build.
/// </summary>
public sealed class PackageStandInTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    private static string Project(string package) => $$"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{{package}}" Version="4.1.2" />
          </ItemGroup>
        </Project>
        """;

    private static string Config(string ns) => $$"""
        using System.Collections.Generic;
        using {{ns}};

        public static class Config
        {
            // ApiResource stays unresolved: only the registration models are stood in for.
            public static IEnumerable<Client> Clients => new List<Client>
            {
                new Client
                {
                    ClientId = "dataEventRecords",
                    AllowedGrantTypes = GrantTypes.ClientCredentials,
                    ClientSecrets = { new Secret("{{Secret}}".Sha256()) },
                },
            };

            public static ApiResource Api => new ApiResource("dataEventRecordsApi")
            {
                ApiSecrets = { new Secret { Value = "{{Secret}}".Sha256() } },
            };
        }
        """;

    [Theory]
    [InlineData("IdentityServer4", "IdentityServer4.Models")]
    [InlineData("Duende.IdentityServer", "Duende.IdentityServer.Models")]
    public async Task RegistrationsOfAReferencedIdentityServerPackage_ShouldReport(string package, string ns)
    {
        using var tree = new TempTree();
        tree.Write("Sts/Sts.csproj", Project(package));
        tree.Write("Sts/Config.cs", Config(ns));

        var result = await new Scanner().ScanAsync(tree.Root);

        var findings = result.Findings.Where(f => f.RuleId == "CDS1001").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain(Secret, f.Message));
    }

    // IdentityServer3's sample hosts: old-style .NET Framework projects whose packages are listed in packages.config, and
    // whose client and scope registrations hold the same Secret (Client and Scope stay unresolved: their flows are not the
    // grant types of the later packages).
    [Fact]
    public async Task RegistrationsOfAnOldStyleIdentityServer3Project_ShouldReport()
    {
        using var tree = new TempTree();
        tree.Write("SelfHost/SelfHost.csproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="12.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworkVersion>v4.5</TargetFrameworkVersion>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="IdentityServer3, Version=2.5.0.0, Culture=neutral, processorArchitecture=MSIL">
                  <HintPath>..\packages\IdentityServer3.2.5.0\lib\net45\IdentityServer3.dll</HintPath>
                </Reference>
              </ItemGroup>
              <ItemGroup>
                <Compile Include="Clients.cs" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("SelfHost/packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="IdentityServer3" version="2.5.0" targetFramework="net45" />
            </packages>
            """);
        tree.Write("SelfHost/Clients.cs", $$"""
            using System.Collections.Generic;
            using IdentityServer3.Core;

            public static class Clients
            {
                public static List<IdentityServer3.Core.Models.Client> Get() => new List<IdentityServer3.Core.Models.Client>
                {
                    new IdentityServer3.Core.Models.Client
                    {
                        ClientId = "service",
                        ClientSecrets = new List<IdentityServer3.Core.Models.Secret>
                        {
                            new IdentityServer3.Core.Models.Secret { Value = "{{Secret}}" },
                            new IdentityServer3.Core.Models.Secret { Value = "61B754C541BBCFC6A45A9E9EC5E47D8702B78C29", Type = Constants.SecretTypes.X509CertificateThumbprint },
                        },
                    },
                };
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CDS1001", finding.RuleId);
        Assert.DoesNotContain(Secret, finding.Message);
    }

    // IdentityServer3 hosted on ASP.NET Core 1.0 (the samples' Host.AspNetCore): a project of the .NET Core 1.0 tooling, an
    // .xproj whose packages are the dependencies of project.json beside it; a project.json that does not parse is named.
    [Fact]
    public async Task RegistrationsOfAProjectJsonIdentityServer3Host_ShouldReport()
    {
        using var tree = new TempTree();
        tree.Write("Host.AspNetCore/Host.AspNetCore.xproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="14.0.25420" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="$(VSToolsPath)\DotNet\Microsoft.DotNet.Props" Condition="'$(VSToolsPath)' != ''" />
              <PropertyGroup Label="Globals">
                <RootNamespace>Host.AspNetCore</RootNamespace>
              </PropertyGroup>
            </Project>
            """);
        tree.Write("Host.AspNetCore/project.json", """
            {
              "dependencies": {
                "Microsoft.AspNetCore.Server.Kestrel": "1.0.0",
                // IdentityServer3 on the OWIN bridge
                "IdentityServer3": "2.5.2",
                "Shared": { "target": "project" },
              },
              "frameworks": { "net46": { "dependencies": { } } }
            }
            """);
        tree.Write("Host.AspNetCore/Config/Scopes.cs", $$"""
            using System.Collections.Generic;
            using IdentityServer3.Core.Models;

            public static class Scopes
            {
                public static IEnumerable<Secret> ScopeSecrets => new List<Secret>
                {
                    new Secret("{{Secret}}".Sha256()),
                };
            }
            """);

        // Named in full, without importing the models' namespace: only the package reference gives the stand-in.
        tree.Write("Host.AspNetCore/Config/Clients.cs", $$"""
            using System.Collections.Generic;
            using IdentityServer3.Core;

            public static class Clients
            {
                public static IdentityServer3.Core.Models.Secret Service =>
                    new IdentityServer3.Core.Models.Secret { Value = "{{Secret}}" };
            }
            """);
        tree.Write("Broken/Broken.xproj", """<Project ToolsVersion="14.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003" />""");
        tree.Write("Broken/project.json", """{ "dependencies": { "IdentityServer3": """);

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Equal(new[] { "Clients.cs", "Scopes.cs" }, result.Findings.Select(f => System.IO.Path.GetFileName(f.Path)).Order());
        Assert.All(result.Findings, f => Assert.Equal("CDS1001", f.RuleId));
        Assert.All(result.Findings, f => Assert.DoesNotContain(Secret, f.Message));
        Assert.Contains(result.Notes, note => note.Contains("Broken/project.json", System.StringComparison.Ordinal) && note.Contains("not read", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// An authorization server's client registrations allow the implicit and password grants, turn PKCE off for a code
    /// client and register an http redirect URI: the server-side flow rules see them in a source-only scan, as in a build.
    /// </summary>
    [Theory]
    [InlineData("IdentityServer4", "IdentityServer4.Models")]
    [InlineData("Duende.IdentityServer", "Duende.IdentityServer.Models")]
    public async Task ServerSideFlowsOfAReferencedIdentityServerPackage_ShouldReport(string package, string ns)
    {
        using var tree = new TempTree();
        tree.Write("Sts/Sts.csproj", Project(package));
        tree.Write("Sts/Clients.cs", $$"""
            using System.Collections.Generic;
            using {{ns}};

            public static class Clients
            {
                public static IEnumerable<Client> All => new List<Client>
                {
                    new Client { ClientId = "swagger-ui", AllowedGrantTypes = GrantTypes.Implicit, AllowedScopes = { "orders" } },
                    new Client { ClientId = "legacy-ro", AllowedGrantTypes = GrantTypes.ResourceOwnerPassword },
                    new Client
                    {
                        ClientId = "web",
                        AllowedGrantTypes = GrantTypes.Code,
                        RequirePkce = false,
                        RedirectUris = { "http://web.example.com/signin-oidc" },
                    },
                    new Client { ClientId = "spa", AllowedGrantTypes = GrantTypes.Code, RedirectUris = { "https://spa.example.com/callback" } },
                };
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var rules = result.Findings.Select(f => f.RuleId).OrderBy(id => id, System.StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "CDS2002", "CDS2003", "CDS2004", "CDS3002" }, rules);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HostOfAServerProjectThatTakesSecretFromThePackage_ShouldReport(bool serverDeclaresGrantTypes)
    {
        // IdentityServer4's own repository: the server project declares HashExtensions (Sha256) and GrantTypes itself and
        // takes Secret and Client from the IdentityServer4.Storage package; its host references the project. In a build
        // the package flows to the host, so the host's registrations bind to Secret and to the project's own Sha256 and
        // GrantTypes, never ambiguously: a stand-in the solution declares part of still gives the rest.
        using var tree = new TempTree();
        tree.Write("src/IdentityServer4/src/IdentityServer4.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="IdentityServer4.Storage" Version="4.1.2" /></ItemGroup>
            </Project>
            """);
        tree.Write("src/IdentityServer4/src/HashExtensions.cs", """
            namespace IdentityServer4.Models
            {
                public static class HashExtensions { public static string Sha256(this string input) => input; }
            }
            """ + (serverDeclaresGrantTypes ? """

            namespace IdentityServer4.Models
            {
                public static class GrantType { public const string ClientCredentials = "client_credentials"; }
                public class GrantTypes { public static System.Collections.Generic.ICollection<string> ClientCredentials => new[] { GrantType.ClientCredentials }; }
            }
            """ : ""));
        tree.Write("src/IdentityServer4/host/Host.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\src\IdentityServer4.csproj" /></ItemGroup>
            </Project>
            """);
        tree.Write("src/IdentityServer4/host/Config.cs", Config("IdentityServer4.Models"));

        var result = await new Scanner().ScanAsync(tree.Root);

        var findings = result.Findings.Where(f => f.RuleId == "CDS1001").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Contains("host", f.Path));
    }

    [Fact]
    public async Task SolutionThatDeclaresIdentityServer_ShouldKeepItsOwnTypes()
    {
        // IdentityServer's own repository: hosts reference the project named like the package, whose types must not be
        // made ambiguous by a stand-in.
        using var tree = new TempTree();
        tree.Write("src/IdentityServer/Duende.IdentityServer.csproj", """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
            """);
        tree.Write("src/IdentityServer/Models.cs", """
            namespace Duende.IdentityServer.Models
            {
                public class Secret { public Secret() { } public Secret(string value) { Value = value; } public string Value { get; set; } }
                public class Client { public System.Collections.Generic.ICollection<Secret> ClientSecrets { get; } = new System.Collections.Generic.List<Secret>(); public string ClientId { get; set; } }
                public class ApiResource { public ApiResource(string name) { } public System.Collections.Generic.ICollection<Secret> ApiSecrets { get; } = new System.Collections.Generic.List<Secret>(); }
                public static class GrantTypes { public static System.Collections.Generic.ICollection<string> ClientCredentials => new[] { "client_credentials" }; }
                public static class HashExtensions { public static string Sha256(this string input) => input; }
            }
            """);
        tree.Write("hosts/main/Host.Main.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\..\src\IdentityServer\Duende.IdentityServer.csproj" /></ItemGroup>
            </Project>
            """);
        tree.Write("hosts/main/Config.cs", Config("Duende.IdentityServer.Models").Replace("new List<Client>", "new List<Client>()"));

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.Equal(2, result.Findings.Count(f => f.RuleId == "CDS1001"));
    }

    [Theory]
    [InlineData("IdentityServer4.Models")]
    [InlineData("Duende.IdentityServer.Models")]
    public async Task RegistrationsOfAPackageThatBringsIdentityServer_ShouldReport(string ns)
    {
        // A sample server that references only a vendor's admin and store packages built on IdentityServer: a build gets
        // the IdentityServer package through them and resolves the models' namespace its Config.cs imports.
        using var tree = new TempTree();
        tree.Write("Sts/Sts.csproj", Project("Contoso.IdentityServer.Admin.Store"));
        tree.Write("Sts/Config.cs", Config(ns));

        var result = await new Scanner().ScanAsync(tree.Root);

        var findings = result.Findings.Where(f => f.RuleId == "CDS1001").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain(Secret, f.Message));
    }

    [Fact]
    public async Task SecretTypeOfAnotherPackage_ShouldNotReport()
    {
        // A Secret type of some other package, unresolved in the scan, without IdentityServer's package nor its namespace:
        // never a sink by its name alone.
        using var tree = new TempTree();
        tree.Write("Sts/Sts.csproj", Project("Serilog"));
        tree.Write("Sts/Config.cs", Config("Contoso.Vault.Models"));

        var result = await new Scanner().ScanAsync(tree.Root);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CDS1001");
    }
}
