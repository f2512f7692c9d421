using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary>The command tree. Parse errors are usage errors (exit code 2), never findings.</summary>
public static class CadastoCommand
{
    /// <summary>
    /// <c>--no-color</c>, on every command (https://no-color.org: the option and the <c>NO_COLOR</c> variable).
    /// </summary>
    internal static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "No colour in the output (as the NO_COLOR environment variable does).",
        Recursive = true,
    };

    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">The arguments, without the program's name.</param>
    /// <param name="output">Standard output (reports, the request, what init wrote).</param>
    /// <param name="error">Standard error (usage errors, notes).</param>
    /// <param name="prompts">
    /// The console <c>init</c> asks its questions on. Null (the tool itself): the terminal, and only when standard
    /// input and output are both a terminal.
    /// </param>
    /// <param name="cancellationToken">
    /// A caller that runs the tool in its own process (a test, the fuzz run) cancels through this; then the tool registers no
    /// handler for the process's signals (System.CommandLine's outlives an invocation the caller gave up on, and threw
    /// <c>ObjectDisposedException</c> at the next Ctrl+C). The tool itself passes none and stops on Ctrl+C.
    /// </param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IAnsiConsole? prompts = null, CancellationToken cancellationToken = default)
    {
        // A plain command as the root, not RootCommand: RootCommand takes its name from the executable, and the
        // tool runs as "dotnet Cadasto.Cli.dll" from a clone; its usage lines must say what users type.
        var root = new Command("cadasto", "Cadasto: secret hygiene and OAuth checks for apps that call the Cadasto API, without building them.")
        {
            new HelpOption(),
            new VersionOption(),
            NoColor,
            ScanCommand.Create(output, error),
            HookCommand.Create(output, error),
            RequestCommand.Create(output, error),
            CheckCommand.Create(output, error),
            InitCommand.Create(output, error, prompts),
        };

        var parseResult = root.Parse(args);
        var problems = UsageProblems(parseResult).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("cadasto: " + problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'cadasto --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        Terminal.NoColorOption.Value = parseResult.GetValue(NoColor);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (cancellationToken.CanBeCanceled)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The parser's errors, with one class said plainly: a token that looks like an option but is none. Where a
    /// command takes an optional argument (scan's path), System.CommandLine hands it such a token as the argument's
    /// value; "'--no-colour' does not exist" would then send the user looking for a file. A path that starts with a
    /// dash goes after <c>--</c> (or as <c>./-name</c>).
    /// </summary>
    private static System.Collections.Generic.IEnumerable<string> UsageProblems(ParseResult parseResult)
    {
        var afterDoubleDash = false;
        foreach (var token in parseResult.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                afterDoubleDash = true;
            }
            else if (!afterDoubleDash && token.Type == TokenType.Argument && LooksLikeOption(token.Value) && !IsOptionValue(parseResult, token))
            {
                yield return $"unknown option '{token.Value}'.";
                yield break;
            }
        }

        foreach (var parseError in parseResult.Errors)
        {
            yield return parseError.Message;
        }
    }

    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-' && !char.IsDigit(value[1]);

    private static bool IsOptionValue(ParseResult parseResult, Token token)
    {
        for (SymbolResult? result = parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command
                && command.Children.OfType<OptionResult>().Any(o => o.Tokens.Any(t => ReferenceEquals(t, token))))
            {
                return true;
            }
        }

        return false;
    }
}
