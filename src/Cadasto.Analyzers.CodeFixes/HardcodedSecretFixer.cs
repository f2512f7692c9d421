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
    /// parameter default values, <c>case</c> labels), since every fix must leave code that compiles.
    /// </summary>
    public static bool CanFix(ExpressionSyntax secret)
    {
        foreach (var ancestor in secret.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax:
                    return false;
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return false;
                case StatementSyntax or MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
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
