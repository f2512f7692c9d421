using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Rules.Secrets;

/// <summary>
/// CDS1001: a hard-coded string reaches a place that takes a client secret (the sink catalogue,
/// <c>client_secret</c> form and query fields, <c>Basic</c> headers built from <c>id:secret</c>, and the
/// user's <c>cadasto_secret_sinks</c>).
/// </summary>
/// <remarks>
/// Every finding is document-local (SPEC): the live analysis of the document where it lands reports it,
/// as a build does. So the rule works per document, over the sinks that document's code reaches: a literal
/// declared in the same document gets one finding on the literal; a literal declared in another document
/// gets one finding at the first sink argument of this document that receives it, with the literal as an
/// additional location. The analyzer driver only keeps a diagnostic as the document's own when the action
/// that reports it covers its span, which an operation action in one member does not for a <c>const</c>
/// declared in another: hence a semantic-model action. Document order picks the sink a message names, so
/// concurrent analysis and the order documents are analysed in change nothing.
/// </remarks>
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

            // In a public client a secret is CDS2001's (SPEC: one finding per literal, the most specific rule wins):
            // it flags every client-secret member and field; a Basic header it does not know stays this rule's.
            var publicClient = CompilationClientType.Get(start.Compilation, start.Options, start.CancellationToken).IsPublic;
            var testCode = TestProject.Is(start.Compilation, start.Options);
            start.RegisterSemanticModelAction(c => Analyze(c, matcher, publicClient, testCode));
        });
    }

    private static void Analyze(SemanticModelAnalysisContext context, SecretSinkMatcher matcher, bool publicClient, bool testCode)
    {
        var hits = new List<SinkHit>();
        SinkBoundLiterals.MatchTree(context.SemanticModel, matcher, hits, context.CancellationToken);
        if (hits.Count == 0)
        {
            return;
        }

        var tree = context.SemanticModel.SyntaxTree;

        // One finding per literal in this document: the first sink in document order that receives it decides.
        var reported = new HashSet<(SyntaxTree?, TextSpan)>();
        foreach (var hit in hits)
        {
            // In test code a sentinel ("pass", "secret1") is no finding, in a form body's field as anywhere; a value that looks
            // real still is. A value that is also the request's client id is the public identifier (SPEC), nowhere a finding.
            if (hit.IsTheClientId || matcher.IsAllowedPlaceholder(hit.SecretText) || (publicClient && hit.SinkName != SecretSinkMatcher.BasicHeaderSinkName)
                || (testCode && !TestSentinels.LooksReal(hit.SecretText)))
            {
                continue;
            }

            if (hit.Value.ReportAtSources)
            {
                // Prefix + Body: no literal at the sink; the constants it is made of are the literals.
                foreach (var source in hit.Value.Sources)
                {
                    Report(context, tree, source, hit, reported);
                }
            }
            else
            {
                Report(context, tree, hit.Value.Syntax, hit, reported);
            }
        }
    }

    private static void Report(SemanticModelAnalysisContext context, SyntaxTree tree, SyntaxNode literal, SinkHit hit, HashSet<(SyntaxTree?, TextSpan)> reported)
    {
        var literalLocation = literal.GetLocation();
        if (DocumentOperations.FirstFor(reported, literalLocation))
        {
            var (location, additional) = DocumentOperations.Place(tree, literalLocation, hit.Argument, literal);
            context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.HardcodedClientSecret, location, additional, hit.SinkName));
        }
    }
}
