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
/// Core reference packs of the installed SDK that match the running runtime (what a build compiles
/// against), or the running shared frameworks themselves where no SDK has them, and the OAuth client
/// libraries that ship beside this assembly. Built once per process: the same <see cref="MetadataReference"/>
/// objects in every compilation let Roslyn share the referenced assembly symbols between projects.
/// </summary>
/// <remarks>
/// A reference pack declares the public surface only, where the shared framework's implementation assemblies also
/// hold every internal type: on DuendeSoftware/Samples the packs took 27 % less memory, and they keep the per-project
/// selection of <see cref="For"/> small (their assemblies reference little), which cut the scan's CPU by a fifth
/// (docs/performance.md, "Session 6").
/// </remarks>
public sealed class ReferenceSet
{
    /// <summary>File-name prefixes of the shipped libraries (everything else in the output folder is tooling).</summary>
    private static readonly string[] ShippedLibraryPrefixes =
    {
        "Microsoft.Identity.", "Microsoft.IdentityModel.", "System.IdentityModel.", "Duende.", "IdentityModel",
        "OpenIddict.", "Microsoft.AspNetCore.", "Microsoft.Extensions.", "Microsoft.JSInterop", "Azure.",
        "Microsoft.Bcl.", "System.", "Swashbuckle.",
    };

    private static readonly Lazy<ReferenceSet> LazyDefault = new(() => Create(AppContext.BaseDirectory));

    private ReferenceSet(ImmutableArray<MetadataReference> framework, ImmutableArray<MetadataReference> libraries, ImmutableArray<string> frameworkFolders)
    {
        Framework = framework;
        Libraries = libraries;
        FrameworkFolders = frameworkFolders;
        All = framework.AddRange(libraries);
        _index = new Lazy<ReferenceIndex>(() => ReferenceIndex.Create(All));
    }

    private readonly Lazy<ReferenceIndex> _index;

    /// <summary>The reference set of this process (framework of the running runtime + libraries in the output folder).</summary>
    public static ReferenceSet Default => LazyDefault.Value;

    public ImmutableArray<MetadataReference> Framework { get; }

    public ImmutableArray<MetadataReference> Libraries { get; }

    public ImmutableArray<MetadataReference> All { get; }

    /// <summary>The reference pack (or shared framework) folders the framework references come from.</summary>
    public ImmutableArray<string> FrameworkFolders { get; }

    /// <summary>
    /// The references of <see cref="All"/> that source spelling these identifiers and importing these namespaces can bind
    /// to, with every assembly they reference in turn (<see cref="ReferenceIndex"/>), in the order of <see cref="All"/>.
    /// </summary>
    public ImmutableArray<MetadataReference> For(IEnumerable<string> identifiers, IEnumerable<string> namespaces) =>
        _index.Value.Select(identifiers, namespaces);

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
        var shared = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
        };
        var dotnetRoot = Path.GetFullPath(Path.Combine(shared[0], "..", "..", ".."));
        var major = Environment.Version.Major;
        var packs = new[] { ReferencePack(dotnetRoot, "Microsoft.NETCore.App.Ref", major), ReferencePack(dotnetRoot, "Microsoft.AspNetCore.App.Ref", major) };
        var folders = ImmutableArray.CreateBuilder<string>();
        if (packs.All(p => p is not null))
        {
            folders.AddRange(packs!);
        }
        else
        {
            // No SDK beside the runtime (a runtime-only machine): the implementation assemblies bind the same public types.
            folders.AddRange(shared);
        }

        // Windows Desktop (WPF, Windows Forms) when the running machine has it: same major version.
        if (ReferencePack(dotnetRoot, "Microsoft.WindowsDesktop.App.Ref", major) is { } desktopPack)
        {
            folders.Add(desktopPack);
        }
        else if (Newest(Path.Combine(dotnetRoot, "shared", "Microsoft.WindowsDesktop.App"), major) is { } desktop)
        {
            folders.Add(desktop);
        }

        return folders.ToImmutable();
    }

    /// <summary>The <c>ref/net{major}.0</c> folder of the newest installed reference pack of that major version, if it holds assemblies.</summary>
    private static string? ReferencePack(string dotnetRoot, string pack, int major)
    {
        var version = Newest(Path.Combine(dotnetRoot, "packs", pack), major);
        var folder = version is null ? null : Path.Combine(version, "ref", $"net{major}.0");
        return folder is not null && Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.dll").Any() ? folder : null;
    }

    /// <summary>The newest version folder under <paramref name="parent"/> of that major version (versions compared as versions).</summary>
    private static string? Newest(string parent, int major)
    {
        if (!Directory.Exists(parent))
        {
            return null;
        }

        return Directory.EnumerateDirectories(parent)
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version?.Major == major)
            .OrderByDescending(d => d.Version)
            .ThenByDescending(d => d.Folder, StringComparer.Ordinal)
            .Select(d => d.Folder)
            .FirstOrDefault();
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
