using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Cadasto.Analyzers.Tests.Configuration;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>
/// The manifest robustness mutations (truncations, deletions, wrong types, deep nesting, huge strings…)
/// through the generator: it never throws, reports nothing but the manifest's own findings (CDS9001–CDS9003),
/// generates nothing when one of them says a value is wrong, and whatever it generates compiles.
/// </summary>
public sealed class CredentialsGeneratorRobustnessTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedManifests_NeverCrashTheGenerator_AndWhatIsGeneratedCompiles()
    {
        var texts = ManifestRobustnessTests.Mutations(ManifestParserTests.SpecExample, ManifestRobustnessTests.PublicClient, Manifests.AllStores).ToList();
        var compilation = GeneratorHarness.Compilation();
        var generated = new Dictionary<string, string>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var nothingGenerated = 0;

        foreach (var text in texts)
        {
            var driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Manifest(text.ToString()) }).RunGenerators(compilation);
            var result = driver.GetRunResult().Results.Single();
            Assert.True(result.Exception is null, result.Exception?.ToString());
            Assert.All(result.Diagnostics, d => Assert.Contains(d.Id, new[] { "CDS9001", "CDS9002", "CDS9003" }));
            Assert.True(
                result.GeneratedSources.IsEmpty || !result.Diagnostics.Any(d => d.Id is "CDS9001" or "CDS9003"),
                "generated from a manifest with a wrong value: " + string.Join("; ", result.Diagnostics));
            if (result.GeneratedSources.IsEmpty)
            {
                nothingGenerated++;
            }
            else
            {
                generated.TryAdd(GeneratorHarness.Render(result), text.ToString());
            }
        }

        var generation = stopwatch.ElapsedMilliseconds;

        // Distinct outputs, each in its own namespace, compiled together: one compilation instead of hundreds.
        // Compiling all of them costs a minute on this machine; an even spread of at most 120 keeps the
        // variety (every kind of mutation that still generates) at a tenth of the cost.
        var sample = generated.Values.Where((_, i) => i % Math.Max(1, generated.Count / 120) == 0).ToList();
        var trees = new List<SyntaxTree>();
        var index = 0;
        foreach (var manifest in sample)
        {
            var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Mutation" + index++ };
            GeneratorHarness.Driver(new[] { GeneratorHarness.Manifest(manifest) }, options)
                .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
            trees.AddRange(withGenerated.SyntaxTrees.Skip(compilation.SyntaxTrees.Length));
        }

        var all = compilation.AddSyntaxTrees(trees);
        var errors = all.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(sample.Count, trees.Count(t => t.FilePath.EndsWith("CadastoCredentials.g.cs", StringComparison.Ordinal)));

        output.WriteLine($"{texts.Count} mutated manifests in {generation} ms: {nothingGenerated} generated nothing, {generated.Count} distinct outputs, {sample.Count} of them compiled ({stopwatch.ElapsedMilliseconds} ms in all)");
        Assert.True(texts.Count >= 3000, $"only {texts.Count} mutations");
        Assert.True(nothingGenerated > 0 && generated.Count > 10, "the mutations must exercise both outcomes");
    }
}
