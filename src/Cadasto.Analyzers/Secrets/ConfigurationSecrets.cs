using System;
using System.Collections.Generic;

using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// The verdict on one string value of a configuration file (<c>appsettings*.json</c>, <c>launchSettings.json</c>,
/// the manifest): a secret when it is a real value under a credential-named key (<see cref="ConfigurationKeys"/>), a
/// generated-looking value in a list of credentials, or, under any key, a connection string with a secret
/// (<see cref="ConnectionStrings"/>), a JSON Web Key with its private part (<see cref="JsonWebKeys"/>) or a shape CDS1003
/// knows (<see cref="CredentialShapes"/>). Not a secret: what <see cref="SecretValueHeuristics.IsNotASecret(string, HashSet{string})"/>
/// says (the one judgement C# and configuration share), labels, key names, references and digests
/// (<see cref="ConfigurationValueShapes"/>). The walk over a file is <see cref="ConfigurationFileSecrets"/>.
/// </summary>
internal sealed class ConfigurationSecrets
{
    private readonly ConfigurationKeys _keys;
    private readonly HashSet<string> _allowedPlaceholders;

    private ConfigurationSecrets(ConfigurationKeys keys, HashSet<string> allowedPlaceholders)
    {
        _keys = keys;
        _allowedPlaceholders = allowedPlaceholders;
    }

    // In test code (the SPEC), a value must itself look real to be a secret, as in C#: a whole value (screened where a
    // file's findings are collected, ConfigurationFileSecrets) and the password of a URL alike (esdb://admin:…@ with a
    // container's default word in a test project's settings is a sentinel).
    private bool _testCode;

    /// <summary>The same judgements for a test project's configuration files: its sentinels are no secrets.</summary>
    public ConfigurationSecrets ForTestCode() => new(_keys, _allowedPlaceholders) { _testCode = true };

    /// <summary>Whether these are a test project's judgements (<see cref="ForTestCode"/>).</summary>
    public bool IsTestCode => _testCode;

    /// <summary>What the keys say, with the compilation's credential words.</summary>
    public ConfigurationKeys Keys => _keys;

    /// <summary>The values of <c>cadasto_allowed_placeholders</c>, for <see cref="SecretValueHeuristics.IsNotASecret(string, HashSet{string})"/>.</summary>
    public HashSet<string> AllowedPlaceholders => _allowedPlaceholders;

    /// <summary>The default words and placeholders.</summary>
    public static ConfigurationSecrets Default { get; } = Create(credentialWordsOption: null, allowedPlaceholdersOption: null);

    /// <summary>With the words and placeholders the compilation's options add (<c>cadasto_credential_words</c>, <c>cadasto_allowed_placeholders</c>).</summary>
    public static ConfigurationSecrets Create(Microsoft.CodeAnalysis.Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options) => Create(
        CadastoOptions.GetForProject(compilation, options, CadastoOptions.CredentialWords),
        CadastoOptions.GetForProject(compilation, options, CadastoOptions.AllowedPlaceholders));

    /// <summary>With the words of <c>cadasto_credential_words</c> and the values of <c>cadasto_allowed_placeholders</c>.</summary>
    public static ConfigurationSecrets Create(string? credentialWordsOption, string? allowedPlaceholdersOption)
    {
        var placeholders = CadastoOptions.ToSet(CadastoOptions.SplitList(allowedPlaceholdersOption));
        return new ConfigurationSecrets(ConfigurationKeys.Create(credentialWordsOption), placeholders);
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
    public bool IsSecret(string? parentKey, string key, string value, bool inCredentialList, out string reason) =>
        IsSecret(parentKey, key, value, inCredentialList, fieldsBeside: null, out reason);

    /// <summary>
    /// As above; <paramref name="fieldsBeside"/> are the keys and string values of the object that holds the value, which
    /// tell a template filled with its own names (<c>"Username": "username", "Password": "password"</c>) from a login, as
    /// the members of an object initializer do in C# (<see cref="CredentialValueShape.IsChosenWordSetAsValue"/>).
    /// </summary>
    public bool IsSecret(string? parentKey, string key, string value, bool inCredentialList, IEnumerable<(string? Name, string Text)>? fieldsBeside, out string reason)
    {
        reason = "";

        // A private key in one of the catalogued encodings is one before any placeholder screen: .NET's key XML
        // (<RSAKeyValue>…</RSAKeyValue>) is bracketed text, which the screen takes for a template (<your-secret>).
        if (!_allowedPlaceholders.Contains(value.Trim()) && (JsonWebKeys.HasPrivatePart(value) || XmlKeys.HasPrivatePart(value)))
        {
            reason = "private key";
            return true;
        }

        if (SecretValueHeuristics.IsNotASecret(value, _allowedPlaceholders))
        {
            return false;
        }

        if (_keys.IsCredentialKey(parentKey, key, out var word) && !ConfigurationKeys.IsLogLevelSection(parentKey))
        {
            // The same screens as CDS1002 in code (labels, prose, templates, key names), plus configuration's own.
            if (!CredentialValueShape.CanBeACredential(value)
                || IsLabel(value, key, fieldsBeside ?? Array.Empty<(string?, string)>())
                || KeyNames.IsCredentialKeyName(value, _keys.Names)
                || ConfigurationValueShapes.LooksLikeAReference(value)
                || (string.Equals(key, "Value", StringComparison.OrdinalIgnoreCase) && ConfigurationValueShapes.IsSha2Digest(value)))
            {
                return false; // "ClientSecret": "Cadasto:ClientSecret" names where the secret is, not the secret
            }

            reason = word;
            return true;
        }

        // "ApiKeys": { "acme": "…" }: a section that lists credentials by client; its values are the credentials.
        if (inCredentialList && ConfigurationValueShapes.LooksLikeGeneratedCredential(value))
        {
            reason = "credential list";
            return true;
        }

        if (ConnectionStrings.IsConnectionString(value))
        {
            // Judged here rather than by CredentialShapes: a configuration file's placeholders are more varied.
            if (ConnectionStrings.TryFindSecret(value, _allowedPlaceholders, out var keyword))
            {
                reason = keyword;
                return true;
            }

            // type=lnd-rest;server=http://user:password@host/: the password is in a URL among the keywords' values.
            if (CredentialShapes.HasPasswordInUrl(value, _testCode))
            {
                reason = "URL with a password";
                return true;
            }

            return false;
        }

        // Whatever the key: the shapes CDS1003 knows in code (PEM private keys, JWTs, well-known token
        // formats, the Entra client-secret shape, URLs with a password, shared access signatures).
        if (CredentialShapes.Classify(value, _testCode) is { } shape)
        {
            reason = shape;
            return true;
        }

        // "EncodingAESKey": "…": a random key under a key whose last word is Key alone, as CDS1002 reports it in C#.
        if (IsRandomKeyUnderKeyName(key, value))
        {
            reason = "key";
            return true;
        }

        return false;
    }

    /// <summary>
    /// A value that reads as a random key (<see cref="KeyMaterialLiterals.IsRandomKey"/>) under a key whose last word is
    /// <c>Key</c> alone (<see cref="CredentialNames.EndsWithKeyWord"/>: <c>EncodingAESKey</c>, <c>AppKey</c>): no credential
    /// name, so the name and the shape are the only evidence, a warning (the same verdict as in C#).
    /// </summary>
    public static bool IsRandomKeyUnderKeyName(string key, string value) =>
        CredentialNames.EndsWithKeyWord(key) && KeyMaterialLiterals.IsRandomKey(value);

    /// <summary>
    /// <c>"resource": "billing-app", "credentials": { "secret": "billing-app-secret" }</c>: a value under a credential key
    /// spelled from the client's own name beside it (<paramref name="nearbyValues"/>) and the credential word alone is
    /// the demo secret registered for that client (<see cref="CredentialValueShape.IsSpelledFromName"/>, as in C#). It reads
    /// like a name, which the SPEC calls a secret in configuration, and neither a Key Vault secret's name nor a made-up
    /// value: its <c>test</c> or <c>demo</c> is the client's name.
    /// </summary>
    public bool IsSpelledFromClientName(string? parentKey, string key, string value, IEnumerable<string> nearbyValues)
    {
        // Whatever it is spelled from, a placeholder or an instruction (TODO_SMS_API_KEY beside TODO_SMS_SENDER) is no
        // secret; a made-up marker word is not judged so here, since it is the client's own name (test-portal).
        if (!_keys.IsCredentialKey(parentKey, key, out _)
            || (SecretValueHeuristics.IsNotASecret(value, _allowedPlaceholders) && !SecretValueHeuristics.IsDescriptiveFake(value)))
        {
            return false;
        }

        foreach (var name in nearbyValues)
        {
            // The value itself among them is no name beside it: IsSpelledFromName answers false for a value equal to the name.
            if (CredentialValueShape.IsSpelledFromName(value, name, _keys.Names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A label rather than a value, as CDS1002 judges a value set on an object in code (<c>"X-Api-Key"</c>,
    /// <c>"Cadasto:ClientSecret"</c>, the key's own name), with the same exception: a chosen credential's word set as
    /// the value (<c>"Password": "password"</c>, as <c>options.Password = "password"</c>) is the demo value it runs with
    /// (<see cref="CredentialValueShape.IsChosenWordSetAsValue"/>). And a credential word alone is a value here:
    /// <c>"ClientSecret": "secret"</c> configures that secret, where in code <c>"password"</c> is as often a grant type.
    /// </summary>
    private bool IsLabel(string value, string key, IEnumerable<(string? Name, string Text)> fieldsBeside) =>
        CredentialValueShape.IsNameOrLabel(value, key, _keys.Names)
        && !CredentialValueShape.IsChosenWordSetAsValue(value, key, _keys.Names, fieldsBeside)
        && (CredentialNames.SplitWordCount(value.Trim()) >= 2 || SeparatorInsensitiveText.Equals(value, key));
}
