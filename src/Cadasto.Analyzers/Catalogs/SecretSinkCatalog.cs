using System;
using System.Collections.Immutable;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// The places known to receive a client secret or another credential, as data: adding a sink is
/// adding a row. Rows whose library a compilation does not reference drop out when the index is
/// built. Members inherited by other types (<c>ProtocolRequest.ClientSecret</c> for every token
/// request, <c>OpenIdConnectOptions.ClientSecret</c> for <c>MicrosoftIdentityOptions</c>) are listed once,
/// on the declaring type, because that is the symbol an operation refers to.
/// </summary>
internal static class SecretSinkCatalog
{
    private const string Ctor = ".ctor";

    public static readonly ImmutableArray<SecretSink> Default = ImmutableArray.Create(
        // MSAL (Microsoft.Identity.Client)
        new SecretSink("Microsoft.Identity.Client.ConfidentialClientApplicationBuilder", "WithClientSecret", SinkKind.MethodArgument, "clientSecret"),
        new SecretSink("Microsoft.Identity.Client.ConfidentialClientApplicationOptions", "ClientSecret", SinkKind.PropertyAssignment),

        // Duende.IdentityModel, and the legacy IdentityModel (same type names, namespace IdentityModel.Client)
        new SecretSink("Duende.IdentityModel.Client.ProtocolRequest", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("Duende.IdentityModel.Client.ClientOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("Duende.IdentityModel.Client.TokenClientOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("Duende.IdentityModel.Client.BasicAuthenticationHeaderValue", Ctor, SinkKind.ConstructorArgument, "password"),
        new SecretSink("Duende.IdentityModel.Client.BasicAuthenticationOAuthHeaderValue", Ctor, SinkKind.ConstructorArgument, "password"),
        new SecretSink("Duende.IdentityModel.Client.AuthorizationHeaderExtensions", "SetBasicAuthentication", SinkKind.MethodArgument, "password"),
        new SecretSink("Duende.IdentityModel.Client.AuthorizationHeaderExtensions", "SetBasicAuthenticationOAuth", SinkKind.MethodArgument, "password"),
        new SecretSink("Duende.IdentityModel.OidcClient.OidcClientOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("IdentityModel.Client.ProtocolRequest", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("IdentityModel.Client.ClientOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("IdentityModel.Client.TokenClientOptions", "ClientSecret", SinkKind.PropertyAssignment),
        // The legacy package declares its Basic header values in System.Net.Http (checked against IdentityModel 6.2.0).
        new SecretSink("System.Net.Http.BasicAuthenticationHeaderValue", Ctor, SinkKind.ConstructorArgument, "password"),
        new SecretSink("System.Net.Http.BasicAuthenticationOAuthHeaderValue", Ctor, SinkKind.ConstructorArgument, "password"),
        new SecretSink("IdentityModel.Client.AuthorizationHeaderExtensions", "SetBasicAuthentication", SinkKind.MethodArgument, "password"),
        new SecretSink("IdentityModel.Client.AuthorizationHeaderExtensions", "SetBasicAuthenticationOAuth", SinkKind.MethodArgument, "password"),
        new SecretSink("IdentityModel.OidcClient.OidcClientOptions", "ClientSecret", SinkKind.PropertyAssignment),

        // ASP.NET Core (MicrosoftIdentityOptions inherits OpenIdConnectOptions.ClientSecret)
        new SecretSink("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions", "ClientSecret", SinkKind.PropertyAssignment),

        // Microsoft.Identity.Web / Microsoft.Identity.Abstractions
        new SecretSink("Microsoft.Identity.Abstractions.CredentialDescription", "ClientSecret", SinkKind.PropertyAssignment),

        // OpenIddict: the client's registration, and the server's application descriptor (seeded clients)
        new SecretSink("OpenIddict.Client.OpenIddictClientRegistration", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("OpenIddict.Abstractions.OpenIddictApplicationDescriptor", "ClientSecret", SinkKind.PropertyAssignment),
        // The validation builder (introspection credentials) is declared in Microsoft.Extensions.DependencyInjection.
        new SecretSink("Microsoft.Extensions.DependencyInjection.OpenIddictValidationBuilder", "SetClientSecret", SinkKind.MethodArgument),

        // ... and SetClientSecret on any type of OpenIddict's namespaces. The web-integration providers' generated builders
        // (AddGitHub(o => o.SetClientSecret("…"))) are nested in Microsoft.Extensions.DependencyInjection's
        // OpenIddictClientWebIntegrationBuilder, which no row matches yet: resolved, their secret is CDS1002 by its
        // parameter's name; unresolved (a source-only scan runs no generator), by the setter's name.
        new SecretSink("OpenIddict" + SecretSink.AnyTypeSuffix, "SetClientSecret", SinkKind.MethodArgument),

        // IdentityServer4 and Duende IdentityServer: a client's or an API's registered secret (ClientSecrets, ApiSecrets),
        // hashed at start-up ("…".Sha256()) or not; the tracer reads through the hash to the literal. IdentityServer3 (.NET
        // Framework) registers the same Secret in a client's ClientSecrets and a scope's ScopeSecrets.
        new SecretSink("IdentityServer3.Core.Models.Secret", Ctor, SinkKind.ConstructorArgument, "value"),
        new SecretSink("IdentityServer3.Core.Models.Secret", "Value", SinkKind.PropertyAssignment),
        new SecretSink("IdentityServer4.Models.Secret", Ctor, SinkKind.ConstructorArgument, "value"),
        new SecretSink("IdentityServer4.Models.Secret", "Value", SinkKind.PropertyAssignment),
        new SecretSink("Duende.IdentityServer.Models.Secret", Ctor, SinkKind.ConstructorArgument, "value"),
        new SecretSink("Duende.IdentityServer.Models.Secret", "Value", SinkKind.PropertyAssignment),

        // Token introspection and access-token management (Duende and the IdentityModel.AspNetCore packages)
        new SecretSink("Duende.AspNetCore.Authentication.OAuth2Introspection.OAuth2IntrospectionOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("IdentityModel.AspNetCore.OAuth2Introspection.OAuth2IntrospectionOptions", "ClientSecret", SinkKind.PropertyAssignment),
        new SecretSink("Duende.AccessTokenManagement.ClientCredentialsClient", "ClientSecret", SinkKind.PropertyAssignment),

        // OWIN (Katana) for .NET Framework apps
        new SecretSink("Microsoft.Owin.Security.OpenIdConnect.OpenIdConnectAuthenticationOptions", "ClientSecret", SinkKind.PropertyAssignment),

        // Cadasto.Credentials: the generated configuration's secret is a SecretValue; spelling one out defeats it
        new SecretSink("Cadasto.Credentials.SecretValue", Ctor, SinkKind.ConstructorArgument, "value"),

        // Azure.Identity
        new SecretSink("Azure.Identity.ClientSecretCredential", Ctor, SinkKind.ConstructorArgument, "clientSecret"),

        // Other credentials: known sinks where a positional argument or an assignment is a CDS1002 finding
        new SecretSink("System.Net.NetworkCredential", Ctor, SinkKind.ConstructorArgument, "password", SinkMeaning.Credential),
        new SecretSink("System.Net.NetworkCredential", "Password", SinkKind.PropertyAssignment, Meaning: SinkMeaning.Credential),

        // Swashbuckle's Swagger UI: the client secret it is given prefills the UI's authorize dialog and is served to every
        // browser that opens it (OAuthClientSecret's parameter is named value, so no name reports it). A credential (CDS1002,
        // a warning), not a client-secret sink: APIs also prefill a hint for the person at the dialog (bitwarden/server:
        // OAuthClientId("accountType.id") beside OAuthClientSecret("secretKey")), which an error must not fail a build on.
        new SecretSink("Microsoft.AspNetCore.Builder.SwaggerUIOptionsExtensions", "OAuthClientSecret", SinkKind.MethodArgument, "value", SinkMeaning.Credential),
        new SecretSink("Swashbuckle.AspNetCore.SwaggerUI.OAuthConfigObject", "ClientSecret", SinkKind.PropertyAssignment, Meaning: SinkMeaning.Credential),

        // ASP.NET Core Identity: users created, given or checked against a password in seed and start-up code.
        new SecretSink("Microsoft.AspNetCore.Identity.UserManager`1", "CreateAsync", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.AspNetCore.Identity.UserManager`1", "AddPasswordAsync", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.AspNetCore.Identity.UserManager`1", "ChangePasswordAsync", SinkKind.MethodArgument, Meaning: SinkMeaning.Credential),
        new SecretSink("Microsoft.AspNetCore.Identity.UserManager`1", "ResetPasswordAsync", SinkKind.MethodArgument, "newPassword", SinkMeaning.Credential),
        new SecretSink("Microsoft.AspNetCore.Identity.UserManager`1", "CheckPasswordAsync", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.AspNetCore.Identity.SignInManager`1", "PasswordSignInAsync", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.AspNetCore.Identity.SignInManager`1", "CheckPasswordSignInAsync", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Duende.IdentityModel.Client.PasswordTokenRequest", "Password", SinkKind.PropertyAssignment, Meaning: SinkMeaning.Credential),
        new SecretSink("IdentityModel.Client.PasswordTokenRequest", "Password", SinkKind.PropertyAssignment, Meaning: SinkMeaning.Credential),
        new SecretSink("Duende.IdentityModel.Client.AuthorizationHeaderExtensions", "SetBearerToken", SinkKind.MethodArgument, "token", SinkMeaning.Credential),
        new SecretSink("IdentityModel.Client.AuthorizationHeaderExtensions", "SetBearerToken", SinkKind.MethodArgument, "token", SinkMeaning.Credential),
        new SecretSink("Microsoft.Identity.Client.IPublicClientApplication", "AcquireTokenByUsernamePassword", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.Identity.Client.PublicClientApplication", "AcquireTokenByUsernamePassword", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.Identity.Client.IByUsernameAndPassword", "AcquireTokenByUsernamePassword", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Microsoft.Identity.Client.ConfidentialClientApplication", "AcquireTokenByUsernamePassword", SinkKind.MethodArgument, "password", SinkMeaning.Credential),

        // Symmetric keys: a JWT signing key or an HMAC (webhook signature) key, given as the bytes of a text
        // (Encoding.X.GetBytes("…"), Convert.FromBase64String("…")) — the text is the key.
        new SecretSink("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.HMACSHA256", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.HMACSHA384", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.HMACSHA512", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.HMACSHA1", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.HMACSHA256", "HashData", SinkKind.MethodArgument, "key", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.HMACSHA512", "HashData", SinkKind.MethodArgument, "key", SinkMeaning.Credential),

        // Cloud and SaaS client libraries whose constructors take the key itself (active only where the package is
        // referenced). A null parameter means every credential-named parameter (password, apiKey, token, …).
        new SecretSink("Azure.AzureKeyCredential", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("Azure.AzureSasCredential", Ctor, SinkKind.ConstructorArgument, "signature", SinkMeaning.Credential),
        new SecretSink("Azure.Storage.StorageSharedKeyCredential", Ctor, SinkKind.ConstructorArgument, "accountKey", SinkMeaning.Credential),
        new SecretSink("Azure.Data.Tables.TableSharedKeyCredential", Ctor, SinkKind.ConstructorArgument, "accountKey", SinkMeaning.Credential),
        new SecretSink("System.ClientModel.ApiKeyCredential", Ctor, SinkKind.ConstructorArgument, "key", SinkMeaning.Credential),
        new SecretSink("Amazon.Runtime.BasicAWSCredentials", Ctor, SinkKind.ConstructorArgument, "secretKey", SinkMeaning.Credential),
        new SecretSink("Amazon.Runtime.SessionAWSCredentials", Ctor, SinkKind.ConstructorArgument, Meaning: SinkMeaning.Credential),
        new SecretSink("SendGrid.SendGridClient", Ctor, SinkKind.ConstructorArgument, "apiKey", SinkMeaning.Credential),
        new SecretSink("Stripe.StripeClient", Ctor, SinkKind.ConstructorArgument, "apiKey", SinkMeaning.Credential),
        new SecretSink("Twilio.TwilioClient", "Init", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("Octokit.Credentials", Ctor, SinkKind.ConstructorArgument, Meaning: SinkMeaning.Credential),
        new SecretSink("MailKit.MailService", "Authenticate", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("MailKit.MailService", "AuthenticateAsync", SinkKind.MethodArgument, "password", SinkMeaning.Credential),

        // The password of a PKCS#12 (.pfx) file: new X509Certificate2("signing.pfx", "…") and the .NET 9 loader.
        new SecretSink("System.Security.Cryptography.X509Certificates.X509Certificate", Ctor, SinkKind.ConstructorArgument, "password", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.X509Certificates.X509Certificate2", Ctor, SinkKind.ConstructorArgument, "password", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.X509Certificates.X509Certificate2Collection", "Import", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.X509Certificates.X509CertificateLoader", "LoadPkcs12", SinkKind.MethodArgument, "password", SinkMeaning.Credential),
        new SecretSink("System.Security.Cryptography.X509Certificates.X509CertificateLoader", "LoadPkcs12FromFile", SinkKind.MethodArgument, "password", SinkMeaning.Credential));

    /// <summary>
    /// Sink types that register more than shared secrets, with the member that says which kind a value is and the kind
    /// that is a shared secret. IdentityServer's <c>Secret</c> also registers what a client proves itself with in mutual TLS
    /// and <c>private_key_jwt</c> — its certificate's thumbprint, subject name or base64, or its public JSON Web Key
    /// (<c>IdentityServerConstants.SecretTypes</c>: <c>X509Thumbprint</c>, <c>X509Name</c>, <c>X509CertificateBase64</c>,
    /// <c>JWK</c>): public values. Only a <c>SharedSecret</c> (the default when the member is not set) is a client secret.
    /// </summary>
    public static readonly ImmutableArray<SecretKindMember> SecretKinds = ImmutableArray.Create(
        new SecretKindMember("Duende.IdentityServer.Models.Secret", "Type", SinkKind.PropertyAssignment, Meaning: new SecretKind("SharedSecret", "SecretTypes")),
        new SecretKindMember("IdentityServer4.Models.Secret", "Type", SinkKind.PropertyAssignment, Meaning: new SecretKind("SharedSecret", "SecretTypes")),
        // IdentityServer3: Constants.SecretTypes (X509CertificateThumbprint, X509CertificateName…), SharedSecret the default.
        new SecretKindMember("IdentityServer3.Core.Models.Secret", "Type", SinkKind.PropertyAssignment, Meaning: new SecretKind("SharedSecret", "SecretTypes")));

    /// <summary>
    /// Form and query field names whose value is the client secret: a dictionary or
    /// <c>KeyValuePair</c> key, an anonymous-object member, or <c>name=</c> in a query string or form body.
    /// </summary>
    public static readonly ImmutableArray<string> ClientSecretFieldNames = ImmutableArray.Create(OAuthParameters.ClientSecret);

    /// <summary>
    /// The member name that is a client secret even when its type cannot be resolved (a library missing from a
    /// source-only scan): every catalogue type that has it means the OAuth client secret.
    /// </summary>
    public const string ClientSecretMemberName = "ClientSecret";

    /// <summary>The HTTP header whose <c>Basic</c> value carries <c>id:secret</c>.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>
    /// Parses <c>cadasto_secret_sinks</c>: <c>Namespace.Type.Member</c> entries, optionally
    /// <c>Namespace.Type.Member(parameter)</c>; <c>Namespace.Type..ctor</c> (or <c>.ctor</c>/<c>#ctor</c>) for a constructor.
    /// Without a parameter, a method's credential-named parameters are the sink.
    /// </summary>
    public static ImmutableArray<SecretSink> ParseUserSinks(string? option)
    {
        if (string.IsNullOrWhiteSpace(option))
        {
            return ImmutableArray<SecretSink>.Empty;
        }

        var sinks = ImmutableArray.CreateBuilder<SecretSink>();
        foreach (var raw in option!.Split(new[] { ',', ';', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim();
            string? parameter = null;
            var open = entry.IndexOf('(');
            if (open > 0 && entry.EndsWith(")", StringComparison.Ordinal))
            {
                parameter = entry.Substring(open + 1, entry.Length - open - 2).Trim();
                parameter = parameter.Length == 0 ? null : parameter;
                entry = entry.Substring(0, open).Trim();
            }

            var isCtor = false;
            foreach (var suffix in new[] { "..ctor", ".#ctor", ".ctor" })
            {
                if (entry.EndsWith(suffix, StringComparison.Ordinal))
                {
                    entry = entry.Substring(0, entry.Length - suffix.Length);
                    isCtor = true;
                    break;
                }
            }

            if (isCtor)
            {
                if (entry.Length > 0)
                {
                    sinks.Add(new SecretSink(entry, Ctor, SinkKind.ConstructorArgument, parameter));
                }

                continue;
            }

            var lastDot = entry.LastIndexOf('.');
            if (lastDot <= 0 || lastDot == entry.Length - 1)
            {
                continue;
            }

            var type = entry.Substring(0, lastDot);
            var member = entry.Substring(lastDot + 1);

            // The member's kind is only known once resolved: the index keeps whichever exists.
            sinks.Add(new SecretSink(type, member, SinkKind.PropertyAssignment));
            sinks.Add(new SecretSink(type, member, SinkKind.MethodArgument, parameter));
        }

        return sinks.ToImmutable();
    }

    /// <summary>Whether <paramref name="parameterName"/> is the parameter of <paramref name="sink"/> that receives the secret.</summary>
    public static bool Receives(SecretSink sink, string parameterName) =>
        sink.ParameterName is null ? IsCredentialParameter(parameterName) : parameterName == sink.ParameterName;

    /// <summary>Whether a user sink's parameter (no name given) receives the secret: its name is credential-named.</summary>
    public static bool IsCredentialParameter(string parameterName) => CredentialNames.Default.IsCredentialName(parameterName);
}

/// <summary>
/// What a sink type's kind member (a <see cref="SecretKindMember"/> row: <c>Secret.Type</c>) says: only
/// <paramref name="SharedSecretKind"/> is a shared (client) secret. <paramref name="KindConstantsType"/> is the simple name
/// of the class whose constants name the kinds (<c>IdentityServerConstants.SecretTypes</c>), whose member names are read
/// where they do not bind.
/// </summary>
internal sealed record SecretKind(string SharedSecretKind, string KindConstantsType);
