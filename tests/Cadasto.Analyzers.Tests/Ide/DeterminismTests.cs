using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Tests.Ide;

/// <summary>
/// SPEC: the same input gives the same messages, locations and fingerprints in every build, concurrent
/// analysis included. Several builds with concurrent execution, live analysis in opposite document orders,
/// and the scanner's fingerprints over the same solution written to disk.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private const int Runs = 6;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cadasto-determinism", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RepeatedConcurrentBuilds_ShouldGiveTheSameFindings()
    {
        using var ide = IdeSolution.Create(IdeSolutions.Api(), IdeSolutions.Worker(), IdeSolutions.Wasm());
        var runs = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            // Every build in parallel with the others, and each one's analyzers concurrent (the analyzers enable it).
            var builds = await Task.WhenAll(ide.Solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => Task.Run(() => IdeSolution.BuildAsync(p, concurrent: true))));
            runs.Add(string.Join(Environment.NewLine, builds.SelectMany(b => b).Select(IdeSolution.Describe)));
        }

        Assert.Contains("CDS1001", runs[0], StringComparison.Ordinal);
        Assert.All(runs, run => Assert.Equal(runs[0], run));
    }

    [Fact]
    public async Task LiveAnalysisInAnyDocumentOrder_ShouldGiveTheSameFindings()
    {
        using var ide = IdeSolution.Create(IdeSolutions.Api());
        var project = ide.Project("Api");
        var documents = project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();

        async Task<string> LiveAsync(IEnumerable<Document> order)
        {
            // One session for all documents, as an editor holds one per project: what one document's analysis
            // claims must not change what another's shows.
            var session = await IdeSolution.SessionAsync(project);
            var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var document in order)
            {
                found[document.FilePath!] = string.Join(Environment.NewLine, (await IdeSolution.LiveAsync(session, document)).Select(IdeSolution.Describe));
            }

            return string.Join(Environment.NewLine, found.Values);
        }

        var forward = await LiveAsync(documents);
        var backward = await LiveAsync(Enumerable.Reverse(documents));
        var twice = await LiveAsync(documents.Concat(documents));
        Assert.Contains("CDS1001", forward, StringComparison.Ordinal);
        Assert.Equal(forward, backward);
        Assert.Equal(forward, twice);
    }

    [Fact]
    public async Task ScannerFingerprints_ShouldBeTheSameInEveryRun()
    {
        foreach (var project in new[] { IdeSolutions.Api(), IdeSolutions.Worker() })
        {
            var folder = Path.Combine(_root, project.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, project.Name + ".csproj"), """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" />
                    <PackageReference Include="Duende.IdentityModel" Version="8.1.0" />
                  </ItemGroup>
                </Project>
                """);
            foreach (var (name, text) in project.Documents.Concat(project.AdditionalFiles))
            {
                var path = Path.Combine(folder, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Unmark(text));
            }
        }

        var runs = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var result = await new Scanner(new ScanOptions { MaxParallelism = 4 }).ScanAsync(_root);
            runs.Add(string.Join(Environment.NewLine, result.Findings.Select(f => $"{f.RuleId} {f.Path}:{f.StartLine}:{f.StartColumn} {f.Message} {f.Fingerprint}")));
        }

        Assert.Contains("CDS1001", runs[0], StringComparison.Ordinal);
        Assert.All(runs, run => Assert.Equal(runs[0], run));
    }

    private static string Unmark(string markup) => Regex.Replace(Regex.Replace(markup, @"\{\|[A-Z0-9]+:", string.Empty), @"\|\}", string.Empty);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
