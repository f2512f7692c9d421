using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.OAuth;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
    [System.ThreadStatic]
    private static List<RedirectUriSite>? t_sites;

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
            start.RegisterOperationAction(
                context =>
                {
                    // One list per thread, reused: most calls and assignments are not redirect URI sinks.
                    var sites = t_sites ??= new List<RedirectUriSite>();
                    sites.Clear();
                    sinks.Find(context.Operation, context.Compilation, sites, context.CancellationToken);
                    foreach (var site in sites)
                    {
                        if (site.Sink.UriKind != RedirectUriKind.CallbackPath
                            && RedirectUriMatcher.InsecureReason(site.Uri, site.Sink.UriKind == RedirectUriKind.Absolute) is { } reason)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InsecureRedirectUri, site.Location, site.Uri.Trim(), reason));
                        }
                    }

                    sites.Clear();
                },
                RedirectUriSinks.OperationKinds);

            start.RegisterAdditionalFileAction(context =>
            {
                var file = context.AdditionalFile;
                if (ManifestProvider.IsManifestFile(file, context.Options))
                {
                    if (ManifestProvider.TryGet(file, context.CancellationToken, out var result) && result.Manifest is { } manifest)
                    {
                        foreach (var uri in manifest.AllRedirectUris())
                        {
                            // A malformed one is CDS9003's: one value, one finding.
                            if (!ManifestUris.IsMalformedRedirectUri(uri.Value) && RedirectUriMatcher.InsecureReason(uri.Value, requiresAbsolute: true) is { } reason)
                            {
                                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InsecureRedirectUri, uri.Location.ToLocation(), uri.Value.Trim(), reason));
                            }
                        }
                    }

                    return;
                }

                if (ConfigurationFiles.IsAppSettings(file.Path))
                {
                    foreach (var value in ConfigurationFiles.Read(file, ConfigurationKeys, context.CancellationToken))
                    {
                        // Relative values are allowed here: a configured "RedirectUri" is often the local return URL after sign-in.
                        if (RedirectUriMatcher.InsecureReason(value.Value, requiresAbsolute: false) is { } reason)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InsecureRedirectUri, value.Location, value.Value.Trim(), reason));
                        }
                    }
                }
            });
        });
    }
}
