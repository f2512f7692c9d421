using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Fuzz;

/// <summary>
/// The fuzz run (docs/robustness.md). Usage:
/// <c>dotnet run -c Release --project benchmarks/Cadasto.Fuzz -- [--seed N] [--manifests N] [--csharp N]
/// [--appsettings N] [--workers N] [--timeout SECONDS] [--scan-every N] [--process-every N] [--max-hangs N] [--only NAME] [--out FOLDER]</c>.
/// Exit 0 when no input crashed, hung or leaked; 1 otherwise (each defect's input is saved under the out folder).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // As in the CLI (src/Cadasto.Cli/Program.cs): the deps.json leaves Cadasto.Analyzers.dll out, though it is here.
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        var options = Options.Parse(args);
        Directory.CreateDirectory(options.Out);
        var inputs = new List<(InputKind Kind, int Index)>();
        inputs.AddRange(Enumerable.Range(0, options.Manifests).Select(i => (InputKind.Manifest, i)));
        inputs.AddRange(Enumerable.Range(0, options.CSharp).Select(i => (InputKind.CSharp, i)));
        inputs.AddRange(Enumerable.Range(0, options.AppSettings).Select(i => (InputKind.AppSettings, i)));
        if (options.Only is { } only)
        {
            var wanted = only.Split(',');
            inputs = inputs.Where(i => wanted.Contains($"{i.Kind.ToString().ToLowerInvariant()}-{i.Index.ToString("D5", CultureInfo.InvariantCulture)}")).ToList();
        }

        Console.WriteLine($"cadasto fuzz: seed {options.Seed}, {options.Manifests} manifests, {options.CSharp} C# files, {options.AppSettings} appsettings files, {options.Workers} workers, {options.Timeout.TotalSeconds:0} s per input; load {LoadAverage()}");
        var defects = new ConcurrentBag<Defect>();
        var elapsed = new ConcurrentBag<(string Name, double Seconds)>();
        var mutations = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        var hangs = 0;

        async Task Worker(int worker)
        {
            var harness = new Harness(options.ScanEvery);
            var folder = Path.Combine(options.Out, "work", worker.ToString(CultureInfo.InvariantCulture));
            int i;
            while ((i = Interlocked.Increment(ref next)) < inputs.Count && Volatile.Read(ref hangs) < options.MaxHangs)
            {
                var input = Inputs.Create(inputs[i].Kind, inputs[i].Index, options.Seed);
                foreach (var mutation in input.Mutations)
                {
                    mutations.AddOrUpdate(input.Kind + " " + mutation, 1, (_, n) => n + 1);
                }

                // A process-killing crash (stack overflow) leaves the input's name behind.
                await File.WriteAllTextAsync(Path.Combine(options.Out, $"current-{worker}.txt"), input.Name).ConfigureAwait(false);
                using var cancellation = new CancellationTokenSource(options.Timeout);
                var started = Stopwatch.GetTimestamp();
                var work = Task.Run(() => harness.RunAsync(input, folder + "-" + input.Name, cancellation.Token));
                var finished = await Task.WhenAny(work, Task.Delay(options.Timeout + TimeSpan.FromSeconds(5))).ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                elapsed.Add((input.Name, seconds));
                List<Defect> found;
                if (finished != work)
                {
                    Interlocked.Increment(ref hangs);
                    found = new List<Defect> { new(input.Name, "hang", $"still running after {seconds:0} s") };
                }
                else
                {
                    try
                    {
                        found = await work.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        found = new List<Defect> { new(input.Name, "hang", $"cancelled after {seconds:0.0} s (over the {options.Timeout.TotalSeconds:0} s bound)") };
                    }

                    TryDelete(folder + "-" + input.Name);
                }

                if (seconds > options.Timeout.TotalSeconds && found.All(d => d.Class != "hang"))
                {
                    found.Add(new Defect(input.Name, "hang", $"took {seconds:0.0} s (over the {options.Timeout.TotalSeconds:0} s bound)"));
                }

                foreach (var defect in found)
                {
                    defects.Add(defect);
                    Console.WriteLine($"  {defect.Class,-13} {defect.Input} [{string.Join(",", input.Mutations)}] {defect.Detail}");
                }

                if (found.Count > 0)
                {
                    Save(input, Path.Combine(options.Out, "failures", input.Name));
                }

                var done = elapsed.Count;
                if (done % 500 == 0)
                {
                    Console.WriteLine($"  {done}/{inputs.Count} inputs, {stopwatch.Elapsed.TotalSeconds:0} s, load {LoadAverage()}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(w => Task.Run(() => Worker(w)))).ConfigureAwait(false);
        var inProcess = stopwatch.Elapsed;
        var inProcessLoad = LoadAverage();

        // The real tool as a process, on every n-th input: what the in-process run cannot see (exit codes of a dying
        // process, the tool's own stack size and assembly loading).
        var processRuns = 0;
        var processStopwatch = Stopwatch.StartNew();
        if (options.ProcessEvery > 0 && options.Cli is { } cli && File.Exists(cli))
        {
            var selected = inputs.Where(i => i.Index % options.ProcessEvery == 0).ToList();
            var formats = new[] { "human", "json", "sarif" };
            await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = options.Workers }, async (item, _) =>
            {
                var input = Inputs.Create(item.Kind, item.Index, options.Seed);
                var folder = Path.Combine(options.Out, "work", "process-" + input.Name);
                Save(input, folder);
                var format = formats[(input.Index / options.ProcessEvery) % formats.Length];
                var (exit, output, timedOut) = await RunProcessAsync("dotnet", new[] { cli, "scan", folder, "--format", format, "--no-progress" }, options.Timeout).ConfigureAwait(false);
                Interlocked.Increment(ref processRuns);
                var found = new List<Defect>();
                if (timedOut)
                {
                    found.Add(new Defect(input.Name, "hang", "cadasto process over the time bound"));
                }
                else if (exit is not (0 or 1 or 2) || output.Contains("Unhandled exception", StringComparison.Ordinal) || output.Contains("Stack overflow", StringComparison.Ordinal))
                {
                    found.Add(new Defect(input.Name, "crash", $"cadasto process exited {exit}: {Harness.FirstLine(output)}"));
                }

                foreach (var secret in input.LiveSecrets().Where(s => output.Contains(s, StringComparison.Ordinal)))
                {
                    found.Add(new Defect(input.Name, "leak", $"a planted secret appears in the cadasto process's output (--format {format})"));
                }

                foreach (var defect in found)
                {
                    defects.Add(defect);
                    Console.WriteLine($"  {defect.Class,-13} {defect.Input} (process) {defect.Detail}");
                    Save(input, Path.Combine(options.Out, "failures", input.Name));
                }

                TryDelete(folder);
            }).ConfigureAwait(false);
        }

        var times = elapsed.Select(e => e.Seconds).OrderBy(s => s).ToList();
        double Percentile(double p) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)(p * times.Count))];
        var slowest = elapsed.OrderByDescending(e => e.Seconds).First();
        Console.WriteLine();
        Console.WriteLine($"inputs: {elapsed.Count} in process ({inputs.Count(i => i.Kind == InputKind.Manifest)} manifests, {inputs.Count(i => i.Kind == InputKind.CSharp)} C#, {inputs.Count(i => i.Kind == InputKind.AppSettings)} appsettings) in {inProcess.TotalSeconds:0} s (load at the end {inProcessLoad}); {processRuns} through the cadasto process in {processStopwatch.Elapsed.TotalSeconds:0} s (load {LoadAverage()})");
        Console.WriteLine($"time in the build's path (generator + analyzers) {Stopwatch.GetElapsedTime(0, Harness.AnalysisTicks).TotalSeconds:0} s, in the CLI's entry point {Stopwatch.GetElapsedTime(0, Harness.CliTicks).TotalSeconds:0} s ({Harness.CliScans} in-process scans; summed over workers)");
        Console.WriteLine($"per input: p50 {Percentile(0.5):0.000} s, p99 {Percentile(0.99):0.000} s, max {slowest.Seconds:0.00} s ({slowest.Name})");
        Console.WriteLine("mutations: " + string.Join(", ", mutations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        var byClass = defects.GroupBy(d => d.Class).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Console.WriteLine("defects: " + (byClass.Count == 0 ? "none" : string.Join(", ", byClass.Select(g => $"{g.Key} {g.Count()} ({g.Select(d => d.Input).Distinct().Count()} inputs)"))));
        foreach (var group in defects.GroupBy(d => d.Class + ": " + Normalise(d.Detail)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Count(),5} × {group.Key} (e.g. {group.First().Input})");
        }

        return defects.IsEmpty ? 0 : 1;
    }

    private static string Normalise(string detail) => System.Text.RegularExpressions.Regex.Replace(detail, "[0-9]+", "N");

    private static void Save(FuzzInput input, string folder)
    {
        foreach (var (path, bytes) in input.Files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next run's clean-up.
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static async Task<(int Exit, string Output, bool TimedOut)> RunProcessAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, true);
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false), false);
    }

    private sealed class Options
    {
        public int Seed { get; private set; } = 20261206;

        public int Manifests { get; private set; } = 10_000;

        public int CSharp { get; private set; } = 600;

        public int AppSettings { get; private set; } = 500;

        public int Workers { get; private set; } = 2;

        public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(60);

        public int ProcessEvery { get; private set; } = 50;

        public int ScanEvery { get; private set; } = 10;

        /// <summary>Inputs still running past the bound (their work cannot be stopped) after which the run stops: each keeps a core busy.</summary>
        public int MaxHangs { get; private set; } = 3;

        public string? Only { get; private set; }

        public string Out { get; private set; } = Path.Combine(Path.GetTempPath(), "cadasto-fuzz");

        public string? Cli { get; private set; } = DefaultCli();

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                int Int() => int.Parse(value, CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--seed": options.Seed = Int(); break;
                    case "--manifests": options.Manifests = Int(); break;
                    case "--csharp": options.CSharp = Int(); break;
                    case "--appsettings": options.AppSettings = Int(); break;
                    case "--workers": options.Workers = Int(); break;
                    case "--timeout": options.Timeout = TimeSpan.FromSeconds(Int()); break;
                    case "--process-every": options.ProcessEvery = Int(); break;
                    case "--scan-every": options.ScanEvery = Int(); break;
                    case "--max-hangs": options.MaxHangs = Int(); break;
                    case "--only": options.Only = value; break;
                    case "--out": options.Out = Path.GetFullPath(value); break;
                    case "--cli": options.Cli = Path.GetFullPath(value); break;
                    default: throw new ArgumentException("unknown option " + args[i]);
                }
            }

            return options;
        }

        private static string? DefaultCli()
        {
            // The tool this run was built with: benchmarks/Cadasto.Fuzz/bin/<Configuration>/net10.0 → src/Cadasto.Cli/bin/…
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = folder.Parent?.Name ?? "Release";
            for (var d = folder; d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Cadasto.Analyzers.sln")))
                {
                    return Path.Combine(d.FullName, "src", "Cadasto.Cli", "bin", configuration, "net10.0", "Cadasto.Cli.dll");
                }
            }

            return null;
        }
    }
}
