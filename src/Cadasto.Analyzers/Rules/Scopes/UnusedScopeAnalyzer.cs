using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Scopes;

/// <summary>
/// CDS4002 (compilation end): a scope the manifest declares that no code requests, reported on each of
/// its entries in the manifest. Requests are gathered from code (as CDS4001 reads them) and from
/// <c>Scope</c>/<c>Scopes</c> in <c>appsettings*.json</c>. When some request is only known at run time (a
/// scope read from configuration or the generated classes) or asks for <c>.default</c>, nobody can say
/// what is unused, and the rule stays silent. Silent without a manifest.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnusedScopeAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] ConfigurationKeys = { "Scope", "Scopes" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnusedScope);

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

            var requested = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
            var unknown = 0;

            void Record(string? scopes)
            {
                if (scopes is null)
                {
                    Interlocked.Exchange(ref unknown, 1);
                    return;
                }

                foreach (var scope in ScopeRequests.Split(scopes))
                {
                    if (scope.EndsWith(".default", System.StringComparison.Ordinal))
                    {
                        Interlocked.Exchange(ref unknown, 1);
                    }

                    requested[scope] = true;
                }
            }

            start.RegisterOperationAction(
                context =>
                {
                    // Most operations request nothing: no list allocated for them.
                    var requests = ListPool<ScopeRequest>.Rent();
                    ScopeRequests.Find(context.Operation, context.Compilation, requests, context.CancellationToken);
                    foreach (var request in requests)
                    {
                        Record(request.Scopes);
                    }

                    ListPool<ScopeRequest>.Return(requests);
                },
                ScopeRequests.OperationKinds);

            start.RegisterAdditionalFileAction(context =>
            {
                if (ConfigurationFiles.IsAppSettings(context.AdditionalFile, context.Options))
                {
                    foreach (var value in ConfigurationFiles.Read(context.AdditionalFile, ConfigurationKeys, context.CancellationToken))
                    {
                        Record(value.Value);
                    }
                }
            });

            start.RegisterCompilationEndAction(context =>
            {
                if (Volatile.Read(ref unknown) != 0)
                {
                    return;
                }

                var fileName = CompilationManifest.FileName(manifest);
                foreach (var declared in manifest.AllScopes())
                {
                    var scope = declared.Value.Trim();
                    if (scope.Length == 0 || ScopeRequests.ProtocolScopes.Contains(scope) || IsRequested(scope, requested.Keys))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.UnusedScope, declared.Location.ToLocation(), scope, fileName));
                }
            });
        });
    }

    private static bool IsRequested(string declared, IEnumerable<string> requested)
    {
        foreach (var scope in requested)
        {
            if (ScopeRequests.IsDeclared(scope, new[] { declared }))
            {
                return true;
            }
        }

        return false;
    }
}
