using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>Registers the operation actions a flow rule needs: every finding of the signals it keeps goes to <c>report</c>.</summary>
internal static class OAuthSignalActions
{
    public static void Register(CompilationStartAnalysisContext start, OAuthSignalIndex index, Func<OAuthSignal, bool> keep, Action<OperationAnalysisContext, OAuthFinding> report)
    {
        start.RegisterOperationAction(
            context =>
            {
                var findings = new List<OAuthFinding>();
                OAuthSignalFinder.Find(context.Operation, index, context.Compilation, findings, context.CancellationToken);
                HashSet<Microsoft.CodeAnalysis.Location>? reported = null;
                foreach (var finding in findings)
                {
                    // One finding per place: a form body with both client_secret and grant_type is one squiggle.
                    if (keep(finding.Signal) && (reported ??= new()).Add(finding.Location))
                    {
                        report(context, finding);
                    }
                }
            },
            OAuthSignalFinder.OperationKinds);
    }
}
