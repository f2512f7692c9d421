using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cadasto.Analyzers.Configuration;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Cadasto.Scanning;

/// <summary>
/// Walks a folder and groups what it finds the way MSBuild would: every <c>.cs</c> file belongs to the
/// nearest project folder above it (SDK-style default globs), and to every project that compiles it from elsewhere (a
/// linked <c>Compile</c> item, a shared project's <c>.projitems</c> it imports); files no project owns are grouped per
/// top folder of the scan. <c>bin/</c>, <c>obj/</c>, VCS and package folders are never entered.
/// </summary>
public static class ProjectDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".hg", ".svn", ".vs", ".idea", "node_modules", "packages", "TestResults", "artifacts",
    };

    /// <summary>Finds the projects and loose file groups under <paramref name="root"/> (a folder or a single file).</summary>
    /// <param name="root">A folder or a single file.</param>
    /// <param name="errors">Gets the folders that could not be listed, with the reason (the scan then exits 2).</param>
    public static IReadOnlyList<ScanProject> Discover(string root, ICollection<string>? errors = null)
    {
        root = Path.GetFullPath(root);
        if (File.Exists(root))
        {
            var single = new ScanProject(Path.GetFileNameWithoutExtension(root), Path.GetDirectoryName(root)!, null);
            if (root.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                single.SourceFiles.Add(root);
            }
            else if (IsAdditionalFile(Path.GetDirectoryName(root)!, root, "cadasto.json"))
            {
                single.AdditionalFiles.Add(root);
            }

            single.EditorConfigFiles = EditorConfigsFor(single.Directory, single.Directory);
            single.ScanRoot = single.Directory;
            return new[] { single };
        }

        var sources = new List<string>();
        var projectFiles = new List<string>();
        var configFiles = new List<string>();
        var walkErrors = new List<string>();
        Walk(root, sources, projectFiles, configFiles, walkErrors);
        foreach (var error in walkErrors)
        {
            errors?.Add(error);
        }

        var projects = new Dictionary<string, ScanProject>(StringComparer.Ordinal);
        foreach (var projectFile in projectFiles.OrderBy(p => p, StringComparer.Ordinal))
        {
            var directory = Path.GetDirectoryName(projectFile)!;
            if (projects.ContainsKey(directory))
            {
                // Two project files in one folder share its sources; the first one owns them.
                projects[directory].Notes.Add($"{Relative(root, projectFile)}: a second project file in the same folder; its sources are analysed once, with the first.");
                continue;
            }

            var project = new ScanProject(Path.GetFileNameWithoutExtension(projectFile), directory, projectFile) { ScanRoot = root };
            ProjectFileReader.Read(project, root);
            projects[directory] = project;
        }

        // Wildcard project references expanded, and the solution's own packages resolved to its projects (issue 12).
        var ordered = projects.Values.OrderBy(p => p.Directory, StringComparer.Ordinal).ToList();
        OwnPackages.Resolve(ordered, root);

        // The packages each project gets through its references, as NuGet's restore passes them on (a test framework included).
        PackageFlow.Resolve(ordered);

        var loose = new Dictionary<string, ScanProject>(StringComparer.Ordinal);
        ScanProject Owner(string file)
        {
            for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length >= root.Length; dir = Path.GetDirectoryName(dir))
            {
                if (projects.TryGetValue(dir, out var project))
                {
                    return project;
                }
            }

            var relative = Path.GetRelativePath(root, file);
            var top = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var groupDir = top.Length > 1 ? Path.Combine(root, top[0]) : root;
            if (!loose.TryGetValue(groupDir, out var group))
            {
                group = new ScanProject(top.Length > 1 ? top[0] : Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), groupDir, null) { ScanRoot = root };
                loose[groupDir] = group;
            }

            return group;
        }

        // Files a project compiles from outside its folder (linked files, and a shared project's files that it imports through
        // the .projitems): analysed in that project's compilation, where their types bind and its test-ness and settings hold,
        // and no longer as loose files. A file inside another project's folder stays in that project too.
        var linked = LinkedSources(projects.Values, root, sources);
        foreach (var source in sources)
        {
            var owner = Owner(source);
            if (!(owner.IsLoose && linked.Contains(source)))
            {
                owner.SourceFiles.Add(source);
            }
        }

        foreach (var config in configFiles)
        {
            var owner = Owner(config);
            var manifest = owner.Properties.TryGetValue("CadastoManifest", out var m) && m.Length > 0 ? m : "cadasto.json";
            if (IsAdditionalFile(owner.Directory, config, manifest))
            {
                owner.AdditionalFiles.Add(config);
            }
        }

        var all = projects.Values.Concat(loose.Values)
            .Where(p => p.SourceFiles.Count > 0 || p.AdditionalFiles.Count > 0 || p.Notes.Count > 0)
            .OrderBy(p => p.Directory, StringComparer.Ordinal)
            .ToList();
        foreach (var project in all)
        {
            project.SourceFiles.Sort(StringComparer.Ordinal);
            project.AdditionalFiles.Sort(StringComparer.Ordinal);
            project.EditorConfigFiles = EditorConfigsFor(project, root);
        }

        return all;
    }

    /// <summary>
    /// Adds to each project the scanned <c>.cs</c> files its <c>Compile</c> items name outside its own folder (a
    /// <c>Link</c>ed file, <c>..\Shared\**\*.cs</c>), and returns them. Patterns are relative to the project; only files
    /// the walk found are taken, so nothing outside the scanned folder (or in <c>bin/</c>, <c>obj/</c>, behind a symbolic
    /// link) is read: an item that points outside it is named in a note.
    /// </summary>
    private static HashSet<string> LinkedSources(IEnumerable<ScanProject> projects, string root, List<string> sources)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var relativeSources = sources.Select(source => Path.GetRelativePath(root, source)).ToList();
        var byRelativePath = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sources.Count; i++)
        {
            byRelativePath[relativeSources[i].Replace('\\', '/')] = sources[i];
        }

        foreach (var project in projects)
        {
            if (project.CompileItems.Count == 0)
            {
                continue;
            }

            var own = new HashSet<string>(project.SourceFiles, StringComparer.Ordinal);
            foreach (var (include, exclude) in project.CompileItems)
            {
                // Items that name the project's own folder (an old-style project lists every file) add nothing to the
                // default globs; a literal path outside it is looked up, not matched against every file of the scan.
                var includes = ItemPatterns(include, project, root).Where(pattern => !NamesOwnFolder(pattern, project, root)).ToList();
                if (includes.Count == 0)
                {
                    continue;
                }

                if (exclude is null && includes.All(pattern => pattern.IndexOfAny(Wildcards) < 0))
                {
                    foreach (var pattern in includes)
                    {
                        if (byRelativePath.TryGetValue(pattern, out var file) && own.Add(file))
                        {
                            project.SourceFiles.Add(file);
                            linked.Add(file);
                        }
                    }

                    continue;
                }

                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                matcher.AddIncludePatterns(includes);

                foreach (var pattern in exclude is null ? Enumerable.Empty<string>() : ItemPatterns(exclude, project, root))
                {
                    matcher.AddExclude(pattern);
                }

                foreach (var match in matcher.Match(root, relativeSources).Files)
                {
                    var file = Path.GetFullPath(Path.Combine(root, match.Path));
                    if (!IsInside(file, project.Directory) && own.Add(file))
                    {
                        project.SourceFiles.Add(file);
                        linked.Add(file);
                    }
                }
            }
        }

        return linked;
    }

    private static readonly char[] Wildcards = { '*', '?' };

    /// <summary>Whether a root-relative pattern's fixed part (before its first wildcard) is the project's folder or inside it.</summary>
    private static bool NamesOwnFolder(string pattern, ScanProject project, string root)
    {
        var wildcard = pattern.IndexOfAny(Wildcards);
        var fixedPart = wildcard < 0 ? pattern : pattern.Substring(0, pattern.LastIndexOf('/', wildcard) + 1);
        var full = Path.GetFullPath(Path.Combine(root, fixedPart)).TrimEnd(Path.DirectorySeparatorChar);
        return string.Equals(full, project.Directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) || IsInside(full, project.Directory);
    }

    /// <summary>The <c>.cs</c> patterns of one item value, relative to the scan root; those outside it are named in a note.</summary>
    private static IEnumerable<string> ItemPatterns(string value, ScanProject project, string root)
    {
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Contains("$(", StringComparison.Ordinal) || part.Contains("@(", StringComparison.Ordinal)
                || !part.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(project.Directory, part.Replace('\\', '/')));
            if (!IsInside(full, root))
            {
                project.Notes.Add($"{Relative(root, project.ProjectFile ?? project.Directory)}: compiles {part.Replace('\\', '/')}, outside the scanned folder: not read.");
                continue;
            }

            yield return Path.GetRelativePath(root, full).Replace('\\', '/');
        }
    }

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The package's AdditionalFiles globs, relative to the project folder: the manifest (<c>CadastoManifest</c>),
    /// <c>appsettings*.json</c> in any folder of the project but <c>bin/</c> and <c>obj/</c>, and
    /// <c>Properties/launchSettings.json</c>. What a file is comes from the rules' own test
    /// (<see cref="ConfigurationFiles.KindOf(string, string, string?)"/>), so the scan reads what a build hands them.
    /// </summary>
    internal static bool IsAdditionalFile(string projectDirectory, string file, string manifestName)
    {
        var relative = Path.GetRelativePath(projectDirectory, file).Replace('\\', '/');
        return ConfigurationFiles.KindOf(file, manifestName, projectDirectory) switch
        {
            ConfigurationFileKind.AppSettings => true,
            ConfigurationFileKind.Manifest => string.Equals(relative, manifestName.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase),
            ConfigurationFileKind.LaunchSettings => string.Equals(relative, "Properties/launchSettings.json", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>
    /// Finds the <c>.cs</c>, <c>.csproj</c> (and <c>.xproj</c>) and <c>.json</c> files with Microsoft.Extensions.FileSystemGlobbing (the
    /// globs and exclusions the SDK's default items use), through <see cref="GuardedDirectory"/>: symbolic links to
    /// folders are not followed (no loops, nothing outside the tree), and a folder that cannot be listed is named
    /// with the reason in <paramref name="errors"/>.
    /// </summary>
    private static void Walk(string root, List<string> sources, List<string> projectFiles, List<string> configFiles, List<string> errors)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(new[] { "**/*.cs", "**/*.csproj", "**/*.xproj", "**/*.json" });
        matcher.AddExcludePatterns(SkippedFolders.Select(folder => "**/" + folder + "/**"));
        var result = matcher.Execute(new GuardedDirectory(new DirectoryInfo(root), root, errors));
        foreach (var match in result.Files)
        {
            var file = Path.GetFullPath(Path.Combine(root, match.Path));
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(file);
            }
            else if (file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".xproj", StringComparison.OrdinalIgnoreCase))
            {
                // An .xproj is a project of the .NET Core 1.0 tooling, whose packages are in project.json beside it.
                projectFiles.Add(file);
            }
            else
            {
                configFiles.Add(file);
            }
        }

        sources.Sort(StringComparer.Ordinal);
        projectFiles.Sort(StringComparer.Ordinal);
        configFiles.Sort(StringComparer.Ordinal);
    }

    /// <summary>A folder as the globbing matcher sees it, with the scanner's rules for what it may enter.</summary>
    private sealed class GuardedDirectory : DirectoryInfoBase
    {
        private readonly DirectoryInfo _directory;
        private readonly string _root;
        private readonly List<string> _errors;

        public GuardedDirectory(DirectoryInfo directory, string root, List<string> errors)
        {
            _directory = directory;
            _root = root;
            _errors = errors;
        }

        public override string Name => _directory.Name;

        public override string FullName => _directory.FullName;

        public override DirectoryInfoBase? ParentDirectory =>
            _directory.Parent is { } parent ? new GuardedDirectory(parent, _root, _errors) : null;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            FileSystemInfo[] entries;
            try
            {
                entries = _directory.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                lock (_errors)
                {
                    _errors.Add($"{Relative(_root, _directory.FullName)}/: not read: {(ex is UnauthorizedAccessException ? "permission denied" : InputFiles.FirstLine(ex.Message))}.");
                }

                yield break;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo directory)
                {
                    if ((directory.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        yield return new GuardedDirectory(directory, _root, _errors);
                    }
                }
                else if (entry is FileInfo file)
                {
                    yield return new FileInfoWrapper(file);
                }
            }
        }

        public override DirectoryInfoBase? GetDirectory(string path) =>
            string.Equals(path, "..", StringComparison.Ordinal) ? ParentDirectory
            : new GuardedDirectory(new DirectoryInfo(Path.Combine(_directory.FullName, path)), _root, _errors);

        public override FileInfoBase? GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(_directory.FullName, path)));
    }

    /// <summary>
    /// The configuration files of a project: those of its folder, and the <c>.editorconfig</c> files above each file it compiles
    /// from another folder (a linked or shared project's file), as the SDK gathers them for every <c>Compile</c> item; a
    /// <c>.globalconfig</c> applies to the whole project, so only the project folder's count.
    /// </summary>
    private static System.Collections.Immutable.ImmutableArray<string> EditorConfigsFor(ScanProject project, string root)
    {
        var own = EditorConfigsFor(project.Directory, root);
        var outside = project.SourceFiles.Where(file => !IsInside(file, project.Directory)).Select(file => Path.GetDirectoryName(file)!)
            .Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count == 0)
        {
            return own;
        }

        var seen = new HashSet<string>(own, StringComparer.Ordinal);
        var found = own.ToBuilder();
        foreach (var folder in outside)
        {
            foreach (var config in EditorConfigsFor(folder, root))
            {
                if (config.EndsWith(".editorconfig", StringComparison.OrdinalIgnoreCase) && seen.Add(config))
                {
                    found.Add(config);
                }
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The <c>.editorconfig</c> and <c>.globalconfig</c> files that apply to a folder: its own and its parents', up to the scan root.</summary>
    private static System.Collections.Immutable.ImmutableArray<string> EditorConfigsFor(string directory, string root)
    {
        var found = System.Collections.Immutable.ImmutableArray.CreateBuilder<string>();
        var stopAtRoot = false;
        for (var dir = directory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    found.Add(path);
                }
            }

            // Above the scan root, only keep walking up to honour the user's repository-level configuration.
            if (string.Equals(dir, root, StringComparison.Ordinal))
            {
                stopAtRoot = Directory.Exists(Path.Combine(dir, ".git"));
            }

            if (stopAtRoot || Directory.Exists(Path.Combine(dir, ".git")))
            {
                break;
            }
        }

        return found.ToImmutable();
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
