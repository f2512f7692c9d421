using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;

namespace Cadasto.Cli;

/// <summary>Entry point: parse, then run the command. Exit codes: 0 ok, 1 findings/missing secrets, 2 bad usage.</summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        // The analyzer package project's id is also "Cadasto.Analyzers" and ships no runtime assembly, so the
        // generated deps.json leaves Cadasto.Analyzers.dll out although it sits beside this one: load it from here.
        AssemblyLoadContext.Default.Resolving += LoadFromToolFolder;
        return CadastoCommand.RunAsync(args, Console.Out, Console.Error);
    }

    private static Assembly? LoadFromToolFolder(AssemblyLoadContext context, AssemblyName name)
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    }
}
