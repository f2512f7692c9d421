using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cadasto.Scanning;

/// <summary>
/// The scan's projects in dependency order (issue 11, item 4): a project is compiled with the compilations of the
/// projects it references as compilation references (no emit), so the solution's own types bind as in a build.
/// Projects run in waves — every project of a wave has its references in earlier waves — and a compilation is let go
/// once every project that references it has been analysed, so memory holds the references still needed, not the
/// solution. A reference cycle (invalid in MSBuild too) is cut: its projects go in one wave without those edges.
/// </summary>
internal sealed class ProjectGraph
{
    private readonly Dictionary<ScanProject, List<ScanProject>> _references = new();
    private readonly Dictionary<ScanProject, List<ScanProject>> _transitive = new();
    private readonly ConcurrentDictionary<ScanProject, int> _waitingDependents = new();
    private readonly ConcurrentDictionary<ScanProject, Compilation> _compilations = new();
    private readonly IReadOnlyList<ScanProject> _projects;

    public ProjectGraph(IReadOnlyList<ScanProject> projects)
    {
        _projects = projects;
        var byFile = projects.Where(p => p.ProjectFile is not null)
            .GroupBy(p => p.ProjectFile!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var references = project.ProjectReferences
                .Select(file => byFile.TryGetValue(file, out var referenced) ? referenced : null)
                .OfType<ScanProject>()
                .Where(referenced => !ReferenceEquals(referenced, project))
                .Distinct()
                .ToList();
            _references[project] = references;
        }

        // MSBuild passes project references on transitively (a test project that references Api sees Core too).
        foreach (var project in projects)
        {
            var closure = new List<ScanProject>();
            var seen = new HashSet<ScanProject> { project };
            var pending = new Stack<ScanProject>(_references[project]);
            while (pending.Count > 0)
            {
                var referenced = pending.Pop();
                if (seen.Add(referenced))
                {
                    closure.Add(referenced);
                    foreach (var next in _references[referenced])
                    {
                        pending.Push(next);
                    }
                }
            }

            _transitive[project] = closure;
            foreach (var referenced in closure)
            {
                _waitingDependents.AddOrUpdate(referenced, 1, (_, count) => count + 1);
            }
        }
    }

    /// <summary>Groups of projects whose references are all in earlier groups.</summary>
    public IEnumerable<IReadOnlyList<ScanProject>> Waves()
    {
        var done = new HashSet<ScanProject>();
        var remaining = _projects.ToList();
        while (remaining.Count > 0)
        {
            var wave = remaining.Where(p => _references[p].All(done.Contains)).ToList();
            if (wave.Count == 0)
            {
                // A cycle: the rest go together; references inside it are left out.
                wave = remaining;
            }

            yield return wave;
            foreach (var project in wave)
            {
                done.Add(project);
            }

            remaining = remaining.Except(wave).ToList();
        }
    }

    /// <summary>The compilations of the project's direct and transitive references that are loaded (all of them, outside a cycle).</summary>
    public IEnumerable<MetadataReference> ReferencesOf(ScanProject project) =>
        _transitive[project]
            .Select(referenced => _compilations.TryGetValue(referenced, out var compilation) ? compilation.ToMetadataReference() : null)
            .OfType<MetadataReference>()
            .ToList();

    public void Loaded(ScanProject project, Compilation compilation)
    {
        if (_waitingDependents.ContainsKey(project))
        {
            _compilations[project] = compilation;
        }
    }

    /// <summary>The project is done with its references: those no other project waits for are let go.</summary>
    public void Analysed(ScanProject project)
    {
        foreach (var referenced in _transitive[project])
        {
            if (_waitingDependents.AddOrUpdate(referenced, 0, (_, count) => count - 1) <= 0)
            {
                _compilations.TryRemove(referenced, out _);
            }
        }
    }
}
