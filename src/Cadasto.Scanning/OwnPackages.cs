using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Cadasto.Scanning;

/// <summary>
/// The project references a source-only scan gives a project beyond the literal paths its project file names (issue 12),
/// once every project of the scan is read:
/// <list type="bullet">
/// <item>A wildcard <c>ProjectReference</c> (<c>..\..\src\AspNet.Security.OAuth.*\*.csproj</c>) stands for every project file
/// of the scan it matches, as MSBuild expands the glob (<c>*</c> and <c>?</c> within a folder name, <c>**</c> across folders;
/// case ignored, as for <c>Compile</c> items). Only project files the scan found are matched: nothing outside the scanned
/// folder, nor under <c>bin/</c> or <c>obj/</c>, is listed for it.</item>
/// <item>A <c>PackageReference</c> whose id is the package id of a project of the scan (its <c>PackageId</c>, else its
/// <c>AssemblyName</c>, else its file name: what <c>dotnet pack</c> would call it) is compiled as a reference to that
/// project: a library's samples and templates that use its own packages (SimpleIdServer, Microsoft.Identity.Web) bind the
/// library's types as a build against the package would. The version is ignored: the scanned tree's source is what the
/// scan has. A project that declares the id itself wins over one whose id is a fallback name; among several projects of
/// the same id, a packable one (<c>IsPackable</c> not false) wins, then the one nearest the scan root, then the first path
/// in ordinal order, and a note names the choice. A reference that would close a cycle (the library's own project
/// referencing the sample's package) is left out, as NuGet's package boundary would cut it; so is a project's own id.</item>
/// </list>
/// The same holds for an id the project gets from a <c>ProjectReference</c> whose path is behind a property the scan does
/// not evaluate (<c>$(RepoRoot)src\Core\Core.csproj</c>): its file name is resolved as a package id is. Under
/// <c>--msbuild</c>, a restored project's MSBuild load replaces its source-only load whole, with the real package from
/// <c>obj/project.assets.json</c>: what is added here then only orders the work.
/// </summary>
internal static class OwnPackages
{
    private static readonly char[] Wildcards = { '*', '?' };

    /// <summary>Adds the expanded wildcard references and the own-package references to each project's <see cref="ScanProject.ProjectReferences"/>.</summary>
    /// <param name="projects">The projects of the scan (each with a project file).</param>
    /// <param name="root">The scan root (absolute).</param>
    public static void Resolve(IReadOnlyList<ScanProject> projects, string root)
    {
        if (projects.Count == 0)
        {
            return;
        }

        var projectFiles = projects.Select(p => p.ProjectFile!).ToList();
        ExpandWildcards(projects, projectFiles, root);

        var byFile = projects.ToDictionary(p => p.ProjectFile!, StringComparer.Ordinal);
        var byId = ById(projects, root, out var ties);
        if (byId.Count == 0)
        {
            return;
        }

        var noted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var project in projects)
        {
            var ownId = PackageIdOf(project).Id;
            var named = new HashSet<string>(project.ProjectReferences.Select(f => Path.GetFileNameWithoutExtension(f)), StringComparer.OrdinalIgnoreCase);
            foreach (var id in project.PackageReferences.OrderBy(i => i, StringComparer.OrdinalIgnoreCase))
            {
                // An id that is a project reference's file name (the reader lists those as package names too) is that reference.
                if (string.Equals(id, ownId, StringComparison.OrdinalIgnoreCase) || named.Contains(id)
                    || !byId.TryGetValue(id, out var target) || ReferenceEquals(target, project)
                    || project.ProjectReferences.Contains(target.ProjectFile!, StringComparer.Ordinal)
                    || Reaches(target, project, byFile))
                {
                    continue;
                }

                project.ProjectReferences.Add(target.ProjectFile!);
                // A tie is named only where a reference uses it: sample trees hold many projects of one name (WebClient,
                // Api) that nothing references as a package, and a note for each would bury the notes that matter.
                if (ties.TryGetValue(id, out var count) && noted.Add(id))
                {
                    target.Notes.Add($"{count} projects have the package id {id}: a PackageReference to it is compiled against {ProjectDiscovery.Relative(root, target.ProjectFile!)}.");
                }
            }
        }
    }

    /// <summary>The wildcard entries of the projects' references replaced by the project files of the scan they match.</summary>
    private static void ExpandWildcards(IReadOnlyList<ScanProject> projects, List<string> projectFiles, string root)
    {
        List<string>? relativeFiles = null;
        foreach (var project in projects)
        {
            var patterns = project.ProjectReferences.Where(r => r.IndexOfAny(Wildcards) >= 0).ToList();
            if (patterns.Count == 0)
            {
                continue;
            }

            relativeFiles ??= projectFiles.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
            project.ProjectReferences.RemoveAll(r => r.IndexOfAny(Wildcards) >= 0);
            foreach (var pattern in patterns)
            {
                var relative = Path.GetRelativePath(root, pattern).Replace('\\', '/');
                if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
                {
                    project.Notes.Add($"{project.Display(project.ProjectFile!)}: references {relative}, outside the scanned folder: not read.");
                    continue;
                }

                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                matcher.AddInclude(relative);
                foreach (var match in matcher.Match(root, relativeFiles).Files.OrderBy(m => m.Path, StringComparer.Ordinal))
                {
                    var file = Path.GetFullPath(Path.Combine(root, match.Path));
                    if (!project.ProjectReferences.Contains(file, StringComparer.Ordinal))
                    {
                        project.ProjectReferences.Add(file);
                    }
                }
            }
        }
    }

    /// <summary>The projects by package id, one per id (see the class summary for which one); <paramref name="ties"/>: how many
    /// projects share each id held by more than one.</summary>
    private static Dictionary<string, ScanProject> ById(IReadOnlyList<ScanProject> projects, string root, out Dictionary<string, int> ties)
    {
        var result = new Dictionary<string, ScanProject>(StringComparer.OrdinalIgnoreCase);
        ties = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in projects.GroupBy(p => PackageIdOf(p).Id, StringComparer.OrdinalIgnoreCase))
        {
            var ranked = group
                .OrderBy(p => PackageIdOf(p).Declared ? 0 : 1)
                .ThenBy(p => IsPackable(p) ? 0 : 1)
                .ThenBy(p => Depth(root, p.ProjectFile!))
                .ThenBy(p => p.ProjectFile, StringComparer.Ordinal)
                .ToList();
            result[group.Key] = ranked[0];
            if (ranked.Count > 1)
            {
                ties[group.Key] = ranked.Count;
            }
        }

        return result;
    }

    /// <summary>The id <c>dotnet pack</c> would give the project, and whether the project (or its props) declares it.</summary>
    internal static (string Id, bool Declared) PackageIdOf(ScanProject project)
    {
        if (project.Properties.TryGetValue("PackageId", out var id) && id.Length > 0)
        {
            return (id, true);
        }

        return project.Properties.TryGetValue("AssemblyName", out var assembly) && assembly.Length > 0 ? (assembly, false) : (project.Name, false);
    }

    private static bool IsPackable(ScanProject project) =>
        !(project.Properties.TryGetValue("IsPackable", out var packable) && string.Equals(packable, "false", StringComparison.OrdinalIgnoreCase));

    private static int Depth(string root, string file) => ProjectDiscovery.Relative(root, file).Count(c => c == '/');

    /// <summary>Whether <paramref name="from"/> references <paramref name="to"/>, directly or through other projects of the scan.</summary>
    private static bool Reaches(ScanProject from, ScanProject to, Dictionary<string, ScanProject> byFile)
    {
        var seen = new HashSet<ScanProject> { from };
        var pending = new Stack<ScanProject>();
        pending.Push(from);
        while (pending.Count > 0)
        {
            foreach (var file in pending.Pop().ProjectReferences)
            {
                if (byFile.TryGetValue(file, out var next))
                {
                    if (ReferenceEquals(next, to))
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }
        }

        return false;
    }
}
