using System.Collections.Immutable;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// Bytes allocated per plain (non-secret) string literal by the Cadasto analyzers: the same generated
/// code with <see cref="Literals"/> = N and 2N ordinary literals (log messages, UI labels, dictionary
/// keys, return values; no sink, no credential name, no credential shape), analysed through
/// <see cref="CompilationWithAnalyzers"/> (concurrent execution off) either by every Cadasto analyzer or
/// by a no-op analyzer that subscribes to the same per-literal events (literal operations and string
/// literal syntax nodes), so the driver's own work (binding, operation trees, callbacks) is in both.
/// Bytes per literal = ((Cadasto, 2N) − (NoOp, 2N) − (Cadasto, N) + (NoOp, N)) / N.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LiteralAllocationBenchmarks
{
    private Compilation _compilation = null!;
    private AnalyzerOptions _options = null!;

    [Params(16_000, 32_000)]
    public int Literals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tree = CSharpSyntaxTree.ParseText(PlainLiterals(Literals), new CSharpParseOptions(LanguageVersion.Preview), "/generated/Plain.cs");
        _compilation = CSharpCompilation.Create("Plain", new[] { tree }, ReferenceSet.Default.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        _options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
    }

    /// <summary>The driver alone: a no-op analyzer on the same per-literal events.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> NoOpAnalyzer() => RunAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpLiteralAnalyzer()));

    /// <summary>
    /// As many no-op analyzers as there are Cadasto analyzers: the driver's per-analyzer, per-callback cost
    /// for that many analyzers, so Cadasto minus this is the rules' own work.
    /// </summary>
    [Benchmark]
    public Task<int> NoOpAnalyzersOnePerRule()
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>(AnalyzerCatalog.Analyzers.Length);
        for (var i = 0; i < AnalyzerCatalog.Analyzers.Length; i++)
        {
            analyzers.Add(new NoOpLiteralAnalyzer());
        }

        return RunAsync(analyzers.MoveToImmutable());
    }

    /// <summary>Every Cadasto analyzer.</summary>
    [Benchmark]
    public Task<int> CadastoAnalyzers() => RunAsync(AnalyzerCatalog.Analyzers);

    private async Task<int> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = _compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(_options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    /// <summary>
    /// <paramref name="literals"/> ordinary string literals, four per method in four contexts (a logging
    /// argument, a label field initializer, a dictionary key, a return value).
    /// </summary>
    public static string PlainLiterals(int literals)
    {
        var text = new StringBuilder();
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("namespace Shop.Orders;");
        text.AppendLine("public sealed class OrderScreen");
        text.AppendLine("{");
        text.AppendLine("    private readonly Dictionary<string, int> _counts = new();");
        text.AppendLine("    private static void Info(string message, int value) { }");
        for (var i = 0; i < literals / 4; i++)
        {
            text.AppendLine($"    private string _caption{i} = \"Review order {i} before shipping\";");
            text.AppendLine($"    public string Step{i}(int count)");
            text.AppendLine("    {");
            text.AppendLine($"        Info(\"Processed order batch {i} for the warehouse\", count);");
            text.AppendLine($"        _counts[\"orders.batch.{i}\"] = count;");
            text.AppendLine($"        return \"Order {i} is ready\";");
            text.AppendLine("    }");
        }

        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>Subscribes to what the Cadasto rules subscribe to per literal, and does nothing.</summary>
    // Instantiated directly (no [DiagnosticAnalyzer]): a benchmark fixture, not a shipped rule.
#pragma warning disable RS1001, RS1036, RS1041, RS2008
    internal sealed class NoOpLiteralAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("NOOP0001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(static _ => { }, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary, OperationKind.SimpleAssignment, OperationKind.Invocation);
                start.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.StringLiteralExpression);
            });
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008
}
