using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// The user's own methods that hand one of their parameters to a client-secret sink
/// (<c>GetApiToken(clientId, scope, clientSecret)</c> that sets <c>ClientCredentialsTokenRequest.ClientSecret</c>), so a
/// constant passed to such a parameter is a client secret (SPEC CDS1001: "at least one call level into the user's own
/// methods through a parameter"). One call level: a method that passes the parameter on to another such method is not
/// followed, which also keeps recursion out. Computed once per compilation and sink index, lazily, over the trees
/// that name a sink; the same pass keeps each such tree's client-secret hits (<see cref="TryGetHits"/>), so CDS1001 and
/// the weaker rules that defer to it never walk a tree's operations a second time.
/// </summary>
internal sealed class SecretParameterFlows
{
    // One per sink index of the compilation (the user's cadasto_secret_sinks make their own index): computed once, lazily.
    private static readonly PerCompilation<ConcurrentDictionary<SecretSinkIndex, Lazy<SecretParameterFlows>>> Cache = new();

    private readonly Dictionary<IMethodSymbol, List<ParameterFlow>> _flows;

    // The trees whose text names a sink (SinkBoundLiterals.NamesASink), read once here for every later asker; null when
    // the pass failed, and each tree is then read again on demand.
    private readonly HashSet<SyntaxTree>? _treesNamingASink;

    // The client-secret hits of each tree in _treesNamingASink, in document order (SinkBoundLiterals.MatchTree's answer).
    private readonly Dictionary<SyntaxTree, List<SinkHit>>? _hits;

    private SecretParameterFlows(Dictionary<IMethodSymbol, List<ParameterFlow>> flows, HashSet<SyntaxTree>? treesNamingASink, Dictionary<SyntaxTree, List<SinkHit>>? hits)
    {
        _flows = flows;
        _treesNamingASink = treesNamingASink;
        _hits = hits;
        MethodNames = new HashSet<string>(flows.Keys.Select(static m => m.MethodKind == MethodKind.Constructor ? m.ContainingType.Name : m.Name), StringComparer.Ordinal);
    }

    /// <summary>The names a call to one of the methods spells (a constructor's type name): a file that spells none calls none.</summary>
    public HashSet<string> MethodNames { get; }

    public bool IsEmpty => _flows.Count == 0;

    /// <summary>Whether <paramref name="tree"/>'s text names a client-secret sink (<see cref="SinkBoundLiterals.NamesASink"/>), answered from this pass.</summary>
    public bool NamesASink(SyntaxTree tree, SecretSinkMatcher matcher, CancellationToken cancellationToken) =>
        _treesNamingASink?.Contains(tree) ?? SinkBoundLiterals.NamesASink(tree, matcher, cancellationToken);

    public static SecretParameterFlows Get(Compilation compilation, SecretSinkMatcher matcher)
    {
        var byIndex = Cache.Get(compilation, static _ => new ConcurrentDictionary<SecretSinkIndex, Lazy<SecretParameterFlows>>());
        if (!byIndex.TryGetValue(matcher.Index, out var flows))
        {
            flows = byIndex.GetOrAdd(matcher.Index, new Lazy<SecretParameterFlows>(() => Compute(compilation, matcher), LazyThreadSafetyMode.ExecutionAndPublication));
        }

        return flows.Value;
    }

    /// <summary>
    /// The client-secret hits of <paramref name="tree"/> (a tree that names a sink), as <see cref="SinkBoundLiterals.MatchTree"/>
    /// finds them, read in this pass; false for another tree, or when the pass failed.
    /// </summary>
    public bool TryGetHits(SyntaxTree tree, out List<SinkHit> hits)
    {
        hits = null!;
        return _hits is not null && _hits.TryGetValue(tree, out hits!);
    }

    /// <summary>The parameters of <paramref name="method"/> (a source method of this compilation) that reach a client-secret sink.</summary>
    public bool TryGet(IMethodSymbol method, out List<ParameterFlow> flows) =>
        _flows.TryGetValue(method.OriginalDefinition, out flows!);

    private static SecretParameterFlows Compute(Compilation compilation, SecretSinkMatcher matcher)
    {
        var flows = new Dictionary<IMethodSymbol, List<ParameterFlow>>(SymbolEqualityComparer.Default);
        var treesNamingASink = new HashSet<SyntaxTree>();
        var hits = new Dictionary<SyntaxTree, List<SinkHit>>();

        // The calls that may be to a user's method that hands a parameter to a sink, which only the complete flows tell:
        // matched as any other call on the way (what they are when the method hands none on), decided after the pass.
        var calls = new List<(List<SinkHit> Hits, int Start, int End, IOperation Call)>();
        try
        {
            var collector = new ParameterFlowCollector();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!SinkBoundLiterals.NamesASink(tree, matcher, CancellationToken.None))
                {
                    continue;
                }

                treesNamingASink.Add(tree);
                var treeHits = new List<SinkHit>();
                hits.Add(tree, treeHits);

                // The analyzer driver has no model to hand out for another tree; this runs once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                DocumentOperations.ForEach(model, SecretSinkMatcher.OperationKinds, operation =>
                {
                    var start = treeHits.Count;
                    collector.Clear();
                    matcher.Match(operation, compilation, CancellationToken.None, collector);
                    SinkBoundLiterals.AddClientSecretHits(collector, operation, treeHits);
                    if (SecretSinkMatcher.MayCallAUserMethod(operation))
                    {
                        calls.Add((treeHits, start, treeHits.Count, operation));
                    }
                }, CancellationToken.None);
            }

            foreach (var flow in collector.Flows)
            {
                var method = (IMethodSymbol)flow.Parameter.ContainingSymbol.OriginalDefinition;
                if (!flows.TryGetValue(method, out var list))
                {
                    flows[method] = list = new List<ParameterFlow>();
                }

                // The first sink in document order names the finding, so every build says the same.
                if (!list.Any(f => f.Parameter.Ordinal == flow.Parameter.Ordinal))
                {
                    list.Add(flow);
                }
            }

            var computed = new SecretParameterFlows(flows, treesNamingASink, hits);
            if (!computed.IsEmpty)
            {
                ReadUserMethodCalls(computed, calls, compilation, matcher);
            }

            return computed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Broken code must never turn into an analyzer crash (AD0001); without flows the rule still sees direct sinks.
            return new SecretParameterFlows(new Dictionary<IMethodSymbol, List<ParameterFlow>>(SymbolEqualityComparer.Default), null, null);
        }
    }

    /// <summary>
    /// Replaces, in each tree's hits, what a call to a user's method in <paramref name="flows"/> was matched as with what it
    /// is: the constants passed for the parameters that reach a sink (<see cref="SecretSinkMatcher.MatchUserMethod(IOperation, SecretParameterFlows, Compilation, CancellationToken, List{SinkHit})"/>).
    /// </summary>
    private static void ReadUserMethodCalls(SecretParameterFlows flows, List<(List<SinkHit> Hits, int Start, int End, IOperation Call)> calls, Compilation compilation, SecretSinkMatcher matcher)
    {
        var found = new List<SinkHit>();

        // Back to front, so the ranges still to replace keep their places.
        for (var i = calls.Count - 1; i >= 0; i--)
        {
            var (treeHits, start, end, call) = calls[i];
            found.Clear();
            if (!matcher.MatchUserMethod(call, flows, compilation, CancellationToken.None, found))
            {
                continue;
            }

            var read = new List<SinkHit>();
            SinkBoundLiterals.AddClientSecretHits(found, call, read);
            treeHits.RemoveRange(start, end - start);
            treeHits.InsertRange(start, read);
        }
    }
}

/// <summary>A parameter of the user's own method that reaches a client-secret sink, and that sink's name.</summary>
internal readonly record struct ParameterFlow(IParameterSymbol Parameter, string SinkName);

/// <summary>
/// The hit list the matcher fills while <see cref="SecretParameterFlows"/> reads the user's methods: where the matcher
/// traces a value handed to a client-secret sink back to a constant, it also records the method parameter the value is.
/// A list of hits by type, so every sink shape the matcher knows is found the same way for both.
/// </summary>
internal sealed class ParameterFlowCollector : List<SinkHit>
{
    public List<ParameterFlow> Flows { get; } = new();

    /// <summary>Records <paramref name="value"/> when it is a parameter of a method (not a lambda) that the method never reassigns.</summary>
    public void Record(IOperation value, string sinkName, SinkMeaning meaning, Compilation compilation, CancellationToken cancellationToken)
    {
        if (meaning != SinkMeaning.ClientSecret || HardcodedStringTracer.Parameter(value, compilation, cancellationToken) is not { } parameter)
        {
            return;
        }

        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction }
            && parameter.RefKind == RefKind.None && !parameter.IsParams
            && parameter.Type.SpecialType == SpecialType.System_String)
        {
            Flows.Add(new ParameterFlow(parameter, sinkName));
        }
    }
}
