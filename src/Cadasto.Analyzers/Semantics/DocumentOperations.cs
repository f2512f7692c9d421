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

    /// <summary>Operations the walks mapped (walked in a tree asked for) since <see cref="ResetCounters"/>.</summary>
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
    /// semantic model builds its own (each syntax node to its one explicit operation).
    /// </remarks>
    public static int ForEach(SemanticModel model, ImmutableArray<OperationKind> kinds, Action<IOperation> visit, CancellationToken cancellationToken)
    {
        var known = new Dictionary<SyntaxNode, IOperation>();
        var roots = new HashSet<IOperation>();
        var asked = 0;
        foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (!MayHold(node.Kind(), kinds) || OperationOf(node, model, known, roots, ref asked, cancellationToken) is not { } operation)
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

    private static IOperation? OperationOf(SyntaxNode node, SemanticModel model, Dictionary<SyntaxNode, IOperation> known, HashSet<IOperation> roots, ref int asked, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(node, out var mapped))
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

        if (roots.Add(root))
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                if (!next.IsImplicit && next.Syntax.SyntaxTree == model.SyntaxTree && !known.ContainsKey(next.Syntax))
                {
                    known.Add(next.Syntax, next);
                }

                foreach (var child in next.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        return operation;
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
