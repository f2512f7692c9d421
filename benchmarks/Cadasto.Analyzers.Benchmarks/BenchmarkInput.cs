using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// The code a benchmark compiles: the generator's realistic C# (default), or every <c>.cs</c> file of a
/// folder (<c>CADASTO_BENCH_FOLDER</c> or <c>--folder</c>), as one compilation against the shipped
/// reference set, with the folder's AdditionalFiles and options as the source-only loader gives them.
/// </summary>
public sealed class BenchmarkInput
{
    private BenchmarkInput(string description, ImmutableArray<(string Path, SourceText Text)> sources, CSharpParseOptions parseOptions, CSharpCompilationOptions compilationOptions, AnalyzerOptions analyzerOptions, ImmutableArray<MetadataReference> references)
    {
        Description = description;
        Sources = sources;
        ParseOptions = parseOptions;
        CompilationOptions = compilationOptions;
        AnalyzerOptions = analyzerOptions;
        References = references;
    }

    public string Description { get; }

    public ImmutableArray<(string Path, SourceText Text)> Sources { get; }

    public CSharpParseOptions ParseOptions { get; }

    public CSharpCompilationOptions CompilationOptions { get; }

    public AnalyzerOptions AnalyzerOptions { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public int Lines => Sources.Sum(s => s.Text.Lines.Count);

    public static BenchmarkInput FromEnvironment(int generatedLines = 100_000)
    {
        var folder = Environment.GetEnvironmentVariable("CADASTO_BENCH_FOLDER");
        return string.IsNullOrWhiteSpace(folder) ? Generated(generatedLines) : Folder(folder);
    }

    public static BenchmarkInput Generated(int lines)
    {
        var files = RealisticCodeGenerator.Generate(lines);
        var sources = files.Select(f => ("/generated/" + f.Name, SourceText.From(f.Text))).ToImmutableArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: new[] { "NET", "NET10_0", "NET10_0_OR_GREATER" });
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, concurrentBuild: false);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        return new BenchmarkInput($"generated realistic C# ({files.Count} files)", sources, parseOptions, options, analyzerOptions, ReferenceSet.Default.All);
    }

    public static BenchmarkInput Folder(string folder)
    {
        var projects = ProjectDiscovery.Discover(folder);
        var loader = new SourceOnlyLoader(prefilter: false);
        // One compilation of the folder: the biggest project (a folder like Src/Newtonsoft.Json is one project).
        var project = projects.OrderByDescending(p => p.SourceFiles.Count).First();
        var loaded = loader.Load(project);
        var trees = loaded.Compilation.SyntaxTrees;
        var sources = trees.Select(t => (t.FilePath, t.GetText())).ToImmutableArray();
        var parseOptions = (CSharpParseOptions)trees[0].Options;
        return new BenchmarkInput(
            $"{Path.GetFullPath(folder)} (project {project.Name}, {trees.Length} files)",
            sources,
            parseOptions,
            loaded.Compilation.Options.WithConcurrentBuild(false),
            loaded.Options,
            loaded.Compilation.References.ToImmutableArray());
    }

    /// <summary>Parses the sources afresh and creates the compilation (nothing bound yet).</summary>
    public CSharpCompilation CreateCompilation()
    {
        var trees = Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToList();
        return CSharpCompilation.Create("Benchmark", trees, References, CompilationOptions);
    }
}
