using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Scopes;

/// <summary>
/// CDS4001: a scope requested in code that no scope list of the manifest (top-level or an environment's)
/// declares. Protocol scopes (<c>openid</c>, <c>profile</c>, <c>email</c>, <c>address</c>, <c>phone</c>,
/// <c>offline_access</c>) and <c>.default</c> are never reported. One finding per literal, naming every
/// undeclared scope it spells. Silent without a manifest.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredScopeAnalyzer : DiagnosticAnalyzer
{
    [System.ThreadStatic]
    private static List<ScopeRequest>? t_requests;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UndeclaredScope);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationManifest.Get(start.Options, start.CancellationToken) is not { } manifest)
            {
                return;
            }

            var declared = manifest.AllScopes().Select(s => s.Value.Trim()).ToImmutableArray();
            var fileName = CompilationManifest.FileName(manifest);
            start.RegisterOperationAction(
                context =>
                {
                    // One list per thread, reused: most operations request nothing.
                    var requests = t_requests ??= new List<ScopeRequest>();
                    requests.Clear();
                    ScopeRequests.Find(context.Operation, context.Compilation, requests, context.CancellationToken);
                    foreach (var request in requests)
                    {
                        if (request.Scopes is null)
                        {
                            continue;
                        }

                        var undeclared = ScopeRequests.Split(request.Scopes)
                            .Where(scope => !ScopeRequests.NeedsNoDeclaration(scope) && !ScopeRequests.IsDeclared(scope, declared))
                            .Distinct()
                            .ToArray();
                        if (undeclared.Length > 0)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UndeclaredScope, request.Location, string.Join(" ", undeclared), fileName));
                        }
                    }

                    // Nothing kept alive (locations hold their syntax tree) until the next operation on this thread.
                    requests.Clear();
                },
                ScopeRequests.OperationKinds);
        });
    }
}
