using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Sinks;

/// <summary>
/// The sink catalogue resolved against one compilation: member symbol → sink. Built once per
/// compilation; sinks whose library the compilation does not reference simply drop out.
/// </summary>
internal sealed class SecretSinkIndex
{
    private readonly Dictionary<ISymbol, SecretSink> _sinksByMember;

    private SecretSinkIndex(Dictionary<ISymbol, SecretSink> sinksByMember) => _sinksByMember = sinksByMember;

    public bool IsEmpty => _sinksByMember.Count == 0;

    public static SecretSinkIndex Create(Compilation compilation, ImmutableArray<SecretSink> sinks)
    {
        var index = new Dictionary<ISymbol, SecretSink>(SymbolEqualityComparer.Default);
        foreach (var sink in sinks)
        {
            if (compilation.GetTypeByMetadataName(sink.TypeMetadataName) is not { } type)
            {
                continue;
            }

            // A member inherited from a base type is keyed by its declaring symbol, which is what
            // an operation refers to (ClientCredentialsTokenRequest.ClientSecret is ProtocolRequest's).
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(sink.MemberName))
                {
                    if (Matches(member, sink.Kind))
                    {
                        index[member] = sink;
                    }
                }
            }

            if (sink.Kind == SinkKind.ConstructorArgument)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    index[constructor] = sink;
                }
            }
        }

        return new SecretSinkIndex(index);
    }

    public bool TryGetSink(ISymbol member, out SecretSink sink) =>
        _sinksByMember.TryGetValue(member.OriginalDefinition, out sink!);

    private static bool Matches(ISymbol member, SinkKind kind) => kind switch
    {
        SinkKind.MethodArgument => member is IMethodSymbol,
        SinkKind.PropertyAssignment => member is IPropertySymbol or IFieldSymbol,
        _ => false,
    };
}
