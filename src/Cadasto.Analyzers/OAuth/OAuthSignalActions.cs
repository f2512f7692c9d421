using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// Registers the operation-block action a flow rule needs (<see cref="BlockOperations"/>): every finding of the signals it keeps goes to <c>report</c>. An
/// authorization server allowing a flow (<see cref="OAuthParty.Server"/>) is kept only by rules that pass
/// <c>serverRegistrations</c> (CDS2002, CDS2003): it is not the application using the flow (CDS2001, CDS2005).
/// Registers nothing where <see cref="CompilationContents.MayHoldFlows"/> says the compilation can show no flow.
/// </summary>
internal static class OAuthSignalActions
{
    public static void Register(CompilationStartAnalysisContext start, Func<OAuthSignal, bool> keep, Func<OAuthFinding, Diagnostic> report, bool serverRegistrations = false)
    {
        // A compilation that can show no flow (no OAuth library, no flow word in its sources) gets no callback at all.
        if (!CompilationContents.MayHoldFlows(start.Compilation, start.Options, start.CancellationToken))
        {
            return;
        }

        // Built after the decision: on code that is not about OAuth the index (every catalogue row's type) is never needed.
        var index = OAuthSignalIndex.Get(start.Compilation, start.Options);

        // One block action per rule, not an operation action on nine kinds: the driver's callback per literal, call, assignment
        // and binary operation was most of a flow rule's cost on code that shows no flow (docs/performance.md, perf12). The
        // block's signals are found once for every flow rule (OAuthSignalsByBlock: docs/performance.md, cost14).
        start.RegisterOperationBlockAction(context =>
        {
            var found = OAuthSignalsByBlock.Of(context.OperationBlocks, index, context.Compilation, context.CancellationToken);
            var findings = found.Findings;
            var first = 0;
            foreach (var end in found.GroupEnds)
            {
                // One finding per place and operation: a form body with both client_secret and grant_type is one squiggle.
                HashSet<Location>? reported = null;
                for (var i = first; i < end; i++)
                {
                    var finding = findings[i];
                    if (keep(finding.Signal) && (serverRegistrations || finding.Party == OAuthParty.Client) && (reported ??= new()).Add(finding.Location))
                    {
                        context.ReportDiagnostic(report(finding));
                    }
                }

                first = end;
            }
        });
    }
}
