using System.CommandLine;
using System.IO;

namespace Cadasto.Cli;

/// <summary><c>cadasto request</c> (placeholder until the manifest reader lands).</summary>
internal static class RequestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("request", "Not available yet.");
        command.SetAction(_ => { error.WriteLine("cadasto request: not available yet."); return ExitCodes.Usage; });
        return command;
    }
}
