using System;
using System.Collections.Generic;
using System.Linq;

namespace Cadasto.Scanning;

/// <summary>
/// The packages a build gives a project through its project references (issue 12). NuGet's restore passes a referenced
/// project's package references on to the project that references it, and on through every project above, unless the
/// reference is private (<c>PrivateAssets="all"</c> on the <c>PackageReference</c>, or on a <c>ProjectReference</c> for the
/// projects above the one that holds it). So a project that compiles a test project's files by a linked <c>Compile</c>
/// item and gets NUnit only from a project it references (osu's mobile test runners) builds against NUnit: test code by the
/// SPEC, as <c>Semantics/TestProject</c> finds from the referenced assemblies in a real build. A project that lists its
/// packages in <c>packages.config</c> takes part in no such flow, neither receiving nor passing on.
/// </summary>
internal static class PackageFlow
{
    /// <summary>Fills each project's <see cref="ScanProject.InheritedPackageReferences"/> from its (resolved) project references.</summary>
    /// <param name="projects">The projects of the scan (each with a project file), their references resolved by <see cref="OwnPackages"/>.</param>
    public static void Resolve(IReadOnlyList<ScanProject> projects)
    {
        var byFile = projects.GroupBy(p => p.ProjectFile!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var flowing = new Dictionary<ScanProject, HashSet<string>>();
        foreach (var project in projects)
        {
            if (project.UsesPackagesConfig)
            {
                continue;
            }

            foreach (var referenced in References(project, byFile))
            {
                project.InheritedPackageReferences.UnionWith(Flowing(referenced, byFile, flowing, new HashSet<ScanProject>()));
            }

            project.InheritedPackageReferences.ExceptWith(project.PackageReferences);
        }
    }

    /// <summary>What <paramref name="project"/> passes on to a project that references it: its public packages and what its public references pass on.</summary>
    private static HashSet<string> Flowing(ScanProject project, Dictionary<string, ScanProject> byFile, Dictionary<ScanProject, HashSet<string>> done, HashSet<ScanProject> visiting)
    {
        if (done.TryGetValue(project, out var known))
        {
            return known;
        }

        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // A reference cycle (invalid in MSBuild too) is cut where it closes.
        if (project.UsesPackagesConfig || !visiting.Add(project))
        {
            return result;
        }

        result.UnionWith(project.PackageReferences.Where(p => !project.PrivatePackageReferences.Contains(p)));
        foreach (var referenced in References(project, byFile))
        {
            if (!project.PrivateProjectReferences.Contains(referenced.ProjectFile!))
            {
                result.UnionWith(Flowing(referenced, byFile, done, visiting));
            }
        }

        visiting.Remove(project);
        done[project] = result;
        return result;
    }

    private static IEnumerable<ScanProject> References(ScanProject project, Dictionary<string, ScanProject> byFile) =>
        project.ProjectReferences
            .Select(file => byFile.TryGetValue(file, out var referenced) ? referenced : null)
            .OfType<ScanProject>()
            .Where(referenced => !ReferenceEquals(referenced, project));
}
