using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Cli;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cadasto.Fuzz;

/// <summary>What went wrong with one input.</summary>
internal sealed record Defect(string Input, string Class, string Detail);

/// <summary>
/// Runs one input through the product in process: the generator (CSharpGeneratorDriver: its exceptions, its
/// diagnostics, the source it generates and whether that compiles), every analyzer (CompilationWithAnalyzers:
/// AD0001 and the raw messages a build prints or writes to its ErrorLog), and the CLI's own entry point
/// (<c>cadasto scan</c> in one of its three formats, and <c>cadasto request</c> for a manifest).
/// </summary>
internal sealed class Harness
{
    private static readonly string[] Formats = { "human", "json", "sarif" };
    public static long AnalysisTicks;
    public static long CliTicks;
    public static int CliScans;

    public Harness(int scanEvery) => ScanEvery = Math.Max(1, scanEvery);

    public int ScanEvery { get; }

    private readonly SourceOnlyLoader _loader = new();
    private readonly Scanner _scanner = new(new ScanOptions { RunGenerators = false, MaxParallelism = 1 });

    public async Task<List<Defect>> RunAsync(FuzzInput input, string folder, CancellationToken cancellationToken)
    {
        var defects = new List<Defect>();
        var live = input.LiveSecrets();
        var outputs = new List<(string Where, string Text)>();

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var (path, bytes) in input.Files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes, cancellationToken).ConfigureAwait(false);
        }

        // 1. The generator and the analyzers, as a build runs them (no masking by the CLI in between).
        var phase = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await AnalyseAsync(input, folder, defects, outputs, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            defects.Add(new Defect(input.Name, "crash", "in-process analysis threw " + ex.GetType().Name + ": " + FirstLine(ex.Message)));
        }

        Interlocked.Add(ref AnalysisTicks, System.Diagnostics.Stopwatch.GetTimestamp() - phase);
        phase = System.Diagnostics.Stopwatch.GetTimestamp();

        // 2. The CLI's entry point, in process: every C# and JSON input, every n-th manifest (the scan costs three
        //    times the build's path, and the manifest's findings it reports are the ones checked above).
        if (input.Kind != InputKind.Manifest || input.Index % ScanEvery == 0)
        {
            var format = Formats[(input.Kind == InputKind.Manifest ? input.Index / ScanEvery : input.Index) % Formats.Length];
            var scan = await RunCliAsync(new[] { "scan", folder, "--format", format, "--no-progress", "--no-color" }, cancellationToken).ConfigureAwait(false);
            outputs.Add(("scan --format " + format, scan.Output + scan.Error));
            CheckCli(input, "scan", scan, defects);
            Interlocked.Increment(ref CliScans);
        }

        if (input.Kind == InputKind.Manifest)
        {
            var request = await RunCliAsync(new[] { "request", "--manifest", Path.Combine(folder, "cadasto.json"), "--no-color" }, cancellationToken).ConfigureAwait(false);
            outputs.Add(("request", request.Output + request.Error));
            CheckCli(input, "request", request, defects);
        }

        Interlocked.Add(ref CliTicks, System.Diagnostics.Stopwatch.GetTimestamp() - phase);
        foreach (var secret in live)
        {
            foreach (var (where, text) in outputs)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    defects.Add(new Defect(input.Name, "leak", $"a planted secret appears in {where}"));
                }
            }
        }

        return defects;
    }

    private async Task AnalyseAsync(FuzzInput input, string folder, List<Defect> defects, List<(string, string)> outputs, CancellationToken cancellationToken)
    {
        var project = new ScanProject("App", folder, Path.Combine(folder, "App.csproj"));
        project.Properties["_Sdk"] = "Microsoft.NET.Sdk.Web";
        project.Properties["RootNamespace"] = "FuzzApp";
        project.PackageReferences.Add("Cadasto.Credentials");
        foreach (var path in input.Files.Keys.OrderBy(p => p, StringComparer.Ordinal))
        {
            var full = Path.Combine(folder, path);
            if (path.EndsWith(".cs", StringComparison.Ordinal))
            {
                project.SourceFiles.Add(full);
            }
            else if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                project.AdditionalFiles.Add(full);
            }
        }

        var loaded = _loader.Load(project, cancellationToken);
        if (project.Errors.Count > 0)
        {
            // Over a limit (nesting): the scan names it and exits 2; nothing more to analyse in process.
            outputs.Add(("load errors", string.Join("\n", project.Errors)));
            return;
        }

        var parseOptions = loaded.Compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(AnalyzerCatalog.Generators, loaded.AdditionalTexts, parseOptions, loaded.Options.AnalyzerConfigOptionsProvider);
        driver = driver.RunGeneratorsAndUpdateCompilation(loaded.Compilation, out var generated, out var generatorDiagnostics, cancellationToken);
        foreach (var result in driver.GetRunResult().Results)
        {
            if (result.Exception is { } exception)
            {
                defects.Add(new Defect(input.Name, "crash", "generator threw " + exception.GetType().Name + ": " + FirstLine(exception.Message)));
            }

            foreach (var source in result.GeneratedSources)
            {
                outputs.Add(("generated " + source.HintName, source.SourceText.ToString()));
                if (source.HintName.Length > 200)
                {
                    defects.Add(new Defect(input.Name, "broken-output", $"generated file name of {source.HintName.Length} characters"));
                }
            }
        }

        foreach (var diagnostic in generatorDiagnostics)
        {
            outputs.Add(("generator " + diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture)));
            if (diagnostic.Id is "CS8784" or "CS8785")
            {
                defects.Add(new Defect(input.Name, "crash", diagnostic.Id + ": " + FirstLine(diagnostic.GetMessage(CultureInfo.InvariantCulture))));
            }
        }

        // Generated code that does not compile is a defect whatever the manifest says: a broken manifest gets a
        // CDS9xxx and no code (or code from its valid parts), never CS errors in files the user cannot edit.
        var generatedTrees = generated.SyntaxTrees.Except(loaded.Compilation.SyntaxTrees).ToList();
        foreach (var tree in generatedTrees)
        {
            var errors = generated.GetSemanticModel(tree).GetDiagnostics(cancellationToken: cancellationToken)
                .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                defects.Add(new Defect(input.Name, "broken-output", $"generated {Path.GetFileName(tree.FilePath)} does not compile: {string.Join(", ", errors.Select(e => e.Id).Distinct().Take(5))}"));
            }
        }

        var failures = new ConcurrentBag<string>();
        var withGenerated = new LoadedProject(project, (CSharpCompilation)generated, loaded.Options, loaded.TreesToAnalyze, loaded.AdditionalTexts);
        var diagnostics = await _scanner.AnalyzeAsync(withGenerated, failures, cancellationToken).ConfigureAwait(false);
        foreach (var failure in failures)
        {
            defects.Add(new Defect(input.Name, "crash", FirstLine(failure)));
        }

        foreach (var diagnostic in diagnostics)
        {
            outputs.Add(("diagnostic " + diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture)));
        }
    }

    private static void CheckCli(FuzzInput input, string command, (int ExitCode, string Output, string Error) result, List<Defect> defects)
    {
        // System.CommandLine turns an escaping exception into "Unhandled exception: …" and exit 1.
        if (result.Error.Contains("Unhandled exception", StringComparison.Ordinal) || result.Error.Contains("\n   at ", StringComparison.Ordinal))
        {
            defects.Add(new Defect(input.Name, "crash", $"cadasto {command}: {FirstLine(result.Error)}"));
        }
        else if (result.ExitCode is not (0 or 1 or 2))
        {
            defects.Add(new Defect(input.Name, "crash", $"cadasto {command} exited {result.ExitCode}"));
        }
        else if (result.ExitCode == 2 && command == "scan" && result.Error.Trim().Length == 0)
        {
            defects.Add(new Defect(input.Name, "silent", "cadasto scan exited 2 without saying why"));
        }
    }

    /// <summary>
    /// The CLI's entry point with the input's cancellation: an input over the time bound stops here too, and the tool
    /// registers no signal handler of its own in this process (the run handles Ctrl+C).
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int exit;
        try
        {
            exit = await CadastoCommand.RunAsync(args, output, error, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Unhandled exception: " + ex);
            exit = -1;
        }

        // Cancelled (over the bound): a hang, whatever the tool printed on its way out.
        cancellationToken.ThrowIfCancellationRequested();

        return (exit, output.ToString(), error.ToString());
    }

    public static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        var line = newline < 0 ? text : text.Substring(0, newline);
        return line.Length > 300 ? line.Substring(0, 300) + "…" : line;
    }
}
