using System;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// What a credential-named local or parameter is used as in the member that writes it: code evidence that it holds no
/// credential. Passed where a method takes a path (<c>File.Exists(path)</c>, <c>GetSecretVersion(string path)</c>): it
/// holds where a credential is (<c>GOOGLE_APPLICATION_CREDENTIALS</c> is a key file's path). Passed where a lookup takes
/// a name or a configuration key (<c>GetSecretAsync(secretName)</c>, <c>configuration[key]</c>): it names a secret. Set
/// only from a regular expression's match (<c>var token = match.Value</c>): a template's or a grammar's token.
/// </summary>
internal static class VariableUses
{
    // How far a local set from another local is followed back to a match.
    private const int MaxMatchDepth = 3;

    public static bool IsUsedAsAPath(IOperation reference, CancellationToken cancellationToken) =>
        IsPassedAs(reference, IsPathParameter, cancellationToken);

    /// <summary>
    /// <c>client.GetSecretAsync(secret)</c>, <c>GetSecretByNameAsync(string secretName)</c>, <c>Environment.GetEnvironmentVariable(secret)</c>,
    /// <c>configuration[secret]</c>, <c>GetValue&lt;string&gt;(secret)</c>: the variable is the name or key a value is looked up
    /// by, whatever the variable is called. A <c>key</c> parameter counts on configuration's own types only (an
    /// encryption's key is a secret); a dictionary's key is a type parameter and never counts.
    /// </summary>
    public static bool IsUsedAsAKeyName(IOperation reference, CancellationToken cancellationToken) =>
        IsPassedAs(reference, IsNameParameter, cancellationToken);

    /// <summary>
    /// <c>Configuration[PushServiceKeys.PushEndpointSecret]</c>, <c>Environment.GetEnvironmentVariable(Keys.ApiKey)</c>: a constant
    /// or read-only field that the compilation passes where a lookup takes a name or a configuration key (as
    /// <see cref="IsUsedAsAKeyName(IOperation, CancellationToken)"/> reads a local) holds that name, whatever it is called
    /// and however its value reads. Searches the documents that spell the field's name; callers ask it last, of a value
    /// that could be a key.
    /// </summary>
    public static bool IsUsedAsAKeyName(IFieldSymbol field, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!field.IsConst && !field.IsReadOnly)
        {
            return false;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!SourceTextSearch.Contains(tree.GetText(cancellationToken), field.Name, StringComparison.Ordinal))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var argument in tree.GetRoot(cancellationToken).DescendantNodes().OfType<ArgumentSyntax>())
            {
                var name = argument.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (!string.Equals(name, field.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                // The analyzer driver has no model to hand out for another tree; this runs for a few fields per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } operation
                    && IsNameParameter(parameter)
                    && StringParts.Unwrap(operation.Value) is IFieldReferenceOperation { Field: var used }
                    && SymbolEqualityComparer.Default.Equals(used.OriginalDefinition, field.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>var token = filter(match.Value)</c>, <c>callingToken = token</c>: a local that every assignment in its member sets
    /// from the text of a regular expression's match (<c>Match</c>, <c>Group</c>, <c>Capture</c>), or from another such local,
    /// or to <c>null</c>, and at least one sets: what an expander or a parser matched in its input. CDS1005 asks it of
    /// token-named locals only (a password cut out of a string with a regex is still a password).
    /// </summary>
    public static bool HoldsMatchedText(IOperation reference, CancellationToken cancellationToken) =>
        reference is ILocalReferenceOperation { Local: var local } && reference.SemanticModel is { } model
        && MemberOf(reference.Syntax) is { } member
        && HoldsMatchedText(local, member, model, MaxMatchDepth, cancellationToken);

    private static bool HoldsMatchedText(ILocalSymbol local, SyntaxNode member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var matched = false;
        foreach (var node in member.DescendantNodes())
        {
            ExpressionSyntax? value = node switch
            {
                VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == local.Name => declarator.Initializer?.Value,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == local.Name => assignment.Right,
                _ => null,
            };
            if (value is null)
            {
                continue;
            }

            if (model.GetOperation(value, cancellationToken) is not { } operation)
            {
                return false;
            }

            operation = StringParts.Unwrap(operation);
            if (operation.ConstantValue is { HasValue: true, Value: null })
            {
                continue;
            }

            if (!IsMatchedText(operation, member, model, depth, cancellationToken))
            {
                return false;
            }

            matched = true;
        }

        return matched;
    }

    private static bool IsMatchedText(IOperation value, SyntaxNode member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (value is ILocalReferenceOperation { Local: var other })
        {
            return depth > 0 && HoldsMatchedText(other, member, model, depth - 1, cancellationToken);
        }

        // match.Value, filter(match.Value), match.Groups["name"].Value.Trim()
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: { Name: "Value", ContainingType: var type } } && IsRegexCapture(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRegexCapture(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolNames.IsType(current, "System.Text.RegularExpressions", "Capture"))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode? MemberOf(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);

    private static bool IsPassedAs(IOperation reference, Func<IParameterSymbol, bool> isParameter, CancellationToken cancellationToken)
    {
        ISymbol? variable = reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (variable is null || reference.SemanticModel is not { } model || MemberOf(reference.Syntax) is not { } member)
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
                && isParameter(parameter)
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
    private static bool IsPathParameter(IParameterSymbol parameter) =>
        parameter.Name.EndsWith("path", StringComparison.OrdinalIgnoreCase) || parameter.Name.EndsWith("fileName", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A string parameter named <c>name</c>, <c>…Name</c> (<c>secretName</c>, <c>keyName</c>) or <c>variable</c> (the
    /// environment's), or <c>key</c> of a member of configuration's own types (<c>IConfiguration[key]</c>, <c>GetValue(key)</c>).
    /// </summary>
    private static bool IsNameParameter(IParameterSymbol parameter)
    {
        if (parameter.OriginalDefinition.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var name = parameter.Name;
        if (name.EndsWith("Name", StringComparison.Ordinal) || name is "name" or "variable")
        {
            return true;
        }

        return name == "key" && SymbolNames.IsInNamespace(parameter.ContainingSymbol.ContainingType?.ContainingNamespace, "Microsoft.Extensions.Configuration");
    }
}
