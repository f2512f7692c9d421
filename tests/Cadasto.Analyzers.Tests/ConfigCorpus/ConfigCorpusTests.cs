using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Cadasto.Analyzers.Tests.ConfigCorpus;

/// <summary>
/// The labelled corpus of configuration files for CDS1004: every <c>### case</c> of <c>ConfigCorpus/*.cases</c>
/// is one file (its name decides whether the rule reads it), labels <c>{|CDS1004:…|}</c> mark the exact values
/// the rule must report, and any other finding is a false positive. Prints precision and recall and fails
/// below precision 0.98 or recall 0.95 (the bar of the secret rules' corpus).
/// </summary>
public sealed class ConfigCorpusTests
{
    private const double MinimumPrecision = 0.98;
    private const double MinimumRecall = 0.95;
    private const string Open = "{|CDS1004:";
    private const string Close = "|}";

    private readonly ITestOutputHelper _output;

    public ConfigCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task SecretInConfigurationFile_ShouldMeetPrecisionAndRecall()
    {
        var cases = LoadCases();
        Assert.True(cases.Count >= 60, $"only {cases.Count} cases");
        var negatives = cases.Count(c => c.Expected.Count == 0);
        Assert.True(negatives * 2 >= cases.Count, $"{negatives} of {cases.Count} cases are negatives; at least half must be");

        var files = cases.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, SourceText.From(c.Text))).ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "ConfigCorpus",
            new[] { CSharpSyntaxTree.ParseText("class Program { static void Main() { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var exceptions = new List<string>();
        var diagnostics = await compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SecretInConfigurationFileAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(files), (e, _, _) => exceptions.Add(e.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);

        // Secrets only: where a broken file could not be read is CDS1004's other message, not a finding about a value.
        var actual = diagnostics.Where(d => d.Id == "CDS1004" && !d.Descriptor.Equals(DiagnosticDescriptors.ConfigurationFileNotValidJson)).Select(d => (Path: d.Location.GetLineSpan().Path, Span: d.Location.SourceSpan)).ToHashSet();
        var total = default(CorpusTally);
        var perBatch = new SortedDictionary<string, CorpusTally>(StringComparer.Ordinal);
        foreach (var testCase in cases)
        {
            var batch = perBatch.TryGetValue(testCase.Batch, out var current) ? current : default;
            var found = actual.Where(a => a.Path == testCase.Path).Select(a => a.Span).ToHashSet();
            foreach (var span in found.Union(testCase.Expected))
            {
                var expected = testCase.Expected.Contains(span);
                var isFound = found.Contains(span);
                total = total.Count(expected, isFound);
                batch = batch.Count(expected, isFound);
                if (expected != isFound)
                {
                    _output.WriteLine($"{(isFound ? "false positive" : "false negative")}  {testCase.Name}: {testCase.Text.Substring(span.Start, Math.Min(span.Length, 60))}");
                }
            }

            perBatch[testCase.Batch] = batch;
        }

        var (precision, recall) = (total.Precision, total.Recall);
        _output.WriteLine($"CDS1004: {cases.Count} files ({negatives} without a secret), {total.TruePositives + total.FalseNegatives} labelled values: {total}, precision {precision:F3}, recall {recall:F3}");

        foreach (var batch in perBatch)
        {
            // A held-out batch is reported on its own: its first run is the honest estimate.
            _output.WriteLine($"  [{batch.Key}] {batch.Value}");
        }

        Assert.True(precision >= MinimumPrecision, $"precision {precision:F3} < {MinimumPrecision}");
        Assert.True(recall >= MinimumRecall, $"recall {recall:F3} < {MinimumRecall}");
    }

    private sealed record Case(string Name, string Path, string Text, HashSet<TextSpan> Expected, string Batch);

    private static List<Case> LoadCases()
    {
        var root = typeof(ConfigCorpusTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var folder = Path.Combine(root, "tests", "Cadasto.Analyzers.Tests", "ConfigCorpus");
        var cases = new List<Case>();
        foreach (var file in Directory.GetFiles(folder, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            string? header = null;
            var body = new StringBuilder();
            foreach (var line in File.ReadAllLines(file).Append("### end"))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    if (header is not null)
                    {
                        cases.Add(Parse(header, body.ToString().Trim(), Path.GetFileNameWithoutExtension(file)));
                    }

                    header = line;
                    body.Clear();
                }
                else if (header is not null)
                {
                    body.Append(line).Append('\n');
                }
            }
        }

        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        return cases;
    }

    /// <summary><c>### case: NAME | file: PATH</c>, then the file's text with its labels.</summary>
    private static Case Parse(string header, string marked, string batch)
    {
        var parts = header.Substring("### case:".Length).Split('|');
        var name = parts[0].Trim();
        var path = "/corpus/" + name + "/" + parts[1].Trim().Substring("file:".Length).Trim();

        var text = new StringBuilder();
        var expected = new HashSet<TextSpan>();
        var position = 0;
        while (true)
        {
            var open = marked.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(marked, position, marked.Length - position);
                break;
            }

            var close = marked.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            text.Append(marked, position, open - position);
            var start = text.Length;
            text.Append(marked, open + Open.Length, close - open - Open.Length);
            expected.Add(TextSpan.FromBounds(start, text.Length));
            position = close + Close.Length;
        }

        return new Case(name, path, text.ToString(), expected, batch);
    }
}
