using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>CDS1002: read the credential from a secret store instead of the literal (the same move as CDS1001).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialCodeFix)), Shared]
public sealed class HardcodedCredentialCodeFix : CodeFixProvider
{
    /// <summary>One key whatever the store chosen, so Fix All moves every secret of the scope.</summary>
    public const string EquivalenceKey = DiagnosticIds.HardcodedCredential + ".ReadFromSecretStore";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardcodedCredential);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
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
                    EquivalenceKey),
                diagnostic);
        }
    }
}
