using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Cadasto.Scanning;

/// <summary>
/// One unit of compilation found under the scanned folder: a project (a folder with a <c>.csproj</c>)
/// or a group of loose files (per top folder) that no project owns.
/// </summary>
public sealed class ScanProject
{
    public ScanProject(string name, string directory, string? projectFile)
    {
        Name = name;
        Directory = directory;
        ProjectFile = projectFile;
    }

    /// <summary>The project's name (file name without extension), or the loose files' folder.</summary>
    public string Name { get; }

    /// <summary>The project's folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>The <c>.csproj</c> (absolute), or null for loose files.</summary>
    public string? ProjectFile { get; }

    /// <summary>C# source files (absolute paths), sorted.</summary>
    public List<string> SourceFiles { get; } = new();

    /// <summary>The files the package would add as AdditionalFiles (absolute paths), sorted.</summary>
    public List<string> AdditionalFiles { get; } = new();

    /// <summary>MSBuild properties read from the project file (and Directory.Build.props), by name.</summary>
    public Dictionary<string, string> Properties { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>The project's <c>PackageReference</c> names.</summary>
    public HashSet<string> PackageReferences { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The simple names of the assemblies its <c>Reference</c> items name (an old-style project's framework and GAC
    /// references: <c>Microsoft.VisualStudio.QualityTools.UnitTestFramework</c>), in any branch of a <c>Choose</c>.
    /// </summary>
    internal HashSet<string> AssemblyReferences { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>The versions of the packages the project names where the scan read one (packages.config: <c>IdentityModel</c> → <c>1.9.2</c>).</summary>
    internal Dictionary<string, string> PackageVersions { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>The project files (absolute) its <c>ProjectReference</c> items name.</summary>
    public List<string> ProjectReferences { get; } = new();

    /// <summary>
    /// The package references that do not flow on to a project referencing this one: <c>PrivateAssets="all"</c> (or a list
    /// naming <c>compile</c>) and <c>GlobalPackageReference</c> items (private by default).
    /// </summary>
    internal HashSet<string> PrivatePackageReferences { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>The project files (absolute) of its <c>ProjectReference</c> items with <c>PrivateAssets="all"</c>: what they bring stops here.</summary>
    internal HashSet<string> PrivateProjectReferences { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Whether the project lists its packages in <c>packages.config</c>: NuGet passes nothing on to it, nor through it.</summary>
    internal bool UsesPackagesConfig { get; set; }

    /// <summary>
    /// The packages a build gives the project through its project references, beside its own (<see cref="PackageFlow"/>): a
    /// referenced project's package references flow on, as NuGet's restore passes them, unless private.
    /// </summary>
    internal HashSet<string> InheritedPackageReferences { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Loaded only so that projects referencing it bind its types (declarations only, never analysed): a
    /// referenced project outside the files a <c>--staged</c> or <c>--since</c> scan reports on.
    /// </summary>
    public bool ContextOnly { get; set; }

    /// <summary><c>Using</c> items of the project file (global usings the SDK would generate).</summary>
    public List<string> Usings { get; } = new();

    /// <summary>Contents that replace the disk's for some files (absolute path → bytes): staged or historical versions.</summary>
    public Dictionary<string, byte[]> Contents { get; } = new(System.StringComparer.Ordinal);

    /// <summary>What could not be read or bound, in words.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Inputs the scan could not read or analyse (unreadable, over a limit): the scan exits 2.</summary>
    public List<string> Errors { get; } = new();

    public bool IsLoose => ProjectFile is null;

    /// <summary>The folder the scan started from: file names in notes and errors are relative to it.</summary>
    public string ScanRoot { get; internal set; } = string.Empty;

    /// <summary>A path as notes and errors show it: relative to the scan root.</summary>
    internal string Display(string path) => ScanRoot.Length == 0 ? path : ProjectDiscovery.Relative(ScanRoot, path);

    public string Sdk => Properties.TryGetValue("_Sdk", out var sdk) ? sdk : "Microsoft.NET.Sdk";

    public override string ToString() => Name;

    internal ImmutableArray<string> EditorConfigFiles { get; set; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// <c>Compile</c> items of the project file and its imports (<c>&lt;Compile Include="..\Config\Clients.cs" Link="…" /&gt;</c>,
    /// <c>..\Shared\*.cs</c>): the include and exclude patterns with the project's own properties put in, resolved against
    /// the scanned files by <see cref="ProjectDiscovery"/>.
    /// </summary>
    internal List<(string Include, string? Exclude)> CompileItems { get; } = new();

    private HashSet<string>? _fromElsewhere;

    /// <summary>
    /// Whether <paramref name="path"/> is one of <see cref="SourceFiles"/> outside the project's folder (a linked file, a
    /// shared project's file): set once the discovery has given the project its files.
    /// </summary>
    internal bool CompilesFromElsewhere(string path)
    {
        var fromElsewhere = _fromElsewhere ??= new HashSet<string>(
            SourceFiles.Where(f => !f.StartsWith(Directory.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, System.StringComparison.Ordinal)),
            System.StringComparer.Ordinal);
        return fromElsewhere.Contains(path);
    }

    /// <summary>Property groups whose condition names a target framework, applied once the framework is known.</summary>
    internal List<(string Condition, System.Xml.Linq.XElement Group)> PendingFrameworkGroups { get; } = new();
}
