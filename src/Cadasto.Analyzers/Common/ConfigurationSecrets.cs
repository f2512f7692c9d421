using System;
using System.Collections.Generic;

namespace Cadasto.Analyzers.Common;

/// <summary>
/// Whether a string value of a configuration file (<c>appsettings*.json</c>, <c>launchSettings.json</c>,
/// the manifest) is a secret: a real value under a credential-named key, or a connection string or URL
/// that carries a password or an account key. Knows what is not a secret there: empty values,
/// placeholders, <c>${VAR}</c>-style tokens, Key Vault references, names of configuration keys or
/// environment variables, and the storage emulator's published key.
/// </summary>
internal sealed class ConfigurationSecrets
{
    /// <summary>
    /// Key words that name a secret in configuration beyond the SPEC's credential words: the JWT
    /// signing and encryption keys and account keys that ASP.NET Core and Azure samples keep there.
    /// </summary>
    private static readonly string[] ConfigurationWords =
    {
        "secret key", "signing key", "encryption key", "client key", "master key", "shared key",
        "account key", "subscription key", "shared access key", "sas token",
    };

    // Connection-string keywords whose value is a secret (ADO.NET, Npgsql, MySQL, Azure Storage, Service Bus, Event Hubs).
    private static readonly string[] ConnectionStringSecretKeys =
    {
        "password", "pwd", "accountkey", "sharedaccesskey", "sharedaccesssignature", "accesskey", "secretkey",
    };

    /// <summary>Azurite's and the storage emulator's key, published in Microsoft's documentation: not a secret.</summary>
    private const string DevelopmentStorageAccountName = "devstoreaccount1";

    private readonly CredentialNames _names;
    private readonly HashSet<string> _allowedPlaceholders;

    private ConfigurationSecrets(CredentialNames names, HashSet<string> allowedPlaceholders)
    {
        _names = names;
        _allowedPlaceholders = allowedPlaceholders;
    }

    /// <summary>The default words and placeholders.</summary>
    public static ConfigurationSecrets Default { get; } = Create(null, null);

    /// <summary>With the words of <c>cadasto_credential_words</c> and the values of <c>cadasto_allowed_placeholders</c>.</summary>
    public static ConfigurationSecrets Create(string? credentialWordsOption, string? allowedPlaceholdersOption)
    {
        var words = new List<string>(ConfigurationWords);
        words.AddRange(CadastoOptions.SplitList(credentialWordsOption));
        var placeholders = CadastoOptions.ToSet(CadastoOptions.SplitList(allowedPlaceholdersOption));
        return new ConfigurationSecrets(CredentialNames.WithExtraWords(words), placeholders);
    }

    /// <summary>
    /// Whether the string <paramref name="value"/>, under the key <paramref name="key"/> (the last part of
    /// its path) whose section is <paramref name="parentKey"/>, is a secret; <paramref name="reason"/> names
    /// the credential word or connection-string keyword, never the value.
    /// </summary>
    public bool IsSecret(string? parentKey, string key, string value, out string reason)
    {
        reason = "";
        if (IsNotASecret(value))
        {
            return false;
        }

        if (IsCredentialKey(parentKey, key, out var word))
        {
            if (LooksLikeAName(value))
            {
                return false; // "ClientSecret": "Cadasto:ClientSecret" names where the secret is
            }

            reason = word;
            return true;
        }

        if (TryFindConnectionStringSecret(value, out var keyword))
        {
            reason = keyword;
            return true;
        }

        if (HasUrlPassword(value))
        {
            reason = "password in a URL";
            return true;
        }

        if (value.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0 && value.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0)
        {
            reason = "private key";
            return true;
        }

        return false;
    }

    /// <summary>Whether the key names a credential: its last word is a credential word, or it is a JWT section's <c>Key</c>.</summary>
    public bool IsCredentialKey(string? parentKey, string key, out string word)
    {
        if (_names.TryMatch(key, out word))
        {
            return true;
        }

        // "Jwt": { "Key": "…" } / "JwtSettings": { "SigningKey" … }: the signing key of self-issued tokens.
        if (parentKey is not null
            && string.Equals(key, "Key", StringComparison.OrdinalIgnoreCase)
            && (parentKey.IndexOf("jwt", StringComparison.OrdinalIgnoreCase) >= 0 || parentKey.IndexOf("signing", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            word = "signing key";
            return true;
        }

        word = "";
        return false;
    }

    /// <summary>Empty, a placeholder, a template token, a Key Vault reference, or a value the team declared a placeholder.</summary>
    public bool IsNotASecret(string value)
    {
        if (SecretValueHeuristics.IsNotASecret(value))
        {
            return true;
        }

        var text = value.Trim();
        return _allowedPlaceholders.Contains(text)
            || text.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) // App Service Key Vault reference
            || IsWholeToken(text, "${", "}") // also covers values like "${VAR:-default}"
            || IsWholeToken(text, "$(", ")")
            || IsWholeToken(text, "#{", "}");
    }

    private static bool IsWholeToken(string text, string open, string close) =>
        text.Length > open.Length + close.Length
        && text.StartsWith(open, StringComparison.Ordinal)
        && text.EndsWith(close, StringComparison.Ordinal)
        && text.IndexOf(close, open.Length, StringComparison.Ordinal) == text.Length - close.Length;

    /// <summary>
    /// <c>Cadasto:ClientSecret</c>, <c>AzureAd:ClientSecret</c>, <c>CADASTO_CLIENT_SECRET</c>: the name of a
    /// configuration key or environment variable that holds the secret, not the secret.
    /// </summary>
    private bool LooksLikeAName(string value)
    {
        var hasSeparator = false;
        var hasLower = false;
        foreach (var c in value)
        {
            if (c is ':' or '_')
            {
                hasSeparator = true;
            }
            else if (char.IsLower(c))
            {
                hasLower = true;
            }
            else if (!(c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c is '.' or '-'))
            {
                return false;
            }
        }

        if (!hasSeparator || value.Length > 128 || !char.IsLetter(value[0]))
        {
            return false;
        }

        // A configuration path (segments split by ':') or an UPPER_SNAKE variable name, ending with a credential word.
        var isVariableName = !hasLower && value.IndexOf(':') < 0;
        var isConfigurationPath = value.IndexOf(':') > 0 && value.IndexOf("::", StringComparison.Ordinal) < 0 && !value.EndsWith(":", StringComparison.Ordinal);
        return (isVariableName || isConfigurationPath) && _names.IsCredentialName(value);
    }

    /// <summary><c>Server=…;Password=…</c>, <c>AccountKey=…</c>, <c>SharedAccessKey=…</c> with a real value.</summary>
    public bool TryFindConnectionStringSecret(string value, out string keyword)
    {
        keyword = "";
        if (value.IndexOf('=') < 0 || value.IndexOf(';') < 0 && !StartsWithSecretKeyword(value))
        {
            return false;
        }

        if (value.IndexOf(DevelopmentStorageAccountName, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        var start = 0;
        while (start < value.Length)
        {
            var end = value.IndexOf(';', start);
            if (end < 0)
            {
                end = value.Length;
            }

            var equals = value.IndexOf('=', start);
            if (equals > start && equals < end)
            {
                var name = value.Substring(start, equals - start).Trim();
                var secret = value.Substring(equals + 1, end - equals - 1).Trim().Trim('\'', '"');
                if (IsConnectionStringSecretKey(name) && !IsNotASecret(secret))
                {
                    keyword = name;
                    return true;
                }
            }

            start = end + 1;
        }

        return false;
    }

    private static bool StartsWithSecretKeyword(string value)
    {
        var equals = value.IndexOf('=');
        return equals > 0 && IsConnectionStringSecretKey(value.Substring(0, equals).Trim());
    }

    private static bool IsConnectionStringSecretKey(string name)
    {
        var compact = name.Replace(" ", string.Empty).Replace("_", string.Empty);
        foreach (var key in ConnectionStringSecretKeys)
        {
            if (string.Equals(compact, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>scheme://user:password@host</c> with a real password.</summary>
    private bool HasUrlPassword(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return false;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = value.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = value.Length;
        }

        var at = value.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return false;
        }

        var colon = value.IndexOf(':', authorityStart, at - authorityStart);
        if (colon < 0)
        {
            return false;
        }

        var password = value.Substring(colon + 1, at - colon - 1);
        return password.Length > 0 && !IsNotASecret(Uri.UnescapeDataString(password));
    }
}
