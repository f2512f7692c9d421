using System;

using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Configuration;

/// <summary>The words of the manifest: property names, flow and store names, as the SPEC spells them.</summary>
internal static class ManifestVocabulary
{
    public const string Schema = "$schema";
    public const string Application = "application";
    public const string Description = "description";
    public const string Contact = "contact";
    public const string ContactName = "name";
    public const string ContactEmail = "email";
    public const string ContactSlack = "slack";
    public const string ClientType = "clientType";
    public const string Flows = "flows";
    public const string Scopes = "scopes";
    public const string Environments = "environments";
    public const string ClientId = "clientId";
    public const string Authority = "authority";
    public const string RedirectUris = "redirectUris";
    public const string AllowedOrigins = "allowedOrigins";
    public const string Secret = "secret";
    public const string Store = "store";
    public const string Key = "key";
    public const string Name = "name";
    public const string Path = "path";
    public const string Vault = "vault";
    public const string Rotation = "rotation";
    public const string MaxAgeDays = "maxAgeDays";

    /// <summary>The flow names, in the SPEC's order (used in messages).</summary>
    public const string FlowNames = "client_credentials, authorization_code, refresh_token or device_code";

    /// <summary>The store names, in the SPEC's order (used in messages).</summary>
    public const string StoreNames = "environment, user-secrets, configuration, file or azure-key-vault";

    public static OAuthFlow ParseFlow(string text) => Normalize(text) switch
    {
        "client_credentials" => OAuthFlow.ClientCredentials,
        "authorization_code" => OAuthFlow.AuthorizationCode,
        "refresh_token" => OAuthFlow.RefreshToken,
        "device_code" => OAuthFlow.DeviceCode,
        _ => OAuthFlow.Unknown,
    };

    /// <summary>The name of a flow as the manifest (and the OAuth <c>grant_type</c>) spells it.</summary>
    public static string FlowName(OAuthFlow flow) => flow switch
    {
        OAuthFlow.ClientCredentials => "client_credentials",
        OAuthFlow.AuthorizationCode => "authorization_code",
        OAuthFlow.RefreshToken => "refresh_token",
        OAuthFlow.DeviceCode => "device_code",
        _ => "unknown",
    };

    public static SecretStoreKind ParseStore(string text) => Normalize(text) switch
    {
        "environment" => SecretStoreKind.Environment,
        "user-secrets" => SecretStoreKind.UserSecrets,
        "configuration" => SecretStoreKind.Configuration,
        "file" => SecretStoreKind.File,
        "azure-key-vault" => SecretStoreKind.AzureKeyVault,
        _ => SecretStoreKind.Unknown,
    };

    /// <summary>The name of a store as the manifest spells it.</summary>
    public static string StoreName(SecretStoreKind store) => store switch
    {
        SecretStoreKind.Environment => "environment",
        SecretStoreKind.UserSecrets => "user-secrets",
        SecretStoreKind.Configuration => "configuration",
        SecretStoreKind.File => "file",
        SecretStoreKind.AzureKeyVault => "azure-key-vault",
        _ => "unknown",
    };

    public static ManifestClientType ParseClientType(string text) => Normalize(text) switch
    {
        "confidential" => ManifestClientType.Confidential,
        "public" => ManifestClientType.Public,
        _ => ManifestClientType.Unspecified,
    };

    /// <summary>Names compare case-insensitively and without surrounding blanks; the spelling itself is strict.</summary>
    private static string Normalize(string text) => text.Trim().ToLowerInvariant();

    /// <summary>Whether a value is short and plain enough to quote in a message (names, never URIs or free text).</summary>
    public static bool IsQuotable(string text)
    {
        if (text.Length == 0 || text.Length > 40)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    public static bool NameEquals(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
