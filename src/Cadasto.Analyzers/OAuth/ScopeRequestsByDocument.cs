using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.OAuth;

/// <summary>A scope request and the operation's syntax that makes it (where CDS4001 lands when the literal is in another document).</summary>
internal readonly record struct FoundScopeRequest(ScopeRequest Request, SyntaxNode Sink);

/// <summary>
/// The scope requests of each document of a compilation, gathered once per document and shared by CDS4001 (which
/// reports a document's undeclared scopes in that document) and CDS4002 (which needs every document's to say what is
/// unused): one walk of a document's operations (<see cref="DocumentOperations.ForEach"/>, with
/// <see cref="ScopeRequests.Find"/>), by whichever rule asks first, kept <see cref="PerCompilation{T}"/>.
/// </summary>
internal sealed class ScopeRequestsByDocument
{
    private static readonly PerCompilation<ScopeRequestsByDocument> Cache = new();

    private readonly Compilation _compilation;

    // Not a Lazy: a cancelled walk must not be remembered; two rules racing on one document both get the same answer.
    private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<FoundScopeRequest>> _byTree = new();

    private ScopeRequestsByDocument(Compilation compilation) => _compilation = compilation;

    /// <summary>The scope requests of <paramref name="compilation"/>'s documents.</summary>
    public static ScopeRequestsByDocument Of(Compilation compilation) => Cache.Get(compilation, static c => new ScopeRequestsByDocument(c));

    /// <summary>The requests of <paramref name="model"/>'s document, in document order (a semantic-model action's own model).</summary>
    public ImmutableArray<FoundScopeRequest> In(SemanticModel model, CancellationToken cancellationToken) =>
        _byTree.TryGetValue(model.SyntaxTree, out var found) ? found : _byTree.GetOrAdd(model.SyntaxTree, Gather(model, cancellationToken));

    /// <summary>The requests of <paramref name="tree"/>, bound here when no rule has asked for that document yet.</summary>
    public ImmutableArray<FoundScopeRequest> In(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_byTree.TryGetValue(tree, out var found))
        {
            return found;
        }

        // An additional-file action (CDS4002) gets no semantic model; this binds the document once for both rules.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        return _byTree.GetOrAdd(tree, Gather(model, cancellationToken));
    }

    private static ImmutableArray<FoundScopeRequest> Gather(SemanticModel model, CancellationToken cancellationToken)
    {
        var found = ImmutableArray.CreateBuilder<FoundScopeRequest>();
        var requests = new List<ScopeRequest>();
        DocumentOperations.ForEach(model, ScopeRequests.OperationKinds, operation =>
        {
            requests.Clear();
            ScopeRequests.Find(operation, model.Compilation, requests, cancellationToken);
            foreach (var request in requests)
            {
                found.Add(new FoundScopeRequest(request, operation.Syntax));
            }
        }, cancellationToken);

        return found.Count == 0 ? ImmutableArray<FoundScopeRequest>.Empty : found.ToImmutable();
    }
}
