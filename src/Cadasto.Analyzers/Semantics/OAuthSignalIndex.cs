using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The OAuth signal catalogue and the CDS1001 secret sinks resolved against one compilation:
/// member or type symbol → what it shows. Built once per compilation.
/// </summary>
internal sealed class OAuthSignalIndex
{
    private readonly Dictionary<ISymbol, OAuthSignalMember> _members;
    private readonly Dictionary<ISymbol, RegistrationMember> _registrationMembers;

    private OAuthSignalIndex(Dictionary<ISymbol, OAuthSignalMember> members, Dictionary<ISymbol, RegistrationMember> registrationMembers, SecretSinkIndex secretSinks)
    {
        _members = members;
        _registrationMembers = registrationMembers;
        SecretSinks = secretSinks;
    }

    /// <summary>Whether the compilation references an authorization server whose client registrations the rules read.</summary>
    public bool HasRegistrations => _registrationMembers.Count > 0;

    /// <summary>The client-secret sinks of CDS1001 (one catalogue for both rules).</summary>
    public SecretSinkIndex SecretSinks { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, OAuthSignalIndex> Cache = new();

    /// <summary>The index of a compilation, built once and shared by the flow rules.</summary>
    public static OAuthSignalIndex Get(Compilation compilation) => Cache.GetValue(compilation, Create);

    public static OAuthSignalIndex Create(Compilation compilation)
    {
        var members = new Dictionary<ISymbol, OAuthSignalMember>(SymbolEqualityComparer.Default);
        foreach (var row in OAuthSignalCatalog.Members)
        {
            if (compilation.GetTypeByMetadataName(row.TypeMetadataName) is not { } type)
            {
                continue;
            }

            if (row.Site == SignalSite.ObjectCreation)
            {
                members[type] = row;
                continue;
            }

            foreach (var member in type.GetMembers(row.MemberName))
            {
                if (row.Site == SignalSite.RegistrationValue ? member is IPropertySymbol : member is IMethodSymbol)
                {
                    members[member] = row;
                }
            }
        }

        var registrationMembers = new Dictionary<ISymbol, RegistrationMember>(SymbolEqualityComparer.Default);
        foreach (var row in OAuthSignalCatalog.RegistrationMembers)
        {
            foreach (var member in compilation.GetTypeByMetadataName(row.TypeMetadataName)?.GetMembers(row.MemberName) ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IPropertySymbol)
                {
                    registrationMembers[member] = row;
                }
            }
        }

        return new OAuthSignalIndex(members, registrationMembers, SecretSinkIndex.Create(compilation, SecretSinkCatalog.Default));
    }

    /// <summary>The client-registration member a property is (<c>Client.AllowedGrantTypes</c>, <c>Client.RequirePkce</c>).</summary>
    public bool TryGetRegistrationMember(IPropertySymbol property, out RegistrationMember member) =>
        _registrationMembers.TryGetValue(property.OriginalDefinition, out member!);

    /// <summary>The flow a library's named grant-type set shows when a registration allows it (<c>GrantTypes.Implicit</c>).</summary>
    public bool TryGetRegistrationValue(IPropertySymbol property, out OAuthSignalMember row) =>
        _members.TryGetValue(property.OriginalDefinition, out row!) && row.Site == SignalSite.RegistrationValue;

    public bool TryGetInvocation(IMethodSymbol method, out OAuthSignalMember row)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (_members.TryGetValue(definition, out row!))
        {
            return true;
        }

        // An override or an explicit implementation still means the same call.
        for (var overridden = definition.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (_members.TryGetValue(overridden.OriginalDefinition, out row!))
            {
                return true;
            }
        }

        return false;
    }

    public bool TryGetCreation(ITypeSymbol type, out OAuthSignalMember row)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (_members.TryGetValue(current.OriginalDefinition, out row!))
            {
                return true;
            }
        }

        row = null!;
        return false;
    }
}
