using System.Collections.Immutable;
using Cadasto.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Analyzers;

/// <summary>
/// CDS1002: a hard-coded string stored under a credential name (field, property, local, parameter
/// default, named argument, dictionary or anonymous-object key, attribute named argument), or passed
/// positionally to a known credential sink. Lands on the literal; defers to CDS1001 for a literal that
/// reaches a client-secret sink (see <see cref="SecretLiteralClassifier"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HardcodedCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var classifier = SecretLiteralClassifier.For(start.Compilation, start.Options);
            start.RegisterOperationAction(c => Analyze(c, classifier), OperationKind.Literal);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SecretLiteralClassifier classifier)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string text })
        {
            return;
        }

        if (classifier.CredentialNameFor(literal, text, context.CancellationToken) is not { } name
            || classifier.ReachesClientSecretSink(literal, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardcodedCredential, literal.Syntax.GetLocation(), name));
    }
}
