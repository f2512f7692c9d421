using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Scanning.Tests;

/// <summary>The order in which a scan works through a solution's projects (<see cref="ProjectGraph.RunAsync"/>).</summary>
public sealed class ProjectGraphTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static ScanProject Project(string name, params ScanProject[] references)
    {
        var project = new ScanProject(name, Path.Combine(Path.GetTempPath(), name), Path.Combine(Path.GetTempPath(), name, name + ".csproj"));
        project.ProjectReferences.AddRange(references.Select(r => r.ProjectFile!));
        return project;
    }

    [Fact]
    public async Task ReferencedProject_ShouldBeDoneBeforeItsDependantStarts()
    {
        var core = Project("Core");
        var api = Project("Api", core);
        var tests = Project("Api.Tests", api, core);
        var tool = Project("Tool");
        var events = new ConcurrentQueue<string>();

        await new ProjectGraph(new[] { tests, api, tool, core }).RunAsync(
            maxParallelism: 2,
            async (project, ct) =>
            {
                events.Enqueue("start " + project.Name);
                await Task.Delay(20, ct);
                events.Enqueue("end " + project.Name);
            },
            CancellationToken.None);

        var order = events.ToList();
        Assert.Equal(8, order.Count);
        Assert.True(order.IndexOf("end Core") < order.IndexOf("start Api"));
        Assert.True(order.IndexOf("end Api") < order.IndexOf("start Api.Tests"));
        Assert.True(order.IndexOf("end Core") < order.IndexOf("start Api.Tests"));
    }

    [Fact]
    public async Task DependantOfALoadedProject_ShouldStartWhileThatProjectIsStillAnalysed()
    {
        // Core says it is loaded, then ends only once Core.Tests has started beside it: no core waits for Core's analysis.
        var core = Project("Core");
        var tests = Project("Core.Tests", core);
        var testsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var graph = new ProjectGraph(new[] { core, tests });
        var coreReference = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Core");
        var referencesSeen = -1;

        await graph.RunAsync(
            maxParallelism: 2,
            async (project, ct) =>
            {
                if (project == core)
                {
                    graph.Loaded(core, coreReference);
                    await testsStarted.Task.WaitAsync(Patience, ct);
                }
                else
                {
                    referencesSeen = graph.ReferencesOf(project).Count();
                    testsStarted.SetResult();
                }
            },
            CancellationToken.None).WaitAsync(Patience);

        Assert.True(testsStarted.Task.IsCompletedSuccessfully);
        Assert.Equal(1, referencesSeen);
    }

    [Fact]
    public async Task DependantOfALoadedProject_ShouldStillWaitForItsOtherReferences()
    {
        var core = Project("Core");
        var data = Project("Data");
        var api = Project("Api", core, data);
        var graph = new ProjectGraph(new[] { core, data, api });
        var events = new ConcurrentQueue<string>();

        await graph.RunAsync(
            maxParallelism: 2,
            async (project, ct) =>
            {
                events.Enqueue("start " + project.Name);
                if (project == core)
                {
                    graph.Loaded(core, Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Core"));
                }

                await Task.Delay(project == data ? 200 : 20, ct);
                events.Enqueue("end " + project.Name);
            },
            CancellationToken.None).WaitAsync(Patience);

        var order = events.ToList();
        Assert.True(order.IndexOf("end Data") < order.IndexOf("start Api"));
    }

    [Fact]
    public async Task ProjectWhoseReferencesAreDone_ShouldNotWaitForUnrelatedSlowProject()
    {
        // Waves would hold Api until every project of Core's wave (the slow Report too) was done.
        var core = Project("Core");
        var report = Project("Report");
        var api = Project("Api", core);
        var apiStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await new ProjectGraph(new[] { report, core, api }).RunAsync(
            maxParallelism: 2,
            async (project, ct) =>
            {
                if (project == report)
                {
                    // Report ends only once Api has started beside it.
                    await apiStarted.Task.WaitAsync(Patience, ct);
                }
                else if (project == api)
                {
                    apiStarted.SetResult();
                }
            },
            CancellationToken.None);

        Assert.True(apiStarted.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ReferenceCycle_ShouldStillRunEveryProjectOnce()
    {
        var a = Project("A");
        var b = Project("B", a);
        a.ProjectReferences.Add(b.ProjectFile!);
        var c = Project("C", a);
        var runs = new ConcurrentBag<string>();

        await new ProjectGraph(new[] { a, b, c }).RunAsync(
            maxParallelism: 2,
            (project, ct) =>
            {
                runs.Add(project.Name);
                return Task.CompletedTask;
            },
            CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(new[] { "A", "B", "C" }, runs.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task FailingProject_ShouldFailTheRunAndStartNothingAfterIt()
    {
        var core = Project("Core");
        var api = Project("Api", core);
        var runs = new ConcurrentBag<string>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => new ProjectGraph(new[] { core, api }).RunAsync(
            maxParallelism: 2,
            (project, ct) =>
            {
                runs.Add(project.Name);
                return project == core ? Task.FromException(new InvalidOperationException("Core broke")) : Task.CompletedTask;
            },
            CancellationToken.None));

        Assert.Equal("Core broke", thrown.Message);
        Assert.Equal(new[] { "Core" }, runs);
    }

    [Fact]
    public async Task LongestChainOfDependants_ShouldStartFirst()
    {
        // With one worker the order is the priority: Core and Api (a chain waits on them) before the lone Tool; a tie goes by discovery order.
        var tool = Project("Tool");
        var core = Project("Core");
        var api = Project("Api", core);
        var tests = Project("Api.Tests", api);
        var order = new List<string>();

        await new ProjectGraph(new[] { tool, tests, api, core }).RunAsync(
            maxParallelism: 1,
            (project, ct) =>
            {
                order.Add(project.Name);
                return Task.CompletedTask;
            },
            CancellationToken.None);

        Assert.Equal(new[] { "Core", "Api", "Tool", "Api.Tests" }, order);
    }
}
