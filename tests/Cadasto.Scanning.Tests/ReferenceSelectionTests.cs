using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// A project compiles against the references of the shipped set its source can bind to (<see cref="ReferenceSet.For"/>),
/// not all ~350: what it spells, what those reference in turn, and what the language calls without spelling it.
/// </summary>
public sealed class ReferenceSelectionTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    private static string[] Names(params string[] identifiers) =>
        ReferenceSet.Default.For(identifiers, Array.Empty<string>()).Select(NameOf).ToArray();

    private static string NameOf(MetadataReference reference) => Path.GetFileNameWithoutExtension(((PortableExecutableReference)reference).FilePath!);

    [Fact]
    public void FrameworkReferences_ShouldBeTheSdksReferencePacksWhenInstalled()
    {
        // The SDK that builds these tests installs the packs of its runtime: the scan compiles against them, as a build does.
        var sharedFramework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var packs = Path.GetFullPath(Path.Combine(sharedFramework, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        Assert.True(Directory.Exists(packs), "the SDK's reference pack is missing: " + packs);

        Assert.StartsWith(packs, ReferenceSet.Default.FrameworkFolders[0], StringComparison.Ordinal);
        Assert.DoesNotContain(ReferenceSet.Default.Framework, r => NameOf(r) == "System.Private.CoreLib");
        Assert.Contains(ReferenceSet.Default.Framework, r => NameOf(r) == "Microsoft.AspNetCore.Http.Abstractions");
    }

    [Fact]
    public void SpelledTypeName_ShouldSelectItsAssemblyAndWhatItReferences()
    {
        var selected = Names("ConfidentialClientApplicationBuilder");

        Assert.Contains("Microsoft.Identity.Client", selected);
        Assert.Contains("System.Runtime", selected);
        Assert.True(selected.Length < ReferenceSet.Default.All.Length / 2, $"{selected.Length} of {ReferenceSet.Default.All.Length} selected");
    }

    [Fact]
    public void SourceWithoutTheLibrarysNames_ShouldNotGetIt()
    {
        var selected = Names("Console", "WriteLine");

        Assert.DoesNotContain("Microsoft.Identity.Client", selected);
        Assert.DoesNotContain("OpenIddict.Client", selected);
        Assert.Contains("System.Console", selected);
    }

    [Theory]
    [InlineData("AddMicrosoftIdentityWebApp", "Microsoft.Identity.Web")] // an extension method's name
    [InlineData("Authorize", "Microsoft.AspNetCore.Authorization")] // an attribute without its suffix
    public void SpelledMemberOrAttribute_ShouldSelectTheAssemblyThatDeclaresIt(string identifier, string assembly) =>
        Assert.Contains(assembly, Names(identifier));

    [Fact]
    public void NamesTheLanguageCallsUnspelled_ShouldAlwaysBeIn()
    {
        // A collection initializer's Add, foreach's GetEnumerator, a query's Select: an extension method may provide them.
        var selected = Names();

        Assert.Contains("System.Linq", selected);
        Assert.Contains("System.Collections", selected);
    }

    [Fact]
    public void ImportedNamespace_ShouldKeepAnAssemblyThatDeclaresIt()
    {
        var selected = ReferenceSet.Default.For(Array.Empty<string>(), new[] { "Microsoft.Identity.Client" }).Select(NameOf);

        Assert.Contains("Microsoft.Identity.Client", selected);
    }

    [Fact]
    public async Task SinkReachedThroughAnUnspelledType_ShouldStillBeFound()
    {
        // The source never spells ConfidentialClientApplicationBuilder's assembly's other types: the builder's methods
        // return them, and the closure over assembly references brings them in.
        using var tree = new TempTree();
        tree.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" /></ItemGroup>
            </Project>
            """);
        tree.Write("App/Auth.cs", $$"""
            public static class Auth
            {
                public static object Build() =>
                    Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create("app-id")
                        .WithClientSecret("{{Secret}}")
                        .WithAuthority("https://login.example/tenant")
                        .Build();
            }
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CDS1001", finding.RuleId);
    }
    [Fact]
    public async Task SwaggerUiClientSecret_ShouldBindToItsSinkAsInABuild()
    {
        // An API's Swagger UI is an OAuth client: OAuthClientSecret is a known credential sink (CDS1002) once the package's
        // options type and extension methods bind, as they do in a build where the package is restored.
        using var tree = new TempTree();
        tree.Write("Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Swashbuckle.AspNetCore" Version="9.0.6" /></ItemGroup>
            </Project>
            """);
        tree.Write("Api/Program.cs", $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseSwaggerUI(options =>
            {
                options.OAuthClientId("swagger-ui");
                options.OAuthClientSecret("{{Secret}}");
                options.OAuthUsePkce();
            });
            app.UseSwaggerUI(options => options.OAuthClientSecret(builder.Configuration["Swagger:ClientSecret"]));
            app.Run();
            """);

        var result = await new Scanner().ScanAsync(tree.Root);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CDS1002", finding.RuleId);
        Assert.Equal(6, finding.StartLine);
    }
}
