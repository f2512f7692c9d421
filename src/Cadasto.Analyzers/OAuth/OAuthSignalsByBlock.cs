using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// The OAuth signals of one member's operation blocks, found once for every flow rule that asks (issue 10): each of the
/// four flow rules (CDS2001, CDS2002, CDS2003, CDS2005) keeps some signals of the same <see cref="OAuthSignalFinder.Find"/>,
/// which depends on the operation and the index alone, so the first rule to reach a block walks it and asks the finder,
/// and the others read its answer (on the generated input each rule walked every block and asked the finder of every
/// literal, call and assignment itself: docs/performance.md, cost14).
/// </summary>
/// <remarks>
/// Kept per block, weakly: the analyzer driver hands every rule the same operation instances of a member (the semantic
/// model keeps them), and an entry goes when they go. Where another rule is handed other instances, or asks with another
/// index (another <c>cadasto_secret_sinks</c> value), it finds the signals itself, as before. Two rules that ask at once
/// may both find them; the first answer stored is the one every rule reads, and the finder is a pure function of the
/// operation, so both answers are the same. A cancelled search throws before anything is stored.
/// </remarks>
internal static class OAuthSignalsByBlock
{
    private static readonly ConditionalWeakTable<IOperation, Found> Cache = new();

    private static readonly bool[] Wanted = BlockOperations.KindTable(OAuthSignalFinder.OperationKinds);

    /// <summary>The signals of <paramref name="blocks"/>, grouped by the operation that shows them, in the order the blocks' operations are walked.</summary>
    public static Found Of(ImmutableArray<IOperation> blocks, OAuthSignalIndex index, Compilation compilation, CancellationToken cancellationToken)
    {
        if (blocks.IsDefaultOrEmpty)
        {
            return Found.Empty;
        }

        if (Cache.TryGetValue(blocks[0], out var kept) && kept.IsFor(blocks, index))
        {
            return kept;
        }

        var found = Find(blocks, index, compilation, cancellationToken);
        var stored = Cache.GetValue(blocks[0], _ => found);
        return stored.IsFor(blocks, index) ? stored : found;
    }

    private static Found Find(ImmutableArray<IOperation> blocks, OAuthSignalIndex index, Compilation compilation, CancellationToken cancellationToken)
    {
        var wanted = Wanted;
        List<OAuthFinding>? findings = null;
        List<int>? ends = null;
        var scratch = new List<OAuthFinding>();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                var kind = (int)operation.Kind;
                if (kind >= wanted.Length || !wanted[kind])
                {
                    continue;
                }

                scratch.Clear();
                OAuthSignalFinder.Find(operation, index, compilation, scratch, cancellationToken);
                if (scratch.Count > 0)
                {
                    (findings ??= new List<OAuthFinding>()).AddRange(scratch);
                    (ends ??= new List<int>()).Add(findings.Count);
                }
            }
        }

        return new Found(blocks, index, findings?.ToArray() ?? Array.Empty<OAuthFinding>(), ends?.ToArray() ?? Array.Empty<int>());
    }

    /// <summary>What <see cref="OAuthSignalFinder.Find"/> found in a member's blocks: its findings, and where each operation's findings end.</summary>
    internal sealed class Found
    {
        public static readonly Found Empty = new(ImmutableArray<IOperation>.Empty, null, Array.Empty<OAuthFinding>(), Array.Empty<int>());

        private readonly ImmutableArray<IOperation> _blocks;
        private readonly OAuthSignalIndex? _index;

        public Found(ImmutableArray<IOperation> blocks, OAuthSignalIndex? index, OAuthFinding[] findings, int[] groupEnds)
        {
            _blocks = blocks;
            _index = index;
            Findings = findings;
            GroupEnds = groupEnds;
        }

        /// <summary>Every finding, in walk order.</summary>
        public OAuthFinding[] Findings { get; }

        /// <summary>For each operation that shows a signal, in walk order, the index in <see cref="Findings"/> after its last finding.</summary>
        public int[] GroupEnds { get; }

        public bool IsFor(ImmutableArray<IOperation> blocks, OAuthSignalIndex index)
        {
            if (_index is null || !_index.ReadsAs(index) || _blocks.Length != blocks.Length)
            {
                return false;
            }

            for (var i = 0; i < blocks.Length; i++)
            {
                if (!ReferenceEquals(_blocks[i], blocks[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
