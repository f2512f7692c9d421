using System;
using System.Collections.Generic;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// Where CDS1001 lands in one compilation: the spans of every hard-coded value that reaches a
/// client-secret sink, however far it travelled (a <c>const</c> in another file, a local). Computed
/// once, lazily, and only when a weaker rule (CDS1002, CDS1003) has a finding in a declaration that
/// such a flow could reach; then only syntax trees that mention a sink are bound, and only their
/// candidate nodes.
/// </summary>
internal sealed class SinkBoundLiterals
{
    private readonly Dictionary<SyntaxTree, List<TextSpan>> _spans;

    private SinkBoundLiterals(Dictionary<SyntaxTree, List<TextSpan>> spans) => _spans = spans;

    /// <summary>Whether a CDS1001 finding covers <paramref name="span"/> of <paramref name="tree"/>.</summary>
    public bool Covers(SyntaxTree tree, TextSpan span)
    {
        if (!_spans.TryGetValue(tree, out var spans))
        {
            return false;
        }

        foreach (var found in spans)
        {
            if (found.Contains(span))
            {
                return true;
            }
        }

        return false;
    }

    public static SinkBoundLiterals Compute(Compilation compilation, SecretSinkMatcher matcher, CancellationToken cancellationToken)
    {
        var spans = new Dictionary<SyntaxTree, List<TextSpan>>();
        try
        {
            Fill(compilation, matcher, spans, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Broken code must never turn into an analyzer crash (AD0001) for every literal that asks; what was
            // found before the failure still defers the weaker rules.
        }

        return new SinkBoundLiterals(spans);
    }

    private static void Fill(Compilation compilation, SecretSinkMatcher matcher, Dictionary<SyntaxTree, List<TextSpan>> spans, CancellationToken cancellationToken)
    {
        var hits = new List<SinkHit>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!MentionsASink(tree, compilation, matcher, cancellationToken))
            {
                continue;
            }

            // The analyzer driver has no model to hand out for another tree; this runs once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            hits.Clear();
            MatchTree(model, matcher, hits, cancellationToken);
            foreach (var hit in hits)
            {
                Add(spans, hit.Value.Syntax);
                if (!hit.Value.Sources.IsDefaultOrEmpty)
                {
                    // The constants a composition at the sink is made of: the same secret, one finding.
                    foreach (var source in hit.Value.Sources)
                    {
                        Add(spans, source);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="hits"/>, in document order, every hard-coded client secret the code of
    /// <paramref name="model"/>'s tree hands to a sink (wherever the value is declared). Each hit's
    /// <see cref="SinkHit.Argument"/> is set: the expression at the sink, or the node that reaches it.
    /// </summary>
    public static void MatchTree(SemanticModel model, SecretSinkMatcher matcher, List<SinkHit> hits, CancellationToken cancellationToken)
    {
        var tree = model.SyntaxTree;
        if (SecretParameterFlows.Get(model.Compilation, matcher).TryGetHits(tree, out var read))
        {
            // A tree that names a sink was read in the once-per-compilation pass.
            hits.AddRange(read);
            return;
        }

        if (!MentionsASink(tree, model.Compilation, matcher, cancellationToken))
        {
            return;
        }

        var found = new List<SinkHit>();
        DocumentOperations.ForEach(model, SecretSinkMatcher.OperationKinds, operation =>
        {
            found.Clear();
            matcher.Match(operation, model.Compilation, cancellationToken, found);
            AddClientSecretHits(found, operation, hits);
        }, cancellationToken);
    }

    /// <summary>Adds the client-secret hits of <paramref name="found"/> (what <paramref name="operation"/> was matched as) to <paramref name="hits"/>.</summary>
    internal static void AddClientSecretHits(List<SinkHit> found, IOperation operation, List<SinkHit> hits)
    {
        foreach (var hit in found)
        {
            if (hit.Meaning == SinkMeaning.ClientSecret)
            {
                hits.Add(hit.Argument is null ? hit with { Argument = operation.Syntax } : hit);
            }
        }
    }

    private static void Add(Dictionary<SyntaxTree, List<TextSpan>> spans, SyntaxNode syntax)
    {
        if (!spans.TryGetValue(syntax.SyntaxTree, out var list))
        {
            spans[syntax.SyntaxTree] = list = new List<TextSpan>();
        }

        list.Add(syntax.Span);
    }

    /// <summary>
    /// Whether the tree names a client-secret sink, or calls one of the user's methods that hands a parameter to one
    /// (<see cref="SecretParameterFlows"/>, which has read every tree's text once for the sink names).
    /// </summary>
    private static bool MentionsASink(SyntaxTree tree, Compilation compilation, SecretSinkMatcher matcher, CancellationToken cancellationToken)
    {
        var flows = SecretParameterFlows.Get(compilation, matcher);
        if (flows.NamesASink(tree, matcher, cancellationToken))
        {
            return true;
        }

        if (flows.IsEmpty)
        {
            return false;
        }

        return SourceTextSearch.ContainsAny(tree.GetText(cancellationToken), StringComparison.Ordinal, flows.MethodNames);
    }

    /// <summary>
    /// Whether the tree's text names a client-secret sink: a constant can only reach one in a file that does. One pass
    /// over the text for the <c>client_secret</c> key (case ignored) and the sinks' names.
    /// </summary>
    public static bool NamesASink(SyntaxTree tree, SecretSinkMatcher matcher, CancellationToken cancellationToken) =>
        SourceTextSearch.ContainsAny(
            tree.GetText(cancellationToken),
            new SearchedWords(ClientSecretKey, StringComparison.OrdinalIgnoreCase),
            new SearchedWords(FixedSinkWords, StringComparison.Ordinal),
            new SearchedWords(matcher.Index.MemberNames, StringComparison.Ordinal));

    private static readonly string[] ClientSecretKey = { OAuthParameters.ClientSecret };

    private static readonly string[] FixedSinkWords = { SecretSinkCatalog.ClientSecretMemberName, "Basic" };
}
