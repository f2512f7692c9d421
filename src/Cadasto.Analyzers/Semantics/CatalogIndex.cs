using System.Collections.Generic;
using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// THE index of a member-based catalogue: its rows resolved to the compilation's symbols once, by one rule, for every
/// catalogue (secret sinks, OAuth signals, redirect-URI sinks, PKCE sites). A constructor row keys its type and the
/// type's instance constructors; a member row keys every member of that name on the type and its base types (an
/// inherited member is keyed by its declaring symbol, which is what an operation refers to:
/// <c>ClientCredentialsTokenRequest.ClientSecret</c> is <c>ProtocolRequest</c>'s), the first row winning.
/// Built through <see cref="CompilationSymbols"/>, which keeps one per compilation.
/// </summary>
internal sealed class CatalogIndex<TMeaning>
{
    private readonly Dictionary<ISymbol, CatalogMember<TMeaning>> _rows;

    // Rows for a member of any type of a namespace (CatalogMember.AnyTypeIn), by member name: matched on lookup, as
    // there is no type to resolve them to.
    private readonly Dictionary<string, List<CatalogMember<TMeaning>>> _namespaceRows;

    // The resolved members of rows whose type is an interface: what TryGetMemberOrImplementation looks through.
    private readonly List<KeyValuePair<ISymbol, CatalogMember<TMeaning>>> _interfaceMembers;

    private CatalogIndex(
        Dictionary<ISymbol, CatalogMember<TMeaning>> rows,
        Dictionary<string, List<CatalogMember<TMeaning>>> namespaceRows,
        List<KeyValuePair<ISymbol, CatalogMember<TMeaning>>> interfaceMembers)
    {
        _rows = rows;
        _namespaceRows = namespaceRows;
        _interfaceMembers = interfaceMembers;
    }

    /// <summary>The rows that stand for a member of every type of a namespace (<c>OpenIddict.*</c>'s <c>SetClientSecret</c>).</summary>
    public IEnumerable<CatalogMember<TMeaning>> NamespaceRows
    {
        get
        {
            foreach (var rows in _namespaceRows.Values)
            {
                foreach (var row in rows)
                {
                    yield return row;
                }
            }
        }
    }

    private HashSet<string>? _memberNames;

    /// <summary>
    /// The names code must spell to reach a row: every resolved member's name (a constructor's: its type's), every
    /// namespace row's member name (a prefix row's prefix). An operation on a catalogued member names it in its syntax,
    /// so a document whose text holds none of these reaches no row by name. Built once per index.
    /// </summary>
    public HashSet<string> MemberNames => System.Threading.LazyInitializer.EnsureInitialized(ref _memberNames, BuildMemberNames)!;

    /// <summary>Whether no row resolved (none of the catalogue's libraries is referenced).</summary>
    public bool IsEmpty => _rows.Count == 0;

    /// <summary>The rows that resolved, once per symbol they key.</summary>
    public IEnumerable<KeyValuePair<ISymbol, CatalogMember<TMeaning>>> Resolved => _rows;

    public static CatalogIndex<TMeaning> Create(CompilationSymbols symbols, IEnumerable<CatalogMember<TMeaning>> rows)
    {
        var index = new Dictionary<ISymbol, CatalogMember<TMeaning>>(SymbolEqualityComparer.Default);
        var namespaceRows = new Dictionary<string, List<CatalogMember<TMeaning>>>(System.StringComparer.Ordinal);
        var interfaceMembers = new List<KeyValuePair<ISymbol, CatalogMember<TMeaning>>>();
        foreach (var row in rows)
        {
            if (row.AnyTypeIn is not null)
            {
                if (!namespaceRows.TryGetValue(row.MemberName, out var named))
                {
                    namespaceRows[row.MemberName] = named = new List<CatalogMember<TMeaning>>();
                }

                named.Add(row);
                continue;
            }

            if (symbols.Type(row.TypeMetadataName) is not { } type)
            {
                continue;
            }

            if (row.Kind == SinkKind.ConstructorArgument)
            {
                Add(index, type, row);
                foreach (var constructor in type.InstanceConstructors)
                {
                    Add(index, constructor, row);
                }

                continue;
            }

            // "Write*": every member whose name starts with "Write".
            var prefix = row.MemberName.EndsWith("*", System.StringComparison.Ordinal) ? row.MemberName.Substring(0, row.MemberName.Length - 1) : null;
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in prefix is null ? current.GetMembers(row.MemberName) : current.GetMembers())
                {
                    if (prefix is not null && !member.Name.StartsWith(prefix, System.StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (Matches(member, row.Kind))
                    {
                        Add(index, member, row);
                        if (current.TypeKind == TypeKind.Interface)
                        {
                            interfaceMembers.Add(new KeyValuePair<ISymbol, CatalogMember<TMeaning>>(member, row));
                        }
                    }
                }
            }
        }

        return new CatalogIndex<TMeaning>(index, namespaceRows, interfaceMembers);
    }

    /// <summary>
    /// The row of a member an operation refers to: its definition, the extension method a reduced call is, or a member
    /// it overrides (an override still means the catalogued member).
    /// </summary>
    public bool TryGetMember(ISymbol member, out CatalogMember<TMeaning> row)
    {
        var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced.OriginalDefinition : member.OriginalDefinition;
        if (_rows.TryGetValue(definition, out row!))
        {
            return true;
        }

        switch (definition)
        {
            case IMethodSymbol method:
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (_rows.TryGetValue(overridden.OriginalDefinition, out row!))
                    {
                        return true;
                    }
                }

                break;
            case IPropertySymbol property:
                for (var overridden = property.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
                {
                    if (_rows.TryGetValue(overridden.OriginalDefinition, out row!))
                    {
                        return true;
                    }
                }

                break;
        }

        if (_namespaceRows.Count > 0 && _namespaceRows.TryGetValue(definition.Name, out var named))
        {
            foreach (var candidate in named)
            {
                if (Matches(definition, candidate.Kind) && definition.ContainingType is { } type && SymbolNames.IsInNamespace(type.ContainingNamespace, candidate.AnyTypeIn!))
                {
                    row = candidate;
                    return true;
                }
            }
        }

        row = null!;
        return false;
    }

    /// <summary>
    /// The row of a member (<see cref="TryGetMember"/>), or of the interface member it implements: a class's own indexer
    /// stands for <c>IConfiguration</c>'s. Asked by a catalogue whose interface rows mean every implementation (CDS1005's
    /// secret sources); the others mean the interface's member alone.
    /// </summary>
    public bool TryGetMemberOrImplementation(ISymbol member, out CatalogMember<TMeaning> row)
    {
        if (TryGetMember(member, out row))
        {
            return true;
        }

        var definition = member.OriginalDefinition;
        if (_interfaceMembers.Count > 0 && definition.ContainingType is { TypeKind: not TypeKind.Interface } type)
        {
            foreach (var candidate in _interfaceMembers)
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate.Key), definition))
                {
                    row = candidate.Value;
                    return true;
                }
            }
        }

        row = null!;
        return false;
    }

    /// <summary>The constructor row of a created type or one of its base types.</summary>
    public bool TryGetCreatedType(ITypeSymbol type, out CatalogMember<TMeaning> row)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (_rows.TryGetValue(current.OriginalDefinition, out row!) && row.Kind == SinkKind.ConstructorArgument)
            {
                return true;
            }
        }

        row = null!;
        return false;
    }

    private HashSet<string> BuildMemberNames()
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in _rows)
        {
            names.Add(entry.Key is IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { } type } ? type.Name : entry.Key.Name);
        }

        foreach (var row in NamespaceRows)
        {
            names.Add(row.SpelledName);
        }

        return names;
    }

    private static void Add(Dictionary<ISymbol, CatalogMember<TMeaning>> index, ISymbol symbol, CatalogMember<TMeaning> row)
    {
        if (!index.ContainsKey(symbol))
        {
            index[symbol] = row;
        }
    }

    private static bool Matches(ISymbol member, SinkKind kind) => kind switch
    {
        SinkKind.MethodArgument => member is IMethodSymbol { MethodKind: MethodKind.Ordinary },
        SinkKind.PropertyAssignment => member is IPropertySymbol or IFieldSymbol,
        SinkKind.CollectionElement => member is IPropertySymbol,
        SinkKind.IndexerArgument => member is IPropertySymbol { IsIndexer: true },
        _ => false,
    };
}
