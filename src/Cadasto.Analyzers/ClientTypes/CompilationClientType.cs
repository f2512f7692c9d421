using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.ClientTypes;

/// <summary>
/// The client type of a compilation, computed once and shared by every rule that asks (the
/// manifest is read once per compilation through its own cache).
/// </summary>
internal static class CompilationClientType
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<ClientTypeInfo>> Cache = new();

    public static ClientTypeInfo Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return cached.Value;
        }

        var resolved = ClientTypeResolver.Resolve(options, manifestClientType: null);
        return Cache.GetValue(compilation, _ => new StrongBox<ClientTypeInfo>(resolved)).Value;
    }
}
