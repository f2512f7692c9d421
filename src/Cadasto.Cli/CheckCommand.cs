using System.CommandLine;
using System.IO;

namespace Cadasto.Cli;

/// <summary><c>cadasto check</c> (placeholder until the manifest reader lands).</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("check", "Not available yet.");
        command.SetAction(_ => { error.WriteLine("cadasto check: not available yet."); return ExitCodes.Usage; });
        return command;
    }
}
