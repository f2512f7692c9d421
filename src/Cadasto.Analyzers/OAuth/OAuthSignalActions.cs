using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// Registers the operation actions a flow rule needs: every finding of the signals it keeps goes to <c>report</c>. An
/// authorization server allowing a flow (<see cref="OAuthParty.Server"/>) is kept only by rules that pass
/// <c>serverRegistrations</c> (CDS2002, CDS2003): it is not the application using the flow (CDS2001, CDS2005).
/// </summary>
internal static class OAuthSignalActions
{
    [ThreadStatic]
    private static List<OAuthFinding>? t_findings;

    public static void Register(CompilationStartAnalysisContext start, OAuthSignalIndex index, Func<OAuthSignal, bool> keep, Action<OperationAnalysisContext, OAuthFinding> report, bool serverRegistrations = false)
    {
        start.RegisterOperationAction(
            context =>
            {
                // One list per thread, reused: almost every operation shows no signal and must not allocate
                // (four flow rules run this on every string literal). Nothing below calls back into Find.
                var findings = t_findings ??= new List<OAuthFinding>();
                findings.Clear();
                OAuthSignalFinder.Find(context.Operation, index, context.Compilation, findings, context.CancellationToken);
                if (findings.Count == 0)
                {
                    return;
                }

                HashSet<Microsoft.CodeAnalysis.Location>? reported = null;
                try
                {
                    foreach (var finding in findings)
                    {
                        // One finding per place: a form body with both client_secret and grant_type is one squiggle.
                        if (keep(finding.Signal) && (serverRegistrations || finding.Party == OAuthParty.Client) && (reported ??= new()).Add(finding.Location))
                        {
                            report(context, finding);
                        }
                    }
                }
                finally
                {
                    findings.Clear();
                }
            },
            OAuthSignalFinder.OperationKinds);
    }
}
