using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The rules whose value may be declared away from where it is used (a <c>const</c> secret, redirect URI or scope)
/// run once per document, from a semantic-model action, so that each finding is the document's own (SPEC:
/// "every finding is document-local"): the analyzer driver keeps a diagnostic as a document's own only when the
/// action that reports it covers its span, and an operation action covers one member only. This walks the
/// operations of one document in document order and says where a finding lands.
/// </summary>
internal static class DocumentOperations
{
    private static long s_asked;
    private static long s_mapped;

    /// <summary>Nodes the walks asked the semantic model about since <see cref="ResetCounters"/> (the benchmark's load-independent proxy).</summary>
    internal static long Asked => Interlocked.Read(ref s_asked);

    /// <summary>Operations of a looked-up kind the walks mapped (walked in a tree asked for) since <see cref="ResetCounters"/>.</summary>
    internal static long Mapped => Interlocked.Read(ref s_mapped);

    internal static void ResetCounters()
    {
        Interlocked.Exchange(ref s_asked, 0);
        Interlocked.Exchange(ref s_mapped, 0);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for every operation of <paramref name="kinds"/> that the code of
    /// <paramref name="model"/>'s tree holds, in document order (outer before inner). The implicit <c>Add</c> calls of a
    /// collection initializer and the implicit assignments of an anonymous object are included. Returns how many nodes
    /// the semantic model was asked about (the others were looked up in a tree already asked for).
    /// </summary>
    /// <remarks>
    /// The semantic model finds a node's operation by climbing from the node to its member first: asked for each node of
    /// an expression n levels deep (a concatenation of n parts), that is n² steps (10,000 parts: 1.7 s of CPU for CDS1001 alone, 0.1 s this way).
    /// So it is asked once per operation tree, and the other nodes of that tree are looked up in a map of it, built as the
    /// semantic model builds its own (each syntax node to its one explicit operation). The map holds only the nodes of a
    /// kind that is looked up (<see cref="MayHold"/>), keyed by span and kind rather than by node or operation: installing
    /// identity hashes in the nodes and roots took more of CDS1001's time than its matching (docs/performance.md, cost10).
    /// </remarks>
    public static int ForEach(SemanticModel model, ImmutableArray<OperationKind> kinds, Action<IOperation> visit, CancellationToken cancellationToken)
    {
        var known = new Dictionary<NodeKey, IOperation>();
        var roots = new Dictionary<NodeKey, IOperation>();
        var asked = 0;
        foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (!MayHold(node.Kind(), kinds) || OperationOf(node, model, kinds, known, roots, ref asked, cancellationToken) is not { } operation)
            {
                continue;
            }

            if (operation is IObjectOrCollectionInitializerOperation collection)
            {
                // { "client_secret", … }, Scopes = { "api.read" }: the semantic model hands out the implicit Add calls
                // through their initializer only (an element's own syntax maps to the element's value).
                foreach (var element in collection.Initializers)
                {
                    if (kinds.Contains(element.Kind))
                    {
                        visit(element);
                    }
                }
            }
            else if (kinds.Contains(operation.Kind))
            {
                visit(operation);
            }
        }

        // Once per document, not per node: nothing on the hot path.
        Interlocked.Add(ref s_asked, asked);
        Interlocked.Add(ref s_mapped, known.Count);
        return asked;
    }

    private static IOperation? OperationOf(SyntaxNode node, SemanticModel model, ImmutableArray<OperationKind> kinds, Dictionary<NodeKey, IOperation> known, Dictionary<NodeKey, IOperation> roots, ref int asked, CancellationToken cancellationToken)
    {
        // A key names one node of the tree but for zero-width nodes of broken code: a node that is not the one mapped is asked.
        if (known.TryGetValue(NodeKey.Of(node), out var mapped) && mapped.Syntax == node)
        {
            return mapped;
        }

        // Not in a tree mapped so far (the first node of a member, or one of an attribute's arguments inside a member's span).
        asked++;
        if (model.GetOperation(node, cancellationToken) is not { } operation)
        {
            return null;
        }

        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        // The trees walked, by their root's node (an operation's identity hash is slow to install: see the remarks above).
        // Another root of the same node, if there is one, is walked too: the map keeps the first operation of each node.
        var rootKey = NodeKey.Of(root.Syntax);
        if (!roots.TryGetValue(rootKey, out var walked) || walked != root)
        {
            roots[rootKey] = root;
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                if (!next.IsImplicit && next.Syntax.SyntaxTree == model.SyntaxTree && MayHold(next.Syntax.Kind(), kinds))
                {
                    // The first explicit operation of a node is its own; of two zero-width nodes at one place (broken code),
                    // the second is asked when it is met.
                    var key = NodeKey.Of(next.Syntax);
                    if (!known.ContainsKey(key))
                    {
                        known.Add(key, next);
                    }
                }

                foreach (var child in next.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        return operation;
    }

    /// <summary>A syntax node of one tree by its span and kind: a value, so no identity hash is installed in the node.</summary>
    private readonly record struct NodeKey(int Start, int Length, int Kind)
    {
        public static NodeKey Of(SyntaxNode node) => new(node.Span.Start, node.Span.Length, node.RawKind);
    }

    /// <summary>
    /// Where a finding about the value spelled at <paramref name="literal"/> lands in the document of <paramref name="tree"/>:
    /// on the literal when it is in that document; otherwise at the expression handed to the sink
    /// (<paramref name="argument"/>, else <paramref name="sink"/>), with the literal as an additional location.
    /// </summary>
    public static (Location Location, IEnumerable<Location>? Additional) Place(SyntaxTree tree, Location literal, SyntaxNode? argument, SyntaxNode sink)
    {
        if (literal.SourceTree == tree)
        {
            return (literal, null);
        }

        var at = argument is not null && argument.SyntaxTree == tree ? argument : sink;
        return (at.GetLocation(), new[] { literal });
    }

    /// <summary>One finding per literal per document: true the first time <paramref name="literal"/> is seen.</summary>
    public static bool FirstFor(HashSet<(SyntaxTree?, TextSpan)> seen, Location literal) => seen.Add((literal.SourceTree, literal.SourceSpan));

    /// <summary>The syntax an operation of one of <paramref name="kinds"/> can have, so most nodes need no binding.</summary>
    internal static bool MayHold(SyntaxKind syntax, ImmutableArray<OperationKind> kinds)
    {
        foreach (var kind in kinds)
        {
            var holds = kind switch
            {
                OperationKind.Invocation => syntax is SyntaxKind.InvocationExpression or SyntaxKind.CollectionInitializerExpression,
                OperationKind.ObjectCreation => syntax is SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression,
                OperationKind.SimpleAssignment => syntax is SyntaxKind.SimpleAssignmentExpression or SyntaxKind.AnonymousObjectMemberDeclarator,
                OperationKind.Tuple => syntax is SyntaxKind.TupleExpression,
                OperationKind.Literal => syntax is SyntaxKind.StringLiteralExpression,
                OperationKind.InterpolatedString => syntax is SyntaxKind.InterpolatedStringExpression,
                OperationKind.Binary => syntax is SyntaxKind.AddExpression,
                _ => false,
            };

            if (holds)
            {
                return true;
            }
        }

        return false;
    }
}
