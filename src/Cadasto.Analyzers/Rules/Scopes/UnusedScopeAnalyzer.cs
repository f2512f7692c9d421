using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
/// <c>cadasto.json</c>. The action runs once per manifest per analysis, so a build reports each finding once; it binds
/// only the member bodies of trees that may request a scope (<see cref="MayRequestScopes"/>).
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
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            if (IsGenerated(tree, root) || !MayRequestScopes(root))
            {
                continue;
            }

            // An additional-file action gets no semantic model; this is the one place the rule binds, once per tree.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var body in OperationRoots(root))
            {
                if (model.GetOperation(body, cancellationToken) is not { } operation)
                {
                    continue;
                }

                foreach (var candidate in operation.DescendantsAndSelf())
                {
                    if (ScopeRequests.OperationKinds.Contains(candidate.Kind))
                    {
                        ScopeRequests.Find(candidate, compilation, requests, cancellationToken);
                    }
                }
            }
        }

        foreach (var file in options.AdditionalFiles)
        {
            if (ConfigurationFiles.IsAppSettings(file, options))
            {
                foreach (var value in ConfigurationFiles.Read(file, ConfigurationKeys, options, cancellationToken))
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
    /// Whether a tree has anything a scope request is made of: a string (literal or interpolated), or a member access or
    /// argument at all (a scope read at run time and passed on). A file of declarations only is skipped unbound.
    /// </summary>
    private static bool MayRequestScopes(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax or AssignmentExpressionSyntax or BaseObjectCreationExpressionSyntax or TupleExpressionSyntax
                or LiteralExpressionSyntax or InterpolatedStringExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The syntax of each operation tree an operation action would visit: member bodies, initializers, top-level code.</summary>
    private static IEnumerable<SyntaxNode> OperationRoots(SyntaxNode root)
    {
        if (root is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax))
        {
            yield return unit;
        }

        foreach (var node in root.DescendantNodes(static n => n is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or GlobalStatementSyntax)))
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax or ParameterSyntax }:
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    yield return node;
                    break;
            }
        }
    }

    /// <summary>Generated code is not analysed (GeneratedCodeAnalysisFlags.None), here as for the operation actions of the other rules.</summary>
    private static bool IsGenerated(SyntaxTree tree, SyntaxNode root) =>
        GeneratedSource.IsGenerated(tree.FilePath, root.GetLeadingTrivia().ToFullString());

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
