using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Names of symbols compared without building strings (<c>ToDisplayString</c> allocates one per call, and rules ask
/// on every operation): a namespace against a dotted name, a type against its full name.
/// </summary>
internal static class SymbolNames
{
    /// <summary>Whether <paramref name="ns"/> is <paramref name="name"/> or nested in it (<c>Microsoft.Identity.Client.Extensibility</c> is in <c>Microsoft.Identity</c>).</summary>
    public static bool IsInNamespace(INamespaceSymbol? ns, string name) =>
        ns is not null && Match(ns, name) is var matched && (matched == name.Length || matched == Deeper);

    /// <summary>Whether <paramref name="type"/> is <paramref name="ns"/>.<paramref name="name"/> (not nested in another type).</summary>
    public static bool IsType(INamedTypeSymbol? type, string ns, string name) =>
        type is { ContainingType: null } && type.Name == name && type.ContainingNamespace is { } containing && Match(containing, ns) == ns.Length;

    private const int Deeper = int.MaxValue;

    // How much of the dotted name the namespace chain down to ns spells: -1 when it differs, Deeper when the whole name
    // was spelled by an outer namespace (ns is nested in it).
    private static int Match(INamespaceSymbol ns, string name)
    {
        if (ns.IsGlobalNamespace)
        {
            return 0;
        }

        var at = Match(ns.ContainingNamespace, name);
        if (at < 0 || at == Deeper)
        {
            return at;
        }

        if (at == name.Length)
        {
            return at == 0 ? -1 : Deeper;
        }

        if (at > 0)
        {
            if (name[at] != '.')
            {
                return -1;
            }

            at++;
        }

        var segment = ns.Name;
        return at + segment.Length <= name.Length && string.CompareOrdinal(name, at, segment, 0, segment.Length) == 0
            ? at + segment.Length
            : -1;
    }
}
