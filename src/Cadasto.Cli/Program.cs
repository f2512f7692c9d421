using System;
using System.Threading.Tasks;

namespace Cadasto.Cli;

/// <summary>Entry point: parse, then run the command. Exit codes: 0 ok, 1 findings/missing secrets, 2 bad usage.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CadastoCommand.RunAsync(args, Console.Out, Console.Error);
}
