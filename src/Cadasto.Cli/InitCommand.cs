using System.CommandLine;
using System.IO;

namespace Cadasto.Cli;

/// <summary><c>cadasto init</c> (placeholder until the manifest reader lands).</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("init", "Not available yet.");
        command.SetAction(_ => { error.WriteLine("cadasto init: not available yet."); return ExitCodes.Usage; });
        return command;
    }
}
