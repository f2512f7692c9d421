using System;
using System.IO;
using System.Threading;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary>Spectre consoles that keep colour and progress off when output is redirected, NO_COLOR is set or --no-color given.</summary>
internal static class Terminal
{
    /// <summary>The <c>--no-color</c> option of the command line being run (per invocation: tests run several in one process).</summary>
    public static readonly AsyncLocal<bool> NoColorOption = new();

    public static bool ColorEnabled(bool redirected) =>
        !redirected && !NoColorOption.Value && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var color = ColorEnabled(redirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            // Redirected output is read by programs: no wrapping at an imaginary 80 columns.
            console.Profile.Width = 240;
        }

        return console;
    }

    public static bool StdoutRedirected(TextWriter writer) => !ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected;

    public static bool StderrRedirected(TextWriter writer) => !ReferenceEquals(writer, Console.Error) || Console.IsErrorRedirected;
}
