using System;
using System.Collections.Generic;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// Whether a string value of a configuration file (<c>appsettings*.json</c>, <c>launchSettings.json</c>,
/// the manifest) is a secret: a real value under a credential-named key, or a connection string or URL
/// that carries a password or an account key. Knows what is not a secret there: empty values,
/// placeholders, <c>${VAR}</c>-style tokens, Key Vault references, names of configuration keys or
/// environment variables, and the storage emulator's published key.
/// </summary>
internal sealed class ConfigurationSecrets
{
    private readonly CredentialNames _names;
    private readonly HashSet<string> _allowedPlaceholders;

    private ConfigurationSecrets(CredentialNames names, HashSet<string> allowedPlaceholders)
    {
        _names = names;
        _allowedPlaceholders = allowedPlaceholders;
    }

    /// <summary>The values of <c>cadasto_allowed_placeholders</c>, for <see cref="SecretValueHeuristics.IsNotASecret(string, HashSet{string})"/>.</summary>
    public HashSet<string> AllowedPlaceholders => _allowedPlaceholders;

    /// <summary>The default words and placeholders.</summary>
    public static ConfigurationSecrets Default { get; } = Create(null, null);

    /// <summary>With the words of <c>cadasto_credential_words</c> and the values of <c>cadasto_allowed_placeholders</c>.</summary>
    public static ConfigurationSecrets Create(string? credentialWordsOption, string? allowedPlaceholdersOption)
    {
        var words = new List<string>(SecretVocabulary.ConfigurationCredentialWords);
        words.AddRange(CadastoOptions.SplitList(credentialWordsOption));
        var placeholders = CadastoOptions.ToSet(CadastoOptions.SplitList(allowedPlaceholdersOption));
        return new ConfigurationSecrets(CredentialNames.WithExtraWords(words), placeholders);
    }

    /// <summary>
    /// Whether the string <paramref name="value"/>, under the key <paramref name="key"/> (the last part of
    /// its path) whose section is <paramref name="parentKey"/>, is a secret; <paramref name="reason"/> names
    /// the credential word or connection-string keyword, never the value.
    /// </summary>
    public bool IsSecret(string? parentKey, string key, string value, out string reason) =>
        IsSecret(parentKey, key, value, inCredentialList: false, out reason);

    /// <summary>
    /// As above; <paramref name="inCredentialList"/> says the value sits in a flat map of strings under a section
    /// that lists credentials by client (<c>"ApiKeys": { "acme": "…" }</c>), where every generated-looking value is one.
    /// </summary>
    public bool IsSecret(string? parentKey, string key, string value, bool inCredentialList, out string reason)
    {
        reason = "";
        if (SecretValueHeuristics.IsNotASecret(value, _allowedPlaceholders))
        {
            return false;
        }

        if (IsCredentialKey(parentKey, key, out var word) && !IsLogLevelSection(parentKey))
        {
            // The same screens as CDS1002 in code (labels, prose, templates, key names), plus configuration's own.
            if (!CredentialValueShape.CanBeACredential(value)
                || IsLabel(value, key)
                || KeyNames.IsCredentialKeyName(value, _names)
                || LooksLikeAReference(value)
                || (string.Equals(key, "Value", StringComparison.OrdinalIgnoreCase) && IsSha2Digest(value)))
            {
                return false; // "ClientSecret": "Cadasto:ClientSecret" names where the secret is, not the secret
            }

            reason = word;
            return true;
        }

        // "ApiKeys": { "acme": "…" }: a section that lists credentials by client; its values are the credentials.
        if (inCredentialList && LooksLikeGeneratedCredential(value))
        {
            reason = "credential list";
            return true;
        }

        if (IsConnectionString(value))
        {
            // Judged here rather than by CredentialShapes: a configuration file's placeholders are more varied.
            if (TryFindConnectionStringSecret(value, out var keyword))
            {
                reason = keyword;
                return true;
            }

            return false;
        }

        if (IsPrivateJsonWebKey(value))
        {
            reason = "private key";
            return true;
        }

        // Whatever the key: the shapes CDS1003 knows in code (PEM private keys, JWTs, well-known token
        // formats, the Entra client-secret shape, URLs with a password, shared access signatures).
        if (CredentialShapes.Classify(value) is { } shape)
        {
            reason = shape;
            return true;
        }

        return false;
    }

    /// <summary>
    /// <c>"Logging": { "LogLevel": { "Cadasto.Credentials": "Warning" } }</c>, Serilog's <c>"MinimumLevel": { "Override": { … } }</c>:
    /// the keys are logging categories (namespaces), the values log levels.
    /// </summary>
    private static bool IsLogLevelSection(string? parentKey) =>
        string.Equals(parentKey, "LogLevel", StringComparison.OrdinalIgnoreCase)
        || string.Equals(parentKey, "Override", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A JSON Web Key written as a string that holds its private part (RFC 7518 §6.2.2, §6.3.2: <c>d</c>),
    /// as IdentityServer samples keep signing keys: <c>"{'kty':'RSA','d':'…',…}"</c>.
    /// </summary>
    private static bool IsPrivateJsonWebKey(string value)
    {
        var text = value.Trim();
        if (text.Length < 20 || text[0] != '{' || text.IndexOf("kty", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        foreach (var quote in new[] { '\'', '"' })
        {
            var member = quote + "d" + quote;
            var at = text.IndexOf(member, StringComparison.Ordinal);
            while (at >= 0)
            {
                var next = at + member.Length;
                while (next < text.Length && text[next] == ' ')
                {
                    next++;
                }

                if (next < text.Length && text[next] == ':')
                {
                    return true;
                }

                at = text.IndexOf(member, next, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>A JSON Web Key written as an object: its <c>d</c> member is the private key.</summary>
    public static bool IsPrivateJsonWebKeyMember(string key, bool objectHasKty) =>
        objectHasKty && string.Equals(key, "d", StringComparison.Ordinal);

    /// <summary>
    /// A label rather than a value, as CDS1002 judges it in code (<c>"X-Api-Key"</c>, <c>"Cadasto:ClientSecret"</c>,
    /// the key's own name) — except that a credential word alone is a value here: <c>"ClientSecret": "secret"</c>
    /// configures that secret, where in code <c>"password"</c> is as often a grant type.
    /// </summary>
    private bool IsLabel(string value, string key) =>
        CredentialValueShape.IsNameOrLabel(value, key, _names)
        && (CredentialNames.SplitWordCount(value.Trim()) >= 2 || SeparatorInsensitiveText.Equals(value, key));

    // Section names that list credentials, one per client or partner ("ApiKeys", "ClientSecrets", "Passwords").
    private static readonly string[] CredentialListWords = { "apikeys", "accesskeys", "secrets", "passwords", "tokens", "credentials" };

    /// <summary>Whether a section's name says it lists credentials (<c>ApiKeys</c>, <c>ClientSecrets</c>, <c>Passwords</c>).</summary>
    public static bool IsCredentialListSection(string parentKey)
    {
        foreach (var word in CredentialListWords)
        {
            if (SeparatorInsensitiveText.EndsWith(parentKey, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A value that looks generated — letters and digits mixed, no spaces — and is neither an id, a hash, a
    /// reference nor a placeholder: what an API key or password in a credential list looks like.
    /// </summary>
    public static bool LooksLikeGeneratedCredential(string value) =>
        LooksGenerated(value) && !IsIdentifierOrHash(value) && !LooksLikeAReference(value) && CredentialValueShape.CanBeACredential(value);

    /// <summary>A GUID or a hex digest (an id, a certificate thumbprint): names something rather than proving it.</summary>
    private static bool IsIdentifierOrHash(string value)
    {
        var text = value.Trim();
        if (Guid.TryParse(text, out _))
        {
            return true;
        }

        if (text.Length is not (32 or 40 or 64))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>At least eight characters mixing letters and digits, no spaces: what a generated key looks like (not a setting such as <c>AzureKeyVault</c> or <c>00:30:00</c>).</summary>
    private static bool LooksGenerated(string value)
    {
        var text = value.Trim();
        if (text.Length < 8 || text.IndexOf(' ') >= 0)
        {
            return false;
        }

        bool letter = false, digit = false;
        foreach (var c in text)
        {
            letter |= char.IsLetter(c);
            digit |= char.IsDigit(c);
        }

        return letter && digit;
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

        // "SmtpPass", "DB_PASS", "Redis:Pass": the short form configuration and environment variables use for a
        // password. Only as a word of its own: "Bypass", "Compass" and "CacheByPass" name something else.
        if (EndsWithWordPass(key))
        {
            word = "password";
            return true;
        }

        // "ClientSecrets": [ { "Value": "…", "Description": "…" } ]: a secret described as an object (IdentityServer's
        // Secret, Identity.Web's credential descriptions) keeps its value under a generic key; the section names it.
        if (parentKey is not null
            && string.Equals(key, "Value", StringComparison.OrdinalIgnoreCase)
            && (_names.TryMatch(parentKey, out word) || IsCredentialListSection(parentKey)))
        {
            word = word.Length > 0 ? word : "secret";
            return true;
        }

        word = "";
        return false;
    }

    private static bool EndsWithWordPass(string key)
    {
        const string Pass = "pass";
        if (!key.EndsWith(Pass, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var start = key.Length - Pass.Length;
        if (start == 0)
        {
            return true;
        }

        var before = key[start - 1];
        var wordStarts = !char.IsLetterOrDigit(before) || (char.IsUpper(key[start]) && char.IsLower(before));
        if (!wordStarts)
        {
            return false;
        }

        // The word before it: "ByPass", "OverPass", "Under_Pass" are not passwords.
        var end = start;
        while (end > 0 && !char.IsLetterOrDigit(key[end - 1]))
        {
            end--;
        }

        var wordStart = end;
        while (wordStart > 0 && char.IsLetter(key[wordStart - 1]) && !(char.IsUpper(key[wordStart]) && wordStart < end && char.IsLower(key[wordStart - 1])))
        {
            wordStart--;
        }

        var previous = key.Substring(wordStart, end - wordStart);
        return !(previous.Equals("by", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("over", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("under", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A SHA-256 or SHA-512 digest, hex or base64 (<c>"secret".Sha256()</c>, as IdentityServer stores a client secret):
    /// proves nothing without the secret itself.
    /// </summary>
    private static bool IsSha2Digest(string value)
    {
        var text = value.Trim();
        if (text.Length is 64 or 128)
        {
            foreach (var c in text)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        if (text.Length is not (44 or 88) || !text.EndsWith("=", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return Convert.FromBase64String(text).Length is 32 or 64;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where a secret is rather than what it is: an <c>http(s)</c> URL without a password (a Key Vault secret
    /// identifier, a token endpoint), a path to a key or certificate file, or a switch (<c>true</c>, <c>false</c>).
    /// </summary>
    private static bool LooksLikeAReference(string value)
    {
        var text = value.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.IndexOf(' ') >= 0)
        {
            return false;
        }

        if ((text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.UserInfo.Length == 0
            && uri.Query.Length == 0)
        {
            return true;
        }

        foreach (var extension in KeyFileExtensions)
        {
            if (text.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && text.Length > extension.Length)
            {
                return true;
            }
        }

        return text.StartsWith("./", StringComparison.Ordinal)
            || text.StartsWith("../", StringComparison.Ordinal)
            || text.StartsWith("~/", StringComparison.Ordinal)
            || text.StartsWith("/run/secrets/", StringComparison.Ordinal)
            || text.StartsWith("/etc/", StringComparison.Ordinal)
            || text.StartsWith("/var/", StringComparison.Ordinal)
            || (text.Length > 3 && char.IsLetter(text[0]) && text[1] == ':' && text[2] is '\\' or '/');
    }

    private static readonly string[] KeyFileExtensions = { ".pem", ".key", ".pfx", ".p12", ".crt", ".cer", ".jks", ".keystore", ".txt", ".json" };

    /// <summary>
    /// <c>key=value;key=value</c> (ADO.NET, Azure) or <c>host:port,password=…</c> (StackExchange.Redis): what a
    /// connection string looks like, not a URL's query.
    /// </summary>
    private static bool IsConnectionString(string value) =>
        value.IndexOf('=') > 0
        && (value.IndexOf(';') > 0 || StartsWithSecretKeyword(value) || IsRedisConfiguration(value))
        && value.IndexOf("://", StringComparison.Ordinal) is < 0 or > 8;

    private static bool IsRedisConfiguration(string value) =>
        value.IndexOf(",password=", StringComparison.OrdinalIgnoreCase) > 0 && value.IndexOf(';') < 0;

    /// <summary><c>Server=…;Password=…</c>, <c>AccountKey=…</c>, <c>SharedAccessKey=…</c> with a real value.</summary>
    public bool TryFindConnectionStringSecret(string value, out string keyword)
    {
        keyword = "";
        if (!IsConnectionString(value))
        {
            return false;
        }

        var separator = IsRedisConfiguration(value) ? ',' : ';';

        if (ConnectionStringCatalog.IsEmulator(value))
        {
            return false;
        }

        var start = 0;
        while (start < value.Length)
        {
            var end = value.IndexOf(separator, start);
            if (end < 0)
            {
                end = value.Length;
            }

            var equals = value.IndexOf('=', start);
            if (equals > start && equals < end)
            {
                var name = value.Substring(start, equals - start).Trim();
                var secret = value.Substring(equals + 1, end - equals - 1).Trim().Trim('\'', '"');
                if (IsConnectionStringSecretKey(name) && !SecretValueHeuristics.IsNotASecret(secret, _allowedPlaceholders))
                {
                    keyword = name;
                    return true;
                }
            }

            start = end + 1;
        }

        return false;
    }

    /// <summary>
    /// <c>AccountKey=…</c> alone: an access key is a connection string's secret even without other pairs; a password alone
    /// (<c>password=letmein</c>) is a message or a form field, as CDS1003 judges it in code.
    /// </summary>
    private static bool StartsWithSecretKeyword(string value)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        var keyword = value.Substring(0, equals).Trim();
        return IsConnectionStringSecretKey(keyword) && !ConnectionStringCatalog.IsPasswordKeyword(keyword);
    }

    private static bool IsConnectionStringSecretKey(string name) => ConnectionStringCatalog.IsSecretKeyword(name);
}
