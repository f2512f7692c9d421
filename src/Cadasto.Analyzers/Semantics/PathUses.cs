using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Whether a local or parameter is used as a file-system path in the member that writes it: passed where a method takes
/// a path (<c>File.Exists(path)</c>, <c>GetSecretVersion(string path)</c>). A credential-named variable used so holds
/// where a credential is (<c>GOOGLE_APPLICATION_CREDENTIALS</c> is a key file's path, a vault secret's path), not the
/// credential itself.
/// </summary>
internal static class PathUses
{
    public static bool IsUsedAsAPath(IOperation reference, CancellationToken cancellationToken)
    {
        ISymbol? variable = reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (variable is null || reference.SemanticModel is not { } model)
        {
            return false;
        }

        var member = reference.Syntax.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
        if (member is null)
        {
            return false;
        }

        foreach (var argument in member.DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Expression is not IdentifierNameSyntax identifier
                || !string.Equals(identifier.Identifier.ValueText, variable.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } operation
                && IsPathParameter(parameter.Name)
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(operation.Value), variable))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? ReferencedSymbol(IOperation value) => StringParts.Unwrap(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary><c>path</c>, <c>filePath</c>, <c>sourceFileName</c>, <c>fileName</c>: the BCL's and most libraries' path parameters.</summary>
    private static bool IsPathParameter(string name) =>
        name.EndsWith("path", StringComparison.OrdinalIgnoreCase) || name.EndsWith("fileName", StringComparison.OrdinalIgnoreCase);
}
