using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Cli;

/// <summary>
/// Git through its plumbing commands (the <c>git</c> on the PATH, which any repository with a pre-commit hook or a CI
/// checkout has): no native library to ship, and the repository's own configuration and object formats apply.
/// Every path git prints is read NUL-separated (<c>-z</c>), so no file name can be misread.
/// </summary>
internal sealed class Git
{
    private Git(string topLevel) => TopLevel = topLevel;

    /// <summary>The work tree's top folder (absolute).</summary>
    public string TopLevel { get; }

    /// <summary>The repository that holds <paramref name="path"/>, or the reason there is none.</summary>
    public static async Task<(Git? Git, string? Problem)> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            var (code, output, error) = await RunAsync(folder, cancellationToken, "rev-parse", "--show-toplevel").ConfigureAwait(false);
            return code == 0
                ? (new Git(Path.GetFullPath(Encoding.UTF8.GetString(output).TrimEnd('\n', '\r'))), null)
                : (null, $"'{path}' is not in a git work tree ({FirstLine(error)}).");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "git is not installed or not on the PATH.");
        }
    }

    /// <summary>Runs git in the top folder; the standard output as bytes, or an exception naming the command and git's message.</summary>
    public async Task<byte[]> OutputAsync(CancellationToken cancellationToken, params string[] args)
    {
        var (code, output, error) = await RunAsync(TopLevel, cancellationToken, args).ConfigureAwait(false);
        if (code != 0)
        {
            throw new GitException($"git {string.Join(" ", args)} failed: {FirstLine(error)}");
        }

        return output;
    }

    /// <summary>Paths (absolute) from a NUL-separated list of paths relative to the top folder.</summary>
    public IEnumerable<string> Paths(byte[] nulSeparated)
    {
        foreach (var relative in Encoding.UTF8.GetString(nulSeparated).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Path.GetFullPath(Path.Combine(TopLevel, relative));
        }
    }

    /// <summary>Whether a revision names a commit.</summary>
    public async Task<bool> IsCommitAsync(string revision, CancellationToken cancellationToken)
    {
        var (code, _, _) = await RunAsync(TopLevel, cancellationToken, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}").ConfigureAwait(false);
        return code == 0;
    }

    private static async Task<(int Code, byte[] Output, string Error)> RunAsync(string folder, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Paths as bytes, never quoted or translated; no pager, no prompt, no colour.
        foreach (var arg in new[] { "-c", "core.quotepath=off", "--no-pager" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await copy.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, output.ToArray(), await error.ConfigureAwait(false));
    }

    private static string FirstLine(string text)
    {
        text = text.Trim();
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text.Substring(0, newline);
    }
}

/// <summary>A git command that failed: the scan cannot say what it was asked (exit 2).</summary>
internal sealed class GitException : Exception
{
    public GitException(string message)
        : base(message)
    {
    }
}
