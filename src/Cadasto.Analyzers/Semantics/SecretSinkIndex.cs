using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The secret sinks of a compilation (the catalogue's and the user's <c>cadasto_secret_sinks</c>), through the one
/// <see cref="CatalogIndex{TMeaning}"/>, with what the rules ask of them besides a lookup. One per compilation and
/// option value, from <see cref="CompilationSymbols.SecretSinks"/>.
/// </summary>
internal sealed class SecretSinkIndex
{
    private readonly CatalogIndex<SinkMeaning> _index;

    private SecretSinkIndex(CatalogIndex<SinkMeaning> index, HashSet<string> memberNames, bool hasCredentialSinks)
    {
        _index = index;
        MemberNames = memberNames;
        HasCredentialSinks = hasCredentialSinks;
    }

    /// <summary>Whether no sink resolved (no sink library is referenced and the user declared none that resolves).</summary>
    public bool IsEmpty => _index.IsEmpty;

    /// <summary>Whether a sink of another credential (a password, a bearer token) resolved.</summary>
    public bool HasCredentialSinks { get; }

    /// <summary>
    /// The names of the client-secret sinks that resolved (members, and the types of constructor sinks): a constant
    /// can only reach a sink in a file that names one, so a file that names none needs no look.
    /// </summary>
    public HashSet<string> MemberNames { get; }

    public static SecretSinkIndex Create(CompilationSymbols symbols, ImmutableArray<SecretSink> userSinks)
    {
        var index = CatalogIndex<SinkMeaning>.Create(symbols, userSinks.IsDefaultOrEmpty ? SecretSinkCatalog.Default : SecretSinkCatalog.Default.AddRange(userSinks));
        var names = new HashSet<string>();
        var hasCredentialSinks = false;
        foreach (var entry in index.Resolved)
        {
            hasCredentialSinks |= entry.Value.Meaning == SinkMeaning.Credential;
            if (entry.Value.Meaning == SinkMeaning.ClientSecret && entry.Key is not IMethodSymbol { MethodKind: MethodKind.Constructor })
            {
                names.Add(entry.Key.Name);
            }
        }

        foreach (var row in index.NamespaceRows)
        {
            if (row.Meaning == SinkMeaning.ClientSecret)
            {
                names.Add(row.MemberName);
            }
        }

        return new SecretSinkIndex(index, names, hasCredentialSinks);
    }

    public bool TryGetSink(ISymbol member, out SecretSink sink) => _index.TryGetMember(member, out sink);
}
