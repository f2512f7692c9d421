using System.Collections.Immutable;
using Cadasto.Analyzers.Common;
using Cadasto.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Analyzers;

/// <summary>
/// CDS1001: a hard-coded string reaches a place that takes a client secret (the sink catalogue).
/// The diagnostic lands on the literal (or the constant expression) that spells the secret.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedClientSecretAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HardcodedClientSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var sinks = SecretSinkIndex.Create(start.Compilation, SecretSinkCatalog.Default);
            if (sinks.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeObjectCreation(c, sinks), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, sinks), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SecretSinkIndex sinks)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (sinks.TryGetSink(invocation.TargetMethod, out var sink))
        {
            AnalyzeArguments(context, invocation.Arguments, sink);
        }
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, SecretSinkIndex sinks)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is { } constructor && sinks.TryGetSink(constructor, out var sink))
        {
            AnalyzeArguments(context, creation.Arguments, sink);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SecretSinkIndex sinks)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var member = assignment.Target switch
        {
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        if (member is not null && sinks.TryGetSink(member, out var sink) && sink.Kind == SinkKind.PropertyAssignment)
        {
            Report(context, assignment.Value, sink);
        }
    }

    private static void AnalyzeArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, SecretSink sink)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == sink.ParameterName)
            {
                Report(context, argument.Value, sink);
            }
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation value, SecretSink sink)
    {
        foreach (var hardcoded in HardcodedStringTracer.Trace(value, context.Compilation, context.CancellationToken))
        {
            if (!SecretValueHeuristics.IsNotASecret(hardcoded.Text))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.HardcodedClientSecret,
                    hardcoded.Syntax.GetLocation(),
                    sink.DisplayName));
            }
        }
    }
}
