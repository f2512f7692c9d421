using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.MSBuild;

namespace Cadasto.Cli;

/// <summary>
/// <c>scan --msbuild</c>: loads a project whose <c>obj/project.assets.json</c> exists through MSBuildWorkspace
/// (a design-time evaluation: the real references, defines, language version and NoWarn), so the rules see the
/// types of every package the project restored. Never restores or builds: a project without assets, or one that
/// fails to load, keeps its source-only load, with a note. The intermediate output of the design-time targets
/// goes to a temp folder, so nothing is written into the scanned tree.
/// </summary>
internal sealed class MsBuildProjectLoader : IDisposable
{
    // MSBuildWorkspace is not safe for concurrent OpenProjectAsync calls; one project at a time.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "cadasto-msbuild-" + Guid.NewGuid().ToString("N"));

    public int Loaded { get; private set; }

    public async Task<LoadedProject?> LoadAsync(ScanProject project, LoadedProject sourceOnly, CancellationToken cancellationToken)
    {
        if (project.ProjectFile is null || !project.ProjectFile.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!File.Exists(Path.Combine(project.Directory, "obj", "project.assets.json")))
        {
            project.Notes.Add($"{project.Name}: --msbuild: no obj/project.assets.json (not restored); analysed source-only.");
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var intermediate = Path.Combine(_scratch, Guid.NewGuid().ToString("N")) + Path.DirectorySeparatorChar;
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                // Design-time only: the generated files (AssemblyInfo, GlobalUsings, editorconfig) go to a temp folder, not obj/ (a process test checks).
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
            using var workspace = MSBuildWorkspace.Create(properties);
            workspace.LoadMetadataForReferencedProjects = true;
            var failures = new List<string>();
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    failures.Add(e.Diagnostic.Message);
                }
            });

            Project msbuildProject;
            try
            {
                msbuildProject = await workspace.OpenProjectAsync(project.ProjectFile, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                project.Notes.Add($"{project.Name}: --msbuild: the project did not load ({FirstLine(exception.Message)}); analysed source-only.");
                return null;
            }

            if (await msbuildProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not CSharpCompilation compilation
                || compilation.SyntaxTrees.All(t => !IsUserTree(t, project)))
            {
                var why = failures.Count > 0 ? FirstLine(failures[0]) : "no C# compilation";
                project.Notes.Add($"{project.Name}: --msbuild: the project did not load ({why}); analysed source-only.");
                return null;
            }

            if (failures.Count > 0)
            {
                project.Notes.Add($"{project.Name}: --msbuild: loaded with {failures.Count} workspace warning(s), e.g. {FirstLine(failures[0])}");
            }

            // The package is not referenced by a scanned project, so its AdditionalFiles and build_property.* are the
            // source-only loader's (same file paths, so its per-file .editorconfig options apply to these trees).
            var trees = compilation.SyntaxTrees.Where(t => IsUserTree(t, project)).ToImmutableArray();
            Loaded++;
            return new LoadedProject(project, compilation, sourceOnly.Options, trees, sourceOnly.AdditionalTexts);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
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

    private static bool IsUserTree(SyntaxTree tree, ScanProject project) =>
        !string.IsNullOrEmpty(tree.FilePath)
        && tree.FilePath.StartsWith(project.Directory, StringComparison.Ordinal)
        && !tree.FilePath.StartsWith(Path.Combine(project.Directory, "obj") + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }
}
