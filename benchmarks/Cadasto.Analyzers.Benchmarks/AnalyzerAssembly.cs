using System;
using System.IO;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// <c>-figure --analyzer-assembly PATH</c>: the analyzers come from that file (an IL build, or a ReadyToRun image of
/// it) instead of the project reference, loaded as a compiler loads an analyzer: into a load context of its own, by path
/// (a stream load would drop the native code), sharing Roslyn with the host. So an IL copy and a ReadyToRun image of the
/// same build compare in one benchmark.
/// </summary>
internal sealed class AnalyzerAssembly : AssemblyLoadContext
{
    private AnalyzerAssembly(string path)
        : base("Cadasto analyzers from " + Path.GetFileName(path))
    {
    }

    /// <summary>Loads the file; the names it references (Roslyn, the framework) resolve in the default context.</summary>
    public static Assembly Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException("No analyzer assembly at " + full, full);
        }

        return new AnalyzerAssembly(full).LoadFromAssemblyPath(full);
    }

    /// <summary>"ReadyToRun (machine 0x…)" or "IL only", read from the file's CLR header.</summary>
    public static string Describe(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        var headers = reader.PEHeaders;
        return headers.CorHeader?.ManagedNativeHeaderDirectory.Size > 0
            ? $"ReadyToRun (PE machine 0x{(ushort)headers.CoffHeader.Machine:x4})"
            : "IL only";
    }

    // Everything else the analyzers reference (Roslyn, the framework) is the host's.
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
