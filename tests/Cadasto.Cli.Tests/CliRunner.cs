using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>The result of one run of the tool.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>Runs the built tool (<c>dotnet Cadasto.Cli.dll …</c>) as a separate process, output redirected.</summary>
public static class CliRunner
{
    public static string RepositoryRoot { get; } = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly string Configuration = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    public static string ToolPath { get; } = Path.Combine(RepositoryRoot, "src", "Cadasto.Cli", "bin", Configuration, "net10.0", "Cadasto.Cli.dll");

    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        Assert.True(File.Exists(ToolPath), $"The tool was not built at {ToolPath}.");
        return RunProcessAsync("dotnet", new[] { ToolPath }.Concat(args), workingDirectory, environment);
    }

    /// <summary>
    /// Runs the tool as a user without privileges: as root (CI containers) permissions do not stop reads, so files a
    /// test made unreadable would be read anyway; there the tool runs as nobody (setpriv). Otherwise, as is.
    /// </summary>
    public static Task<CliResult> RunAsUnprivilegedAsync(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(ToolPath), $"The tool was not built at {ToolPath}.");
        if (Environment.UserName != "root")
        {
            return RunAsync(workingDirectory, null, args);
        }

        var environment = new Dictionary<string, string?> { ["HOME"] = Path.GetTempPath() };
        return RunProcessAsync("setpriv", new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", ToolPath }.Concat(args), workingDirectory, environment);
    }

    /// <summary>Runs the tool under a pseudo-terminal (util-linux <c>script</c>), where colour and progress are on by default.</summary>
    public static Task<CliResult> RunOnTerminalAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        Assert.True(File.Exists(ToolPath), $"The tool was not built at {ToolPath}.");
        var command = "dotnet " + string.Join(" ", new[] { ToolPath }.Concat(args).Select(ShellQuote));
        var terminal = new Dictionary<string, string?> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "200" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            terminal[key] = value;
        }

        return RunProcessAsync("script", new[] { "-qec", command, "/dev/null" }, workingDirectory, terminal);
    }

    /// <summary>Runs any program (the tool, git, a hook) with output redirected, input closed, and a 3-minute limit.</summary>
    public static async Task<CliResult> RunProcessAsync(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("NO_COLOR");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(key);
                }
                else
                {
                    start.Environment[key] = value;
                }
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 3 minutes: " + string.Join(" ", args));
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}
