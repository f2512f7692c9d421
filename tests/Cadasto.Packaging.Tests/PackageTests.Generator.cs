using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Cadasto.Packaging.Tests;

/// <summary>
/// The generator as a user meets it: from the restored Cadasto.Credentials package, a fresh worker with a
/// manifest gets the typed credentials, binds its secret from user-secrets and fails start-up clearly
/// without it; a project with the analyzers alone and a manifest gets nothing generated.
/// </summary>
public sealed partial class PackageTests
{
    private const string WorkerManifest = """
        {
          "application": "packaged-worker",
          "contact": { "name": "Jane Doe", "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["client_credentials"],
          "scopes": ["api.read"],
          "environments": {
            "development": { "clientId": "cad-dev-packaged", "authority": "https://auth.dev.cadasto.example" },
            "production": { "clientId": "cad-prod-packaged", "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" } }
          }
        }
        """;

    [Fact]
    public void FreshWorker_FromThePackage_BindsTheSecretFromUserSecrets_AndFailsClearlyWithoutIt()
    {
        var root = Directory.CreateDirectory(Path.Combine(product.WorkRoot, "generated")).FullName;
        File.WriteAllText(Path.Combine(root, "NuGet.config"), product.NuGetConfig());
        var worker = Directory.CreateDirectory(Path.Combine(root, "Worker")).FullName;
        File.WriteAllText(Path.Combine(worker, "Worker.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <UserSecretsId>packaged-worker-secrets</UserSecretsId>
                <RootNamespace>Packaged.Worker</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cadasto.Credentials" Version="{product.Version}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(worker, "cadasto.json"), WorkerManifest);
        File.WriteAllText(Path.Combine(worker, "Program.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Packaged.Worker;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddCadastoCredentials(builder.Configuration, builder.Environment);
            using var host = builder.Build();
            await host.StartAsync();
            var credentials = host.Services.GetRequiredService<CadastoCredentials>();
            System.Console.WriteLine("chosen: " + credentials.EnvironmentName + " of " + string.Join(",", CadastoEnvironments.Names));
            System.Console.WriteLine("configuration: " + credentials);
            System.Console.WriteLine("secret length: " + credentials.ClientSecret.Reveal().Length);
            await host.StopAsync();
            """);

        var environment = new Dictionary<string, string>(product.ConsumerEnvironment(root));
        var (buildExit, buildOutput) = DotnetCli.Run(root, environment, "build", Path.Combine(worker, "Worker.csproj"));
        Assert.True(buildExit == 0, "the worker did not build:\n" + buildOutput);
        var dll = Directory.EnumerateFiles(Path.Combine(worker, "bin"), "Worker.dll", SearchOption.AllDirectories).Single();

        // The user's profile for the run only (a child process): user-secrets live under $HOME/.microsoft/usersecrets.
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var run = new Dictionary<string, string>(environment) { ["HOME"] = home, ["DOTNET_ENVIRONMENT"] = "Development" };

        var (missingExit, missingOutput) = DotnetCli.Run(worker, run, dll);
        Assert.NotEqual(0, missingExit);
        Assert.Contains("Cadasto credentials for application 'packaged-worker', environment 'development': the client secret is missing: the user-secrets store (key \"Cadasto:ClientSecret\") holds no value. Set it from the project folder with: dotnet user-secrets set \"Cadasto:ClientSecret\" <value>", missingOutput);

        const string secret = "packaged-dev-secret-4711";
        var secretsFolder = Directory.CreateDirectory(Path.Combine(home, ".microsoft", "usersecrets", "packaged-worker-secrets")).FullName;
        File.WriteAllText(Path.Combine(secretsFolder, "secrets.json"), "{ \"Cadasto:ClientSecret\": \"" + secret + "\" }");
        var (exit, output) = DotnetCli.Run(worker, run, dll);
        Assert.True(exit == 0, output);
        Assert.Contains("chosen: development of development,production", output);
        Assert.Contains("client secret ***", output);
        Assert.Contains("secret length: " + secret.Length, output);
        Assert.DoesNotContain(secret, output);
        Assert.DoesNotContain(secret, File.ReadAllText(dll, System.Text.Encoding.Latin1));
    }

    /// <summary>
    /// The defect this guards: with a typo in the manifest, a project that uses the generated types built with only
    /// CS0246 in its output (the compiler skips analyzers after declaration errors). The finding must name the manifest
    /// at its position, once, and obey the severity a global analyzer config gives it.
    /// </summary>
    [Fact]
    public void BrokenManifest_BuildOutput_NamesTheFindingOnceAtItsPosition()
    {
        var root = Directory.CreateDirectory(Path.Combine(product.WorkRoot, "broken-manifest")).FullName;
        File.WriteAllText(Path.Combine(root, "NuGet.config"), product.NuGetConfig());
        var environment = product.ConsumerEnvironment(root);
        var broken = WorkerManifest.Replace("\"flows\": [\"client_credentials\"]", "\"flows\": [\"client-credentials\"]", StringComparison.Ordinal);
        Assert.NotEqual(WorkerManifest, broken);

        string Build(string name, string reference, string? globalConfig = null, string? source = null)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>Broken</RootNamespace>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    {reference}
                    <GlobalAnalyzerConfigFiles Include="cadasto.globalconfig" Condition="Exists('cadasto.globalconfig')" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "cadasto.json"), broken);
            if (source is not null)
            {
                File.WriteAllText(Path.Combine(folder, "Uses.cs"), source);
            }

            if (globalConfig is not null)
            {
                File.WriteAllText(Path.Combine(folder, "cadasto.globalconfig"), "is_global = true\n" + globalConfig);
            }

            return DotnetCli.Run(root, environment, "build", Path.Combine(folder, name + ".csproj")).Output;
        }

        // MSBuild repeats every error in its closing summary: count what the compiler reported, before it.
        static string[] Lines(string output, string id) =>
            output.Split('\n').Select(l => l.Trim())
                .TakeWhile(l => l is not ("Build FAILED." or "Build succeeded."))
                .Where(l => l.Contains($": error {id}:", StringComparison.Ordinal)).ToArray();

        // Uses the generated types: nothing is generated from a broken manifest, so the code cannot bind...
        var withRuntime = $"""<PackageReference Include="Cadasto.Credentials" Version="{product.Version}" />""";
        var usesTypes = Build("Worker", withRuntime, source: "namespace Broken { public sealed class Uses { public Uses(CadastoCredentials c) { } } }");
        Assert.NotEmpty(Lines(usesTypes, "CS0246"));
        // ...and the build says why, at the value, once.
        var findings = Lines(usesTypes, "CDS9003");
        Assert.True(findings.Length == 1, usesTypes);
        var finding = findings[0];
        Assert.Contains("cadasto.json(5,13): error CDS9003: Correct the flow 'client-credentials'", finding, StringComparison.Ordinal);

        // The analyzers alone (no runtime library): the rules report it, once.
        var analyzersOnly = Build("Lib", $"""<PackageReference Include="Cadasto.Analyzers" Version="{product.Version}" PrivateAssets="all" />""");
        Assert.Contains("cadasto.json(5,13): error CDS9003", Assert.Single(Lines(analyzersOnly, "CDS9003")), StringComparison.Ordinal);

        // The severity a global analyzer config gives the rule holds for the generator's report too (here a file named in
        // GlobalAnalyzerConfigFiles: this SDK did not pick up a .globalconfig beside the project by itself, for the rules either).
        var silenced = Build("Quiet", withRuntime, "dotnet_diagnostic.CDS9003.severity = none");
        Assert.Empty(Lines(silenced, "CDS9003"));
        Assert.DoesNotContain("CDS9003", silenced, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzersOnlyProject_WithAManifest_GetsNothingGenerated()
    {
        var root = Directory.CreateDirectory(Path.Combine(product.WorkRoot, "analyzers-only")).FullName;
        File.WriteAllText(Path.Combine(root, "NuGet.config"), product.NuGetConfig());
        var library = Directory.CreateDirectory(Path.Combine(root, "Lib")).FullName;
        File.WriteAllText(Path.Combine(library, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Lib</RootNamespace>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cadasto.Analyzers" Version="{product.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(library, "cadasto.json"), WorkerManifest);
        // Had anything been generated, these would be duplicate definitions (CS0101) and the build would fail.
        File.WriteAllText(Path.Combine(library, "Types.cs"), """
            namespace Lib
            {
                public static class CadastoEnvironments { }
                public sealed class CadastoCredentials { }
            }
            """);

        var (exit, output) = DotnetCli.Run(root, product.ConsumerEnvironment(root), "build", Path.Combine(library, "Lib.csproj"));

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("CS0101", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CDS9004", output, StringComparison.Ordinal);
    }
}
