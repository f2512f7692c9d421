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

    // --same-compilation: analyse the very compilation that was just compiled, as csc does (the analyzer driver shares the
    // compiler's reference symbols and merged namespaces); without it, each round analyses a new compilation, whose first
    // rule to look a type up also pays for binding the references. A second mode, reported beside the first.
    private static bool s_sameCompilation;

    public static async Task<int> RunAsync(BenchmarkInput input, int iterations, string? only = null, bool sameCompilation = false, bool floor = false, string? analyzerAssembly = null)
    {
        s_sameCompilation = sameCompilation;
        if (analyzerAssembly is not null)
        {
            // The analyzers of that file (an IL build or a ReadyToRun image), not of the project reference. The probes
            // below (flow bail-out, semantic-model walk counters) still run the project reference's copy.
            try
            {
                s_analyzers = AnalyzerCatalog.CreateAnalyzers(AnalyzerAssembly.Load(analyzerAssembly));
            }
            catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException)
            {
                // A missing file, or a ReadyToRun image built for another platform (it does not load as IL).
                Console.Error.WriteLine($"--analyzer-assembly: cannot load '{analyzerAssembly}': {ex.Message}");
                return 2;
            }

            Console.WriteLine($"Analyzer assembly: {Path.GetFullPath(analyzerAssembly)}, {AnalyzerAssembly.Describe(analyzerAssembly)}");
        }

        if (floor)
        {
            // The floor of the driver's accounting: analyzers that do nothing in their callbacks (--only picks among them).
            s_analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpLiteralOperationAnalyzer(), new NoOpStringLiteralSyntaxAnalyzer());
        }

        if (only is not null)
        {
            var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            s_analyzers = s_analyzers.Where(a => names.Contains(a.GetType().Name)).ToImmutableArray();
        }

        Console.WriteLine(sameCompilation
            ? "Mode: each round analyses the compilation it has just compiled (as csc does)"
            : "Mode: each round analyses a new compilation (the figure of earlier sessions)");

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
        var (coldCompile, coldCompilation) = Compile(input);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var (coldAnalyzers, coldEach, _, _, _) = await AnalyzeAsync(input, coldCompilation);
        Console.WriteLine($"  analysis CPU (process, driver and rules): {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms");
        // Load-light: what the JIT compiled during the cold analysis (rules, driver, and the IL-only Roslyn of this process).
        Console.WriteLine($"  JIT during the cold analysis: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods:N0} methods, {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0} ms");
        Console.WriteLine($"round 0 (cold): parse + bind + emit {coldCompile:0} ms, analyzers {coldAnalyzers:0.0} ms, ratio {coldAnalyzers / coldCompile:P2}");
        Console.WriteLine($"  cold, largest: {string.Join(", ", coldEach.OrderByDescending(e => e.Ms).Take(6).Select(e => $"{e.Name.Replace("Analyzer", "")} {e.Ms:0.0}"))} ms");
        Console.WriteLine($"  semantic-model walks: {DocumentOperations.Asked:N0} nodes asked GetOperation, {DocumentOperations.Mapped:N0} operations mapped (load-independent)");

        var compile = new List<double>();
        var analyzers = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        var findings = 0;
        var findingsById = string.Empty;
        for (var i = 0; i < iterations; i++)
        {
            var (compileMs, compiled) = Compile(input);
            compile.Add(compileMs);
            var roundCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (roundJitMethods, roundJitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var (total, each, count, byId, failures) = await AnalyzeAsync(input, compiled);
            var analysisCpu = (Process.GetCurrentProcess().TotalProcessorTime - roundCpu).TotalMilliseconds;
            var jit = $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - roundJitMethods:N0} methods, {(System.Runtime.JitInfo.GetCompilationTime() - roundJitTime).TotalMilliseconds:0} ms";
            analyzers.Add(total);
            Console.WriteLine($"round {i + 1}: parse + bind + emit {compile[i]:0} ms, analyzers {total:0.0} ms, ratio {total / compile[i]:P2}; asked {DocumentOperations.Asked:N0}, mapped {DocumentOperations.Mapped:N0}; analysis CPU {analysisCpu:0} ms; {jit}");
            findings = count;
            findingsById = byId;
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

        Console.WriteLine($"Findings: {findings} ({findingsById})");
        Console.WriteLine($"Figure: {analyzerMedian / compileMedian:P2} of parse + bind + emit (target < 3%)");
        return 0;
    }

    private static (double Ms, Compilation Compilation) Compile(BenchmarkInput input)
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
        return (stopwatch.Elapsed.TotalMilliseconds, compilation);
    }

    private static async Task<(double Total, List<(string Name, double Ms)> Each, int Findings, string FindingsById, List<string> Failures)> AnalyzeAsync(BenchmarkInput input, Compilation compiled)
    {
        var failures = new ConcurrentBag<string>();
        var compilation = s_sameCompilation ? compiled : input.CreateCompilation();
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

        // By rule, so that two builds of the analyzers (IL, ReadyToRun) can be shown to report the same.
        var byId = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
        return (each.Sum(e => e.Item2), each, diagnostics.Length, byId, failures.ToList());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

// Two measuring probes, never shipped nor loaded by a compiler: the rules for analyzer assemblies do not apply.
#pragma warning disable RS1041, RS1036, RS2008
/// <summary>Does nothing on every string literal's operation: what the driver charges for an operation action (--floor).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpLiteralOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("FLOOR1", "floor", "floor", "Performance", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, OperationKind.Literal);
    }
}

/// <summary>Does nothing on every string literal's syntax node: what the driver charges for a syntax-node action (--floor).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpStringLiteralSyntaxAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("FLOOR2", "floor", "floor", "Performance", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(static _ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression);
    }
}
#pragma warning restore RS1041, RS1036, RS2008
