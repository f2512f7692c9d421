using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// <c>-- -figure [--folder PATH] [--lines N] [--iterations N] [--only Analyzer1,Analyzer2] [--same-compilation] [--floor] [--analyzer-assembly PATH]</c>
/// prints the cost figure of docs/performance.md (<c>--only</c>: those analyzers alone, an experiment; <c>--analyzer-assembly</c>:
/// the analyzers of that file, e.g. a ReadyToRun image, instead of the project reference's);
/// <c>-- --folder PATH</c> or nothing runs the BenchmarkDotNet suite (short job, memory diagnoser);
/// <c>-- -generate OUT [--lines N]</c> writes the generated code to a folder;
/// <c>-- -longconst [INPUT…]</c> times each analyzer once on long constants (<see cref="LongConstantBenchmarks.Source"/>);
/// <c>-- -longconst --check</c> exits 1 when one takes more than the stated CPU bound on issue 16's inputs;
/// <c>-- -nesting [INPUT…]</c> times the compiler's bind and each analyzer on deep nesting (<see cref="NestingCost"/>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // As in the CLI: the analyzer package project shares the id Cadasto.Analyzers and drops that assembly from deps.json.
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = System.IO.Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return System.IO.File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        var folder = Value(args, "--folder");
        if (folder is not null)
        {
            // BenchmarkDotNet runs benchmarks in child processes: the folder travels in the environment.
            Environment.SetEnvironmentVariable("CADASTO_BENCH_FOLDER", System.IO.Path.GetFullPath(folder));
        }

        var lines = int.TryParse(Value(args, "--lines"), out var l) ? l : 100_000;
        if (args.Contains("-generate"))
        {
            var output = Value(args, "-generate")!;
            foreach (var (name, text) in RealisticCodeGenerator.Generate(lines))
            {
                var path = System.IO.Path.Combine(output, name);
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                await System.IO.File.WriteAllTextAsync(path, text);
            }

            return 0;
        }

        if (args.Contains("-longconst"))
        {
            // Deep input (a fuzz run's file:PATH) binds as in the CLI, with 256 MB thread stacks (the csproj).
            var inputs = args.SkipWhile(a => a != "-longconst").Skip(1).Where(a => a != "--check").ToArray();
            return OnDeepStack(() => LongConstantBenchmarks.QuickAsync(inputs.Length > 0 ? inputs : new[] { "literal-128KB", "literal-256KB", "parts-2500", "parts-5000" }, check: args.Contains("--check")));
        }

        if (args.Contains("-nesting"))
        {
            var only = Value(args, "--analyzer");
            var inputs = args.SkipWhile(a => a != "-nesting").Skip(1).Where(a => a != "--analyzer" && a != only).ToArray();
            return OnDeepStack(() => NestingCost.RunAsync(inputs.Length > 0 ? inputs : new[] { "lambda-500", "lambda-1000", "lambda-2000" }, only));
        }

        if (args.Contains("-figure"))
        {
            var iterations = int.TryParse(Value(args, "--iterations"), out var n) ? n : 5;
            return await CostFigure.RunAsync(BenchmarkInput.FromEnvironment(lines), iterations, Value(args, "--only"), args.Contains("--same-compilation"), args.Contains("--floor"), Value(args, "--analyzer-assembly"));
        }

        var rest = args.Where((a, i) => a != "--folder" && (i == 0 || args[i - 1] != "--folder") && a != "--lines" && (i == 0 || args[i - 1] != "--lines")).ToArray();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest);
        return 0;
    }

    /// <summary>
    /// Runs on a thread with the CLI's 256 MB stack: the main thread keeps the process's 8 MB whatever the runtime
    /// configuration says, and the compiler binds deep nesting by recursion (10,000 chained <c>?:</c> overflowed it).
    /// </summary>
    private static int OnDeepStack(Func<Task<int>> run)
    {
        var result = 0;
        var thread = new System.Threading.Thread(() => result = run().GetAwaiter().GetResult(), 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        return result;
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
