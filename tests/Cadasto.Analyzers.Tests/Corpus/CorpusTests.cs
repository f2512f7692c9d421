using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Rules.Scopes;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Cadasto.Analyzers.Tests.Corpus;

/// <summary>
/// The labelled corpus of every code and configuration rule: one harness, one case format (<see cref="CorpusCase"/>).
/// Each case of <c>Corpus/*.cases</c> is compiled on its own against the real OAuth libraries (and the authorization
/// servers' stand-ins), with its additional files, and run through the analyzers of the rules its file is labelled for.
/// A finding counts when its rule, file and exact span match a label (by line in a shared manifest); any other finding
/// of those rules is a false positive. Prints precision and recall per rule and per file, and fails below precision
/// 0.98 or recall 0.95 for any rule.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.98;
    private const double MinimumRecall = 0.95;

    /// <summary>The analyzers of the labelled rules (the manifest rules CDS900x have their own tests).</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new HardcodedClientSecretAnalyzer(),
        new HardcodedCredentialAnalyzer(),
        new CredentialShapedLiteralAnalyzer(),
        new SecretInConfigurationFileAnalyzer(),
        new SecretWrittenToOutputAnalyzer(),
        new SecretInPublicClientAnalyzer(),
        new ImplicitGrantAnalyzer(),
        new PasswordGrantAnalyzer(),
        new MissingPkceAnalyzer(),
        new UndeclaredFlowAnalyzer(),
        new UnregisteredRedirectUriAnalyzer(),
        new InsecureRedirectUriAnalyzer(),
        new RedirectUriForMachineClientAnalyzer(),
        new UndeclaredScopeAnalyzer(),
        new UnusedScopeAnalyzer());

    [Fact]
    public async Task EveryRule_ShouldMeetPrecisionAndRecall_OnTheLabelledCorpus()
    {
        var cases = CorpusCase.LoadAll(Path.Combine(AppContext.BaseDirectory, "Corpus"));
        Assert.True(cases.Count >= 900, $"The corpus has {cases.Count} cases; it needs at least 900.");
        var negatives = cases.Count(c => c.Expected.Count == 0);
        Assert.True(negatives * 2 >= cases.Count, $"{negatives} of {cases.Count} cases are negatives; at least half must be.");

        var outcomes = new ConcurrentBag<(string Rule, string Kind, string File, string Case, string Detail)>();
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, async (corpusCase, cancellationToken) =>
        {
            var name = corpusCase.File + "/" + corpusCase.Name;
            var folder = "/corpus/" + name + "/";
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(corpusCase.Code, parseOptions, path: folder + corpusCase.CodeFile, cancellationToken: cancellationToken),
                // Authorization-server packages the mirror does not serve, as stand-ins with their real names (no findings of their own).
                CSharpSyntaxTree.ParseText(AuthorizationServerStandIns.Source, parseOptions, path: "/corpus/AuthorizationServerStandIns.cs", cancellationToken: cancellationToken),
            };
            var compilation = CSharpCompilation.Create(
                "Corpus_" + Guid.NewGuid().ToString("N"),
                trees,
                // A case that uses xUnit is test code: it references the framework, as a test project does.
                corpusCase.Code.Contains("Xunit", StringComparison.Ordinal) ? TestReferences.WithRuntime.AddRange(TestReferences.TestFramework) : TestReferences.WithRuntime,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                problems.Add($"{name}: does not compile: {errors[0]}");
                return;
            }

            var files = corpusCase.Files
                .Select(f => (AdditionalText)new InMemoryAdditionalText(folder + f.Key, SourceText.From(f.Value)))
                .ToImmutableArray();
            var analyzers = Analyzers.Where(a => a.SupportedDiagnostics.Any(d => corpusCase.Rules.Contains(d.Id))).ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files, TestOptionsProvider.Everywhere(corpusCase.Options)),
                onAnalyzerException: (exception, analyzer, _) => problems.Add($"{name}: {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
            var actual = (await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken))
                // Where a broken file could not be read is CDS1004's other message, not a finding about a value.
                .Where(d => corpusCase.Rules.Contains(d.Id) && !d.Descriptor.Equals(DiagnosticDescriptors.ConfigurationFileNotValidJson))
                .Select(d => Key(d, corpusCase))
                .ToHashSet();

            foreach (var finding in actual.Union(corpusCase.Expected))
            {
                var kind = (corpusCase.Expected.Contains(finding), actual.Contains(finding)) switch
                {
                    (true, true) => "TP",
                    (false, true) => "FP",
                    _ => "FN",
                };
                outcomes.Add((finding.Id, kind, corpusCase.File, name, finding.ToString()));
            }
        });

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.OrderBy(p => p, StringComparer.Ordinal)));

        var rules = cases.SelectMany(c => c.Rules).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        var report = new StringBuilder();
        report.AppendLine($"Corpus: {cases.Count} cases ({negatives} without any finding expected), {cases.Sum(c => c.Expected.Count)} labels");
        report.AppendLine("rule    | TP  | FP | FN | precision | recall");
        var failures = new List<string>();
        foreach (var rule in rules)
        {
            var tally = Tally(outcomes.Where(o => o.Rule == rule));
            report.AppendLine($"{rule} | {tally.TruePositives,3} | {tally.FalsePositives,2} | {tally.FalseNegatives,2} | {tally.Precision,9:0.000} | {tally.Recall,6:0.000}");
            if (tally.TruePositives + tally.FalseNegatives == 0)
            {
                failures.Add($"{rule} has no labelled case");
            }

            if (tally.Precision < MinimumPrecision || tally.Recall < MinimumRecall)
            {
                failures.Add($"{rule}: precision {tally.Precision:0.000}, recall {tally.Recall:0.000}");
            }
        }

        // Per file as well: a batch added later is reported on its own (its first run is the honest estimate).
        foreach (var file in cases.Select(c => c.File).Distinct().OrderBy(f => f, StringComparer.Ordinal))
        {
            var inFile = outcomes.Where(o => o.File == file).ToList();
            report.AppendLine($"  [{file}] {cases.Count(c => c.File == file)} cases; " + string.Join(" | ",
                inFile.Select(o => o.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal).Select(rule => $"{rule} {Tally(inFile.Where(o => o.Rule == rule))}")));
        }

        foreach (var miss in outcomes.Where(o => o.Kind != "TP").OrderBy(o => o.Case, StringComparer.Ordinal))
        {
            report.AppendLine($"  {miss.Kind} {miss.Rule} in {miss.Case}: {miss.Detail}");
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures) + Environment.NewLine + report);
    }

    private static CorpusTally Tally(IEnumerable<(string Rule, string Kind, string File, string Case, string Detail)> outcomes)
    {
        var list = outcomes.ToList();
        return new CorpusTally(list.Count(o => o.Kind == "TP"), list.Count(o => o.Kind == "FP"), list.Count(o => o.Kind == "FN"));
    }

    /// <summary>A reported finding as the case's labels spell it: by span, or by line in the shared manifest.</summary>
    private static CorpusFinding Key(Diagnostic diagnostic, CorpusCase corpusCase)
    {
        var file = Path.GetFileName(diagnostic.Location.GetLineSpan().Path);
        return corpusCase.Manifest is not null && file == "cadasto.json"
            ? CorpusFinding.AtLine(diagnostic.Id, file, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1)
            : CorpusFinding.AtSpan(diagnostic.Id, file, diagnostic.Location.SourceSpan);
    }
}
