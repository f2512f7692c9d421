using System.Collections.Generic;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// The manifest findings that depend on the project when the manifest has no <c>clientType</c>: the SPEC
/// infers it then (<c>cadasto_client_type</c>, then the build: Blazor WebAssembly, MAUI, desktop → public;
/// ASP.NET Core, worker → confidential). A public project's manifest may not hold a secret or the
/// client-credentials flow (CDS9003); a confidential one names a secret outside development (CDS9002).
/// What the manifest alone decides stays in <see cref="ManifestParser"/>, whose result is cached and
/// equatable; this runs per compilation, after it.
/// </summary>
internal static class ManifestClientTypeFindings
{
    public static IEnumerable<DiagnosticInfo> For(CadastoManifest manifest, ClientTypeInfo project)
    {
        if (manifest.ClientType != ManifestClientType.Unspecified)
        {
            yield break; // the manifest says; the parser judged it
        }

        if (project.Type == ClientType.Public)
        {
            var why = project.Reason + " is a public client";
            foreach (var flow in manifest.Flows)
            {
                if (flow.Flow == OAuthFlow.ClientCredentials)
                {
                    yield return DiagnosticInfo.Create(
                        DiagnosticIds.ManifestInvalidValue,
                        flow.Location,
                        "the flow 'client_credentials'",
                        why + ", which cannot keep the secret the client-credentials grant needs (RFC 6749 §4.4); remove the flow, or set clientType to confidential if the application runs on a server");
                }
            }

            foreach (var environment in manifest.Environments)
            {
                if (environment.Secret is { IsDefault: false } secret)
                {
                    yield return DiagnosticInfo.Create(
                        DiagnosticIds.ManifestInvalidValue,
                        secret.Location,
                        "the secret of environment " + Quote(environment.Name.Value),
                        why + ", which never holds a secret (RFC 6749 §10.1); remove it, or set clientType to confidential if the application runs on a server");
                }
            }
        }
        else if (project.Type == ClientType.Confidential && !manifest.IsConfidential)
        {
            foreach (var environment in manifest.Environments)
            {
                if (!environment.IsDevelopment && !environment.DeclaresSecret)
                {
                    yield return DiagnosticInfo.Create(
                        DiagnosticIds.ManifestIncomplete,
                        environment.Name.Location,
                        "a 'secret' reference in environment " + Quote(environment.Name.Value) + " (" + project.Reason + " is a confidential client, which needs one outside development)");
                }
            }
        }
    }

    private static string Quote(string value) => ManifestVocabulary.IsQuotable(value) ? "'" + value + "'" : "(a value)";
}
