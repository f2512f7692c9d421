using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Flows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// CDS2004: turn PKCE on — <c>UsePkce = true</c> (replacing <c>false</c>, or added to <c>AddOAuth</c>'s
/// options), or hand the code verifier in scope to the code exchange (<c>CodeVerifier = …</c>,
/// <c>.WithPkceCodeVerifier(…)</c>), or ask MSAL for one (<c>.WithPkce(out var codeVerifier)</c>).
/// Offered only where the result compiles: a verifier must be in scope to pass one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingPkceCodeFix)), Shared]
public sealed class MissingPkceCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticIds.MissingPkce + ".TurnOnPkce";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingPkce);

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
            if (!diagnostic.Properties.TryGetValue(MissingPkceAnalyzer.FixKey, out var fix) || fix is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var replacement = fix switch
            {
                MissingPkceAnalyzer.FixSetUsePkceTrue => SetUsePkceTrue(node),
                MissingPkceAnalyzer.FixAddUsePkce => AddUsePkce(node),
                MissingPkceAnalyzer.FixAddCodeVerifier => AddCodeVerifier(node, model, context.CancellationToken),
                MissingPkceAnalyzer.FixWithPkceCodeVerifier => AppendCall(node, "WithPkceCodeVerifier", Verifier(node, model, context.CancellationToken) is { } verifier ? Argument(IdentifierName(verifier)) : null),
                MissingPkceAnalyzer.FixWithPkce => AppendCall(node, "WithPkce", Argument(DeclarationExpression(IdentifierName("var"), SingleVariableDesignation(Identifier(FreeName(model, node.SpanStart, "codeVerifier"))))).WithRefKindKeyword(Token(SyntaxKind.OutKeyword))),
                _ => null,
            };

            if (replacement is not { } change)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Turn PKCE on",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(change.Old, change.New.WithTriviaFrom(change.Old)))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static (SyntaxNode Old, SyntaxNode New)? SetUsePkceTrue(SyntaxNode node) =>
        node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment
            ? (assignment, assignment.WithRight(LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(assignment.Right)))
            : null;

    /// <summary><c>AddOAuth("x", o => { … })</c> gets <c>o.UsePkce = true;</c> as the last statement of its options lambda.</summary>
    private static (SyntaxNode Old, SyntaxNode New)? AddUsePkce(SyntaxNode node)
    {
        var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        var lambda = invocation?.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().LastOrDefault();
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        if (lambda is null || parameter is null)
        {
            return null;
        }

        var usePkce = ExpressionStatement(AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(parameter), IdentifierName("UsePkce")),
            LiteralExpression(SyntaxKind.TrueLiteralExpression)));

        LambdaExpressionSyntax fixedLambda = lambda.Block is { } block
            ? lambda.WithBlock(block.AddStatements(usePkce))
            : lambda.ExpressionBody is { } body
                ? lambda.WithExpressionBody(null).WithBlock(Block(ExpressionStatement(body.WithoutTrivia()), usePkce))
                : lambda;
        return (lambda, fixedLambda.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
    }

    private static (SyntaxNode Old, SyntaxNode New)? AddCodeVerifier(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation || Verifier(creation, model, cancellationToken) is not { } verifier)
        {
            return null;
        }

        var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("CodeVerifier"), IdentifierName(verifier));
        var initializer = creation.Initializer is { } existing
            ? existing.AddExpressions(assignment)
            : InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList<ExpressionSyntax>(assignment));
        return (creation, creation.WithInitializer(initializer).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
    }

    private static (SyntaxNode Old, SyntaxNode New)? AppendCall(SyntaxNode node, string method, ArgumentSyntax? argument)
    {
        if (argument is null || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return null;
        }

        var call = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrailingTrivia(), IdentifierName(method)),
            ArgumentList(SingletonSeparatedList(argument)));
        return (invocation, call);
    }

    /// <summary>A string in scope whose name says it is the PKCE code verifier (<c>codeVerifier</c>, <c>_verifier</c>, <c>PkceVerifier</c>).</summary>
    private static string? Verifier(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var symbol in model.LookupSymbols(node.SpanStart))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (type?.SpecialType == SpecialType.System_String && symbol.Name.IndexOf("verifier", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return symbol.Name;
            }
        }

        return null;
    }

    private static string FreeName(SemanticModel model, int position, string name)
    {
        var candidate = name;
        for (var i = 2; model.LookupSymbols(position, name: candidate).Length > 0; i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
