using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// The move the secret rules' fixes share: the hard-coded value becomes a read from the secret store
/// the manifest names for development (<see cref="HardcodedSecretFixer"/>). Each rule keeps its own
/// sealed fix, so ids, equivalence keys and docs stay one per rule.
/// </summary>
public abstract class SecretStoreReadCodeFix : CodeFixProvider
{
    private readonly string _equivalenceKey;

    private protected SecretStoreReadCodeFix(string diagnosticId)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        // One key whatever the store chosen, so Fix All moves every secret of the scope.
        _equivalenceKey = diagnosticId + ".ReadFromSecretStore";
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var target = SecretStoreTarget.For(context.Document.Project, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax secret || !HardcodedSecretFixer.CanFix(secret))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    HardcodedSecretFixer.TitleFor(model, secret, target),
                    cancellationToken => HardcodedSecretFixer.ReplaceAsync(context.Document, secret, target, cancellationToken),
                    _equivalenceKey),
                diagnostic);
        }
    }
}
