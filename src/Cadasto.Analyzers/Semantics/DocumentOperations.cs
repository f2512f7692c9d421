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
        // The maps and the stack of one walk, reused by the next walk on this thread (a compilation's pass walks every tree
        // that names a sink: growing new ones for each was a fifth of that pass); a nested walk gets its own.
        var walk = Walk.Rent();
        var known = walk.Known;
        var roots = walk.Roots;
        var holds = walk.Holds = SyntaxKindsHolding(kinds);
        var asked = 0;
        try
        {
            foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (!Holds(holds, node.RawKind) || OperationOf(node, model, kinds, walk, ref asked, cancellationToken) is not { } operation)
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
        }
        finally
        {
            Walk.Return(walk);
        }

        return asked;
    }

    private static IOperation? OperationOf(SyntaxNode node, SemanticModel model, ImmutableArray<OperationKind> kinds, Walk walk, ref int asked, CancellationToken cancellationToken)
    {
        var known = walk.Known;
        var roots = walk.Roots;
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
            var pending = walk.Pending;
            pending.Clear();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                if (!next.IsImplicit && next.Syntax.SyntaxTree == model.SyntaxTree && Holds(walk.Holds, next.Syntax.RawKind))
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

    /// <summary>The syntax kinds (by raw value) an operation of <paramref name="kinds"/> can have (<see cref="MayHold"/>), as a table.</summary>
    private static bool[] SyntaxKindsHolding(ImmutableArray<OperationKind> kinds)
    {
        // The walks of a compilation ask with one or two static arrays: the last table is kept (a table is 9 KB; building
        // one per document would cost more than the look-ups it saves).
        var last = s_lastTable;
        if (last is not null && last.Kinds == kinds)
        {
            return last.Holds;
        }

        var holds = new bool[MaxSyntaxKind + 1];
        for (var kind = 0; kind <= MaxSyntaxKind; kind++)
        {
            holds[kind] = MayHold((SyntaxKind)kind, kinds);
        }

        s_lastTable = new KindTable(kinds, holds);
        return holds;
    }

    private static bool Holds(bool[] table, int rawKind) => (uint)rawKind < (uint)table.Length && table[rawKind];

    // Above every SyntaxKind of Roslyn 4.8 (the largest is below 9,100); a newer kind is never one MayHold names.
    private const int MaxSyntaxKind = 9_200;

    private static KindTable? s_lastTable;

    private sealed record KindTable(ImmutableArray<OperationKind> Kinds, bool[] Holds);

    /// <summary>The reusable state of one <see cref="ForEach"/>: one per thread, a new one for a walk nested in another.</summary>
    private sealed class Walk
    {
        [ThreadStatic]
        private static Walk? t_free;

        public Dictionary<NodeKey, IOperation> Known { get; } = new();

        public Dictionary<NodeKey, IOperation> Roots { get; } = new();

        public Stack<IOperation> Pending { get; } = new();

        /// <summary>The walk's <see cref="SyntaxKindsHolding"/> table.</summary>
        public bool[] Holds { get; set; } = Array.Empty<bool>();

        public static Walk Rent()
        {
            var walk = t_free ?? new Walk();
            t_free = null;
            return walk;
        }

        public static void Return(Walk walk)
        {
            // Nothing of the document is kept alive: the maps hold operations, which hold their compilation.
            walk.Known.Clear();
            walk.Roots.Clear();
            walk.Pending.Clear();
            t_free = walk;
        }
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
