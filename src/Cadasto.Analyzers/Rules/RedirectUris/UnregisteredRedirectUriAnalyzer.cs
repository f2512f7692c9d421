using Cadasto.Analyzers.Catalogs;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Rules.RedirectUris;

/// <summary>
/// CDS3001: a hard-coded redirect URI (in code, or <c>RedirectUri</c>/<c>CallbackPath</c> in
/// <c>appsettings*.json</c>) that no environment of the manifest registers; a <c>CallbackPath</c> is
/// compared with the paths of the registered URIs. The message names the closest registered URI and the
/// code fix puts it in. Silent without a manifest.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnregisteredRedirectUriAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the registered URI (or path) the code fix puts in place of the literal.</summary>
    public const string ReplacementKey = "CadastoRegisteredRedirectUri";

    private static readonly string[] ConfigurationKeys = { "RedirectUri", "CallbackPath" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnregisteredRedirectUri);

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

            var registered = manifest.AllRedirectUris().Select(u => u.Value).ToImmutableArray();
            var fileName = CompilationManifest.FileName(manifest);
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
                        // An authorization server's registration of its clients' URIs is not this application's redirect.
                        if (site.Sink.Meaning == RedirectUriKind.ServerRegistered)
                        {
                            continue;
                        }

                        // A relative URI that the library resolves against the app's origin is compared as a path, like CallbackPath.
                        var isPath = site.Sink.Meaning == RedirectUriKind.CallbackPath
                            || (site.Sink.Meaning == RedirectUriKind.AbsoluteOrRelative && RedirectUriMatcher.IsRelative(site.Uri));
                        if (Check(site.Uri, isPath, site.Location, registered, fileName) is { } diagnostic && DocumentOperations.FirstFor(reported, site.Location))
                        {
                            var (location, additional) = DocumentOperations.Place(tree, site.Location, site.Argument, operation.Syntax);
                            context.ReportDiagnostic(additional is null ? diagnostic : Check(site.Uri, isPath, location, registered, fileName, additional)!);
                        }
                    }
                }, context.CancellationToken);
            });

            start.RegisterAdditionalFileAction(context =>
            {
                if (!ConfigurationFiles.IsAppSettings(context.AdditionalFile, context.Options))
                {
                    return;
                }

                foreach (var value in ConfigurationFiles.Read(context.AdditionalFile, ConfigurationKeys, context.Compilation, context.Options, context.CancellationToken))
                {
                    var isPath = SeparatorInsensitiveText.Equals(value.Key, "CallbackPath");

                    // A relative "RedirectUri" in configuration is most often where to go after sign-in
                    // (AuthenticationProperties.RedirectUri), not the OAuth redirect: only absolute ones are compared.
                    if (!isPath && RedirectUriMatcher.IsRelative(value.Value))
                    {
                        continue;
                    }

                    if (Check(value.Value, isPath, value.Location, registered, fileName) is { } diagnostic)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }

    private static Diagnostic? Check(string uri, bool isPath, Location location, ImmutableArray<string> registered, string fileName, IEnumerable<Location>? additional = null)
    {
        if (uri.Trim().Length == 0 || (isPath ? RedirectUriMatcher.IsRegisteredPath(uri, registered) : RedirectUriMatcher.IsRegistered(uri, registered)))
        {
            return null;
        }

        var closest = RedirectUriMatcher.Closest(uri, registered, comparePaths: isPath);
        var advice = closest is null
            ? "register it for an environment (redirectUris) or use a registered one"
            : isPath
                ? "use the path of a registered one, such as '" + RedirectUriMatcher.Display(closest) + "'"
                : "use the registered '" + RedirectUriMatcher.Display(closest) + "'";

        // The fix writes the closest one into code: never one with user information (a password would move into source).
        var properties = closest is null || UriUserInfo.Contains(closest)
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ReplacementKey, closest);
        return Findings.Create(DiagnosticDescriptors.UnregisteredRedirectUri, location, additional, properties, RedirectUriMatcher.Display(uri), fileName, advice);
    }
}
