using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// What a type is as a collection of named values, asked by its shape (names and type arguments), so that a library's own
/// dictionary types and the BCL's answer alike: one place for "is this a dictionary" and "does this hold key-value pairs".
/// </summary>
internal static class CollectionTypes
{
    /// <summary><c>IDictionary&lt;string, T&gt;</c>, <c>IReadOnlyDictionary&lt;string, T&gt;</c>, <c>Dictionary&lt;string, T&gt;</c>: a lookup by name.</summary>
    public static bool IsDictionaryByString(INamedTypeSymbol type) =>
        IsDictionaryName(type.Name, includeClass: true) && type.TypeArguments.Length == 2 && type.TypeArguments[0].SpecialType == SpecialType.System_String;

    /// <summary>
    /// A dictionary (any key), a <c>NameValueCollection</c>, or a sequence of key-value pairs or tuples (IdentityModel's
    /// <c>Parameters</c>): a type that can carry named values besides its own members.
    /// </summary>
    public static bool IsKeyValueCollection(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "NameValueCollection" || IsPairsInterface(current))
            {
                return true;
            }
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (IsPairsInterface(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPairsInterface(ITypeSymbol type) =>
        (type is INamedTypeSymbol named && IsDictionaryName(named.Name, includeClass: false))
        || (type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } sequence
            && sequence.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair" or "ValueTuple" or "Tuple" });

    private static bool IsDictionaryName(string name, bool includeClass) =>
        name is "IDictionary" or "IReadOnlyDictionary" || (includeClass && name == "Dictionary");
}
