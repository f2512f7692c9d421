using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Cadasto.Packaging.Tests;

/// <summary>
/// Packs Cadasto.Analyzers and Cadasto.Credentials once per test run, under a version no earlier run
/// used: NuGet serves a repacked version stale from the global packages folder.
/// </summary>
public sealed class PackedProduct : IDisposable
{
    public PackedProduct()
    {
        Version = $"0.1.0-ci-{Guid.NewGuid():N}";
        WorkRoot = Directory.CreateTempSubdirectory("cadasto-pack-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(WorkRoot, "feed")).FullName;
        foreach (var project in new[] { "src/Cadasto.Analyzers.Package/Cadasto.Analyzers.Package.csproj", "src/Cadasto.Credentials/Cadasto.Credentials.csproj" })
        {
            var (exitCode, output) = DotnetCli.Run(RepositoryRoot, null, "pack", Path.Combine(RepositoryRoot, project), "-c", "Release", "-o", Feed, $"-p:Version={Version}");
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
            }
        }
    }

    public static string RepositoryRoot { get; } = typeof(PackedProduct).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The global packages folder this machine restored into; used as an offline source for third-party packages.</summary>
    public static string GlobalPackagesFolder { get; } =
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public string Version { get; }

    public string WorkRoot { get; }

    public string Feed { get; }

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>Environment for a fresh consumer: its own packages folder, so nothing comes from a stale cache.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment(string root) => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(root, ".packages"),
    };

    /// <summary>A NuGet.config that sees only the fresh feed and the machine's already restored packages: offline.</summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="cadasto-feed" value="{Feed}" />
            <add key="restored" value="{GlobalPackagesFolder}" />
          </packageSources>
        </configuration>
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run for it is not.
        }
    }
}
