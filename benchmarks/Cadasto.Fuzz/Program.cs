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
/// Exit 0 when no input crashed, hung or leaked; 1 otherwise (each defect's input is saved under the out folder); 2 for
/// a bad option. Ctrl+C stops the run after the inputs in flight and prints the summary of what ran (a second Ctrl+C
/// ends the process at once).
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

        if (!Options.TryParse(args, out var options, out var problem))
        {
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync("cadasto fuzz: " + problem).ConfigureAwait(false);
            }

            await (problem is null ? Console.Out : Console.Error).WriteLineAsync(Options.Usage).ConfigureAwait(false);
            return problem is null ? 0 : 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.WriteLine("  (Ctrl+C: stopping after the inputs in flight; Ctrl+C again ends the process)");
                stop.Cancel();
            }
        };

        Directory.CreateDirectory(options.Out);
        var inputs = new List<(InputKind Kind, int Index)>();
        inputs.AddRange(Enumerable.Range(0, options.Manifests).Select(i => (InputKind.Manifest, i)));
        inputs.AddRange(Enumerable.Range(0, options.CSharp).Select(i => (InputKind.CSharp, i)));
        inputs.AddRange(Enumerable.Range(0, options.AppSettings).Select(i => (InputKind.AppSettings, i)));
        if (options.Only is { } only)
        {
            var wanted = only.Split(',');
            inputs = inputs.Where(i => wanted.Contains($"{i.Kind.ToString().ToLowerInvariant()}-{i.Index.ToString("D5", CultureInfo.InvariantCulture)}")).ToList();
            if (inputs.Count < wanted.Length)
            {
                await Console.Error.WriteLineAsync($"cadasto fuzz: --only names {wanted.Length} inputs, {inputs.Count} of them among this run's (kind-NNNNN, index below --manifests/--csharp/--appsettings)").ConfigureAwait(false);
                return 2;
            }
        }

        Console.WriteLine($"cadasto fuzz: seed {options.Seed}, {options.Manifests} manifests, {options.CSharp} C# files, {options.AppSettings} appsettings files, {options.Workers} workers, {options.Timeout.TotalSeconds:0} s per input; load {LoadAverage()}");
        var defects = new ConcurrentBag<Defect>();
        var elapsed = new ConcurrentBag<(string Name, double Seconds)>();
        var mutations = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        var hangs = 0;
        var interrupted = new ConcurrentBag<string>();
        var cpuTimes = new ConcurrentBag<(string Name, double Seconds)>();

        async Task Worker(int worker)
        {
            var harness = new Harness(options.ScanEvery);
            var folder = Path.Combine(options.Out, "work", worker.ToString(CultureInfo.InvariantCulture));
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < inputs.Count && Volatile.Read(ref hangs) < options.MaxHangs)
            {
                var input = Inputs.Create(inputs[i].Kind, inputs[i].Index, options.Seed);
                foreach (var mutation in input.Mutations)
                {
                    mutations.AddOrUpdate(input.Kind + " " + mutation, 1, (_, n) => n + 1);
                }

                // A process-killing crash (stack overflow) leaves the input's name behind.
                await File.WriteAllTextAsync(Path.Combine(options.Out, $"current-{worker}.txt"), input.Name).ConfigureAwait(false);
                using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                cancellation.CancelAfter(options.Timeout);
                var started = Stopwatch.GetTimestamp();
                var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
                var work = Task.Run(() => harness.RunAsync(input, folder + "-" + input.Name, cancellation.Token));
                var finished = await Task.WhenAny(work, Task.Delay(options.Timeout + TimeSpan.FromSeconds(5), stop.Token)).ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

                // The process's CPU time over the input: the input's own cost when one worker runs (on a shared machine
                // wall time is many times that), an upper bound with more.
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalSeconds;
                if (stop.IsCancellationRequested && seconds < options.Timeout.TotalSeconds)
                {
                    // Interrupted, not finished: neither a result nor a hang.
                    interrupted.Add(input.Name);
                    continue;
                }

                elapsed.Add((input.Name, seconds));
                cpuTimes.Add((input.Name, cpu));
                if (seconds >= options.ReportSlower)
                {
                    Console.WriteLine($"  {"slow",-13} {input.Name} [{string.Join(",", input.Mutations)}] {seconds:0.0} s wall, {cpu:0.0} s CPU (load {LoadAverage()})");
                }

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
                else if (options.CpuBound is { } cpuBound && cpu > cpuBound && found.All(d => d.Class != "hang"))
                {
                    found.Add(new Defect(input.Name, "hang", $"took {cpu:0.0} s of CPU (over the {cpuBound:0} s CPU bound; {seconds:0.0} s wall)"));
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
        if (options.ProcessEvery > 0 && options.Cli is { } cli && File.Exists(cli) && !stop.IsCancellationRequested)
        {
            var selected = inputs.Where(i => i.Index % options.ProcessEvery == 0).ToList();
            var formats = new[] { "human", "json", "sarif" };
            await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = options.Workers }, async (item, _) =>
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

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
        var slowest = elapsed.OrderByDescending(e => e.Seconds).FirstOrDefault();
        Console.WriteLine();
        if (stop.IsCancellationRequested)
        {
            Console.WriteLine($"stopped by Ctrl+C: {elapsed.Count} of {inputs.Count} inputs finished in process; interrupted and not counted: {(interrupted.IsEmpty ? "none" : string.Join(", ", interrupted.OrderBy(n => n, StringComparer.Ordinal)))}");
        }

        Console.WriteLine($"inputs: {elapsed.Count} in process ({inputs.Count(i => i.Kind == InputKind.Manifest)} manifests, {inputs.Count(i => i.Kind == InputKind.CSharp)} C#, {inputs.Count(i => i.Kind == InputKind.AppSettings)} appsettings) in {inProcess.TotalSeconds:0} s (load at the end {inProcessLoad}); {processRuns} through the cadasto process in {processStopwatch.Elapsed.TotalSeconds:0} s (load {LoadAverage()})");
        Console.WriteLine($"time in the build's path (generator + analyzers) {Stopwatch.GetElapsedTime(0, Harness.AnalysisTicks).TotalSeconds:0} s, in the CLI's entry point {Stopwatch.GetElapsedTime(0, Harness.CliTicks).TotalSeconds:0} s ({Harness.CliScans} in-process scans; summed over workers)");
        Console.WriteLine($"per input: p50 {Percentile(0.5):0.000} s, p99 {Percentile(0.99):0.000} s, max {slowest.Seconds:0.00} s ({slowest.Name})");
        var cpuSorted = cpuTimes.OrderBy(c => c.Seconds).ToList();
        if (cpuSorted.Count > 0)
        {
            var most = cpuSorted[^1];
            Console.WriteLine($"CPU per input ({(options.Workers == 1 ? "the input's own" : "the process's, over the input: an upper bound with " + options.Workers + " workers")}): p50 {cpuSorted[cpuSorted.Count / 2].Seconds:0.000} s, p99 {cpuSorted[Math.Min(cpuSorted.Count - 1, (int)(0.99 * cpuSorted.Count))].Seconds:0.000} s, max {most.Seconds:0.00} s ({most.Name}), {cpuSorted.Sum(c => c.Seconds):0} s in all");
        }
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

        /// <summary>With one worker, an input whose CPU time passes this is a hang too, however loaded the machine.</summary>
        public double? CpuBound { get; private set; }

        /// <summary>Inputs slower than this (wall) get a line with their wall and CPU time.</summary>
        public double ReportSlower { get; private set; } = 10;

        public string Out { get; private set; } = Path.Combine(Path.GetTempPath(), "cadasto-fuzz");

        public string? Cli { get; private set; } = DefaultCli();

        public const string Usage = """
            usage: dotnet Cadasto.Fuzz.dll [options]      (docs/robustness.md)
              --seed N            the run's seed (20261206); every input is rebuilt from the seed and its name
              --manifests N       cadasto.json inputs (10000)
              --csharp N          Program.cs inputs (600)
              --appsettings N     appsettings*.json inputs (500)
              --workers N         inputs run at once (2)
              --timeout SECONDS   an input not finished in this time is a hang (60)
              --scan-every N      run `cadasto scan` in process on every n-th manifest (10; C# and JSON inputs: all)
              --process-every N   run the cadasto process on every n-th input after the in-process run (50; 0: never)
              --max-hangs N       stop after this many inputs that could not be stopped (3)
              --cpu-timeout SECONDS  an input that used more CPU time is a hang too (off; measured per input with --workers 1)
              --report-slower SECONDS  a line with wall and CPU time for each input slower than this (10)
              --only NAME[,NAME]  only these inputs (manifest-00042, csharp-00041, appsettings-00007)
              --out FOLDER        work folder; failures/<name> holds each defective input (/tmp/cadasto-fuzz)
              --cli PATH          the Cadasto.Cli.dll for --process-every (the one built beside this program)
              -h, --help          this text
            """;

        /// <summary>The options, or false with a problem to show (null for <c>--help</c>).</summary>
        public static bool TryParse(string[] args, out Options options, out string? problem)
        {
            options = new Options();
            problem = null;
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name is "-h" or "--help" or "-?")
                {
                    return false;
                }

                if (!Setters.TryGetValue(name, out var set))
                {
                    problem = $"unknown option '{name}'";
                    return false;
                }

                if (i + 1 >= args.Length)
                {
                    problem = $"{name} needs a value";
                    return false;
                }

                var value = args[++i];
                if (!set(options, value))
                {
                    problem = $"{name}: '{value}' is not a valid value";
                    return false;
                }
            }

            return true;
        }

        private static readonly Dictionary<string, Func<Options, string, bool>> Setters = new(StringComparer.Ordinal)
        {
            ["--seed"] = (o, v) => Int(v, int.MinValue, n => o.Seed = n),
            ["--manifests"] = (o, v) => Int(v, 0, n => o.Manifests = n),
            ["--csharp"] = (o, v) => Int(v, 0, n => o.CSharp = n),
            ["--appsettings"] = (o, v) => Int(v, 0, n => o.AppSettings = n),
            ["--workers"] = (o, v) => Int(v, 1, n => o.Workers = n),
            ["--timeout"] = (o, v) => Int(v, 1, n => o.Timeout = TimeSpan.FromSeconds(n)),
            ["--process-every"] = (o, v) => Int(v, 0, n => o.ProcessEvery = n),
            ["--scan-every"] = (o, v) => Int(v, 1, n => o.ScanEvery = n),
            ["--max-hangs"] = (o, v) => Int(v, 1, n => o.MaxHangs = n),
            ["--cpu-timeout"] = (o, v) => Int(v, 1, n => o.CpuBound = n),
            ["--report-slower"] = (o, v) => Int(v, 0, n => o.ReportSlower = n),
            ["--only"] = (o, v) => (o.Only = v).Length > 0,
            ["--out"] = (o, v) => v.Length > 0 && (o.Out = Path.GetFullPath(v)).Length > 0,
            ["--cli"] = (o, v) => v.Length > 0 && (o.Cli = Path.GetFullPath(v)).Length > 0,
        };

        private static bool Int(string value, int minimum, Action<int> set)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < minimum)
            {
                return false;
            }

            set(number);
            return true;
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
