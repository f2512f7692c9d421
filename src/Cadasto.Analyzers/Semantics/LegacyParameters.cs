using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The parameter an argument of a call that does not bind was passed as, by the older version of the library that the
/// code was written against (<see cref="LegacySignatureCatalog"/>): <c>new TokenClient(address, "client", "…")</c> of
/// IdentityModel 1.x compiled against today's IdentityModel, whose <c>TokenClient</c> resolves and has no such
/// constructor. The type must resolve to the catalogued one; the call's member is matched by the name it spells.
/// </summary>
internal static class LegacyParameters
{
    /// <summary>
    /// The old parameter name at <paramref name="argumentIndex"/> of an object creation or a member call (on an instance:
    /// the old extension methods took the instance as <c>this</c>) that did not bind; null when no row says.
    /// </summary>
    public static string? NameAt(SemanticModel? model, ExpressionSyntax call, int argumentIndex)
    {
        if (model is null)
        {
            return null;
        }

        var (type, member) = call switch
        {
            ObjectCreationExpressionSyntax creation => (model.GetTypeInfo(creation).Type, CatalogMember<bool>.Constructor),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => (model.GetTypeInfo(access.Expression).Type, access.Name.Identifier.ValueText),
            _ => (null, null),
        };
        if (type is not INamedTypeSymbol { TypeKind: not TypeKind.Error } named || member is null)
        {
            return null;
        }

        foreach (var row in LegacySignatureCatalog.Default)
        {
            if (row.MemberName == member && argumentIndex < row.ParameterNames.Length
                && SymbolNames.IsType(named, Namespace(row.TypeMetadataName), TypeName(row.TypeMetadataName)))
            {
                return row.ParameterNames[argumentIndex];
            }
        }

        return null;
    }

    private static string Namespace(string metadataName) => metadataName.Substring(0, metadataName.LastIndexOf('.'));

    private static string TypeName(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);
}
