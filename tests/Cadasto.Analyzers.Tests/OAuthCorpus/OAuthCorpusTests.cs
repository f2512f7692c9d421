using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Rules.Scopes;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Cadasto.Analyzers.Tests.OAuthCorpus;

/// <summary>
/// Runs the OAuth rules over the labelled corpus (<c>*.cases</c> beside this file) and measures
/// precision and recall per family: flows (CDS2xxx), redirect URIs (CDS3xxx), scopes (CDS4xxx).
/// A finding counts when its rule id, file and start line match a label. Every case must compile.
/// </summary>
public sealed class OAuthCorpusTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.97;
    private const double MinimumRecall = 0.95;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
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
    public async Task CorpusMeetsPrecisionAndRecallPerFamily()
    {
        var cases = CorpusCase.LoadAll(CorpusFolder());
        Assert.True(cases.Count >= 120, $"The corpus has {cases.Count} cases; it needs at least 120.");
        var negatives = cases.Count(c => c.Expected.Count == 0);
        Assert.True(negatives * 2 >= cases.Count, $"{negatives} of {cases.Count} cases are negatives; at least half must be.");

        var counts = new Dictionary<string, CorpusTally>
        {
            ["flows"] = default, ["redirects"] = default, ["scopes"] = default,
        };
        // The same counts per file too: a held-out batch is measured on its own (docs/accuracy.md).
        var perFile = new SortedDictionary<string, CorpusTally>(StringComparer.Ordinal);
        var report = new StringBuilder();
        var compileErrors = new List<string>();
        foreach (var corpusCase in cases)
        {
            var actual = await RunAsync(corpusCase, compileErrors);
            foreach (var finding in actual.Union(corpusCase.Expected))
            {
                var family = Family(finding.Id);
                var expected = corpusCase.Expected.Contains(finding);
                var found = actual.Contains(finding);
                counts[family] = counts[family].Count(expected, found);
                var key = corpusCase.SourceFile + " " + family;
                perFile[key] = (perFile.TryGetValue(key, out var current) ? current : default).Count(expected, found);
                if (expected != found)
                {
                    report.AppendLine($"  {(found ? "false positive" : "missed")}: {corpusCase.Name} {finding}");
                }
            }
        }

        Assert.True(compileErrors.Count == 0, "Cases that do not compile:" + Environment.NewLine + string.Join(Environment.NewLine, compileErrors));
        output.WriteLine($"{cases.Count} cases, {negatives} negatives");
        var failures = new List<string>();
        foreach (var (family, tally) in counts)
        {
            var (precision, recall) = (tally.Precision, tally.Recall);
            output.WriteLine($"{family,-10} precision {precision:0.000} recall {recall:0.000} ({tally})");
            Assert.True(tally.TruePositives > 0, $"The {family} family has no labelled finding.");
            if (precision < MinimumPrecision || recall < MinimumRecall)
            {
                failures.Add($"{family}: precision {precision:0.000}, recall {recall:0.000}");
            }
        }

        foreach (var (key, tally) in perFile)
        {
            output.WriteLine($"  {key,-36} {tally}");
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures) + Environment.NewLine + report);
    }

    private static string Family(string id) => id[3] switch
    {
        '2' => "flows",
        '3' => "redirects",
        _ => "scopes",
    };

    private static async Task<HashSet<Finding>> RunAsync(CorpusCase corpusCase, List<string> compileErrors)
    {
        var tree = CSharpSyntaxTree.ParseText(corpusCase.Code, new CSharpParseOptions(LanguageVersion.Latest), path: "/corpus/Program.cs");

        // Authorization-server packages the mirror does not serve, as stand-ins with their real names (no findings of their own).
        var standIns = CSharpSyntaxTree.ParseText(AuthorizationServerStandIns.Source, new CSharpParseOptions(LanguageVersion.Latest), path: "/corpus/AuthorizationServerStandIns.cs");
        var compilation = CSharpCompilation.Create(
            "Corpus_" + corpusCase.Name.Replace('-', '_'),
            new[] { tree, standIns },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            compileErrors.Add($"{corpusCase.Name}: {string.Join("; ", errors.Take(3))}");
        }

        var additionalFiles = corpusCase.Files.Select(f => (AdditionalText)new InMemoryAdditionalText("/corpus/" + f.Key, f.Value)).ToImmutableArray();
        var options = new AnalyzerOptions(additionalFiles, new TestOptionsProvider(corpusCase.GlobalOptions));
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, $"Case {corpusCase.Name}: an analyzer threw: {string.Join("; ", crashes)}");

        return diagnostics
            .Where(d => d.Id.StartsWith("CDS", StringComparison.Ordinal))
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return new Finding(d.Id, Path.GetFileName(span.Path), span.StartLinePosition.Line + 1);
            })
            .ToHashSet();
    }

    private static string CorpusFolder()
    {
        var root = typeof(OAuthCorpusTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return Path.Combine(root, "tests", "Cadasto.Analyzers.Tests", "OAuthCorpus");
    }
}

/// <summary>A finding: rule id, file name and 1-based start line.</summary>
public readonly record struct Finding(string Id, string File, int Line)
{
    public override string ToString() => $"{Id} at {File}:{Line}";
}

/// <summary>
/// One labelled case of a <c>*.cases</c> file:
/// <code>
/// // ===== case: name
/// // config: build_property.UseWPF = true        (any number; .globalconfig lines)
/// // manifest: portal                             (manifests/portal.json as cadasto.json)
/// // file: appsettings.json                       (the lines up to "// end file" are its text)
/// // expect-in: cadasto.json:7:CDS3002            (a finding in an additional file)
/// C# code; a line that must carry findings ends with  // expect: CDS2001[, CDS2004]
/// </code>
/// </summary>
public sealed class CorpusCase
{
    private CorpusCase(string file, string name, string code, ImmutableDictionary<string, string> globalOptions, ImmutableDictionary<string, string> files, HashSet<Finding> expected)
    {
        SourceFile = file;
        Name = name;
        Code = code;
        GlobalOptions = globalOptions;
        Files = files;
        Expected = expected;
    }

    /// <summary>The <c>*.cases</c> file the case comes from.</summary>
    public string SourceFile { get; }

    public string Name { get; }

    public string Code { get; }

    public ImmutableDictionary<string, string> GlobalOptions { get; }

    public ImmutableDictionary<string, string> Files { get; }

    public HashSet<Finding> Expected { get; }

    public static List<CorpusCase> LoadAll(string folder)
    {
        var cases = new List<CorpusCase>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            var start = -1;
            for (var i = 0; i <= lines.Length; i++)
            {
                if (i == lines.Length || lines[i].StartsWith("// ===== case:", StringComparison.Ordinal))
                {
                    if (start >= 0)
                    {
                        cases.Add(Parse(folder, Path.GetFileName(file), lines[start].Substring("// ===== case:".Length).Trim(), lines.Skip(start + 1).Take(i - start - 1).ToList()));
                    }

                    start = i;
                }
            }
        }

        var duplicates = cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate case names: " + string.Join(", ", duplicates));
        return cases;
    }

    private static CorpusCase Parse(string folder, string file, string name, List<string> lines)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>();
        var files = ImmutableDictionary.CreateBuilder<string, string>();
        var expected = new HashSet<Finding>();
        var code = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("// config:", StringComparison.Ordinal))
            {
                var setting = line.Substring("// config:".Length).Split('=', 2);
                options[setting[0].Trim()] = setting[1].Trim();
            }
            else if (line.StartsWith("// manifest:", StringComparison.Ordinal))
            {
                files["cadasto.json"] = File.ReadAllText(Path.Combine(folder, "manifests", line.Substring("// manifest:".Length).Trim() + ".json"));
            }
            else if (line.StartsWith("// file:", StringComparison.Ordinal))
            {
                var fileName = line.Substring("// file:".Length).Trim();
                var text = new StringBuilder();
                for (i++; i < lines.Count && lines[i] != "// end file"; i++)
                {
                    text.AppendLine(lines[i]);
                }

                files[fileName] = text.ToString();
            }
            else if (line.StartsWith("// expect-in:", StringComparison.Ordinal))
            {
                var parts = line.Substring("// expect-in:".Length).Trim().Split(':');
                expected.Add(new Finding(parts[2].Trim(), parts[0].Trim(), int.Parse(parts[1])));
            }
            else
            {
                code.Add(line);
                var marker = line.IndexOf("// expect:", StringComparison.Ordinal);
                if (marker >= 0)
                {
                    foreach (var id in line.Substring(marker + "// expect:".Length).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        expected.Add(new Finding(id, "Program.cs", code.Count));
                    }
                }
            }
        }

        return new CorpusCase(file, name, string.Join("\n", code), options.ToImmutable(), files.ToImmutable(), expected);
    }
}
