using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// The move the secret rules' fixes share: the hard-coded value becomes a read from a secret store
/// (<see cref="HardcodedSecretFixer"/>). The client secret is read from the key the manifest names for development;
/// any other credential (<paramref name="keyFromSymbol"/>) from a key derived from the symbol that holds it. Each
/// rule keeps its own sealed fix, so ids, equivalence keys and docs stay one per rule.
/// </summary>
public abstract class SecretStoreReadCodeFix : CodeFixProvider
{
    private readonly string _equivalenceKey;
    private readonly bool _keyFromSymbol;

    private protected SecretStoreReadCodeFix(string diagnosticId, bool keyFromSymbol)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _keyFromSymbol = keyFromSymbol;
        // One key whatever the store chosen, so Fix All moves every secret of the scope.
        _equivalenceKey = diagnosticId + ".ReadFromSecretStore";
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // Declared in another document (SPEC: the finding lands at the sink's argument, the literal is its
            // additional location): the literal is what moves to the store, where it is declared.
            var document = context.Document;
            var location = diagnostic.Location;
            if (diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0] is { IsInSource: true } literalLocation
                && context.Document.Project.Solution.GetDocument(literalLocation.SourceTree) is { } declaring)
            {
                document = declaring;
                location = literalLocation;
            }

            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax secret
                || !secret.Span.Contains(location.SourceSpan) // a literal of a disabled #if branch: text, no expression to move
                || !HardcodedSecretFixer.CanFix(model, secret, context.CancellationToken))
            {
                continue;
            }

            var target = SecretStoreTarget.For(document.Project, context.CancellationToken);
            if (_keyFromSymbol)
            {
                // PartnerApiKey → Partner:ApiKey; a client secret keeps the manifest's key; no name, no guess.
                if (HardcodedSecretFixer.HolderName(model, secret, context.CancellationToken) is not { } name)
                {
                    continue;
                }

                target = SecretStoreTarget.ForCredentialName(name) ?? target;
            }

            var fixedDocument = document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    HardcodedSecretFixer.TitleFor(model, secret, target),
                    async cancellationToken => (await HardcodedSecretFixer.ReplaceAsync(fixedDocument, secret, target, cancellationToken).ConfigureAwait(false)).Project.Solution,
                    _equivalenceKey),
                diagnostic);
        }
    }
}
