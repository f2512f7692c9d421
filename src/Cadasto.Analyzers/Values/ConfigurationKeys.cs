using System;
using System.Collections.Generic;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// What the keys of a configuration file say (<c>appsettings*.json</c>, <c>launchSettings.json</c>, the manifest):
/// whether a key names a credential — the credential words in any style, and configuration's own forms (a JWT
/// section's <c>Key</c>, <c>SmtpPass</c>, the <c>Value</c> of a secret described as an object) —, whether it names a
/// client secret, and which sections list credentials by client or hold logging categories. Keys only, never values.
/// </summary>
internal sealed class ConfigurationKeys
{
    private readonly CredentialNames _names;

    private ConfigurationKeys(CredentialNames names) => _names = names;

    /// <summary>The credential words these keys are read with (the SPEC's, configuration's own, and the option's).</summary>
    public CredentialNames Names => _names;

    /// <summary>With the words of <c>cadasto_credential_words</c> besides the default and configuration words (<see cref="SecretVocabulary.ConfigurationCredentialWords"/>).</summary>
    public static ConfigurationKeys Create(string? credentialWordsOption)
    {
        var words = new List<string>(SecretVocabulary.ConfigurationCredentialWords);
        words.AddRange(CadastoOptions.SplitList(credentialWordsOption));
        return new ConfigurationKeys(CredentialNames.WithExtraWords(words));
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

        if (char.IsLetterOrDigit(key[start - 1]) && !CredentialNames.CaseStartsWord(key, start))
        {
            return false;
        }

        // The word before it: "ByPass", "OverPass", "Under_Pass" are not passwords.
        var end = CredentialNames.PreviousWord(key, start, out var wordStart);
        var previous = key.Substring(wordStart, end - wordStart);
        return !(previous.Equals("by", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("over", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("under", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether the key names a client secret (<c>ClientSecret</c>, <c>client_secret</c>, the <c>Value</c> of a
    /// <c>ClientSecrets</c> / <c>ApiSecrets</c> entry): where CDS1004 is sure whatever the value looks like.
    /// </summary>
    public static bool IsClientSecretKey(string? parentKey, string key) =>
        SeparatorInsensitiveText.EndsWith(key, "clientsecret")
        || (parentKey is not null && string.Equals(key, "Value", StringComparison.OrdinalIgnoreCase)
            && (SeparatorInsensitiveText.EndsWith(parentKey, "clientsecrets") || SeparatorInsensitiveText.EndsWith(parentKey, "apisecrets")));

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
    /// <c>"Logging": { "LogLevel": { "Cadasto.Credentials": "Warning" } }</c>, Serilog's <c>"MinimumLevel": { "Override": { … } }</c>:
    /// the keys are logging categories (namespaces), the values log levels.
    /// </summary>
    public static bool IsLogLevelSection(string? parentKey) =>
        string.Equals(parentKey, "LogLevel", StringComparison.OrdinalIgnoreCase)
        || string.Equals(parentKey, "Override", StringComparison.OrdinalIgnoreCase);
}
