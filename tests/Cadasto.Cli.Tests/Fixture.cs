using System;
using System.IO;

namespace Cadasto.Cli.Tests;

/// <summary>A repository in a temp folder, deleted after the test.</summary>
public sealed class Fixture : IDisposable
{
    /// <summary>The fake secret every leaky fixture uses: it must never appear in any output of the tool.</summary>
    public const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    public Fixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "cadasto-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>
    /// A <c>NuGet.config</c> at the root whose only source is the machine's global packages folder, so a test restores
    /// offline (what the tool's build restored is there); returns its path.
    /// </summary>
    public string WriteOfflineNuGetConfig()
    {
        var globalPackagesFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="restored" value="{globalPackagesFolder}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>A C# file whose literal reaches MSAL's WithClientSecret (CDS1001, an error).</summary>
    public static string LeakyProgram(string secret = Secret) => $$"""
        using Microsoft.Identity.Client;

        namespace Leaky;

        public static class TokenFactory
        {
            public static IConfidentialClientApplication Create() =>
                ConfidentialClientApplicationBuilder
                    .Create("cad-dev-invoice-sync")
                    .WithAuthority("https://auth.dev.cadasto.example", validateAuthority: false)
                    .WithClientSecret("{{secret}}")
                    .Build();
        }
        """;

    /// <summary>A fixture with one leaky project (C# and appsettings.json hold the secret).</summary>
    public static Fixture Leaky(bool withSettings = true)
    {
        var fixture = new Fixture();
        fixture.Write("src/Leaky/Leaky.csproj", WebProject);
        fixture.Write("src/Leaky/TokenFactory.cs", LeakyProgram());
        if (withSettings)
        {
            fixture.Write("src/Leaky/appsettings.json", $$"""{ "AzureAd": { "ClientId": "cad-dev-invoice-sync", "ClientSecret": "{{Secret}}" } }""");
        }

        return fixture;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
