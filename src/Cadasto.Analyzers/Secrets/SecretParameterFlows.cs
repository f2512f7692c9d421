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
/// that name a sink.
/// </summary>
internal sealed class SecretParameterFlows
{
    // One per sink index of the compilation (the user's cadasto_secret_sinks make their own index): computed once, lazily.
    private static readonly PerCompilation<ConcurrentDictionary<SecretSinkIndex, Lazy<SecretParameterFlows>>> Cache = new();

    private static readonly SecretParameterFlows None = new(new Dictionary<IMethodSymbol, List<ParameterFlow>>(SymbolEqualityComparer.Default));

    private readonly Dictionary<IMethodSymbol, List<ParameterFlow>> _flows;

    private SecretParameterFlows(Dictionary<IMethodSymbol, List<ParameterFlow>> flows)
    {
        _flows = flows;
        MethodNames = new HashSet<string>(flows.Keys.Select(static m => m.MethodKind == MethodKind.Constructor ? m.ContainingType.Name : m.Name), StringComparer.Ordinal);
    }

    /// <summary>The names a call to one of the methods spells (a constructor's type name): a file that spells none calls none.</summary>
    public HashSet<string> MethodNames { get; }

    public bool IsEmpty => _flows.Count == 0;

    public static SecretParameterFlows Get(Compilation compilation, SecretSinkMatcher matcher)
    {
        var byIndex = Cache.Get(compilation, static _ => new ConcurrentDictionary<SecretSinkIndex, Lazy<SecretParameterFlows>>());
        if (!byIndex.TryGetValue(matcher.Index, out var flows))
        {
            flows = byIndex.GetOrAdd(matcher.Index, new Lazy<SecretParameterFlows>(() => Compute(compilation, matcher), LazyThreadSafetyMode.ExecutionAndPublication));
        }

        return flows.Value;
    }

    /// <summary>The parameters of <paramref name="method"/> (a source method of this compilation) that reach a client-secret sink.</summary>
    public bool TryGet(IMethodSymbol method, out List<ParameterFlow> flows) =>
        _flows.TryGetValue(method.OriginalDefinition, out flows!);

    private static SecretParameterFlows Compute(Compilation compilation, SecretSinkMatcher matcher)
    {
        var flows = new Dictionary<IMethodSymbol, List<ParameterFlow>>(SymbolEqualityComparer.Default);
        try
        {
            var collector = new ParameterFlowCollector();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!SinkBoundLiterals.NamesASink(tree, matcher, CancellationToken.None))
                {
                    continue;
                }

                // The analyzer driver has no model to hand out for another tree; this runs once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                DocumentOperations.ForEach(model, SecretSinkMatcher.OperationKinds, operation => matcher.Match(operation, compilation, CancellationToken.None, collector), CancellationToken.None);

                // Constants the matcher found on the way (Basic headers spelled out) are the rule's business, not this pass's.
                collector.Clear();
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
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Broken code must never turn into an analyzer crash (AD0001); without flows the rule still sees direct sinks.
            return None;
        }

        return new SecretParameterFlows(flows);
    }
}

/// <summary>A parameter of the user's own method that reaches a client-secret sink, and that sink's name.</summary>
internal readonly record struct ParameterFlow(IParameterSymbol Parameter, string SinkName);

/// <summary>
/// The hit list the matcher fills while <see cref="SecretParameterFlows"/> reads the user's methods: where the matcher would
/// trace a value handed to a client-secret sink back to a constant, it records the method parameter the value is instead.
/// A list of hits by type, so every sink shape the matcher knows is found the same way in both passes.
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
