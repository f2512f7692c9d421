using System;
using System.IO;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary>Spectre consoles that keep colour and progress off when output is redirected or NO_COLOR is set.</summary>
internal static class Terminal
{
    public static bool ColorEnabled(bool redirected) =>
        !redirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

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
