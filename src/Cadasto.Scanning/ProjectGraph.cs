using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Cadasto.Scanning;

/// <summary>
/// The scan's projects in dependency order (issue 11, item 4): a project is compiled with the compilations of the
/// projects it references as compilation references (no emit), so the solution's own types bind as in a build.
/// A project starts once every project it references is loaded (<see cref="Loaded"/>: its compilation exists; its
/// analysis may still run), and a compilation is let go once every project that references it has been analysed, so
/// memory holds the references still needed, not the solution. A reference cycle (invalid in MSBuild too) is cut: its
/// projects start together without those edges.
/// </summary>
/// <remarks>
/// A dependant does not wait for its reference's analysis (issue 15, session 13): the analysis runs on its own copy of
/// the compilation (<c>CompilationWithAnalyzers</c> clones it with an event queue) and changes nothing a dependant sees,
/// so waiting only kept a core idle: on bitwarden/server <c>Core.Test</c> waited for <c>Core</c>'s whole analysis and then
/// ended the scan alone.
/// </remarks>
internal sealed class ProjectGraph
{
    private readonly Dictionary<ScanProject, List<ScanProject>> _references = new();
    private readonly Dictionary<ScanProject, List<ScanProject>> _transitive = new();
    private readonly ConcurrentDictionary<ScanProject, int> _waitingDependents = new();
    private readonly ConcurrentDictionary<ScanProject, Compilation> _compilations = new();

    // Projects whose compilation exists (Loaded), for RunAsync to start their dependants; _wake ends its wait.
    private readonly ConcurrentQueue<ScanProject> _loaded = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

    /// <summary>
    /// Runs <paramref name="work"/> for every project, at most <paramref name="maxParallelism"/> at once, each as soon
    /// as every project it references is loaded or done (not when a whole wave is: on bitwarden/server the wave after
    /// <c>Core.Test</c> waited a minute for it with one core idle). Among the ready projects, the one with the most
    /// source on its longest chain of dependants goes first.
    /// </summary>
    public async Task RunAsync(int maxParallelism, Func<ScanProject, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        maxParallelism = Math.Max(1, maxParallelism);
        var dependents = _projects.ToDictionary(p => p, _ => new List<ScanProject>());
        var waitingFor = new Dictionary<ScanProject, int>();
        foreach (var project in _projects)
        {
            waitingFor[project] = _references[project].Count;
            foreach (var referenced in _references[project])
            {
                dependents[referenced].Add(project);
            }
        }

        var weights = _projects.ToDictionary(p => p, Weight);
        var chain = ChainWeights(dependents, weights);
        var order = _projects.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var ready = new List<ScanProject>();
        var queued = new HashSet<ScanProject>();
        var released = new HashSet<ScanProject>();
        void MakeReady(ScanProject project)
        {
            if (queued.Add(project))
            {
                ready.Add(project);
                ready.Sort((x, y) => chain[y] != chain[x] ? chain[y].CompareTo(chain[x]) : order[x].CompareTo(order[y]));
            }
        }

        foreach (var project in _projects.Where(p => waitingFor[p] == 0))
        {
            MakeReady(project);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new Dictionary<Task, ScanProject>();
        var startedCount = 0;
        Exception? failure = null;
        while (startedCount < _projects.Count || running.Count > 0)
        {
            while (failure is null && running.Count < maxParallelism
                   && ready.Count > 0)
            {
                var next = ready[0];
                ready.RemoveAt(0);
                startedCount++;
                running.Add(Task.Run(() => work(next, stop.Token), stop.Token), next);
            }

            if (running.Count == 0)
            {
                if (failure is not null)
                {
                    break;
                }

                // A reference cycle (invalid in MSBuild too): the rest start without the references inside it.
                foreach (var project in _projects.Where(p => waitingFor[p] > 0))
                {
                    waitingFor[project] = 0;
                    MakeReady(project);
                }

                continue;
            }

            var wake = Volatile.Read(ref _wake);
            var finished = await Task.WhenAny(running.Keys.Append(wake.Task)).ConfigureAwait(false);
            if (finished == wake.Task)
            {
                Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
            }
            else
            {
                var done = running[finished];
                running.Remove(finished);
                try
                {
                    await finished.ConfigureAwait(false);
                }
                catch (Exception exception) when (failure is null)
                {
                    // Stop starting projects, let the running ones end, then fail as Parallel.ForEachAsync would.
                    failure = exception;
                    stop.Cancel();
                }
                catch (Exception)
                {
                    // A later failure (often the cancellation the first one caused): the first is reported.
                }

                Release(done);
            }

            while (_loaded.TryDequeue(out var loaded))
            {
                Release(loaded);
            }
        }

        // A project's dependants wait for it once: until it is loaded or, if it never says so, done.
        void Release(ScanProject project)
        {
            if (!released.Add(project))
            {
                return;
            }

            foreach (var dependent in dependents[project])
            {
                if (waitingFor[dependent] > 0 && --waitingFor[dependent] == 0)
                {
                    MakeReady(dependent);
                }
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// What a project costs, roughly: the bytes of its source files, less those whose names say they are EF Core
    /// migrations or generated (the loader leaves them out or keeps their declarations only). A project read only for
    /// its declarations costs little.
    /// </summary>
    private static long Weight(ScanProject project)
    {
        if (project.ContextOnly)
        {
            return 1;
        }

        long bytes = 1;
        foreach (var file in project.SourceFiles)
        {
            if (LooksGenerated(file))
            {
                continue;
            }

            bytes += project.Contents.TryGetValue(file, out var content) ? content.Length : SizeOnDisk(file);
        }

        return bytes;
    }

    private static bool LooksGenerated(string file) =>
        file.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith("ModelSnapshot.cs", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || file.Replace('\\', '/').Contains("/Migrations/", StringComparison.OrdinalIgnoreCase);

    private static long SizeOnDisk(string file)
    {
        try
        {
            var info = new System.IO.FileInfo(file);
            return info.Exists ? info.Length : 0;
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            // Unreadable files are reported by the loader; here they only weigh nothing.
            return 0;
        }
    }

    /// <summary>A project's weight plus the heaviest chain of dependants that wait for it (cycles cut).</summary>
    private Dictionary<ScanProject, long> ChainWeights(Dictionary<ScanProject, List<ScanProject>> dependents, Dictionary<ScanProject, long> weights)
    {
        var result = new Dictionary<ScanProject, long>();
        var visiting = new HashSet<ScanProject>();
        long Visit(ScanProject project)
        {
            if (result.TryGetValue(project, out var known))
            {
                return known;
            }

            if (!visiting.Add(project))
            {
                return 0;
            }

            long heaviest = 0;
            foreach (var dependent in dependents[project])
            {
                heaviest = Math.Max(heaviest, Visit(dependent));
            }

            visiting.Remove(project);
            return result[project] = weights[project] + heaviest;
        }

        foreach (var project in _projects)
        {
            Visit(project);
        }

        return result;
    }

    /// <summary>The compilations of the project's direct and transitive references that are loaded (all of them, outside a cycle).</summary>
    public IEnumerable<MetadataReference> ReferencesOf(ScanProject project) =>
        _transitive[project]
            .Select(referenced => _compilations.TryGetValue(referenced, out var compilation) ? compilation.ToMetadataReference() : null)
            .OfType<MetadataReference>()
            .ToList();

    /// <summary>The project's compilation exists: the projects that reference it may start (<see cref="RunAsync"/>).</summary>
    public void Loaded(ScanProject project, Compilation compilation)
    {
        if (_waitingDependents.ContainsKey(project))
        {
            _compilations[project] = compilation;
        }

        _loaded.Enqueue(project);
        Volatile.Read(ref _wake).TrySetResult();
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
