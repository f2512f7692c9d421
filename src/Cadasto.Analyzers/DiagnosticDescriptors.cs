using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers;

/// <summary>
/// Every descriptor of the product, built through one factory that derives the help link from the id.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>The base of every rule's help link; the page is <c>docs/rules/&lt;ID&gt;.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/cadasto/Cadasto.Analyzers/blob/main/docs/rules/";

    // 1xxx: secrets in code and configuration
    public static readonly DiagnosticDescriptor HardcodedClientSecret = Create(
        DiagnosticIds.HardcodedClientSecret,
        title: "Client secret is hard-coded",
        messageFormat: "A hard-coded client secret reaches {0}: read it from a secret store instead",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        description: "A client secret written in source code ends up in source control, in every clone and in the compiled assembly, where anyone who reads them can impersonate the application. Read the secret at run time from a secret store (user-secrets in development, a vault or environment variables elsewhere) and rotate any secret that was committed.");

    // 2xxx: OAuth flows and client types

    // 3xxx: redirect URIs

    // 4xxx: scopes

    // 9xxx: the manifest (cadasto.json)

    /// <summary>The help link of a rule id.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        params string[] customTags) =>
        new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault: true, description, HelpLink(id), customTags);
}
