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

    public static readonly DiagnosticDescriptor SecretInConfigurationFile = Create(
        DiagnosticIds.SecretInConfigurationFile,
        title: "Secret value in a configuration file",
        messageFormat: "'{0}' in {1} holds a secret value: move the value to a secret store and leave it empty here",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        description: "Configuration files such as appsettings.json, launchSettings.json and cadasto.json are committed with the code, copied to the build output and, under wwwroot in Blazor WebAssembly, served to every browser. A client secret, password, API key or connection-string password written there is readable by anyone who sees the repository or the deployed files. Keep the value in a secret store (user-secrets in development, environment variables or a vault elsewhere), which configuration reads at run time, and rotate any secret that was committed.");

    // 2xxx: OAuth flows and client types

    // 3xxx: redirect URIs

    // 4xxx: scopes

    // 9xxx: the manifest (cadasto.json)
    public static readonly DiagnosticDescriptor ManifestMalformed = Create(
        DiagnosticIds.ManifestMalformed,
        title: "Manifest is not valid JSON or has the wrong shape",
        messageFormat: "Fix the manifest: {0}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Error,
        description: "The manifest (cadasto.json) must be a JSON object of the documented shape: strings, arrays of strings and objects where the schema says so. A file that cannot be read describes no credential request, and no configuration can be generated from it.");

    public static readonly DiagnosticDescriptor ManifestIncomplete = Create(
        DiagnosticIds.ManifestIncomplete,
        title: "Manifest lacks what a credential request needs",
        messageFormat: "The manifest lacks {0}: add it",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "A credential request names the application, a contact and each environment's client id, and a confidential client states where its secret lives in every environment other than development (which defaults to the user-secrets key Cadasto:ClientSecret). Without them the request cannot be filed and the secret cannot be bound at run time.");

    public static readonly DiagnosticDescriptor ManifestInvalidValue = Create(
        DiagnosticIds.ManifestInvalidValue,
        title: "Manifest holds an invalid value",
        messageFormat: "Correct {0} in the manifest: {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Error,
        description: "Flows and secret stores must be ones Cadasto knows, authorities, redirect URIs and allowed origins must be well-formed URIs, and a public client (browser, mobile, desktop) can neither hold a secret nor use the client-credentials grant (RFC 6749 §2.1, §4.4 and §10.1).");

    public static readonly DiagnosticDescriptor CredentialsNeedCSharp8 = Create(
        DiagnosticIds.CredentialsNeedCSharp8,
        title: "Generated credentials need C# 8 or later",
        messageFormat: "The Cadasto credentials are not generated because the project uses C# {0}: set LangVersion to 8.0 or later",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "The project references Cadasto.Credentials and has a manifest, so the generator would write the per-environment classes, CadastoCredentials and AddCadastoCredentials. That code uses nullable reference annotations, which need C# 8 or later, so nothing is generated for an older language version. Raise LangVersion to 8.0 or later (every supported .NET SDK defaults to a newer version).");

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
