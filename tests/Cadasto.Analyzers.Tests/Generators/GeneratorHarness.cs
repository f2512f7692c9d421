using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Generators.Credentials;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>
/// Runs <see cref="CredentialsGenerator"/> the way the compiler does: a C# compilation (with or without
/// the real Cadasto.Credentials assembly), additional files, and build properties as global options.
/// Step tracking is on, so tests can read each named step's reason.
/// </summary>
internal static class GeneratorHarness
{
    public const string DefaultProgram = "namespace Sample { public static class Program { public static void Main() { } } }";

    /// <summary>The real runtime library the generated code calls.</summary>
    public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(Cadasto.Credentials.SecretValue).Assembly.Location);

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new(version);

    public static CSharpCompilation Compilation(
        string source = DefaultProgram,
        bool referenceRuntime = true,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<string>? moreSources = null)
    {
        var parseOptions = ParseOptions(languageVersion);
        var trees = new[] { source }.Concat(moreSources ?? Array.Empty<string>())
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/src/File{i}.cs"));
        // The shared reference set may carry the runtime library already: the harness alone decides.
        var references = TestReferences.All.Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.Display), CredentialsParser.RuntimeAssemblyName, StringComparison.OrdinalIgnoreCase));
        if (referenceRuntime)
        {
            references = references.Append(RuntimeReference);
        }

        return CSharpCompilation.Create(
            "Sample",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // What the SDK passes too: the runtime library is built against 8.0 abstractions, the reference pack has newer ones.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    public static GeneratorDriver Driver(
        IEnumerable<AdditionalText> additionalTexts,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IReadOnlyDictionary<string, string>? additionalFileOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new CredentialsGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions(languageVersion),
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample" }, additionalFiles: additionalFileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The build's options as the compiler hands them to generators and analyzers alike.</summary>
    public static AnalyzerConfigOptionsProvider Options(IReadOnlyDictionary<string, string>? globalOptions = null) =>
        new TestOptionsProvider(globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample" });

    public static AdditionalText Manifest(string json, string path = "/src/cadasto.json") => new InMemoryAdditionalText(path, json);

    public static AdditionalText File(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <summary>Runs once; returns the driver (for a second run), the result and the compilation with the generated code.</summary>
    public static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(
        string manifest,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        string source = DefaultProgram,
        bool referenceRuntime = true,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<AdditionalText>? moreFiles = null)
    {
        var compilation = Compilation(source, referenceRuntime, languageVersion);
        var texts = new[] { Manifest(manifest) }.Concat(moreFiles ?? Array.Empty<AdditionalText>());
        var driver = Driver(texts, globalOptions, languageVersion).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>All generated files, each under a header with its hint name, in hint-name order: what a baseline holds.</summary>
    public static string Render(GeneratorRunResult result) =>
        string.Concat(result.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => $"//------ {s.HintName} ------\n{s.SourceText}"));
}
