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
