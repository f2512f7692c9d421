using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// Cost that grows with the input, not faster (issue 16): CDS1002 (and every Cadasto analyzer) over one file
/// holding a long constant — a 512 KB and a 1 MB literal, and a constant concatenated from 5,000 and 10,000
/// parts — so each pair shows how the time grows when the input doubles. The compiler's own work on the
/// same file (a no-op analyzer on the same events) is the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LongConstantBenchmarks
{
    private Compilation _compilation = null!;
    private AnalyzerOptions _options = null!;

    [Params("literal-512KB", "literal-1MB", "parts-5000", "parts-10000", "sink-5000", "sink-10000")]
    public string Input { get; set; } = "literal-1MB";

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Compile(Source(Input));
        _options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
    }

    /// <summary>The driver alone: binding and operation trees, through a no-op analyzer on literals.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> NoOpAnalyzer() => RunAsync(_compilation, _options, ImmutableArray.Create<DiagnosticAnalyzer>(new LiteralAllocationBenchmarks.NoOpLiteralAnalyzer()));

    [Benchmark]
    public Task<int> Cds1002() => RunAsync(_compilation, _options, ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer()));

    [Benchmark]
    public Task<int> CadastoAnalyzers() => RunAsync(_compilation, _options, AnalyzerCatalog.Analyzers);

    /// <summary>The source for an input name: <c>literal-&lt;n&gt;KB|MB</c>, <c>parts-&lt;n&gt;</c>, <c>sink-&lt;n&gt;</c>, or one of <see cref="NestingCost"/>'s (<c>cond-&lt;n&gt;</c>…).</summary>
    public static string Source(string input)
    {
        var dash = input.IndexOf('-');
        var size = input.Substring(dash + 1);
        var kind = input.Substring(0, dash);
        return kind is "cond" or "condsecret" or "lambda" or "lambdacut" ? NestingCost.Source(input)
            : kind == "parts" ? ManyParts(int.Parse(size))
            : kind == "sink" ? ManyPartsAtSink(int.Parse(size))
            : LongLiteral(size.EndsWith("MB", StringComparison.Ordinal) ? int.Parse(size[..^2]) * 1024 * 1024 : int.Parse(size[..^2]) * 1024, kind);
    }

    /// <summary>
    /// A settings class as generated code writes it: an embedded blob (base64, as a certificate or a bundled key file) of
    /// <paramref name="length"/> characters under a credential-named constant, beside ordinary constants.
    /// </summary>
    public static string LongLiteral(int length, string kind = "literal")
    {
        var text = new StringBuilder(length + 512);
        text.AppendLine("namespace Seed;");
        text.AppendLine("public static class EmbeddedSettings");
        text.AppendLine("{");
        text.AppendLine("    public const string ServiceName = \"orders\";");
        text.Append("    public const string SigningKeyPassword = \"");
        switch (kind)
        {
            case "prose":
                Repeat(text, length, "the quick brown fox jumps over the lazy dog ");
                break;
            case "pairs":
                Repeat(text, length, "Server=db;User Id=sa;Password=Xq7Lp2Mn8;");
                break;
            case "query":
                Repeat(text, length, "a=1&client_id=x&scope=api.read&");
                break;
            case "same":
                Repeat(text, length, "a");
                break;
            case "lines":
                Repeat(text, length, "Zk4fQ8vWn2xR7tL1pD9sB3hJ6mC0yE5a\\n");
                break;
            default:
                AppendBlob(text, length);
                break;
        }

        text.AppendLine("\";");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>A credential-named constant concatenated from <paramref name="parts"/> literals of 16 characters each.</summary>
    public static string ManyParts(int parts)
    {
        var text = new StringBuilder(parts * 24 + 512);
        text.AppendLine("namespace Seed;");
        text.AppendLine("public static class EmbeddedSettings");
        text.AppendLine("{");
        text.AppendLine("    public const string SigningKeyPassword =");
        AppendParts(text, parts, seed: 0);
        text.AppendLine(";");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="parts"/> literals of 16 characters concatenated where they are used: passed to a client-secret sink
    /// (MSAL's <c>WithClientSecret</c>, CDS1001's) and to a credential sink (<c>NetworkCredential</c>'s password, CDS1002's),
    /// as the fuzz run's <c>long-concatenation</c> inputs do (docs/robustness.md, run 4).
    /// </summary>
    public static string ManyPartsAtSink(int parts)
    {
        var text = new StringBuilder(parts * 50 + 512);
        text.AppendLine("using Microsoft.Identity.Client;");
        text.AppendLine("public static class Startup");
        text.AppendLine("{");
        text.AppendLine("    public static object Secret() => ConfidentialClientApplicationBuilder.Create(\"orders\").WithClientSecret(");
        AppendParts(text, parts, seed: 0);
        text.AppendLine(").Build();");
        text.AppendLine("    public static object Password() => new System.Net.NetworkCredential(\"svc\",");
        AppendParts(text, parts, seed: parts);
        text.AppendLine(");");
        text.AppendLine("}");
        return text.ToString();
    }

    private static void AppendParts(StringBuilder text, int parts, int seed)
    {
        for (var i = 0; i < parts; i++)
        {
            text.Append(i == 0 ? "        \"" : "\n        + \"");
            AppendBlob(text, 16, seed: seed + i);
            text.Append('"');
        }
    }

    private static void Repeat(StringBuilder text, int length, string unit)
    {
        var start = text.Length;
        while (text.Length - start < length)
        {
            text.Append(unit);
        }
    }

    private static void AppendBlob(StringBuilder text, int length, int seed = 17)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(seed);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }
    }

    public static Compilation Compile(string source) =>
        CSharpCompilation.Create(
            "LongConstant",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), "/generated/EmbeddedSettings.cs") },
            ReferenceSet.Default.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

    public static async Task<int> RunAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    /// <summary>
    /// <c>-- -longconst</c>: one timed run per input and analyzer (Stopwatch), to look for the step that grows
    /// faster than the input before a BenchmarkDotNet run confirms it.
    /// </summary>
    /// <remarks>
    /// <c>-longconst --check</c> runs the inputs of issue 16's bound (<see cref="CheckedInputs"/>) and exits 1 when one
    /// Cadasto analyzer takes more than <see cref="CpuBound"/> of CPU time on one of them (docs/performance.md, "Long
    /// constants"); CPU time, not wall, so that a loaded machine does not fail it. A step quadratic in the parts fails it
    /// by far: CDS1002 took 41 s of wall on 5,000 parts at a sink before it was made linear.
    /// </remarks>
    public static async Task<int> QuickAsync(string[] inputs, bool check = false)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var over = 0;
        if (check)
        {
            inputs = CheckedInputs;
        }

        foreach (var input in inputs)
        {
            // file:PATH times a saved input (a fuzz run's failures/<name>/Program.cs) the same way.
            var compilation = Compile(input.StartsWith("file:", StringComparison.Ordinal) ? System.IO.File.ReadAllText(input[5..]) : Source(input));
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            Console.WriteLine($"{input,-16} {errors} compile errors");
            foreach (var analyzer in AnalyzerCatalog.Analyzers.Prepend(new LiteralAllocationBenchmarks.NoOpLiteralAnalyzer()))
            {
                // CPU time beside wall time: on a loaded machine (docs/robustness.md) only the first says how the cost grows.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var count = await RunAsync(compilation, options, ImmutableArray.Create(analyzer));
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var exceeds = check && analyzer is not LiteralAllocationBenchmarks.NoOpLiteralAnalyzer && cpu > CpuBound;
                over += exceeds ? 1 : 0;
                Console.WriteLine($"{input,-16} {analyzer.GetType().Name,-44} {watch.Elapsed.TotalMilliseconds,10:0} ms {cpu.TotalMilliseconds,10:0} ms CPU  {count} findings{(exceeds ? "  OVER THE BOUND" : "")}");
            }
        }

        if (check)
        {
            Console.WriteLine(over == 0
                ? $"every analyzer within {CpuBound.TotalSeconds:0} s of CPU on each input"
                : $"{over} analyzer runs over the bound of {CpuBound.TotalSeconds:0} s of CPU");
        }

        return over == 0 ? 0 : 1;
    }

    /// <summary>
    /// Issue 16's inputs: a 1 MB literal, a constant of 10,000 parts, 10,000 parts at two sinks, and a chain of 10,000
    /// <c>?:</c> (the fuzz run's deep conditional: every literal climbs the chain above it to find where the value goes).
    /// </summary>
    public static readonly string[] CheckedInputs = { "literal-1MB", "parts-10000", "sink-10000", "cond-10000" };

    /// <summary>The bound of <c>--check</c>: CPU time of one analyzer on one input (the driver's own work included).</summary>
    public static readonly TimeSpan CpuBound = TimeSpan.FromSeconds(2);
}
