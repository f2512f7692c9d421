using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

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
            var requestsByDocument = ScopeRequestsByDocument.Of(start.Compilation);
            // Per document, so a scope held in a constant of another document lands at the request that uses it (see DocumentOperations);
            // the requests are gathered once per document for CDS4001 and CDS4002 (ScopeRequestsByDocument).
            start.RegisterSemanticModelAction(context =>
            {
                var tree = context.SemanticModel.SyntaxTree;
                var reported = new HashSet<(SyntaxTree?, TextSpan)>();
                foreach (var (request, sink) in requestsByDocument.In(context.SemanticModel, context.CancellationToken))
                {
                    if (request.Scopes is null)
                    {
                        continue;
                    }

                    var undeclared = ScopeRequests.Split(request.Scopes)
                        .Where(scope => !ScopeRequests.NeedsNoDeclaration(scope) && !ScopeRequests.IsDeclared(scope, declared))
                        .Distinct()
                        .ToArray();
                    if (undeclared.Length > 0 && DocumentOperations.FirstFor(reported, request.Location))
                    {
                        var (location, additional) = DocumentOperations.Place(tree, request.Location, request.Argument, sink);
                        context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.UndeclaredScope, location, additional, string.Join(" ", undeclared), fileName));
                    }
                }
            });
        });
    }
}
