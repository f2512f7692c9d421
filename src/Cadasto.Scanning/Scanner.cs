using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning;

/// <summary>How a scan runs.</summary>
public sealed class ScanOptions
{
    /// <summary>Skip binding of files that cannot hold a finding (<see cref="SourcePrefilter"/>). On by default.</summary>
    public bool Prefilter { get; init; } = true;

    /// <summary>Analyse generated code and EF Core migrations too (<see cref="GeneratedCode"/>; off by default).</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary>Projects analysed at once (default: one per core).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The analyzers to run (default: every Cadasto analyzer).</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; init; } = AnalyzerCatalog.Analyzers;

    /// <summary>Run the product's source generators for projects with AdditionalFiles (manifest diagnostics).</summary>
    public bool RunGenerators { get; init; } = true;

    /// <summary>
    /// Another way to load a project (the CLI's <c>--msbuild</c> design-time loader). It gets the project and
    /// its source-only load (whose AdditionalFiles and options it may reuse); it returns null to keep the
    /// source-only load, and says why on <see cref="ScanProject.Notes"/>.
    /// </summary>
    public Func<ScanProject, LoadedProject, CancellationToken, Task<LoadedProject?>>? ProjectLoader { get; init; }

    /// <summary>
    /// Called once with every discovered project before any is loaded, so that <see cref="ProjectLoader"/> can load
    /// them together (the CLI's <c>--msbuild</c> evaluates all restored projects in one MSBuild build host).
    /// </summary>
    public Func<IReadOnlyList<ScanProject>, CancellationToken, Task>? PrepareProjects { get; init; }

    /// <summary>
    /// Only these files (absolute paths) are reported on (<c>--staged</c>, <c>--since</c>): projects without one of
    /// them are not analysed; projects with one are analysed whole, as in a full scan, so the findings in those
    /// files and their fingerprints are the full scan's. Null: every file.
    /// </summary>
    public IReadOnlySet<string>? OnlyFiles { get; init; }

    /// <summary>Contents that replace the disk's (absolute path → bytes): the index's version of staged files.</summary>
    public IReadOnlyDictionary<string, byte[]>? Contents { get; init; }

    /// <summary>Time every phase and every analyzer (<see cref="ScanResult.Profile"/>); analyzers run a little slower.</summary>
    public bool Profile { get; init; }
}

/// <summary>What a scan found.</summary>
public sealed class ScanResult
{
    public required string Root { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>What could not be read or bound, and analyzer failures, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Inputs that could not be read or analysed (permission denied, over a limit): the scan is incomplete, exit 2.</summary>
    public IReadOnlyList<string> InputErrors { get; init; } = Array.Empty<string>();

    /// <summary>Analyzer or generator exceptions (AD0001, CS8785): a bug in a rule, never expected.</summary>
    public required IReadOnlyList<string> AnalyzerFailures { get; init; }

    public int Projects { get; init; }

    public int SourceFiles { get; init; }

    public int AnalyzedFiles { get; init; }

    public int AdditionalFiles { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Time spent reading and parsing (summed over the projects analysed in parallel).</summary>
    public TimeSpan LoadTime { get; init; }

    /// <summary>Time spent binding and analysing (summed over the projects analysed in parallel).</summary>
    public TimeSpan AnalysisTime { get; init; }

    /// <summary>Where the time went, when <see cref="ScanOptions.Profile"/> asked for it.</summary>
    public ScanProfile? Profile { get; init; }
}

/// <summary>
/// Runs every Cadasto analyzer over a folder through the <see cref="SourceOnlyLoader"/>, and turns
/// the diagnostics into masked, fingerprinted <see cref="Finding"/>s. Severities and suppressions
/// are the compiler's: <c>.editorconfig</c> <c>dotnet_diagnostic.*.severity</c>, <c>NoWarn</c>,
/// <c>#pragma warning disable</c> and <c>[SuppressMessage]</c>.
/// </summary>
public sealed class Scanner
{
    private readonly ScanOptions _options;
    private readonly SourceOnlyLoader _loader;

    public Scanner(ScanOptions? options = null, ReferenceSet? references = null)
    {
        _options = options ?? new ScanOptions();
        _profile = _options.Profile ? new ScanProfile() : null;
        _loader = new SourceOnlyLoader(references, _options.Prefilter) { IncludeGenerated = _options.IncludeGenerated, Profile = _profile };
    }

    private readonly ScanProfile? _profile;

    /// <summary>Scans a folder (or one file). <paramref name="progress"/> gets (projects done, projects total).</summary>
    public Task<ScanResult> ScanAsync(string path, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(path);
        var rootFolder = File.Exists(root) ? Path.GetDirectoryName(root)! : root;
        var inputErrors = new List<string>();
        IReadOnlyList<ScanProject> projects;
        using (_profile.Phase("discovery"))
        {
            projects = ProjectDiscovery.Discover(root, inputErrors);
        }

        if (_options.OnlyFiles is { } only)
        {
            // The projects that hold a reported file, and (declarations only) the projects they reference.
            var selected = projects.Where(p => p.SourceFiles.Any(only.Contains) || p.AdditionalFiles.Any(only.Contains)).ToHashSet();
            var byFile = projects.Where(p => p.ProjectFile is not null).GroupBy(p => p.ProjectFile!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var context = new HashSet<ScanProject>();
            var pending = new Stack<ScanProject>(selected);
            while (pending.Count > 0)
            {
                foreach (var reference in pending.Pop().ProjectReferences)
                {
                    if (byFile.TryGetValue(reference, out var referenced) && !selected.Contains(referenced) && context.Add(referenced))
                    {
                        referenced.ContextOnly = true;
                        pending.Push(referenced);
                    }
                }
            }

            projects = projects.Where(p => selected.Contains(p) || context.Contains(p)).ToList();
        }

        if (_options.Contents is { } contents)
        {
            foreach (var project in projects)
            {
                foreach (var file in project.SourceFiles.Concat(project.AdditionalFiles))
                {
                    if (contents.TryGetValue(file, out var bytes))
                    {
                        project.Contents[file] = bytes;
                    }
                }
            }
        }

        return ScanProjectsAsync(projects, rootFolder, inputErrors, progress, cancellationToken);
    }

    /// <summary>Analyses projects that are already put together (a folder's, or the history's blobs).</summary>
    public async Task<ScanResult> ScanProjectsAsync(IReadOnlyList<ScanProject> projects, string rootFolder, IReadOnlyList<string> inputErrors, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();

        var findings = new ConcurrentBag<(Finding, string)>();
        var failures = new ConcurrentBag<string>();
        var analyzed = 0;
        var done = 0;
        long loadTicks = 0, analysisTicks = 0;
        var unresolved = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        progress?.Report((0, projects.Count));
        if (_options.PrepareProjects is { } prepare)
        {
            var started = Stopwatch.GetTimestamp();
            await prepare(projects, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref loadTicks, Stopwatch.GetTimestamp() - started);
        }

        var graph = new ProjectGraph(projects);
        await graph.RunAsync(
            _options.MaxParallelism,
            async (project, ct) =>
            {
                using var inFlight = _profile.Project(project.Name);
                var started = Stopwatch.GetTimestamp();
                var loaded = _loader.Load(project, ct, graph.ReferencesOf(project));
                if (_options.ProjectLoader is { } projectLoader)
                {
                    loaded = await projectLoader(project, loaded, ct).ConfigureAwait(false) ?? loaded;
                }

                graph.Loaded(project, loaded.Compilation);
                Interlocked.Add(ref loadTicks, Stopwatch.GetTimestamp() - started);
                if (project.ContextOnly)
                {
                    graph.Analysed(project);
                    progress?.Report((Interlocked.Increment(ref done), projects.Count));
                    return;
                }

                Interlocked.Add(ref analyzed, loaded.TreesToAnalyze.Length);
                started = Stopwatch.GetTimestamp();
                var diagnostics = await AnalyzeAsync(loaded, failures, ct).ConfigureAwait(false);
                Interlocked.Add(ref analysisTicks, Stopwatch.GetTimestamp() - started);
                using (_profile.Phase("findings"))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        if (NotValidJsonNote(diagnostic, rootFolder) is { } note)
                        {
                            if (_options.OnlyFiles is null || _options.OnlyFiles.Contains(Path.GetFullPath(diagnostic.Location.GetLineSpan().Path)))
                            {
                                project.Notes.Add(note);
                            }

                            continue;
                        }

                        if (ToFinding(diagnostic, loaded, rootFolder) is { } finding
                            && (_options.OnlyFiles is null || _options.OnlyFiles.Contains(Path.GetFullPath(Path.Combine(rootFolder, finding.Item1.Path)))))
                        {
                            findings.Add(finding);
                        }
                    }
                }

                using (_profile.Phase("unresolved using directives"))
                {
                    foreach (var name in UnresolvedNamespaces(loaded, ct))
                    {
                        unresolved.AddOrUpdate(name, 1, (_, count) => count + 1);
                    }
                }

                graph.Analysed(project);
                progress?.Report((Interlocked.Increment(ref done), projects.Count));
            },
            cancellationToken).ConfigureAwait(false);

        var notes = projects.SelectMany(p => p.Notes).Concat(failures).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (!unresolved.IsEmpty)
        {
            var top = unresolved.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(8)
                .Select(p => $"{p.Key} ({p.Value} project{(p.Value == 1 ? string.Empty : "s")})");
            notes.Add($"{unresolved.Count} namespace(s) used in `using` directives are not in the shipped reference set and did not bind, e.g. {string.Join(", ", top)}: code that uses their types is analysed with those types unknown, and rules that need them stay silent there.");
        }
        IReadOnlyList<Finding> assigned;
        using (_profile.Phase("fingerprints"))
        {
            assigned = Fingerprints.Assign(OncePerLocation(findings));
        }

        if (_profile is not null)
        {
            _profile.AddPhase("load (all of it)", loadTicks);
            _profile.AddPhase("analysis (all of it)", analysisTicks);
        }

        return new ScanResult
        {
            Root = rootFolder,
            Profile = _profile,
            Findings = assigned,
            Notes = notes,
            AnalyzerFailures = failures.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList(),
            InputErrors = inputErrors.Concat(projects.SelectMany(p => p.Errors)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList(),
            Projects = projects.Count,
            SourceFiles = projects.SelectMany(p => p.SourceFiles).Distinct(StringComparer.Ordinal).Count(),
            AnalyzedFiles = analyzed,
            AdditionalFiles = projects.Sum(p => p.AdditionalFiles.Count),
            Elapsed = stopwatch.Elapsed,
            LoadTime = Stopwatch.GetElapsedTime(0, loadTicks),
            AnalysisTime = Stopwatch.GetElapsedTime(0, analysisTicks),
        };
    }

    /// <summary>
    /// A file that several projects compile (a linked file) is analysed in each, and each build would report its findings:
    /// the scan reports one finding per rule and place, the most severe of them (a project's <c>.editorconfig</c> may
    /// differ), from the first project by name among equals, so the report and its fingerprints do not depend on how many
    /// projects link the file.
    /// </summary>
    private static IEnumerable<(Finding, string)> OncePerLocation(IEnumerable<(Finding Finding, string Context)> findings) =>
        findings
            .GroupBy(f => (f.Finding.RuleId, f.Finding.Path, f.Finding.StartLine, f.Finding.StartColumn, f.Finding.EndLine, f.Finding.EndColumn))
            .Select(g => g.OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.Project, StringComparer.Ordinal).ThenBy(f => f.Finding.Message, StringComparer.Ordinal).First());

    /// <summary>The effective diagnostics of the product's analyzers (and generators) for one loaded project.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(LoadedProject loaded, ConcurrentBag<string> failures, CancellationToken cancellationToken)
    {
        Compilation compilation = loaded.Compilation;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

        if (_options.RunGenerators && loaded.AdditionalTexts.Length > 0 && AnalyzerCatalog.Generators.Length > 0)
        {
            var driver = CSharpGeneratorDriver.Create(
                AnalyzerCatalog.Generators,
                loaded.AdditionalTexts,
                loaded.Compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default,
                loaded.Options.AnalyzerConfigOptionsProvider);
            Compilation generated;
            ImmutableArray<Diagnostic> generatorDiagnostics;
            using (_profile.Phase("analysis: generators"))
            {
                driver.RunGeneratorsAndUpdateCompilation(compilation, out generated, out generatorDiagnostics, cancellationToken);
            }

            foreach (var diagnostic in generatorDiagnostics)
            {
                if (diagnostic.Id is "CS8784" or "CS8785")
                {
                    failures.Add($"{loaded.Project.Name}: a Cadasto generator failed ({diagnostic.Id}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }

            diagnostics.AddRange(CompilationWithAnalyzers.GetEffectiveDiagnostics(generatorDiagnostics.Where(d => d.Id is not ("CS8784" or "CS8785")), compilation));
            compilation = generated;
        }

        var analyzerOptions = new CompilationWithAnalyzersOptions(
            loaded.Options,
            (exception, analyzer, diagnostic) => failures.Add($"{loaded.Project.Name}: {analyzer.GetType().Name} threw {exception.GetType().Name} (AD0001): {FirstLine(exception.Message)}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: _profile is not null,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(_options.Analyzers, analyzerOptions);

        // Trees the prefilter set aside are in the compilation as declarations only (BodyStripper),
        // so one pass over the whole compilation analyses exactly the files that may hold a finding.
        using (_profile.Phase("analysis: binding and analyzers"))
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false));
        }

        if (_profile is not null)
        {
            foreach (var analyzer in _options.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                _profile.AddAnalyzer(analyzer.GetType().Name, telemetry.ExecutionTime);
            }
        }

        return diagnostics
            .Where(d => !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden && d.Id != "AD0001")
            .Distinct(DiagnosticIdentity.Instance)
            .ToImmutableArray();
    }

    /// <summary>
    /// A configuration file that is not valid JSON (CDS1004's second message) is a note naming the file and the position,
    /// not a finding: no secret was found there, and the values around the error were judged as findings of their own.
    /// </summary>
    private static string? NotValidJsonNote(Diagnostic diagnostic, string root)
    {
        if (!diagnostic.Descriptor.Equals(Cadasto.Analyzers.DiagnosticDescriptors.ConfigurationFileNotValidJson))
        {
            return null;
        }

        var span = diagnostic.Location.GetLineSpan();
        var relative = Path.GetRelativePath(root, span.Path).Replace('\\', '/');
        return $"{relative}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}.";
    }

    private static (Finding, string)? ToFinding(Diagnostic diagnostic, LoadedProject loaded, string root)
    {
        var location = diagnostic.Location;
        var lineSpan = location.GetLineSpan();
        string? flagged = null;
        string context = string.Empty;
        var filePath = lineSpan.Path;
        if (location.IsInSource && location.SourceTree is { } tree)
        {
            var text = tree.GetText();
            if (location.SourceSpan.End <= text.Length)
            {
                flagged = text.ToString(location.SourceSpan);
            }

            context = Fingerprints.CSharpContext(tree, location.SourceSpan);
            filePath = tree.FilePath;
        }
        else if (location.Kind == LocationKind.ExternalFile)
        {
            var additional = loaded.AdditionalTexts.FirstOrDefault(a => string.Equals(a.Path, filePath, StringComparison.Ordinal));
            if (additional?.GetText() is { } text)
            {
                var span = location.SourceSpan;
                if (span.Length == 0 && lineSpan.StartLinePosition.Line < text.Lines.Count)
                {
                    span = text.Lines.GetTextSpan(lineSpan.Span);
                }

                if (span.End <= text.Length)
                {
                    flagged = text.ToString(span);
                    context = Fingerprints.JsonContext(text, span.Start);
                }
            }
        }

        if (string.IsNullOrEmpty(filePath))
        {
            filePath = loaded.Project.ProjectFile ?? loaded.Project.Directory;
        }

        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (Masking.FlagsSecretValue(diagnostic.Id, flagged, location.Kind == LocationKind.ExternalFile))
        {
            message = Masking.MaskMessage(message, flagged);
        }

        var relative = Path.GetRelativePath(root, filePath).Replace('\\', '/');
        var hasPosition = lineSpan.IsValid && location.Kind != LocationKind.None;
        var finding = new Finding(
            diagnostic.Id,
            diagnostic.Severity,
            message,
            relative,
            hasPosition ? lineSpan.StartLinePosition.Line + 1 : 1,
            hasPosition ? lineSpan.StartLinePosition.Character + 1 : 1,
            hasPosition ? lineSpan.EndLinePosition.Line + 1 : 1,
            hasPosition ? lineSpan.EndLinePosition.Character + 1 : 1,
            string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri,
            loaded.Project.Name,
            Fingerprint: string.Empty)
        {
            ValueDigest = string.IsNullOrEmpty(flagged) ? null : System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(flagged)),
        };
        return (finding, context);
    }

    /// <summary>
    /// The namespaces of the analysed files' <c>using</c> directives that do not bind: what the source-only
    /// reference set lacks for this project (a package it restores in a real build). Binding a using
    /// directive is cheap; method bodies are not touched.
    /// </summary>
    private static IEnumerable<string> UnresolvedNamespaces(LoadedProject loaded, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in loaded.TreesToAnalyze)
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var directive in root.DescendantNodes(n => n is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax
                         || n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax)
                         .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.UsingDirectiveSyntax>())
            {
                if (directive.Alias is not null || !directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) || directive.Name is null)
                {
                    continue;
                }

                model ??= loaded.Compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(directive.Name, cancellationToken).Symbol is null)
                {
                    names.Add(directive.Name.ToString());
                }
            }
        }

        return names;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }

    private sealed class DiagnosticIdentity : IEqualityComparer<Diagnostic>
    {
        public static readonly DiagnosticIdentity Instance = new();

        public bool Equals(Diagnostic? x, Diagnostic? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Location.GetLineSpan().Equals(y.Location.GetLineSpan());

        public int GetHashCode(Diagnostic obj) => HashCode.Combine(obj.Id, obj.Location.GetLineSpan().StartLinePosition);
    }
}
