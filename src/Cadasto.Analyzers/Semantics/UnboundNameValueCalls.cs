using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The name a value is stored under by a catalogued name-value call that did not bind (<see cref="NameValueCallCatalog"/>):
/// <c>builder.AddParameter("pg-password", "…", secret: true)</c>, <c>.WithEnvironment("Seed__AdminPassword", "…")</c>
/// in an app host compiled without its SDK. The receiver must not resolve (a resolved type's own member binds, or is
/// another member of the same name); the name must be a string literal. Name-based matches work from syntax where a type
/// does not resolve (the SPEC).
/// </summary>
internal static class UnboundNameValueCalls
{
    /// <summary>The name stored beside the value at positional <paramref name="argumentIndex"/>, or null.</summary>
    public static string? NameAt(SemanticModel? model, InvocationExpressionSyntax call, int argumentIndex)
    {
        if (model is null || call.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        var member = access.Name.Identifier.ValueText;
        foreach (var row in NameValueCallCatalog.Default)
        {
            if (row.MemberName != member || row.Meaning.Value != argumentIndex)
            {
                continue;
            }

            var arguments = call.ArgumentList.Arguments;
            if (row.Meaning.Name >= arguments.Count || arguments[row.Meaning.Name].NameColon is not null
                || arguments[row.Meaning.Name].Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name
                || model.GetTypeInfo(access.Expression).Type is { TypeKind: not TypeKind.Error })
            {
                return null;
            }

            return name.Token.ValueText;
        }

        return null;
    }
}
