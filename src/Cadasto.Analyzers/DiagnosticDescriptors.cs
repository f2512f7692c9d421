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

    public static readonly DiagnosticDescriptor HardcodedCredential = Create(
        DiagnosticIds.HardcodedCredential,
        title: "Credential-named symbol or key holds a hard-coded value",
        messageFormat: "'{0}' is named like a credential and holds a hard-coded value: read it from a secret store instead",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A field, property, local, parameter default, named argument or key whose name ends with a credential word (secret, password, passwd, pwd, passphrase, api key, access key, token, credential, private key) holds a string written in source code. A credential in source code is in every clone and build output. Read it at run time from a secret store, and rotate any value that was committed.");

    public static readonly DiagnosticDescriptor CredentialShapedLiteral = Create(
        DiagnosticIds.CredentialShapedLiteral,
        title: "Literal is shaped like a credential",
        messageFormat: "This literal looks like a {0}: remove it from source code and read it from a secret store",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "The string has the shape of a credential whatever it is called: a PEM private key, a JSON Web Token, a well-known token format (cloud, source control, chat and payment providers), a Microsoft Entra client secret, a connection string with a password or key, or a URL with a password. Remove it from source code, read it from a secret store, and revoke the credential if it is real.");

    public static readonly DiagnosticDescriptor SecretWrittenToOutput = Create(
        DiagnosticIds.SecretWrittenToOutput,
        title: "Secret is written to a log, the console, an exception or ToString",
        messageFormat: "A secret value is written to {0}: write a redacted value or leave it out",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A secret read from a secret store, or held in a credential-named member such as ClientSecret, is written to a log, the console, debug output, an exception message or a ToString result. Logs and error reports are copied, shipped and kept far longer than a secret store is trusted, and read by more people. Leave the secret out, or write whether it is set, its length, or a redacted form.");

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
