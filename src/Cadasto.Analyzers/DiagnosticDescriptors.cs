using Microsoft.CodeAnalysis;

using Cadasto.Analyzers.Secrets;

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

    public static readonly DiagnosticDescriptor HardcodedCredential = Create(
        DiagnosticIds.HardcodedCredential,
        title: "Credential-named symbol or key holds a hard-coded value",
        messageFormat: "{0} is named like a credential and holds a hard-coded value: read it from a secret store instead",
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

    public static readonly DiagnosticDescriptor SecretInConfigurationFile = Create(
        DiagnosticIds.SecretInConfigurationFile,
        title: "Secret value in a configuration file",
        messageFormat: "'{0}' in {1} holds a secret value: move the value to a secret store and leave it empty here",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        description: "Configuration files such as appsettings.json, launchSettings.json and cadasto.json are committed with the code, copied to the build output and, under wwwroot in Blazor WebAssembly, served to every browser. A client secret, password, API key or connection-string password written there is readable by anyone who sees the repository or the deployed files. Keep the value in a secret store (user-secrets in development, environment variables or a vault elsewhere), which configuration reads at run time, and rotate any secret that was committed.");

    /// <summary>
    /// CDS1004's second message: a configuration file that is not valid JSON. Its values are still judged where they can
    /// be read; this one says where reading went wrong, so that a secret in the part that cannot be read is not passed
    /// over in silence. Same id, category and default severity as <see cref="SecretInConfigurationFile"/> (release
    /// tracking pairs them by id); the rule reports it as a warning, since no secret was found there. Not public: one
    /// rule, one public descriptor.
    /// </summary>
    internal static readonly DiagnosticDescriptor ConfigurationFileNotValidJson = Create(
        DiagnosticIds.SecretInConfigurationFile,
        title: "Configuration file is not valid JSON",
        messageFormat: "{0} is not valid JSON here ({1}): fix the syntax so that every value in it can be checked for secrets",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        description: "A configuration file the build sees has a JSON syntax error. Its values are checked for secrets where they can be read around the error, but a value the reader cannot make out is not checked, and ASP.NET Core will not start with the file as it is. Fix the syntax at the position shown.");

    public static readonly DiagnosticDescriptor SecretWrittenToOutput = Create(
        DiagnosticIds.SecretWrittenToOutput,
        title: "Secret is written to a log, the console, an exception or ToString",
        messageFormat: "A secret value is written to {0}: write a redacted value or leave it out",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A secret read from a secret store, or held in a credential-named member such as ClientSecret, is written to a log, the console, debug output, an exception message or a ToString result. Logs and error reports are copied, shipped and kept far longer than a secret store is trusted, and read by more people. Leave the secret out, or write whether it is set, its length, or a redacted form.");

    // 2xxx: OAuth flows and client types
    public static readonly DiagnosticDescriptor SecretInPublicClient = Create(
        DiagnosticIds.SecretInPublicClient,
        title: "Client secret or client-credentials grant in a public client",
        messageFormat: "{0} needs a confidential client, but this is a public client ({1}): remove the secret and sign users in with authorization code and PKCE",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Error,
        description: "A public client (Blazor WebAssembly, mobile, desktop) runs on its users' devices, where anyone can read what it ships: it cannot keep a client secret, and the client-credentials grant, which authenticates with that secret, is for confidential clients only (RFC 6749 §2.1, §4.4, §10.1). Sign users in with the authorization code flow and PKCE, and leave machine-to-machine calls to a server-side component.");

    public static readonly DiagnosticDescriptor ImplicitGrant = Create(
        DiagnosticIds.ImplicitGrant,
        title: "Implicit grant is used",
        messageFormat: "{0} asks for the implicit grant: use response type 'code' with PKCE instead",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "The implicit grant returns access tokens in the redirect URI, where browser history, referrer headers and injected scripts can read them, and it has no way to bind a token to the client. RFC 9700 §2.1.2 says clients should not use it: request response type 'code' and redeem the code with PKCE.");

    public static readonly DiagnosticDescriptor PasswordGrant = Create(
        DiagnosticIds.PasswordGrant,
        title: "Resource-owner password grant is used",
        messageFormat: "{0} uses the resource-owner password grant: sign users in with authorization code and PKCE, or use client credentials for a service",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "The resource-owner password grant hands the user's password to the client, teaches users to type it outside the authorization server, and cannot work with multi-factor authentication or federation. RFC 9700 §2.4 says it must not be used: sign users in with the authorization code flow and PKCE, or authenticate a service with client credentials.");

    public static readonly DiagnosticDescriptor MissingPkce = Create(
        DiagnosticIds.MissingPkce,
        title: "Authorization code flow without PKCE",
        messageFormat: "{0} runs the authorization code flow without PKCE: {1}",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Without PKCE, an authorization code stolen from the redirect (a malicious app on the same device, a log, a referrer) can be redeemed by an attacker, and a code can be injected into another user's session. RFC 9700 §2.1.1 requires PKCE for public clients and recommends it for confidential ones: send a code_challenge with the authorize request and the code_verifier with the token request.");

    public static readonly DiagnosticDescriptor UndeclaredFlow = Create(
        DiagnosticIds.UndeclaredFlow,
        title: "OAuth flow not declared in the manifest",
        messageFormat: "{0} uses the {1} flow, which {2} does not declare: {3}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "Cadasto issues credentials for the flows the manifest's 'flows' lists; a flow the registration does not allow fails at run time with unauthorized_client. Declare every flow the code uses in cadasto.json, so the credential request asks for it, or change the code to a declared flow. The password and implicit grants cannot be declared (Cadasto does not issue them, RFC 9700 §2.1.2 and §2.4): code that uses them must move to a declared flow.");

    // 3xxx: redirect URIs
    public static readonly DiagnosticDescriptor UnregisteredRedirectUri = Create(
        DiagnosticIds.UnregisteredRedirectUri,
        title: "Redirect URI is not registered",
        messageFormat: "Redirect URI '{0}' is not registered in {1}: {2}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "The authorization server compares the redirect URI of a request with the registered ones by exact string match (RFC 9700 §2.1); only a loopback URI of a native app may differ in port (RFC 8252 §7.3). A URI that no environment of cadasto.json registers fails sign-in with redirect_uri_mismatch. Use a registered URI, or register this one in the manifest and the credential request.");

    public static readonly DiagnosticDescriptor InsecureRedirectUri = Create(
        DiagnosticIds.InsecureRedirectUri,
        title: "Redirect URI is insecure",
        messageFormat: "Redirect URI '{0}' is insecure ({1}): use an absolute https URI without wildcard or fragment, or a loopback URI for a native app",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A redirect URI carries the authorization code. Over plain http (other than a native app's loopback) it can be read on the network; a wildcard lets an attacker choose where the code goes; a fragment is not allowed; a relative URI is resolved against whatever origin the request came from (RFC 9700 §2.1 and §2.6, RFC 8252 §7.3, OAuth 2.1 §2.3). Use an absolute https URI that the server matches exactly.");

    public static readonly DiagnosticDescriptor RedirectUriForMachineClient = Create(
        DiagnosticIds.RedirectUriForMachineClient,
        title: "Redirect URIs registered for a machine-to-machine application",
        messageFormat: "Environment '{0}' registers redirect URIs, but every flow of the application is machine to machine: remove them",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Info,
        description: "Redirect URIs serve interactive flows (authorization code); an application whose flows are all machine to machine (client_credentials, refresh_token) never redirects a user. A registered redirect URI it does not use only widens what an attacker can try (RFC 9700 §2.1): remove it from the manifest and the registration.");

    // 4xxx: scopes
    public static readonly DiagnosticDescriptor UndeclaredScope = Create(
        DiagnosticIds.UndeclaredScope,
        title: "Scope not declared in the manifest",
        messageFormat: "Scope '{0}' is not declared in {1}: add it to the manifest's scopes or stop requesting it",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "Cadasto grants the scopes the manifest declares; a request for another scope fails with invalid_scope, or silently returns a token without it. Declare every scope the code requests in cadasto.json (top-level or for an environment), so the credential request asks for it. Protocol scopes (openid, profile, email, address, phone, offline_access) need no declaration.");

    public static readonly DiagnosticDescriptor UnusedScope = Create(
        DiagnosticIds.UnusedScope,
        title: "Declared scope is never requested",
        messageFormat: "Scope '{0}' is declared in {1} but no code requests it: remove it from the manifest",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Info,
        description: "A scope the application never requests is privilege it holds for nothing: a leaked credential can still use it. RFC 9700 §2.3 asks clients to request only the scopes they need: remove the scope from cadasto.json and from the credential request.");

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
#pragma warning disable RS0030 // The one place that builds descriptors (BannedSymbols.txt sends everyone else here).
        new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault: true, description, HelpLink(id), customTags);
#pragma warning restore RS0030
}
