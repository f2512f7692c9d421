using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Cadasto.Analyzers.Tests.Corpus;

/// <summary>
/// The labelled accuracy corpus of the secret rules, one harness and one case format for C# and configuration
/// files: every case in <c>Corpus/*.cases</c> is compiled on its own against the real OAuth libraries and run
/// through the secret rules; a case with a <c>//# file:</c> line is a configuration file instead (an additional
/// file of an empty project, read by CDS1004). Each label (<c>{|CDS1002:…|}</c>) is the rule expected at exactly
/// that span, and any other finding is a false positive. Prints precision and recall per rule and fails below
/// precision 0.98 or recall 0.95.
/// </summary>
public sealed class AccuracyCorpusTests
{
    private const double MinimumPrecision = 0.98;
    private const double MinimumRecall = 0.95;

    private static readonly string[] Rules = { "CDS1001", "CDS1002", "CDS1003", "CDS1004", "CDS1005" };

    private static readonly Regex Label = new(@"\{\|(CDS\d{4}):", RegexOptions.Compiled);

    private readonly ITestOutputHelper _output;

    public AccuracyCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task SecretRules_ShouldMeetPrecisionAndRecall()
    {
        var cases = LoadCases();
        Assert.True(cases.Count >= 200, $"The corpus has {cases.Count} cases; it needs at least 200.");
        var negatives = cases.Count(c => c.Expected.Count == 0);
        Assert.True(negatives * 2 >= cases.Count, $"{negatives} of {cases.Count} cases are negatives; at least half must be.");

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new HardcodedClientSecretAnalyzer(),
            new HardcodedCredentialAnalyzer(),
            new CredentialShapedLiteralAnalyzer(),
            new SecretWrittenToOutputAnalyzer(),
            new SecretInConfigurationFileAnalyzer());

        var outcomes = new ConcurrentBag<(string Rule, string Kind, string Case, string Detail)>();
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, async (testCase, cancellationToken) =>
        {
            var code = testCase.FilePath is null ? testCase.Source : string.Empty;
            var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: testCase.Name + ".cs", cancellationToken: cancellationToken);
            var compilation = CSharpCompilation.Create(
                "Corpus_" + Guid.NewGuid().ToString("N"),
                new[] { tree },
                // A case that uses xUnit is test code: it references the framework, as a test project does.
                code.Contains("Xunit", StringComparison.Ordinal) ? TestReferences.WithRuntime.AddRange(TestReferences.TestFramework) : TestReferences.WithRuntime,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                problems.Add($"{testCase.Name}: does not compile: {errors[0]}");
                return;
            }

            var files = testCase.FilePath is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(testCase.FilePath, SourceText.From(testCase.Source)));
            var options = new AnalyzerOptions(files, TestOptionsProvider.Everywhere(testCase.Options));
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) => problems.Add($"{testCase.Name}: {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
            var actual = (await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken))
                // Secrets only: where a broken file could not be read is CDS1004's other message, not a finding about a value.
                .Where(d => Rules.Contains(d.Id) && !d.Descriptor.Equals(DiagnosticDescriptors.ConfigurationFileNotValidJson))
                .Select(d => (d.Id, d.Location.SourceSpan))
                .ToList();

            var expected = new List<(string Id, TextSpan Span)>(testCase.Expected);
            foreach (var found in actual)
            {
                var text = testCase.Source.Substring(found.SourceSpan.Start, Math.Min(60, found.SourceSpan.Length));
                if (expected.Remove(found))
                {
                    outcomes.Add((found.Id, "TP", testCase.Name, text));
                }
                else
                {
                    outcomes.Add((found.Id, "FP", testCase.Name, text));
                }
            }

            foreach (var missed in expected)
            {
                outcomes.Add((missed.Id, "FN", testCase.Name, testCase.Source.Substring(missed.Span.Start, Math.Min(60, missed.Span.Length))));
            }
        });

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.OrderBy(p => p)));

        var report = new StringBuilder();
        report.AppendLine($"Corpus: {cases.Count} cases ({negatives} without any finding expected), {cases.Sum(c => c.Expected.Count)} labels");
        report.AppendLine("rule    | TP  | FP | FN | precision | recall");
        var failures = new List<string>();
        foreach (var rule in Rules)
        {
            var tally = new CorpusTally(
                outcomes.Count(o => o.Rule == rule && o.Kind == "TP"),
                outcomes.Count(o => o.Rule == rule && o.Kind == "FP"),
                outcomes.Count(o => o.Rule == rule && o.Kind == "FN"));
            var (tp, fp, fn, precision, recall) = (tally.TruePositives, tally.FalsePositives, tally.FalseNegatives, tally.Precision, tally.Recall);
            report.AppendLine($"{rule} | {tp,3} | {fp,2} | {fn,2} | {precision,9:0.000} | {recall,6:0.000}");
            if (tp + fn == 0)
            {
                failures.Add($"{rule} has no labelled case");
            }

            if (precision < MinimumPrecision || recall < MinimumRecall)
            {
                failures.Add($"{rule}: precision {precision:0.000}, recall {recall:0.000}");
            }
        }

        // Per file as well: a held-out batch is reported on its own (its first run is the honest estimate).
        foreach (var file in outcomes.Select(o => FileOf(o.Case)).Distinct().OrderBy(f => f, StringComparer.Ordinal))
        {
            var parts = Rules.Select(rule =>
            {
                var inFile = outcomes.Where(o => o.Rule == rule && FileOf(o.Case) == file).ToList();
                return $"{rule} TP {inFile.Count(o => o.Kind == "TP")} FP {inFile.Count(o => o.Kind == "FP")} FN {inFile.Count(o => o.Kind == "FN")}";
            });
            report.AppendLine($"  [{file}] {string.Join(" | ", parts)}");
        }

        foreach (var miss in outcomes.Where(o => o.Kind != "TP").OrderBy(o => o.Case))
        {
            report.AppendLine($"  {miss.Kind} {miss.Rule} in {miss.Case}: {miss.Detail}");
        }

        _output.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures) + Environment.NewLine + report);
    }

    private static string FileOf(string caseName) => caseName.Substring(0, caseName.IndexOf('/'));

    /// <summary>A case: C# <paramref name="Source"/>, or, with <paramref name="FilePath"/>, the text of that configuration file.</summary>
    private sealed record CorpusCase(string Name, string Source, IReadOnlyList<(string Id, TextSpan Span)> Expected, IReadOnlyDictionary<string, string> Options, string? FilePath);

    /// <summary>
    /// Reads <c>*.cases</c>: cases start with <c>//# case: name</c>; <c>//# option: key = value</c> lines set
    /// <c>.globalconfig</c> options for the case; a <c>//# file: appsettings.json</c> line makes the case's text that
    /// configuration file (its name decides whether the rule reads it) rather than C#; labels are <c>{|CDSnnnn:text|}</c>
    /// (not nested). Lines before the first case (where the batch came from) are comments.
    /// </summary>
    private static List<CorpusCase> LoadCases()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var cases = new List<CorpusCase>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            var prefix = Path.GetFileNameWithoutExtension(file);
            string? name = null;
            var body = new StringBuilder();
            var options = new Dictionary<string, string>();
            string? fileName = null;
            foreach (var line in File.ReadLines(file).Append("//# case: <end>"))
            {
                if (line.StartsWith("//# case:", StringComparison.Ordinal))
                {
                    if (name is not null)
                    {
                        cases.Add(fileName is null
                            ? Parse(prefix + "/" + name, body.ToString(), options, null)
                            : Parse(prefix + "/" + name, body.ToString().Trim(), options, "/corpus/" + prefix + "/" + name + "/" + fileName));
                    }

                    name = line.Substring("//# case:".Length).Trim();
                    body.Clear();
                    options = new Dictionary<string, string>();
                    fileName = null;
                    continue;
                }

                if (line.StartsWith("//# file:", StringComparison.Ordinal))
                {
                    fileName = line.Substring("//# file:".Length).Trim();
                    continue;
                }

                if (line.StartsWith("//# option:", StringComparison.Ordinal))
                {
                    var option = line.Substring("//# option:".Length);
                    var equals = option.IndexOf('=');
                    options[option.Substring(0, equals).Trim()] = option.Substring(equals + 1).Trim();
                    continue;
                }

                if (name is not null)
                {
                    body.AppendLine(line);
                }
            }
        }

        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        return cases;
    }

    private static CorpusCase Parse(string name, string markup, Dictionary<string, string> options, string? filePath)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var position = 0;
        while (true)
        {
            var match = Label.Match(markup, position);
            if (!match.Success)
            {
                source.Append(markup, position, markup.Length - position);
                break;
            }

            source.Append(markup, position, match.Index - position);
            var start = source.Length;
            var close = markup.IndexOf("|}", match.Index + match.Length, StringComparison.Ordinal);
            Assert.True(close > 0, $"{name}: unclosed label");
            source.Append(markup, match.Index + match.Length, close - match.Index - match.Length);
            expected.Add((match.Groups[1].Value, TextSpan.FromBounds(start, source.Length)));
            position = close + 2;
        }

        return new CorpusCase(name, source.ToString(), expected, options, filePath);
    }
}
