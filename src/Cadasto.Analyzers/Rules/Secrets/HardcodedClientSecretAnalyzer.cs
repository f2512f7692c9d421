using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Rules.Secrets;

/// <summary>
/// CDS1001: a hard-coded string reaches a place that takes a client secret (the sink catalogue,
/// <c>client_secret</c> form and query fields, <c>Basic</c> headers built from <c>id:secret</c>, and the
/// user's <c>cadasto_secret_sinks</c>). The diagnostic lands on the literal (or the constant
/// expression) that spells the secret, wherever it is declared.
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
            // Keyed sinks (client_secret fields, Basic headers) need no library: the matcher is always on.
            var matcher = SecretSinkMatcher.Create(start.Compilation, start.Options);

            // One finding per literal: a constant that reaches several sinks is reported once, at its literal.
            var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
            start.RegisterOperationAction(c => Analyze(c, matcher, reported), SecretSinkMatcher.OperationKinds);
        });
    }

    [System.ThreadStatic]
    private static List<SinkHit>? t_hits;

    private static void Analyze(OperationAnalysisContext context, SecretSinkMatcher matcher, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
    {
        // One list per thread, reused: most operations hand nothing to a sink and must not allocate.
        var hits = t_hits ??= new List<SinkHit>();
        hits.Clear();
        matcher.Match(context.Operation, context.Compilation, context.CancellationToken, hits);
        foreach (var hit in hits)
        {
            if (hit.Meaning != SinkMeaning.ClientSecret || matcher.IsAllowedPlaceholder(hit.Value.Text))
            {
                continue;
            }

            if (hit.Value.ReportAtSources)
            {
                // Prefix + Body: no literal at the sink; the constants it is made of are the literals.
                foreach (var source in hit.Value.Sources)
                {
                    Report(context, source, hit.SinkName, reported);
                }
            }
            else
            {
                Report(context, hit.Value.Syntax, hit.SinkName, reported);
            }
        }

        hits.Clear();
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode syntax, string sinkName, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
    {
        if (reported.TryAdd((syntax.SyntaxTree, syntax.Span), 0))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardcodedClientSecret, syntax.GetLocation(), sinkName));
        }
    }
}
