using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Rules.Scopes;

/// <summary>
/// CDS4002: a scope the manifest declares that no code requests, reported on each of its entries in the manifest.
/// Requests are gathered from code (as CDS4001 reads them) and from <c>Scope</c>/<c>Scopes</c> in <c>appsettings*.json</c>.
/// When some request is only known at run time (a scope read from configuration or the generated classes) or asks for
/// <c>.default</c>, nobody can say what is unused, and the rule stays silent. Silent without a manifest.
/// <para>
/// Document-local (SPEC: the IDE's live analysis of the document where a finding lands reports it): the finding lands
/// in the manifest, so it is reported by the manifest's additional-file action, which gathers the requests of every
/// tree itself. A compilation-end action would be seen only by a build or full-solution analysis, never live in
/// <c>cadasto.json</c>. The action runs once per manifest per analysis, so a build reports each finding once; the requests
/// of each tree are gathered once for CDS4001 and this rule (<see cref="ScopeRequestsByDocument"/>).
/// </para>
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

            start.RegisterAdditionalFileAction(context =>
            {
                if (!string.Equals(context.AdditionalFile.Path, manifest.FilePath, StringComparison.Ordinal))
                {
                    return;
                }

                var requested = new HashSet<string>(StringComparer.Ordinal);
                if (!Requests(context.Compilation, context.Options, requested, context.CancellationToken))
                {
                    return;
                }

                var fileName = CompilationManifest.FileName(manifest);
                foreach (var declared in manifest.AllScopes())
                {
                    var scope = declared.Value.Trim();
                    if (scope.Length == 0 || ScopeRequests.ProtocolScopes.Contains(scope) || IsRequested(scope, requested))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.UnusedScope, declared.Location.ToLocation(), scope, fileName));
                }
            });
        });
    }

    /// <summary>
    /// Every scope the project requests, in code and in <c>appsettings*.json</c>; false when some request is only known
    /// at run time or asks for <c>.default</c> (then nothing can be called unused).
    /// </summary>
    private static bool Requests(Compilation compilation, AnalyzerOptions options, HashSet<string> requested, CancellationToken cancellationToken)
    {
        var requests = new List<ScopeRequest>();
        var byDocument = ScopeRequestsByDocument.Of(compilation);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsGenerated(options, tree, cancellationToken))
            {
                continue;
            }

            // The same requests CDS4001 reads, gathered once per document for both rules.
            foreach (var found in byDocument.In(tree, cancellationToken))
            {
                requests.Add(found.Request);
            }
        }

        foreach (var file in options.AdditionalFiles)
        {
            if (ConfigurationFiles.IsAppSettings(file, options))
            {
                foreach (var value in ConfigurationFiles.Read(file, ConfigurationKeys, compilation, options, cancellationToken))
                {
                    requests.Add(new ScopeRequest(value.Value, Location.None));
                }
            }
        }

        foreach (var request in requests)
        {
            if (request.Scopes is null)
            {
                return false;
            }

            foreach (var scope in ScopeRequests.Split(request.Scopes))
            {
                if (scope.EndsWith(".default", StringComparison.Ordinal))
                {
                    return false;
                }

                requested.Add(scope);
            }
        }

        return true;
    }

    /// <summary>
    /// Generated code is not analysed (GeneratedCodeAnalysisFlags.None), here as for the operation actions of the other
    /// rules, and decided as the compiler's analyzer driver decides it: <c>generated_code</c> in the file's options
    /// first, then the file's name and header.
    /// </summary>
    private static bool IsGenerated(AnalyzerOptions options, SyntaxTree tree, CancellationToken cancellationToken) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(GeneratedSource.OptionKey, out var value) && bool.TryParse(value, out var generated)
            ? generated
            : GeneratedSource.IsGenerated(tree.FilePath, tree.GetRoot(cancellationToken).GetLeadingTrivia().ToFullString());

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
