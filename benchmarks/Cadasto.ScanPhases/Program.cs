using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.ScanPhases;

/// <summary>
/// Runs one phase of a scan over a folder, one project at a time (dependency order, project references passed as in a
/// scan), and prints the process CPU time it took beside the load's. Each phase includes the ones before it, so the
/// difference between two runs is what the later phase adds:
/// <list type="bullet">
/// <item><c>load</c>: discovery, read, prefilter, parse, reference selection, compilation (the scan's loader).</item>
/// <item><c>declarations</c>: + the compiler's declaration diagnostics (every signature, using and attribute bound).</item>
/// <item><c>bodies</c>: + the compiler's method-body diagnostics (what the analyzer driver asks for to raise its events).</item>
/// <item><c>driver</c>: + the analyzer driver with one analyzer that subscribes to literals and invocations and does nothing.</item>
/// <item><c>rules</c>: the scan's analysis through Roslyn's analyzer driver (every Cadasto analyzer and the generator, <see cref="Scanner.AnalyzeAsync"/>).</item>
/// <item><c>bind</c>: + the scan's own host (<see cref="LeanAnalyzerHost"/>) with the do-nothing analyzer: the analysed trees' operations bound, nothing else.</item>
/// <item><c>statements</c>: + binding only the statements that hold a string (a bound on a finer prefilter, not a design).</item>
/// <item><c>first</c>: + binding only the first such statement of each project: what binding anything costs a compilation.</item>
/// <item><c>lean</c>: the same analysis through the scan's own host (<see cref="LeanAnalyzerHost"/>: only the analysed trees' operations bound).</item>
/// <item><c>start</c>: each analyzer alone, then all together, on each fourth project's compilation with its user files
/// removed: the fixed cost per compilation (compilation-start actions) that no file pays.</item>
/// </list>
/// </summary>
internal static class Program
{
    private static readonly string[] Phases = { "load", "declarations", "bodies", "driver", "bind", "statements", "first", "rules", "lean", "start" };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || !Phases.Contains(args[1]))
        {
            await Console.Error.WriteLineAsync("usage: Cadasto.ScanPhases <folder> <" + string.Join("|", Phases) + ">").ConfigureAwait(false);
            return 2;
        }

        var phase = args[1];
        var started = Cpu();
        var wall = Stopwatch.StartNew();
        var projects = ProjectDiscovery.Discover(args[0], new List<string>());
        var loader = new SourceOnlyLoader();
        var scanner = new Scanner(new ScanOptions { MaxParallelism = 1 });
        var graph = new ProjectGraph(projects);
        var fixedCost = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        TimeSpan load = TimeSpan.Zero, work = TimeSpan.Zero;
        var perProject = new List<(TimeSpan Time, int Analysed)>();
        var index = 0;
        await graph.RunAsync(
            1,
            async (project, cancellationToken) =>
            {
                var before = Cpu();
                var loaded = loader.Load(project, cancellationToken, graph.ReferencesOf(project));
                graph.Loaded(project, loaded.Compilation);
                var afterLoad = Cpu();
                load += afterLoad - before;
                await RunAsync(phase, loaded, scanner, index++ % 4 == 0 ? fixedCost : null, cancellationToken).ConfigureAwait(false);
                var after = Cpu();
                work += after - afterLoad;
                perProject.Add((after - before, loaded.TreesToAnalyze.Length));
                graph.Analysed(project);
            },
            CancellationToken.None).ConfigureAwait(false);

        var culture = CultureInfo.InvariantCulture;
        var small = perProject.Where(p => p.Analysed <= 5).ToList();
        Console.WriteLine(string.Format(culture, "{0}: {1} projects, {2} analysed files; CPU {3:F2} s (load {4:F2} s, phase {5:F2} s), wall {6:F2} s", phase, projects.Count, perProject.Sum(p => p.Analysed), (Cpu() - started).TotalSeconds, load.TotalSeconds, work.TotalSeconds, wall.Elapsed.TotalSeconds));
        Console.WriteLine(string.Format(culture, "  {0} projects with at most 5 analysed files: {1:F2} s; median project {2:F3} s", small.Count, small.Sum(p => p.Time.TotalSeconds), perProject.Select(p => p.Time.TotalSeconds).OrderBy(t => t).ElementAtOrDefault(perProject.Count / 2)));
        if (Reported.Count > 0)
        {
            var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Reported.Order(StringComparer.Ordinal))));
            Console.WriteLine(string.Format(culture, "  {0} diagnostics kept, digest {1}", Reported.Count, Convert.ToHexString(digest, 0, 8)));
            if (Environment.GetEnvironmentVariable("SCANPHASES_LIST") is { Length: > 0 } list)
            {
                System.IO.File.WriteAllLines(list, Reported.Order(StringComparer.Ordinal));
            }
        }

        if (phase == "lean")
        {
            Console.WriteLine(string.Format(culture, "  {0} compilations left to the driver", LeanAnalyzerHost.Fallbacks));
        }

        foreach (var (analyzer, time) in fixedCost.OrderByDescending(c => c.Value))
        {
            Console.WriteLine(string.Format(culture, "  {0,8:F2} s  {1}", time.TotalSeconds, analyzer));
        }

        return 0;
    }

    private static async Task RunAsync(string phase, LoadedProject loaded, Scanner scanner, Dictionary<string, TimeSpan>? fixedCost, CancellationToken cancellationToken)
    {
        var compilation = loaded.Compilation;
        switch (phase)
        {
            case "declarations":
                compilation.GetDeclarationDiagnostics(cancellationToken);
                break;
            case "bodies":
                compilation.GetDiagnostics(cancellationToken);
                break;
            case "driver":
                await AnalyzeAsync(compilation, loaded.Options, ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer()), cancellationToken).ConfigureAwait(false);
                break;
            case "bind":
                LeanAnalyzerHost.Analyze(compilation, loaded.Options, loaded.TreesToAnalyze, ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer()), (exception, _) => Console.Error.WriteLine(exception.Message), cancellationToken);
                break;
            case "statements" or "first":
                BindStatementsWithStrings(loaded, phase == "first", cancellationToken);
                break;
            case "rules":
                Count(await scanner.AnalyzeAsync(loaded, new ConcurrentBag<string>(), cancellationToken).ConfigureAwait(false));
                break;
            case "lean":
                if (loaded.AdditionalTexts.Length > 0)
                {
                    // As the scan does: the generator's output joins the compilation the analyzers see.
                    CSharpGeneratorDriver.Create(AnalyzerCatalog.Generators, loaded.AdditionalTexts, compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default, loaded.Options.AnalyzerConfigOptionsProvider)
                        .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _, cancellationToken);
                    compilation = (CSharpCompilation)generated;
                }

                Count(LeanAnalyzerHost.Analyze(compilation, loaded.Options, loaded.TreesToAnalyze, AnalyzerCatalog.Analyzers, (exception, analyzer) => Console.Error.WriteLine($"{analyzer.GetType().Name} threw {exception.GetType().Name} (AD0001)"), cancellationToken) ?? ImmutableArray<Diagnostic>.Empty);
                break;
            case "start" when fixedCost is not null:
                // The user's files out, the SDK's global usings in: what a compilation costs the analyzers before any file.
                var usings = compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal)).ToArray();
                foreach (var analyzers in AnalyzerCatalog.Analyzers.Select(ImmutableArray.Create)
                             .Append(ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer()))
                             .Append(AnalyzerCatalog.Analyzers))
                {
                    var empty = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(usings);
                    empty.GetDiagnostics(cancellationToken);
                    var before = Cpu();
                    await AnalyzeAsync(empty, loaded.Options, analyzers, cancellationToken).ConfigureAwait(false);
                    var name = analyzers.Length == 1 ? analyzers[0].GetType().Name : "all of them together";
                    fixedCost[name] = fixedCost.GetValueOrDefault(name) + (Cpu() - before);
                }

                break;
        }
    }

    /// <summary>
    /// A bound, not a design: what binding costs when only the statements that hold a string are bound (the outermost
    /// statement of a body around each string literal or interpolated string, or the initializer or attribute around it).
    /// </summary>
    private static void BindStatementsWithStrings(LoadedProject loaded, bool firstOnly, CancellationToken cancellationToken)
    {
        foreach (var tree in loaded.TreesToAnalyze)
        {
            var model = loaded.Compilation.GetSemanticModel(tree);
            var bound = new HashSet<SyntaxNode>();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not (LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax))
                {
                    continue;
                }

                SyntaxNode? outermost = null;
                for (var current = node.Parent; current is not null; current = current.Parent)
                {
                    if (current is StatementSyntax && current.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax } or GlobalStatementSyntax)
                    {
                        outermost = current;
                        break;
                    }

                    if (current is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } or PropertyDeclarationSyntax or ParameterSyntax or EnumMemberDeclarationSyntax }
                        or AttributeSyntax or ArrowExpressionClauseSyntax or ConstructorInitializerSyntax)
                    {
                        outermost = current;
                        break;
                    }
                }

                if (outermost is not null && bound.Add(outermost))
                {
                    model.GetOperation(outermost, cancellationToken)?.DescendantsAndSelf().Count();
                    if (firstOnly)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static readonly List<string> Reported = new();

    /// <summary>The diagnostics a scan keeps (as <see cref="Scanner.AnalyzeAsync"/> filters them), so two phases can be compared.</summary>
    private static void Count(ImmutableArray<Diagnostic> diagnostics) =>
        Reported.AddRange(diagnostics
            .Where(d => !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden && d.Id != "AD0001")
            .Select(d => string.Join(" ", d.Id, d.Severity, d.Location.GetLineSpan()))
            .Distinct(StringComparer.Ordinal));

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAnalyzerDiagnosticsAsync(cancellationToken);

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The analyzer driver's own cost: subscribes to what the rules subscribe to most, and does nothing.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DoNothingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Nothing = new("PHASE1", "Nothing", "Nothing", "Measurement", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Nothing);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(static _ => { }, OperationKind.Literal, OperationKind.Invocation);
        }
    }
}
