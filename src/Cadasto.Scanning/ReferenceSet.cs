using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Cadasto.Scanning;

/// <summary>
/// The assemblies a scanned project compiles against when nothing was restored: the .NET and ASP.NET
/// Core shared frameworks of the running runtime (no SDK needed) and the OAuth client libraries that
/// ship beside this assembly. Built once per process: the same <see cref="MetadataReference"/>
/// objects in every compilation let Roslyn share the referenced assembly symbols between projects.
/// </summary>
public sealed class ReferenceSet
{
    /// <summary>File-name prefixes of the shipped libraries (everything else in the output folder is tooling).</summary>
    private static readonly string[] ShippedLibraryPrefixes =
    {
        "Microsoft.Identity.", "Microsoft.IdentityModel.", "System.IdentityModel.", "Duende.", "IdentityModel",
        "OpenIddict.", "Microsoft.AspNetCore.", "Microsoft.Extensions.", "Microsoft.JSInterop", "Azure.",
        "Microsoft.Bcl.", "System.",
    };

    private static readonly Lazy<ReferenceSet> LazyDefault = new(() => Create(AppContext.BaseDirectory));

    private ReferenceSet(ImmutableArray<MetadataReference> framework, ImmutableArray<MetadataReference> libraries, ImmutableArray<string> frameworkFolders)
    {
        Framework = framework;
        Libraries = libraries;
        FrameworkFolders = frameworkFolders;
        All = framework.AddRange(libraries);
    }

    /// <summary>The reference set of this process (framework of the running runtime + libraries in the output folder).</summary>
    public static ReferenceSet Default => LazyDefault.Value;

    public ImmutableArray<MetadataReference> Framework { get; }

    public ImmutableArray<MetadataReference> Libraries { get; }

    public ImmutableArray<MetadataReference> All { get; }

    /// <summary>The shared framework folders the framework references come from.</summary>
    public ImmutableArray<string> FrameworkFolders { get; }

    /// <summary>Builds a reference set from the running shared frameworks and the libraries in <paramref name="libraryFolder"/>.</summary>
    public static ReferenceSet Create(string libraryFolder)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var frameworkFolders = FindFrameworkFolders();
        foreach (var folder in frameworkFolders)
        {
            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll"))
            {
                var name = Path.GetFileNameWithoutExtension(dll);
                if (!byName.ContainsKey(name) && IsManagedAssembly(dll))
                {
                    byName[name] = dll;
                }
            }
        }

        var framework = byName.Values.OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

        var libraries = ImmutableArray.CreateBuilder<MetadataReference>();
        if (Directory.Exists(libraryFolder))
        {
            foreach (var dll in Directory.EnumerateFiles(libraryFolder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(dll);
                if (byName.ContainsKey(name) || !IsShippedLibrary(name) || !IsManagedAssembly(dll))
                {
                    continue;
                }

                byName[name] = dll;
                libraries.Add(MetadataReference.CreateFromFile(dll));
            }
        }

        return new ReferenceSet(framework, libraries.ToImmutable(), frameworkFolders);
    }

    private static bool IsShippedLibrary(string name) =>
        ShippedLibraryPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        && !name.StartsWith("System.CommandLine", StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<string> FindFrameworkFolders()
    {
        // The folder of System.Private.CoreLib is <dotnet>/shared/Microsoft.NETCore.App/<version>/; ASP.NET
        // Core's is found the same way through one of its types (this assembly references that framework).
        var folders = ImmutableArray.CreateBuilder<string>();
        folders.Add(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        folders.Add(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!);

        // Windows Desktop (WPF, Windows Forms) when the running machine has it: same major version.
        var sharedRoot = Path.GetFullPath(Path.Combine(folders[0], "..", ".."));
        var desktop = Path.Combine(sharedRoot, "Microsoft.WindowsDesktop.App");
        var major = Environment.Version.Major + ".";
        if (Directory.Exists(desktop))
        {
            var newest = Directory.EnumerateDirectories(desktop)
                .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
            if (newest is not null)
            {
                folders.Add(newest);
            }
        }

        return folders.ToImmutable();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
