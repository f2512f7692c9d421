using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.RedirectUris;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>CDS3001: replace the redirect URI literal with the closest registered one (the analyzer names it).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnregisteredRedirectUriCodeFix)), Shared]
public sealed class UnregisteredRedirectUriCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticIds.UnregisteredRedirectUri + ".UseRegisteredUri";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnregisteredRedirectUri);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Only a plain string literal is replaced: a constant used elsewhere, or an interpolation, is the user's to change.
            if (!diagnostic.Properties.TryGetValue(UnregisteredRedirectUriAnalyzer.ReplacementKey, out var registered)
                || registered is null
                || !diagnostic.Location.IsInSource
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(registered)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the registered redirect URI '" + registered + "'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
