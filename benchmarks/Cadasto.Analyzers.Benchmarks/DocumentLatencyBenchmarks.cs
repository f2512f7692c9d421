using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// What a user waits for after a keystroke: the live analysis of one 1,000-line document (syntax and semantic
/// diagnostics of every Cadasto analyzer for that document only, as an editor asks) in a 10,000-line project,
/// after an edit, so the document is bound afresh each time as in the IDE. The baseline is the compiler's own
/// diagnostics for the same document, which the editor computes anyway. One invocation per iteration, so the
/// Median and P95 columns are per-document latencies (docs/performance.md).
/// </summary>
[Config(typeof(LatencyConfig))]
public class DocumentLatencyBenchmarks
{
    private const int ProjectLines = 10_000;
    private const int DocumentLines = 1_000;
    private const string DocumentPath = "/generated/Live/Document.cs";

    private Compilation _project = null!;
    private SyntaxTree _document = null!;
    private AnalyzerOptions _options = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = RealisticCodeGenerator.Generate(ProjectLines)
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), parse, "/generated/" + f.Name))
            .ToList();
        _document = CSharpSyntaxTree.ParseText(SourceText.From(OneDocument(DocumentLines), Encoding.UTF8), parse, DocumentPath);
        trees.Add(_document);
        _project = CSharpCompilation.Create("Live", trees, ReferenceSet.Default.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        LineCount = _document.GetText().Lines.Count;

        // A document that does not compile would measure error recovery, not what a user waits for.
        var errors = _project.GetSemanticModel(_document).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (LineCount < DocumentLines || errors.Count > 0)
        {
            throw new InvalidOperationException($"The live document has {LineCount} lines and {errors.Count} errors: {errors.FirstOrDefault()}");
        }
    }

    /// <summary>Lines of the analysed document (printed by the setup check in docs/performance.md's command).</summary>
    public int LineCount { get; private set; }

    /// <summary>The compiler's diagnostics of the edited document.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics()
    {
        var (compilation, tree) = Edit();
        return compilation.GetSemanticModel(tree).GetDiagnostics().Length;
    }

    /// <summary>The compiler's diagnostics, then every Cadasto analyzer over the same document (what the squiggles wait for).</summary>
    [Benchmark]
    public async Task<int> CompilerThenCadastoLive()
    {
        var (compilation, tree) = Edit();
        var model = compilation.GetSemanticModel(tree);
        var count = model.GetDiagnostics().Length;
        var session = compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, new CompilationWithAnalyzersOptions(
            _options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        count += (await session.GetAnalyzerSyntaxDiagnosticsAsync(tree, default).ConfigureAwait(false)).Length;
        count += (await session.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, default).ConfigureAwait(false)).Length;
        return count;
    }

    /// <summary>A keystroke: a space appended to the document, a new compilation sharing the other trees.</summary>
    private (Compilation Compilation, SyntaxTree Tree) Edit()
    {
        var text = _document.GetText();
        var edited = _document.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), (_edit++ % 2 == 0) ? " " : "\n")));
        return (_project.ReplaceSyntaxTree(_document, edited), edited);
    }

    /// <summary>Generated service files joined into one document of at least <paramref name="lines"/> lines (block namespaces).</summary>
    internal static string OneDocument(int lines)
    {
        var builder = new StringBuilder();
        var usings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var (_, text) in RealisticCodeGenerator.Generate(lines * 2, seed: 4242).Where(f => f.Name.Contains("Service", StringComparison.Ordinal)))
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("using ", StringComparison.Ordinal))
                {
                    if (usings.ToString().IndexOf(line, StringComparison.Ordinal) < 0)
                    {
                        usings.Append(line).Append('\n');
                    }
                }
                else if (Regex.Match(line, @"^namespace ([\w.]+);") is { Success: true } ns)
                {
                    body.Append("namespace ").Append(ns.Groups[1].Value).Append(".Live\n{\n");
                }
                else
                {
                    body.Append(line).Append('\n');
                }
            }

            body.Append("}\n");
            if (RealisticCodeGenerator.CountLines(usings.ToString()) + RealisticCodeGenerator.CountLines(body.ToString()) > lines)
            {
                break;
            }
        }

        return builder.Append(usings).Append(body).ToString();
    }

    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            // In process: on a busy machine the child project's build outlasts BenchmarkDotNet's build timeout.
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(5).WithIterationCount(40).WithInvocationCount(1).WithUnrollFactor(1)
                .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
