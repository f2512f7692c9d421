using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Cli;

/// <summary><c>cadasto hook install</c>: a git pre-commit hook that runs <c>cadasto scan --staged</c>.</summary>
internal static class HookCommand
{
    /// <summary>A line every hook this command writes holds, so that a rerun knows its own hook from the user's.</summary>
    public const string Marker = "# cadasto pre-commit hook";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force")
        {
            Description = "Replace an existing pre-commit hook (it is kept as pre-commit.before-cadasto).",
        };
        var path = new Argument<string>("path")
        {
            Description = "A folder of the repository. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var install = new Command("install", "Write .git/hooks/pre-commit: it scans the staged changes, and an error-severity finding blocks the commit.")
        {
            path, force,
        };
        install.SetAction((parseResult, cancellationToken) => InstallAsync(parseResult.GetValue(path) ?? ".", parseResult.GetValue(force), output, error, cancellationToken));
        return new Command("hook", "Git hooks that run cadasto.") { install };
    }

    private static async Task<int> InstallAsync(string path, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (git, problem) = await Git.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        if (git is null)
        {
            await error.WriteLineAsync("cadasto: " + problem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // The hooks folder git really uses (core.hooksPath, worktrees), not a guess at .git/hooks.
        var relative = Encoding.UTF8.GetString(await git.OutputAsync(cancellationToken, "rev-parse", "--git-path", "hooks/pre-commit").ConfigureAwait(false)).TrimEnd('\n', '\r');
        var hook = Path.GetFullPath(Path.Combine(git.TopLevel, relative));
        if (File.Exists(hook))
        {
            var existing = await File.ReadAllTextAsync(hook, cancellationToken).ConfigureAwait(false);
            if (!existing.Contains(Marker, StringComparison.Ordinal))
            {
                if (!force)
                {
                    await error.WriteLineAsync($"cadasto: {hook} already exists and is not cadasto's; left as it is. Add 'cadasto scan --staged' to it, or run 'cadasto hook install --force' (it keeps the old hook as pre-commit.before-cadasto).").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                File.Copy(hook, hook + ".before-cadasto", overwrite: true);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        await File.WriteAllTextAsync(hook, Script(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        await output.WriteLineAsync($"Wrote {hook}: every commit now runs 'cadasto scan --staged'; an error-severity finding blocks it ('git commit --no-verify' skips the hook).").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The hook runs this very tool: the <c>cadasto</c> command when it was started as one (a .NET tool on the PATH),
    /// otherwise the same <c>dotnet</c> and assembly (a clone of this repository).
    /// </summary>
    private static string Script()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(HookCommand).Assembly.Location;
        var command = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? $"{Quote(processPath)} {Quote(assembly)}"
            : Path.GetFileNameWithoutExtension(processPath).Equals("cadasto", StringComparison.OrdinalIgnoreCase) ? "cadasto" : Quote(processPath);
        return "#!/bin/sh\n"
            + Marker + " (written by 'cadasto hook install'; 'git commit --no-verify' skips it)\n"
            + $"exec {command} scan --staged --no-progress\n";
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
