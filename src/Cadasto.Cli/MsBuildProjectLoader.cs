using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Cli;

/// <summary>
/// <c>scan --msbuild</c>: loads the projects whose <c>obj/project.assets.json</c> exists through MSBuild (a design-time
/// evaluation: the real references, defines, language version and NoWarn), so the rules see the types of every
/// package the project restored. Never restores or builds: a project without assets, or one that fails to load, keeps
/// its source-only load, with a note. The intermediate output of the design-time targets goes to a temp folder, so
/// nothing is written into the scanned tree.
/// </summary>
/// <remarks>
/// Every restored project is evaluated in one call (one per batch when project names repeat), through a solution
/// file written to the temp folder: MSBuild's loader starts one build host process per call
/// (Microsoft.CodeAnalysis.Workspaces.MSBuild 5.12), and a shared workspace alone does not change that. One call
/// costs one host start-up for the whole scan instead of one per project (docs/performance.md). What it keeps is the projects' descriptions (documents, references, options); each
/// project is compiled on its own, when the scanner gets to it, and released after, so memory stays per project.
/// </remarks>
internal sealed class MsBuildProjectLoader : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "cadasto-msbuild-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, ProjectInfo> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<ProjectId, ProjectInfo> _byId = new();
    private readonly List<string> _failures = new();
    private HostServices? _hostServices;
    private string? _loadFailure;
    private int _loaded;

    /// <summary>Projects loaded through MSBuild so far.</summary>
    public int Loaded => Volatile.Read(ref _loaded);

    /// <summary>
    /// Evaluates every restored C# project of the scan: in one MSBuild build host, or one per batch when project names
    /// repeat (see <see cref="Batches"/>).
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<ScanProject> projects, CancellationToken cancellationToken)
    {
        var restored = projects.Where(p => IsCSharpProject(p) && IsRestored(p)).Select(p => Path.GetFullPath(p.ProjectFile!)).Distinct(StringComparer.Ordinal).ToList();
        if (restored.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(_scratch);
        var properties = DesignTimeProperties();
        using var workspace = MSBuildWorkspace.Create(properties);
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            // The output paths are global properties here (nothing may be written into the tree), so every target framework
            // of a multi-targeted project gets the same one, and MSBuildWorkspace says so: a warning this loader causes
            // itself, about a project that loads anyway. (English: the tool runs with InvariantGlobalization.)
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure
                && !e.Diagnostic.Message.StartsWith("Found project with the same file path and output path as another project", StringComparison.Ordinal))
            {
                lock (_failures)
                {
                    _failures.Add(e.Diagnostic.Message);
                }
            }
        });

        var loader = new Microsoft.CodeAnalysis.MSBuild.MSBuildProjectLoader(workspace, properties.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase))
        {
            // A project that does not evaluate is reported (and analysed source-only), not fatal for the others.
            SkipUnrecognizedProjects = true,
        };
        // The MEF host outlives this workspace: each project gets a workspace of its own on it (LoadAsync).
        _hostServices = workspace.Services.HostServices;
        var number = 0;
        foreach (var batch in Batches(restored))
        {
            var solutionFile = Path.Combine(_scratch, $"cadasto-scan-{++number}.sln");
            await File.WriteAllTextAsync(solutionFile, SolutionFile(batch), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            SolutionInfo solution;
            try
            {
                solution = await loader.LoadSolutionInfoAsync(solutionFile, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _loadFailure ??= FirstLine(exception.Message);
                continue;
            }

            foreach (var loaded in solution.Projects)
            {
                // The generated files of the evaluation (global usings, assembly attributes, the build's editorconfig) are
                // read now: the next batch may write files of the same name.
                var info = WithGeneratedFilesRead(loaded, cancellationToken);
                _byId[info.Id] = info;
                // A multi-targeted project is one ProjectInfo per target framework: the first one, as OpenProjectAsync gives.
                if (info.FilePath is { } path && info.Language == LanguageNames.CSharp)
                {
                    _byPath.TryAdd(Path.GetFullPath(path), info);
                }
            }
        }

        // Warnings about a project that is not scanned (a referenced project, say): said once.
        var scanned = restored.ToHashSet(StringComparer.Ordinal);
        var unattributed = Failures().Where(f => !scanned.Any(p => f.Contains(p, StringComparison.Ordinal))).Distinct(StringComparer.Ordinal).ToList();
        if (unattributed.Count > 0 && projects.FirstOrDefault(p => p.ProjectFile is { } file && scanned.Contains(Path.GetFullPath(file))) is { } first)
        {
            first.Notes.Add($"--msbuild: {unattributed.Count} workspace warning(s) about projects outside the scan, e.g. {FirstLine(unattributed[0])}");
        }
    }

    public async Task<LoadedProject?> LoadAsync(ScanProject project, LoadedProject sourceOnly, CancellationToken cancellationToken)
    {
        if (!IsCSharpProject(project))
        {
            return null;
        }

        if (!IsRestored(project))
        {
            project.Notes.Add($"{project.Name}: --msbuild: no obj/project.assets.json (not restored); analysed source-only.");
            return null;
        }

        var projectFile = Path.GetFullPath(project.ProjectFile!);
        var own = Failures().Where(f => f.Contains(projectFile, StringComparison.Ordinal)).ToList();
        if (_hostServices is null || !_byPath.TryGetValue(projectFile, out var info))
        {
            var why = own.Count > 0 ? FirstLine(own[0]) : _loadFailure ?? "no C# project";
            project.Notes.Add($"{project.Name}: --msbuild: the project did not load ({why}); analysed source-only.");
            return null;
        }

        // The project and what it references (loaded as projects: their outputs are not built), in a workspace of its own,
        // so that its compilation is released with it.
        using var workspace = new AdhocWorkspace(_hostServices);
        var solution = workspace.AddSolution(SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Create(), projects: WithReferences(info)));
        var (msbuildProject, refused) = await WithoutTooDeepFilesAsync(solution, info.Id, project, cancellationToken).ConfigureAwait(false);
        var compilation = await msbuildProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is CSharpCompilation loaded
            ? WithoutTooDeepTrees(loaded, project, refused, cancellationToken)
            : null;
        if (compilation is not null && refused.Count > 0 && compilation.SyntaxTrees.All(t => !IsUserTree(t, project)))
        {
            // Every file of the project was refused (and named): the source-only load refused them too.
            return null;
        }

        if (compilation is null || compilation.SyntaxTrees.All(t => !IsUserTree(t, project)))
        {
            var why = own.Count > 0 ? FirstLine(own[0]) : "no C# compilation";
            project.Notes.Add($"{project.Name}: --msbuild: the project did not load ({why}); analysed source-only.");
            return null;
        }

        if (own.Count > 0)
        {
            project.Notes.Add($"{project.Name}: --msbuild: loaded with {own.Count} workspace warning(s), e.g. {FirstLine(own[0])}");
        }

        // The package is not referenced by a scanned project, so its AdditionalFiles and build_property.* are the
        // source-only loader's (same file paths, so its per-file .editorconfig options apply to these trees).
        var trees = compilation.SyntaxTrees.Where(t => IsUserTree(t, project)).ToImmutableArray();
        Interlocked.Increment(ref _loaded);
        return new LoadedProject(project, compilation, sourceOnly.Options, trees, sourceOnly.AdditionalTexts);
    }

    /// <summary>
    /// The nesting guard of the source-only load (<see cref="NestingGuard"/>), before anything is parsed: a document of the
    /// solution (the project and those it references, which its compilation parses too) whose brackets nest past the limit
    /// is left out, so Roslyn's parser never sees it; the project's own are named (<paramref name="refused"/>).
    /// </summary>
    private static async Task<(Project Project, List<string> Refused)> WithoutTooDeepFilesAsync(Solution solution, ProjectId id, ScanProject project, CancellationToken cancellationToken)
    {
        var refused = new List<string>();
        foreach (var each in solution.Projects.ToList())
        {
            var parseOptions = each.ParseOptions as CSharpParseOptions ?? CSharpParseOptions.Default;
            foreach (var document in each.Documents)
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (NestingGuard.TooDeepToParse(text, parseOptions, cancellationToken))
                {
                    solution = solution.RemoveDocument(document.Id);
                    if (each.Id == id && document.FilePath is { } path && IsUserPath(path, project))
                    {
                        refused.Add(path);
                    }
                }
            }
        }

        return (solution.GetProject(id)!, refused);
    }

    /// <summary>The guard's second look, once parsed: the project's own trees nested past the limit are left out of the compilation, and named.</summary>
    private static CSharpCompilation WithoutTooDeepTrees(CSharpCompilation compilation, ScanProject project, List<string> refused, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees.Where(t => IsUserTree(t, project)).ToList())
        {
            if (NestingGuard.TooDeep(tree.GetText(cancellationToken), tree, cancellationToken))
            {
                compilation = compilation.RemoveSyntaxTrees(tree);
                refused.Add(tree.FilePath);
            }
        }

        // The source-only load named the files it refused with the same words: a file both refuse is named once.
        foreach (var path in refused)
        {
            project.Errors.Add(NestingGuard.NotAnalysed(project.Display(path)));
        }

        return compilation;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_scratch))
            {
                Directory.Delete(_scratch, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private Dictionary<string, string> DesignTimeProperties()
    {
        var intermediate = _scratch + Path.DirectorySeparatorChar;
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            // Design-time only: the generated files (AssemblyInfo, GlobalUsings, editorconfig) go to a temp folder, not obj/ (a process test checks).
            // Their names start with the project's name: projects of the same name are evaluated in separate batches (Batches).
            ["IntermediateOutputPath"] = intermediate + "obj" + Path.DirectorySeparatorChar,
            // The targets create the output folder even when nothing is compiled.
            ["BaseOutputPath"] = intermediate + "bin" + Path.DirectorySeparatorChar,
            ["OutputPath"] = intermediate + "bin" + Path.DirectorySeparatorChar,
            ["OutDir"] = intermediate + "bin" + Path.DirectorySeparatorChar,
            ["DesignTimeBuild"] = "true",
            ["BuildProjectReferences"] = "false",
            ["SkipCompilerExecution"] = "true",
            ["ProvideCommandLineArgs"] = "true",
            ["RestoreDisableParallel"] = "true",
            ["_CadastoScan"] = "true",
        };
    }

    /// <summary>
    /// The restored projects in as few groups as possible with no two projects of the same name in a group: the
    /// design-time targets name their generated files after the project (<c>App.GlobalUsings.g.cs</c>) in the one
    /// intermediate folder every project shares (a global property, the same for all), and a solution cannot hold two
    /// projects of one name.
    /// </summary>
    internal static List<List<string>> Batches(IEnumerable<string> projectFiles)
    {
        var batches = new List<List<string>>();
        foreach (var group in projectFiles.GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase))
        {
            var index = 0;
            foreach (var projectFile in group)
            {
                if (batches.Count == index)
                {
                    batches.Add(new List<string>());
                }

                batches[index++].Add(projectFile);
            }
        }

        return batches;
    }

    /// <summary>The project with the text of every file under the temp folder read into memory.</summary>
    private ProjectInfo WithGeneratedFilesRead(ProjectInfo project, CancellationToken cancellationToken)
    {
        DocumentInfo Read(DocumentInfo document)
        {
            if (document.FilePath is not { } path || !path.StartsWith(_scratch, StringComparison.Ordinal) || !File.Exists(path))
            {
                return document;
            }

            var text = SourceText.From(File.ReadAllText(path), Encoding.UTF8);
            return document.WithTextLoader(TextLoader.From(TextAndVersion.Create(text, VersionStamp.Create(), path)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return project
            .WithDocuments(project.Documents.Select(Read))
            .WithAnalyzerConfigDocuments(project.AnalyzerConfigDocuments.Select(Read));
    }

    /// <summary>The project and, transitively, the projects it references.</summary>
    private IEnumerable<ProjectInfo> WithReferences(ProjectInfo root)
    {
        var seen = new HashSet<ProjectId> { root.Id };
        var queue = new Queue<ProjectInfo>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            yield return current;
            foreach (var reference in current.ProjectReferences)
            {
                if (seen.Add(reference.ProjectId) && _byId.TryGetValue(reference.ProjectId, out var referenced))
                {
                    queue.Enqueue(referenced);
                }
            }
        }
    }

    private List<string> Failures()
    {
        lock (_failures)
        {
            return _failures.ToList();
        }
    }

    /// <summary>A classic solution file that lists the projects by absolute path (it lives in the temp folder, never in the tree).</summary>
    private static string SolutionFile(IEnumerable<string> projectFiles)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Microsoft Visual Studio Solution File, Format Version 12.00");
        text.AppendLine("# Visual Studio Version 17");
        foreach (var projectFile in projectFiles)
        {
            var id = Guid.NewGuid().ToString("B").ToUpperInvariant();
            text.AppendLine($"Project(\"{{9A19103F-16F7-4668-BE54-9A1E7A4F7556}}\") = \"{Path.GetFileNameWithoutExtension(projectFile)}\", \"{projectFile}\", \"{id}\"");
            text.AppendLine("EndProject");
        }

        text.AppendLine("Global");
        text.AppendLine("EndGlobal");
        return text.ToString();
    }

    private static bool IsCSharpProject(ScanProject project) =>
        project.ProjectFile is not null && project.ProjectFile.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    private static bool IsRestored(ScanProject project) =>
        File.Exists(Path.Combine(project.Directory, "obj", "project.assets.json"));

    private static bool IsUserTree(SyntaxTree tree, ScanProject project) => IsUserPath(tree.FilePath, project);

    /// <summary>
    /// A file of the project's own: in its folder (not <c>obj/</c>), or one the discovery gave it from another folder (a linked
    /// file, a shared project's file imported through its <c>.projitems</c>), which MSBuild's evaluation compiles as well. The
    /// analysis covers the whole compilation either way; these are the files counted as analysed and, refused by the nesting
    /// guard, named: project discovery no longer gives them to a loose group that would.
    /// </summary>
    private static bool IsUserPath(string path, ScanProject project) =>
        !string.IsNullOrEmpty(path)
        && ((path.StartsWith(project.Directory, StringComparison.Ordinal)
             && !path.StartsWith(Path.Combine(project.Directory, "obj") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            || project.CompilesFromElsewhere(path));

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }
}
