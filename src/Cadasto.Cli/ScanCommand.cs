using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary><c>cadasto scan [path]</c>: every project, loose .cs and configuration file under the path, analysed from source.</summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path")
        {
            Description = "The folder (or file) to scan. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: human, sarif (SARIF 2.1.0) or json.",
            DefaultValueFactory = _ => "human",
        };
        format.AcceptOnlyFromAmong("human", "sarif", "json");
        var outputFile = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
        };
        var baseline = new Option<FileInfo?>("--baseline")
        {
            Description = "A previous 'scan --format json' or '--format sarif' report: only findings not in it are reported.",
        };
        var noPrefilter = new Option<bool>("--no-prefilter")
        {
            Description = "Analyse every file, even those the text prefilter says cannot hold a finding (slower; for audits).",
        };
        var msbuild = new Option<bool>("--msbuild")
        {
            Description = "Load projects that were restored (obj/project.assets.json) with MSBuild design-time evaluation: their real references. Never restores or builds; other projects are analysed source-only.",
        };
        var noProgress = new Option<bool>("--no-progress")
        {
            Description = "Do not show progress on standard error.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a reported finding is at this severity or above: error (default), warning, info, or never.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "never");
        var staged = new Option<bool>("--staged")
        {
            Description = "Scan the index's content of the staged C# and JSON files (for a pre-commit hook: exit 1 blocks the commit).",
        };
        var since = new Option<string?>("--since")
        {
            Description = "Report only findings in files changed since this revision (a pull request's base), with a full scan's fingerprints.",
        };
        var history = new Option<bool>("--history")
        {
            Description = "Scan every version of every C# and configuration file reachable from HEAD, each once; each secret is reported once with the commit that introduced it.",
        };

        var command = new Command("scan", "Run the Cadasto rules over a folder without building, restoring or writing anything in it.")
        {
            path, format, outputFile, baseline, noPrefilter, msbuild, noProgress, failOn, staged, since, history,
        };
        command.Validators.Add(result =>
        {
            var modes = new[] { result.GetValue(staged), result.GetValue(since) is not null, result.GetValue(history) }.Count(m => m);
            if (modes > 1)
            {
                result.AddError("--staged, --since and --history cannot be combined.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(staged) ? GitMode.Staged : parseResult.GetValue(since) is not null ? GitMode.Since : parseResult.GetValue(history) ? GitMode.History : GitMode.None,
            parseResult.GetValue(since),
            parseResult.GetValue(path) ?? ".",
            parseResult.GetValue(format) ?? "human",
            parseResult.GetValue(outputFile),
            parseResult.GetValue(baseline),
            !parseResult.GetValue(noPrefilter),
            parseResult.GetValue(msbuild),
            !parseResult.GetValue(noProgress),
            FailThreshold(parseResult.GetValue(failOn) ?? "error"),
            output,
            error,
            cancellationToken));
        return command;
    }

    private enum GitMode
    {
        None,
        Staged,
        Since,
        History,
    }

    private static async Task<int> RunAsync(GitMode gitMode, string? sinceRevision, string path, string format, FileInfo? outputFile, FileInfo? baselineFile, bool prefilter, bool useMsBuild, bool showProgress, DiagnosticSeverity? failOn, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            await error.WriteLineAsync($"cadasto: '{path}' does not exist.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        Dictionary<string, string?>? known = null;
        if (baselineFile is not null)
        {
            var (fingerprints, problem) = Baseline.Read(baselineFile.FullName);
            if (problem is not null)
            {
                await error.WriteLineAsync("cadasto: " + problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            known = fingerprints;
        }


        Git? git = null;
        GitSelection? selection = null;
        if (gitMode != GitMode.None)
        {
            string? problem;
            (git, problem) = await Git.OpenAsync(path, cancellationToken).ConfigureAwait(false);
            try
            {
                if (git is not null && gitMode == GitMode.Since && !await git.IsCommitAsync(sinceRevision!, cancellationToken).ConfigureAwait(false))
                {
                    problem = $"--since '{sinceRevision}' is not a commit of this repository (in CI, fetch the base branch first: 'git fetch origin main').";
                }
                else if (git is not null && gitMode == GitMode.Staged)
                {
                    selection = await GitScan.StagedAsync(git, cancellationToken).ConfigureAwait(false);
                }
                else if (git is not null && gitMode == GitMode.Since)
                {
                    selection = await GitScan.SinceAsync(git, sinceRevision!, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (GitException ex)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                await error.WriteLineAsync("cadasto: " + problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        // The report's file is opened before the scan: a folder, a path under a file or a folder without write
        // permission is a usage error now, not after minutes of analysis.
        var (file, outputProblem) = OpenOutput(outputFile);
        if (outputProblem is not null)
        {
            await error.WriteLineAsync("cadasto: " + outputProblem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using var fileToDispose = file;

        using var msbuildLoader = useMsBuild ? new MsBuildProjectLoader() : null;
        var scanner = new Scanner(new ScanOptions
        {
            Prefilter = prefilter,
            ProjectLoader = msbuildLoader is null ? null : msbuildLoader.LoadAsync,
            PrepareProjects = msbuildLoader is null ? null : msbuildLoader.PrepareAsync,
            OnlyFiles = selection?.Files,
            Contents = selection?.Contents,
        });
        Func<IProgress<(int Done, int Total)>?, Task<ScanResult>> scan = gitMode == GitMode.History
            ? progress => HistoryScan.ScanAsync(git!, scanner, prefilter, progress, cancellationToken)
            : progress => scanner.ScanAsync(path, progress, cancellationToken);
        ScanResult result;
        if (showProgress && !Terminal.StderrRedirected(error))
        {
            var progressConsole = Terminal.Create(error, redirected: false);
            result = await progressConsole.Progress()
                .AutoClear(true)
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Scanning projects");
                    var progress = new Progress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    return await scan(progress).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            result = await scan(null).ConfigureAwait(false);
        }

        var reported = known is null ? result.Findings : result.Findings.Where(f => !(known.TryGetValue(f.Fingerprint, out var stored) && ValueHash.Matches(f, stored))).ToList();
        var suppressedByBaseline = result.Findings.Count - reported.Count;

        TextWriter target = file ?? output;
        switch (format)
        {
            case "sarif":
                await SarifReport.WriteAsync(target, result, reported).ConfigureAwait(false);
                break;
            case "json":
                await JsonReport.WriteAsync(target, result, reported, suppressedByBaseline).ConfigureAwait(false);
                break;
            default:
                HumanReport.Write(Terminal.Create(target, redirected: file is not null || Terminal.StdoutRedirected(target)), result, reported, suppressedByBaseline);
                break;
        }

        if (file is not null)
        {
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (format != "human" || file is not null)
        {
            // Machine-readable output goes to stdout or a file; failures of rules still deserve a human's eye.
            foreach (var failure in result.AnalyzerFailures)
            {
                await error.WriteLineAsync("cadasto: " + failure).ConfigureAwait(false);
            }
        }

        // Inputs the scan could not read: the report above is incomplete, so the run fails as a usage error would.
        foreach (var inputError in result.InputErrors)
        {
            await error.WriteLineAsync("cadasto: error: " + HumanReport.Printable(inputError)).ConfigureAwait(false);
        }

        if (result.InputErrors.Count > 0)
        {
            return ExitCodes.Usage;
        }

        return failOn is { } threshold && reported.Any(f => f.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Opens (creates or truncates) the <c>--output</c> file, creating its folder, or says why it cannot.</summary>
    private static (StreamWriter? File, string? Problem) OpenOutput(FileInfo? outputFile)
    {
        if (outputFile is null)
        {
            return (null, null);
        }

        var path = outputFile.FullName;
        if (Directory.Exists(path))
        {
            return (null, $"--output '{outputFile}' is a folder; give a file name.");
        }

        for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return (null, $"--output '{outputFile}': '{parent}' is a file, not a folder.");
            }
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return (new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)), null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, $"--output '{outputFile}' cannot be written: permission denied.");
        }
        catch (IOException ex)
        {
            return (null, $"--output '{outputFile}' cannot be written: {ex.Message}");
        }
    }

    /// <summary>The lowest severity that fails the run; null for <c>never</c>.</summary>
    private static DiagnosticSeverity? FailThreshold(string level) => level switch
    {
        "never" => null,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Error,
    };
}
