using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// Replaces a hard-coded secret with a read from a secret store (<see cref="SecretStoreRead"/>);
/// a <c>const</c> that held it becomes <c>static readonly</c> (a local <c>const</c>, a plain local),
/// since a store read is not a compile-time constant.
/// </summary>
internal static class HardcodedSecretFixer
{
    public static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax secret, SecretStoreTarget target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var read = SecretStoreRead.For(model, secret, target);
        var newRoot = root.ReplaceNode(secret, read.Expression.WithTriviaFrom(secret).WithAdditionalAnnotations(Formatter.Annotation));
        newRoot = DropConstFrom(newRoot, secret.SpanStart);
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>
    /// Whether a store read may replace the literal: not where C# requires a constant (attribute arguments,
    /// parameter default values, <c>case</c> labels), and not in a <c>const</c> that code elsewhere uses as a
    /// constant (another <c>const</c>, an attribute, a <c>case</c> label), since every fix must leave code that compiles.
    /// </summary>
    public static bool CanFix(SemanticModel model, ExpressionSyntax secret, CancellationToken cancellationToken) =>
        ConstantContextOf(secret, out var declarator) switch
        {
            ConstantContext.Required => false,
            ConstantContext.ConstDeclaration => model.GetDeclaredSymbol(declarator!, cancellationToken) is not { } constant
                || !IsUsedAsConstant(model.Compilation, constant, cancellationToken),
            _ => true,
        };

    /// <summary>
    /// The name of what holds the value: the field, property, local or parameter it initializes or is assigned to,
    /// the named argument or anonymous member, the dictionary key it is stored under; null when nothing names it.
    /// </summary>
    public static string? HolderName(SemanticModel model, ExpressionSyntax secret, CancellationToken cancellationToken)
    {
        SyntaxNode node = secret;
        while (node.Parent is ParenthesizedExpressionSyntax or BinaryExpressionSyntax or ConditionalExpressionSyntax
               or InterpolationSyntax or InterpolatedStringExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return declarator.Identifier.ValueText;
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return property.Identifier.ValueText;
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return assignment.Left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys } => StringKey(keys[0].Expression),
                    ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } keys } => StringKey(keys[0].Expression),
                    _ => null,
                };
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                return nameEquals.Name.Identifier.ValueText;
            case ArgumentSyntax { NameColon: { } nameColon }:
                return nameColon.Name.Identifier.ValueText;
            case ArgumentSyntax argument:
                return model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter }
                    ? parameter.Name
                    : null;
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: 2 } pair } when pair[1] == node:
                return StringKey(pair[0]);
            default:
                return null;
        }
    }

    private static string? StringKey(ExpressionSyntax key) =>
        key is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;

    private static bool IsConstDeclaration(VariableDeclaratorSyntax declarator) =>
        declarator.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
        || declarator.Parent?.Parent is LocalDeclarationStatementSyntax local && local.Modifiers.Any(SyntaxKind.ConstKeyword);

    /// <summary>Whether any code of the compilation uses <paramref name="constant"/> where C# needs a constant.</summary>
    private static bool IsUsedAsConstant(Compilation compilation, ISymbol constant, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != constant.Name || !NeedsConstant(name))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, constant))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool NeedsConstant(SyntaxNode name) => ConstantContextOf(name, out _) != ConstantContext.None;

    private enum ConstantContext
    {
        None,
        Required,
        ConstDeclaration,
    }

    /// <summary>
    /// Whether C# needs a constant where <paramref name="node"/> is (an attribute argument, a parameter default, a
    /// <c>case</c> label or constant pattern), or it is part of a <c>const</c> declaration's initializer.
    /// </summary>
    private static ConstantContext ConstantContextOf(SyntaxNode node, out VariableDeclaratorSyntax? declarator)
    {
        declarator = null;
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax:
                    return ConstantContext.Required;
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return ConstantContext.Required;
                case VariableDeclaratorSyntax variable when IsConstDeclaration(variable):
                    declarator = variable;
                    return ConstantContext.ConstDeclaration;
                case StatementSyntax or MemberDeclarationSyntax:
                    return ConstantContext.None;
            }
        }

        return ConstantContext.None;
    }

    public static string TitleFor(SemanticModel model, ExpressionSyntax secret, SecretStoreTarget target) =>
        SecretStoreRead.For(model, secret, target).Title;

    /// <summary>Turns the <c>const</c> declaration holding the replaced value (if any) into a read-only one.</summary>
    private static SyntaxNode DropConstFrom(SyntaxNode root, int position)
    {
        var token = root.FindToken(position);
        if (token.Parent?.FirstAncestorOrSelf<FieldDeclarationSyntax>() is { } field
            && field.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var constIndex and >= 0)
        {
            var constKeyword = field.Modifiers[constIndex];
            var readOnly = SyntaxFactory.TokenList(
                SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constKeyword.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constKeyword.TrailingTrivia));
            var modifiers = field.Modifiers.RemoveAt(constIndex).InsertRange(constIndex, readOnly);
            return root.ReplaceNode(field, field.WithModifiers(modifiers));
        }

        if (token.Parent?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is { } local
            && local.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var localConstIndex and >= 0)
        {
            var constKeyword = local.Modifiers[localConstIndex];
            var withoutConst = local.WithModifiers(local.Modifiers.RemoveAt(localConstIndex));
            return root.ReplaceNode(local, withoutConst.WithLeadingTrivia(constKeyword.LeadingTrivia));
        }

        return root;
    }
}
