using Cadasto.Analyzers.Catalogs;
using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Values;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Rules.RedirectUris;

/// <summary>
/// CDS3002: an insecure redirect URI — plain http other than loopback, a wildcard, a fragment, or a
/// relative URI where an absolute one is required — in code, in <c>appsettings*.json</c> (<c>RedirectUri</c>)
/// and in the manifest's <c>redirectUris</c>; on an authorization server, the redirect and post-logout URIs it registers for
/// its clients. <c>CallbackPath</c> is a path by design and is not checked here.
/// Runs with or without a manifest.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureRedirectUriAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] ConfigurationKeys = { "RedirectUri" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InsecureRedirectUri);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var sinks = RedirectUriSinks.Create(start.Compilation);
            // Per document, so a URI held in a constant of another document lands at the sink that uses it (see DocumentOperations).
            start.RegisterSemanticModelAction(context =>
            {
                var tree = context.SemanticModel.SyntaxTree;
                if (!sinks.MayHoldSites(tree, context.SemanticModel.Compilation, context.CancellationToken))
                {
                    return;
                }

                var sites = new List<RedirectUriSite>();
                var reported = new HashSet<(SyntaxTree?, TextSpan)>();
                DocumentOperations.ForEach(context.SemanticModel, RedirectUriSinks.OperationKinds, operation =>
                {
                    sites.Clear();
                    sinks.Find(operation, context.SemanticModel.Compilation, sites, context.CancellationToken);
                    foreach (var site in sites)
                    {
                        if (site.Sink.Meaning != RedirectUriKind.CallbackPath
                            && RedirectUriMatcher.InsecureReason(site.Uri, requiresAbsolute: site.Sink.Meaning is RedirectUriKind.Absolute or RedirectUriKind.ServerRegistered) is { } reason
                            && DocumentOperations.FirstFor(reported, site.Location))
                        {
                            var (location, additional) = DocumentOperations.Place(tree, site.Location, site.Argument, operation.Syntax);
                            context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.InsecureRedirectUri, location, additional, RedirectUriMatcher.Display(site.Uri), reason));
                        }
                    }
                }, context.CancellationToken);
            });

            start.RegisterAdditionalFileAction(context =>
            {
                var file = context.AdditionalFile;
                if (ManifestProvider.IsManifestFile(file, context.Options))
                {
                    if (ManifestProvider.TryGet(file, context.CancellationToken, out var result) && result.Manifest is { } manifest)
                    {
                        foreach (var uri in manifest.AllRedirectUris())
                        {
                            // A malformed one, or one with user information, is CDS9003's: one value, one finding.
                            if (!ManifestUris.IsMalformedRedirectUri(uri.Value) && !UriUserInfo.Contains(uri.Value) && RedirectUriMatcher.InsecureReason(uri.Value, requiresAbsolute: true) is { } reason)
                            {
                                context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.InsecureRedirectUri, uri.Location.ToLocation(), RedirectUriMatcher.Display(uri.Value), reason));
                            }
                        }
                    }

                    return;
                }

                if (ConfigurationFiles.IsAppSettings(file, context.Options))
                {
                    foreach (var value in ConfigurationFiles.Read(file, ConfigurationKeys, context.Compilation, context.Options, context.CancellationToken))
                    {
                        // Relative values are allowed here: a configured "RedirectUri" is often the local return URL after sign-in.
                        if (RedirectUriMatcher.InsecureReason(value.Value, requiresAbsolute: false) is { } reason)
                        {
                            context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.InsecureRedirectUri, value.Location, RedirectUriMatcher.Display(value.Value), reason));
                        }
                    }
                }
            });
        });
    }
}
