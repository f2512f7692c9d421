using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The parameter an argument of a call that does not bind was passed as, by the older version of the library that the
/// code was written against (<see cref="LegacySignatureCatalog"/>): <c>new TokenClient(address, "client", "…")</c> of
/// IdentityModel 1.x compiled against today's IdentityModel, whose <c>TokenClient</c> resolves and has no such
/// constructor. The type must resolve to the catalogued one, or, for a library no version of which the compilation
/// has (Thinktecture's <c>OAuth2Client</c>), not resolve and be spelled by its name in a file that imports the row's
/// namespace (name-based matches work from syntax where a type does not resolve: the SPEC). The call's member is
/// matched by the name it spells.
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
        if (type is not INamedTypeSymbol named || member is null)
        {
            return null;
        }

        foreach (var row in LegacySignatureCatalog.Default)
        {
            if (row.MemberName == member && argumentIndex < row.Meaning.Length && IsRowType(model, named, row, call))
            {
                return row.Meaning[argumentIndex];
            }
        }

        return null;
    }

    private static bool IsRowType(SemanticModel model, INamedTypeSymbol type, CatalogMember<ImmutableArray<string>> row, SyntaxNode call) =>
        type.TypeKind == TypeKind.Error
            ? type.Name == row.TypeName && NamespaceImports.Imports(model, call, row.TypeNamespace)
            : SymbolNames.IsType(type, row.TypeNamespace, row.TypeName);
}
