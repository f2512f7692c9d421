using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Collections.Immutable;
using Cadasto.Analyzers.Semantics;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// The figure of docs/performance.md: the sum of the Cadasto analyzers' execution times
/// (<c>GetAnalyzerTelemetryInfoAsync</c>, concurrent execution off) divided by the median time of
/// parse + bind + emit of the same compilation.
/// </summary>
public static class CostFigure
{
    // The analyzers measured: every Cadasto analyzer, or those named by --only (an experiment, not the figure).
    private static ImmutableArray<DiagnosticAnalyzer> s_analyzers = AnalyzerCatalog.Analyzers;

    public static async Task<int> RunAsync(BenchmarkInput input, int iterations, string? only = null)
    {
        if (only is not null)
        {
            var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            s_analyzers = AnalyzerCatalog.Analyzers.Where(a => names.Contains(a.GetType().Name)).ToImmutableArray();
        }

        Console.WriteLine($"Input: {input.Description}, {input.Lines:N0} lines");
        Console.WriteLine($"Analyzers: {string.Join(", ", s_analyzers.Select(a => a.GetType().Name))}");

        var probe = input.CreateCompilation();
        var errorList = probe.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var errors = errorList.Count;
        foreach (var group in errorList.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"  {group.Count()} x {group.Key}: {group.First().GetMessage(System.Globalization.CultureInfo.InvariantCulture)} ({group.First().Location.GetLineSpan()})");
        }

        // Load-independent: whether the flow rules register anything for this input, and what deciding it costs on a
        // fresh compilation (one pass over the source text, and the types of the catalogued names it finds, whose first
        // look-up also merges the references' namespaces).
        for (var i = 0; i < 3; i++)
        {
            var fresh = input.CreateCompilation();
            var decide = Stopwatch.StartNew();
            var mayHold = CompilationContents.MayHoldFlows(fresh, input.AnalyzerOptions, default);
            Console.WriteLine($"Flow rules {(mayHold ? "analyse" : "bail out at compilation start")}: decided in {decide.Elapsed.TotalMilliseconds:0.0} ms");
        }

        Console.WriteLine($"Compiler errors in the compilation: {errors}{(errors > 0 ? " (emit stops at errors: the baseline is parse + bind + the emit attempt)" : string.Empty)}");

        // Round 0 is the cold one: the analyzer assembly is JIT-compiled afresh (tier 0) while the compiler is
        // precompiled, as in every build process. It is printed, and left out of the medians.
        var coldCompile = Compile(input);
        var coldAnalyzers = (await AnalyzeAsync(input)).Total;
        Console.WriteLine($"round 0 (cold): parse + bind + emit {coldCompile:0} ms, analyzers {coldAnalyzers:0.0} ms, ratio {coldAnalyzers / coldCompile:P2}");
        Console.WriteLine($"  semantic-model walks: {DocumentOperations.Asked:N0} nodes asked GetOperation, {DocumentOperations.Mapped:N0} operations mapped (load-independent)");

        var compile = new List<double>();
        var analyzers = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        var findings = 0;
        for (var i = 0; i < iterations; i++)
        {
            compile.Add(Compile(input));
            var (total, each, count, failures) = await AnalyzeAsync(input);
            analyzers.Add(total);
            Console.WriteLine($"round {i + 1}: parse + bind + emit {compile[i]:0} ms, analyzers {total:0.0} ms, ratio {total / compile[i]:P2}; asked {DocumentOperations.Asked:N0}, mapped {DocumentOperations.Mapped:N0}");
            findings = count;
            foreach (var (name, ms) in each)
            {
                (perAnalyzer.TryGetValue(name, out var list) ? list : perAnalyzer[name] = new List<double>()).Add(ms);
            }

            if (failures.Count > 0)
            {
                Console.WriteLine("Analyzer exceptions: " + string.Join("; ", failures));
                return 1;
            }
        }

        var compileMedian = Median(compile);
        var analyzerMedian = Median(analyzers);
        Console.WriteLine($"parse + bind + emit: median {compileMedian:0} ms over {iterations} runs ({string.Join(", ", compile.Select(c => c.ToString("0")))})");
        Console.WriteLine($"Cadasto analyzers (sum of execution times, non-concurrent): median {analyzerMedian:0.0} ms ({string.Join(", ", analyzers.Select(c => c.ToString("0.0")))})");
        foreach (var (name, list) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
        {
            Console.WriteLine($"  {name}: {Median(list):0.0} ms");
        }

        Console.WriteLine($"Findings: {findings}");
        Console.WriteLine($"Figure: {analyzerMedian / compileMedian:P2} of parse + bind + emit (target < 3%)");
        return 0;
    }

    private static double Compile(BenchmarkInput input)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = input.CreateCompilation();
        foreach (var tree in compilation.SyntaxTrees)
        {
            _ = tree.GetRoot();
        }

        _ = compilation.GetDiagnostics();
        using var peStream = new MemoryStream();
        _ = compilation.Emit(peStream);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<(double Total, List<(string Name, double Ms)> Each, int Findings, List<string> Failures)> AnalyzeAsync(BenchmarkInput input)
    {
        var failures = new ConcurrentBag<string>();
        var compilation = input.CreateCompilation();
        var options = new CompilationWithAnalyzersOptions(
            input.AnalyzerOptions,
            (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        DocumentOperations.ResetCounters();
        var withAnalyzers = compilation.WithAnalyzers(s_analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var each = new List<(string, double)>();
        foreach (var analyzer in s_analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            each.Add((analyzer.GetType().Name, telemetry.ExecutionTime.TotalMilliseconds));
        }

        return (each.Sum(e => e.Item2), each, diagnostics.Length, failures.ToList());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
