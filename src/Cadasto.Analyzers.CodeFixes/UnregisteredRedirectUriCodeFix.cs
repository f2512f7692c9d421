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

/// <summary>
/// CDS3001: replace the redirect URI literal with the closest registered one (the analyzer names it); where the finding is an
/// argument that reads a constant declared in another document, the constant's literal.
/// </summary>
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
            if (!diagnostic.Properties.TryGetValue(UnregisteredRedirectUriAnalyzer.ReplacementKey, out var registered)
                || registered is null
                || !diagnostic.Location.IsInSource)
            {
                continue;
            }

            var title = "Use the registered redirect URI '" + registered + "'";
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, Replacement(literal, registered)))), EquivalenceKey),
                    diagnostic);
            }
            else if (await DeclarationAsync(context.Document.Project.Solution, diagnostic, context.CancellationToken).ConfigureAwait(false) is var (document, declarationRoot, declared))
            {
                // The URI is a constant declared elsewhere (the finding's additional location): its declaration is what
                // changes, so every use of the constant gets the registered URI and the code keeps compiling.
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(document.Project.Solution.WithDocumentSyntaxRoot(document.Id, declarationRoot.ReplaceNode(declared, Replacement(declared, registered)))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static LiteralExpressionSyntax Replacement(LiteralExpressionSyntax literal, string registered) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(registered)).WithTriviaFrom(literal);

    /// <summary>
    /// The literal that initializes the constant or field a finding's argument reads (its additional location), when it
    /// is the whole initializer: a literal that is only part of a concatenation or interpolation is the user's to change.
    /// </summary>
    private static async Task<(Document Document, SyntaxNode Root, LiteralExpressionSyntax Literal)?> DeclarationAsync(Solution solution, Diagnostic diagnostic, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!location.IsInSource || solution.GetDocument(location.SourceTree) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax })
            {
                return (document, root, literal);
            }
        }

        return null;
    }
}
