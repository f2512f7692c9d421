using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary>The command tree. Parse errors are usage errors (exit code 2), never findings.</summary>
public static class CadastoCommand
{
    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">The arguments, without the program's name.</param>
    /// <param name="output">Standard output (reports, the request, what init wrote).</param>
    /// <param name="error">Standard error (usage errors, notes).</param>
    /// <param name="prompts">
    /// The console <c>init</c> asks its questions on. Null (the tool itself): the terminal, and only when standard
    /// input and output are both a terminal.
    /// </param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IAnsiConsole? prompts = null)
    {
        var root = new RootCommand("Cadasto: secret hygiene and OAuth checks for apps that call the Cadasto API, without building them.")
        {
            ScanCommand.Create(output, error),
            RequestCommand.Create(output, error),
            CheckCommand.Create(output, error),
            InitCommand.Create(output, error, prompts),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync("cadasto: " + parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'cadasto --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
