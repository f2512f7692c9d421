using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// CDS2001: a public client cannot keep a secret, so the fix removes it — the <c>WithClientSecret(…)</c> /
/// <c>SetClientSecret(…)</c> step of a builder chain, the <c>ClientSecret = …</c> assignment or initializer
/// member — and leaves a comment pointing to authorization code with PKCE. It never moves the secret to
/// configuration, which is public there (<c>wwwroot/appsettings.json</c> is downloaded by the browser). The
/// client-credentials grant and user sinks whose call does more than take the secret get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretInPublicClientCodeFix)), Shared]
public sealed class SecretInPublicClientCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "CDS2001.RemoveSecret";

    private const string Title = "Remove the client secret (a public client cannot keep one: use authorization code with PKCE)";

    private const string Pointer = "// Public client: no client secret (RFC 6749 §2.1). Sign users in with authorization code and PKCE.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretInPublicClient);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Removal(model, node, context.CancellationToken) is not { } removal)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, removal))), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>What to take out, and what (if anything) takes its place.</summary>
    private static (SyntaxNode Remove, SyntaxNode? Replacement, SyntaxNode Statement)? Removal(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        // builder.WithClientSecret(…): the chain goes on from the builder, when the step returns the builder's own type.
        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithClientSecret" or "SetClientSecret" } access } invocation
            && model.GetTypeInfo(access.Expression, cancellationToken).Type is { } receiver
            && SymbolEqualityComparer.Default.Equals(receiver, model.GetTypeInfo(invocation, cancellationToken).Type)
            && PointerHolder(invocation) is { } chainStatement)
        {
            return (invocation, access.Expression.WithTrailingTrivia(invocation.GetTrailingTrivia()), chainStatement);
        }

        if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
            || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol { Name: "ClientSecret" })
        {
            return null;
        }

        // options.ClientSecret = …;
        if (assignment.Parent is ExpressionStatementSyntax statement)
        {
            return (statement, null, statement);
        }

        // new Options { …, ClientSecret = … }
        if (assignment.Parent is InitializerExpressionSyntax && PointerHolder(assignment) is { } initializerStatement)
        {
            return (assignment, null, initializerStatement);
        }

        return null;
    }

    /// <summary>The statement, or else the member (an expression-bodied one), that gets the pointer comment.</summary>
    private static SyntaxNode? PointerHolder(SyntaxNode node) =>
        (SyntaxNode?)node.FirstAncestorOrSelf<StatementSyntax>() ?? node.FirstAncestorOrSelf<MemberDeclarationSyntax>();

    private static SyntaxNode Apply(SyntaxNode root, (SyntaxNode Remove, SyntaxNode? Replacement, SyntaxNode Statement) removal)
    {
        // The pointer goes on the statement that held the secret, so it survives the removal.
        var marked = root.TrackNodes(removal.Remove, removal.Statement);
        var statement = marked.GetCurrentNode(removal.Statement)!;
        var indentation = statement.GetLeadingTrivia();
        var withPointer = statement.WithLeadingTrivia(indentation.Add(SyntaxFactory.Comment(Pointer)).Add(SyntaxFactory.ElasticCarriageReturnLineFeed).AddRange(IndentationOf(indentation)));
        marked = marked.ReplaceNode(statement, withPointer);

        var target = marked.GetCurrentNode(removal.Remove)!;
        if (removal.Replacement is { } replacement)
        {
            return marked.ReplaceNode(target, replacement.WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (target is StatementSyntax)
        {
            // A removed statement leaves its leading trivia, the pointer included, to the next token.
            return marked.RemoveNode(target, SyntaxRemoveOptions.KeepLeadingTrivia) ?? marked;
        }

        // An initializer member: the list closes up around it, and is formatted again.
        var initializer = target.Parent!;
        var trackedInitializer = marked.TrackNodes(initializer);
        var current = trackedInitializer.GetCurrentNode(initializer)!;
        var closed = current.RemoveNode(current.ChildNodes().Single(n => n.IsEquivalentTo(target)), SyntaxRemoveOptions.KeepNoTrivia)!;
        return trackedInitializer.ReplaceNode(current, closed.WithAdditionalAnnotations(Formatter.Annotation));
    }

    private static SyntaxTriviaList IndentationOf(SyntaxTriviaList leading)
    {
        var whitespace = SyntaxTriviaList.Empty;
        for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
        {
            whitespace = whitespace.Insert(0, leading[i]);
        }

        return whitespace;
    }
}
