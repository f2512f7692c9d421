using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// <c>-- -nesting [INPUT…]</c>: deep nesting that Roslyn binds slowly (issue 16, fuzz runs 4 and 5: 2,000 nested
/// lambdas), each step timed alone in CPU time so a loaded machine does not skew it: the parse, the compiler's own bind
/// (<c>GetDiagnostics</c>, what a build pays), then on a fresh compilation each time a no-op analyzer (the analyzer
/// driver's binding and operation trees), each Cadasto analyzer, all of them together, and the generator driver.
/// Inputs: <c>lambda-N</c> (<c>(Func&lt;object&gt;)(() =&gt; …</c> N deep, as the fuzz harness writes it),
/// <c>lambdacut-N</c> (the same, cut off before it closes, beside a client-secret sink), <c>cond-N</c> (N chained <c>?:</c>), <c>condsecret-N</c> (the same with credential-like literals under a credential name), or <c>file:PATH</c>; with the CLI's 256 MB thread stacks (the csproj).
/// </summary>
public static class NestingCost
{
    public static string Source(string input)
    {
        var dash = input.IndexOf('-');
        var depth = int.Parse(input[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var nested = input[..dash] switch
        {
            "lambda" => string.Concat(Enumerable.Repeat("(Func<object>)(() => ", depth)) + "\"x\"" + new string(')', depth * 2),
            "lambdacut" => string.Empty,
            "cond" => string.Concat(Enumerable.Repeat("DateTime.Now.Ticks > 0 ? \"a\" : ", depth)) + "\"b\"",
            // Literals that could be credentials, so that CDS1002 asks about each: every one climbs the chain above it.
            "condsecret" or "condvalue" => string.Concat(Enumerable.Range(0, depth).Select(i => $"DateTime.Now.Ticks > {i} ? \"Qm7vX2pL9kR4tW8z{i:x5}\" : ")) + "\"Zk4fQ8vWn2xR7tL1\"",
            _ => throw new ArgumentException($"unknown input {input}: lambda-N, cond-N or file:PATH"),
        };
        var text = new StringBuilder();
        if (input[..dash] == "lambdacut")
        {
            // The fuzz run's csharp-00238: the same lambdas cut off before they close (error recovery binds them slowly),
            // in a file that names a client-secret sink and calls a method of its own, so the whole-compilation passes
            // of the secret rules (SinkBoundLiterals, SecretParameterFlows) run over it too.
            text.AppendLine("using System;");
            text.AppendLine("using Microsoft.Identity.Client;");
            text.AppendLine("internal static class Program");
            text.AppendLine("{");
            text.AppendLine("    private const string ClientSecret = \"Qm7vX2pL9kR4tW8zQm7vX2\";");
            text.AppendLine("    public static string Read(string key) => Environment.GetEnvironmentVariable(key) ?? string.Empty;");
            text.AppendLine("    public static void Main()");
            text.AppendLine("    {");
            text.AppendLine("        var app = ConfidentialClientApplicationBuilder.Create(\"c\").WithClientSecret(Read(\"k\")).Build();");
            text.Append("        object deep = ").Insert(text.Length, "(Func<object>)(() => ", depth).AppendLine();
            return text.ToString();
        }

        text.AppendLine("using System;");
        text.AppendLine("public static class Program");
        text.AppendLine("{");
        text.AppendLine("    public static void Main()");
        text.AppendLine("    {");
        text.AppendLine($"        {(input.StartsWith("condsecret", StringComparison.Ordinal) ? "string password" : "object deep")} = {nested};");
        text.AppendLine($"        Console.WriteLine({(input.StartsWith("condsecret", StringComparison.Ordinal) ? "password" : "deep")});");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>Times each step on each input; <paramref name="only"/> (<c>--analyzer NAME</c>) times that analyzer alone and all of them together.</summary>
    public static async Task<int> RunAsync(string[] inputs, string? only = null)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        foreach (var input in inputs)
        {
            var source = input.StartsWith("file:", StringComparison.Ordinal) ? System.IO.File.ReadAllText(input[5..]) : Source(input);
            SyntaxTree tree = null!;
            Time(input, "parse", () => tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), "/nested/Program.cs"));
            Compilation Fresh() => CSharpCompilation.Create(
                "Nested", new[] { tree }, ReferenceSet.Default.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication, concurrentBuild: false));

            // The first bind also pays the JIT of the binder: the second, on a fresh compilation, is the one to compare.
            var errors = 0;
            Time(input, "compiler: GetDiagnostics (a build's bind)", () => errors = Fresh().GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error));
            Time(input, "compiler: GetDiagnostics again", () => Fresh().GetDiagnostics());
            Console.WriteLine($"{input,-14} {errors} compile errors");
            if (only is null)
            {
                Time(input, "semantic model: GetDiagnostics", () => Fresh().GetSemanticModel(tree).GetDiagnostics());
            }

            foreach (var analyzer in AnalyzerCatalog.Analyzers.Prepend(new LiteralAllocationBenchmarks.NoOpLiteralAnalyzer()).Where(a => only is null || a.GetType().Name == only))
            {
                await TimeAsync(input, analyzer.GetType().Name, () => LongConstantBenchmarks.RunAsync(Fresh(), options, ImmutableArray.Create(analyzer)));
            }

            await TimeAsync(input, "every Cadasto analyzer together", () => LongConstantBenchmarks.RunAsync(Fresh(), options, AnalyzerCatalog.Analyzers));
            Time(input, "generator driver", () => CSharpGeneratorDriver.Create(AnalyzerCatalog.Generators.ToArray()).RunGeneratorsAndUpdateCompilation(Fresh(), out _, out _));
        }

        return 0;
    }

    private static void Time(string input, string step, Action action) => TimeAsync(input, step, () => { action(); return Task.FromResult(0); }).GetAwaiter().GetResult();

    private static async Task TimeAsync(string input, string step, Func<Task<int>> action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var count = await action();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        pause = GC.GetTotalPauseDuration() - pause;
        Console.WriteLine($"{input,-14} {step,-48} {cpu.TotalMilliseconds,8:0} ms CPU {watch.Elapsed.TotalMilliseconds,8:0} ms wall {pause.TotalMilliseconds,8:0} ms GC pauses {count,6} findings");
    }
}
