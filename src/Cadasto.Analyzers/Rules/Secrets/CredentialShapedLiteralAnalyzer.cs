using System.Collections.Immutable;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Rules.Secrets;

/// <summary>
/// CDS1003: a literal shaped like a credential wherever it appears (<see cref="CredentialShapes"/>).
/// Lands on the literal; defers to CDS1002 and CDS1001 for the same literal (one finding per literal).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialShapedLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CredentialShapedLiteral);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var classifier = SecretLiteralClassifier.For(start.Compilation, start.Options);
            start.RegisterOperationAction(c => Analyze(c, classifier), OperationKind.Literal);

            // An #if branch this build does not compile has no operations: its literals come from its tokens (DisabledCode).
            start.RegisterSyntaxTreeAction(c => AnalyzeDisabledCode(c, classifier));
        });
    }

    private static void AnalyzeDisabledCode(SyntaxTreeAnalysisContext context, SecretLiteralClassifier classifier)
    {
        foreach (var literal in classifier.DisabledLiterals(context.Tree, context.CancellationToken))
        {
            // One finding per literal: a credential name is CDS1002's (as in compiled code).
            if (CredentialShapes.Classify(literal.Text, classifier.IsTestCode) is { } kind
                && !classifier.Matcher.IsAllowedPlaceholder(literal.Text)
                && classifier.CredentialNameForDisabledLiteral(literal) is null)
            {
                context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.CredentialShapedLiteral, Location.Create(context.Tree, literal.Span), kind));
            }
        }
    }

    private static void Analyze(OperationAnalysisContext context, SecretLiteralClassifier classifier)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string text } || classifier.ShapeOf(text) is not { } kind)
        {
            return;
        }

        if (classifier.Matcher.IsAllowedPlaceholder(text)
            || classifier.CredentialNameFor(literal, text, context.CancellationToken) is not null
            || classifier.ReachesClientSecretSink(literal, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.CredentialShapedLiteral, literal.Syntax.GetLocation(), kind));
    }
}
