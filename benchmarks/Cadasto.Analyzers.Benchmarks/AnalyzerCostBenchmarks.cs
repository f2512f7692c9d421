using System.Collections.Immutable;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// The compiler's work on a 100,000-line compilation (or <c>CADASTO_BENCH_FOLDER</c>) with and without
/// the Cadasto analyzers: time and allocations. The difference is what the analyzers add on top of a build.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AnalyzerCostBenchmarks
{
    private BenchmarkInput _input = null!;
    private CSharpCompilationHolder _bound = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkInput.FromEnvironment();
        _bound = new CSharpCompilationHolder(_input);
    }

    /// <summary>Parse, bind and emit: what a build does without analyzers.</summary>
    [Benchmark(Baseline = true)]
    public bool ParseBindEmit()
    {
        var compilation = _input.CreateCompilation();
        _ = compilation.GetDiagnostics();
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Success;
    }

    /// <summary>Parse and bind only: what <see cref="ParseBindAnalyze"/> adds to it is the analyzers' cost (time and allocations).</summary>
    [Benchmark]
    public int ParseBind()
    {
        var compilation = _input.CreateCompilation();
        return compilation.GetDiagnostics().Length;
    }

    /// <summary>Parse and bind with every Cadasto analyzer attached (what the analyzers add is the difference to bind alone).</summary>
    [Benchmark]
    public async Task<int> ParseBindAnalyze()
    {
        var compilation = _input.CreateCompilation();
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, new CompilationWithAnalyzersOptions(_input.AnalyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    /// <summary>The analyzers alone on an already-bound compilation's trees (binding is redone by the driver's own compilation).</summary>
    [Benchmark]
    public async Task<int> AnalyzersOnBoundCompilation()
    {
        var withAnalyzers = _bound.Compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, new CompilationWithAnalyzersOptions(_input.AnalyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    private sealed class CSharpCompilationHolder
    {
        public CSharpCompilationHolder(BenchmarkInput input)
        {
            Compilation = input.CreateCompilation();
            _ = Compilation.GetDiagnostics();
        }

        public Compilation Compilation { get; }
    }
}
