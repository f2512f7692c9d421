using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The sink catalogue resolved against one compilation: member symbol → sink. Built once per
/// compilation; sinks whose library the compilation does not reference simply drop out.
/// </summary>
internal sealed class SecretSinkIndex
{
    private readonly Dictionary<ISymbol, SecretSink> _sinksByMember;

    private SecretSinkIndex(Dictionary<ISymbol, SecretSink> sinksByMember, HashSet<string> memberNames)
    {
        _sinksByMember = sinksByMember;
        MemberNames = memberNames;
    }

    public bool IsEmpty => _sinksByMember.Count == 0;

    /// <summary>Whether any resolved sink takes another credential (<see cref="SinkMeaning.Credential"/>): CDS1002's sinks.</summary>
    public bool HasCredentialSinks
    {
        get
        {
            foreach (var sink in _sinksByMember.Values)
            {
                if (sink.Meaning == SinkMeaning.Credential)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The simple names of every resolved client-secret sink member (type names for constructors): a cheap syntax
    /// pre-filter for <see cref="Common.SinkBoundLiterals"/>, which only looks for client secrets (so a tree that only
    /// mentions <c>X509Certificate2</c> or <c>Password</c> is not bound for it).
    /// </summary>
    public HashSet<string> MemberNames { get; }

    public static SecretSinkIndex Create(Compilation compilation, ImmutableArray<SecretSink> sinks)
    {
        var index = new Dictionary<ISymbol, SecretSink>(SymbolEqualityComparer.Default);
        var names = new HashSet<string>();
        foreach (var sink in sinks)
        {
            if (compilation.GetTypeByMetadataName(sink.TypeMetadataName) is not { } type)
            {
                continue;
            }

            if (sink.Kind == SinkKind.ConstructorArgument)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    index[constructor] = sink;
                }

                if (sink.Meaning == SinkMeaning.ClientSecret)
                {
                    names.Add(type.Name);
                }

                continue;
            }

            // A member inherited from a base type is keyed by its declaring symbol, which is what
            // an operation refers to (ClientCredentialsTokenRequest.ClientSecret is ProtocolRequest's).
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(sink.MemberName))
                {
                    if (Matches(member, sink.Kind) && !index.ContainsKey(member))
                    {
                        index[member] = sink;
                        if (sink.Meaning == SinkMeaning.ClientSecret)
                        {
                            names.Add(member.Name);
                        }
                    }
                }
            }
        }

        return new SecretSinkIndex(index, names);
    }

    public bool TryGetSink(ISymbol member, out SecretSink sink) =>
        _sinksByMember.TryGetValue(member.OriginalDefinition, out sink!)
        || (member is IMethodSymbol { ReducedFrom: { } reduced } && _sinksByMember.TryGetValue(reduced.OriginalDefinition, out sink!));

    private static bool Matches(ISymbol member, SinkKind kind) => kind switch
    {
        SinkKind.MethodArgument => member is IMethodSymbol { MethodKind: MethodKind.Ordinary },
        SinkKind.PropertyAssignment => member is IPropertySymbol or IFieldSymbol,
        _ => false,
    };
}
