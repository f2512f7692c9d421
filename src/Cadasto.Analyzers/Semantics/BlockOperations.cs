using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// One operation-block action per rule in place of operation actions on many kinds (issue 10). On code that holds nothing
/// for a rule, most of its cost was the analyzer driver calling it once per literal, call, assignment and binary operation
/// (its per-callback bookkeeping and timing, per rule and per kind: docs/performance.md, perf11f and perf12); a block action
/// is called once per member and visits the same operations itself: every operation of the kinds asked for in each of
/// <see cref="OperationBlockAnalysisContext.OperationBlocks"/>, outer before inner, which is the set the driver hands to
/// operation actions (each block with its descendants).
/// </summary>
internal static class BlockOperations
{
    /// <summary>Registers one operation-block action that calls <paramref name="visit"/> for every operation of <paramref name="kinds"/>.</summary>
    public static void Register(CompilationStartAnalysisContext start, ImmutableArray<OperationKind> kinds, Action<OperationInBlock> visit)
    {
        var wanted = KindTable(kinds);
        start.RegisterOperationBlockAction(context =>
        {
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    var kind = (int)operation.Kind;
                    if (kind < wanted.Length && wanted[kind])
                    {
                        visit(new OperationInBlock(context, operation));
                    }
                }
            }
        });
    }

    /// <summary>The kinds asked for, as a table indexed by kind.</summary>
    internal static bool[] KindTable(ImmutableArray<OperationKind> kinds)
    {
        var max = 0;
        foreach (var kind in kinds)
        {
            max = Math.Max(max, (int)kind);
        }

        var table = new bool[max + 1];
        foreach (var kind in kinds)
        {
            table[(int)kind] = true;
        }

        return table;
    }
}

/// <summary>One operation of a block, with what an operation action's context gave the rule.</summary>
internal readonly struct OperationInBlock
{
    private readonly OperationBlockAnalysisContext _block;

    public OperationInBlock(OperationBlockAnalysisContext block, IOperation operation)
    {
        _block = block;
        Operation = operation;
    }

    public IOperation Operation { get; }

    public Compilation Compilation => _block.Compilation;

    public CancellationToken CancellationToken => _block.CancellationToken;

    /// <summary>The member whose blocks these are (an operation action's <c>ContainingSymbol</c>).</summary>
    public ISymbol ContainingSymbol => _block.OwningSymbol;

    public void ReportDiagnostic(Diagnostic diagnostic) => _block.ReportDiagnostic(diagnostic);
}
