using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.TestKit;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Ide;

/// <summary>A project of an in-memory solution: C# documents, additional files and build properties.</summary>
public sealed class IdeProject
{
    public IdeProject(string name) => Name = name;

    public string Name { get; }

    /// <summary>C# documents by file name (relative to the project folder).</summary>
    public Dictionary<string, string> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>Additional files by file name (<c>cadasto.json</c>, <c>appsettings.json</c>, <c>wwwroot/appsettings.json</c>).</summary>
    public Dictionary<string, string> AdditionalFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>MSBuild properties the compiler sees (<c>build_property.X</c>), e.g. <c>_SupportedPlatformList</c>.</summary>
    public Dictionary<string, string> BuildProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines of the project's <c>.globalconfig</c> besides its build properties.</summary>
    public List<string> GlobalConfig { get; } = new();

    /// <summary>A library unless said otherwise; top-level statements need an executable.</summary>
    public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Names of projects of the same solution this one references.</summary>
    public List<string> References { get; } = new();
}

/// <summary>
/// What an IDE asks Roslyn, over an in-memory solution of several projects: the live analysis of one
/// document (<see cref="LiveAsync"/>, as the editor's squiggles are computed) and the analysis of a whole
/// project (<see cref="BuildAsync"/>, as <c>dotnet build</c> reports). Every Cadasto analyzer, the offline
/// test references, no MSBuild.
/// </summary>
public sealed class IdeSolution : IDisposable
{
    public const string Root = "/ide";

    private IdeSolution(AdhocWorkspace workspace, ImmutableDictionary<string, ImmutableArray<(string Id, TextSpan Span)>> expected)
    {
        Workspace = workspace;
        Expected = expected;
    }

    /// <summary>The findings the sources' markup names (<c>{|CDS1001:…|}</c>), by file path.</summary>
    public ImmutableDictionary<string, ImmutableArray<(string Id, TextSpan Span)>> Expected { get; }

    public AdhocWorkspace Workspace { get; }

    public Solution Solution => Workspace.CurrentSolution;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => AnalyzerCatalog.Analyzers;

    public static IdeSolution Create(params IdeProject[] projects)
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var ids = projects.ToDictionary(p => p.Name, _ => ProjectId.CreateNewId(), StringComparer.Ordinal);
        var analyzerReference = new AnalyzerImageReference(Analyzers);
        var expected = ImmutableDictionary.CreateBuilder<string, ImmutableArray<(string, TextSpan)>>(StringComparer.Ordinal);
        string Unmark(string path, string markup)
        {
            TestFileMarkupParser.GetSpans(markup, out var text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
            expected[path] = spans.SelectMany(pair => pair.Value.Select(span => (pair.Key, span)))
                .OrderBy(e => e.span.Start).ThenBy(e => e.Key, StringComparer.Ordinal).ToImmutableArray();
            return text;
        }

        foreach (var project in projects)
        {
            var id = ids[project.Name];
            var folder = Root + "/" + project.Name + "/";
            solution = solution.AddProject(ProjectInfo.Create(
                    id, VersionStamp.Default, project.Name, project.Name, LanguageNames.CSharp,
                    filePath: folder + project.Name + ".csproj",
                    compilationOptions: new CSharpCompilationOptions(project.OutputKind, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                    metadataReferences: TestReferences.All,
                    analyzerReferences: new[] { analyzerReference }))
                .WithProjectReferences(id, project.References.Select(r => new ProjectReference(ids[r])));
            foreach (var (name, text) in project.Documents)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(id), name, SourceText.From(Unmark(folder + name, text)), filePath: folder + name);
            }

            foreach (var (name, text) in project.AdditionalFiles)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), name, SourceText.From(Unmark(folder + name, text)), filePath: folder + name);
            }

            var config = new List<string> { "is_global = true" };
            config.AddRange(project.BuildProperties.Select(p => $"build_property.{p.Key} = {p.Value}"));
            config.AddRange(project.GlobalConfig);
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(id), ".globalconfig", SourceText.From(string.Join("\n", config) + "\n"), filePath: folder + ".globalconfig");
        }

        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("The workspace refused the solution.");
        }

        return new IdeSolution(workspace, expected.ToImmutable());
    }

    public Project Project(string name) => Solution.Projects.Single(p => p.Name == name);

    public Document Document(string project, string name) => Project(project).Documents.Single(d => d.Name == name);

    /// <summary>One analysis session for a project, as the IDE holds one per project snapshot and asks it about each document.</summary>
    public static async Task<CompilationWithAnalyzers> SessionAsync(Project project, bool concurrent = true, CancellationToken cancellationToken = default)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No compilation.");
        return compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
    }

    /// <summary>What a build reports for the project: every analyzer over the whole compilation.</summary>
    public static async Task<ImmutableArray<Diagnostic>> BuildAsync(Project project, bool concurrent = true, CancellationToken cancellationToken = default)
    {
        var session = await SessionAsync(project, concurrent, cancellationToken).ConfigureAwait(false);
        return Sorted(await session.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The live analysis of one document: syntax and semantic diagnostics of its own tree, whole document.</summary>
    public static async Task<ImmutableArray<Diagnostic>> LiveAsync(CompilationWithAnalyzers session, Document document, CancellationToken cancellationToken = default)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No semantic model.");
        var syntax = await session.GetAnalyzerSyntaxDiagnosticsAsync(model.SyntaxTree, cancellationToken).ConfigureAwait(false);
        var semantic = await session.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
        return Sorted(syntax.AddRange(semantic));
    }

    /// <summary>The live analysis of an additional file (<c>cadasto.json</c>, <c>appsettings.json</c>) open in the editor.</summary>
    public static async Task<ImmutableArray<Diagnostic>> LiveAsync(CompilationWithAnalyzers session, TextDocument document, CancellationToken cancellationToken = default)
    {
        var file = session.AnalysisOptions.Options!.AdditionalFiles.Single(f => f.Path == document.FilePath);
        var result = await session.GetAnalysisResultAsync(file, cancellationToken).ConfigureAwait(false);
        return Sorted(result.GetAllDiagnostics());
    }

    /// <summary>The document a diagnostic lands in: a C# tree's path or an additional file's path.</summary>
    public static string? PathOf(Diagnostic diagnostic) =>
        diagnostic.Location.IsInSource ? diagnostic.Location.SourceTree!.FilePath
        : diagnostic.Location.Kind == LocationKind.ExternalFile ? diagnostic.Location.GetLineSpan().Path
        : null;

    /// <summary>Id, file, span, message and additional locations: what a user sees, and what must not vary.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var additional = string.Join(", ", diagnostic.AdditionalLocations.Select(l => $"{l.GetLineSpan().Path}{l.SourceSpan}"));
        return $"{diagnostic.Id} {PathOf(diagnostic)}{diagnostic.Location.SourceSpan} \"{diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\""
            + (additional.Length > 0 ? $" also [{additional}]" : string.Empty);
    }

    public static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => PathOf(d), StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToImmutableArray();

    public void Dispose() => Workspace.Dispose();
}
