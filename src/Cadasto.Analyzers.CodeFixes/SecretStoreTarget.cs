using System;
using System.Linq;
using System.Text;
using System.Threading;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// Where a fixed secret is read from: the key the manifest (<c>cadasto.json</c>) names for development,
/// or the SPEC's default, user-secrets key <c>Cadasto:ClientSecret</c> / variable <c>CADASTO_CLIENT_SECRET</c>.
/// </summary>
internal sealed class SecretStoreTarget
{
    public static readonly SecretStoreTarget Default = new(SecretStoreRead.DefaultConfigurationKey, SecretStoreRead.DefaultEnvironmentVariable);

    private SecretStoreTarget(string? configurationKey, string environmentVariable)
    {
        ConfigurationKey = configurationKey;
        EnvironmentVariable = environmentVariable;
    }

    /// <summary>The configuration key to read where an <c>IConfiguration</c> is in scope; null when the manifest says the environment.</summary>
    public string? ConfigurationKey { get; }

    /// <summary>The environment variable to read otherwise.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>
    /// The development secret reference of the project's manifest: a <c>user-secrets</c> or <c>configuration</c> key,
    /// or an <c>environment</c> variable; the default for any other store, or without a readable manifest.
    /// </summary>
    public static SecretStoreTarget For(Project project, CancellationToken cancellationToken)
    {
        if (!ManifestProvider.TryGet(project.AnalyzerOptions, cancellationToken, out var result)
            || result.Manifest?.FindEnvironment(ManifestEnvironment.DevelopmentName)?.Secret is not { } secret
            || secret.Reference is not { Length: > 0 } reference)
        {
            return Default;
        }

        return secret.Store switch
        {
            SecretStoreKind.UserSecrets or SecretStoreKind.Configuration => new SecretStoreTarget(reference, EnvironmentVariableFor(reference)),
            SecretStoreKind.Environment => new SecretStoreTarget(null, reference),
            _ => Default,
        };
    }

    /// <summary>
    /// The key and variable for a credential other than the client secret, from the name of the symbol or key that
    /// holds it: <c>PartnerApiKey</c> → <c>Partner:ApiKey</c> / <c>PARTNER_API_KEY</c>, <c>db_password</c> →
    /// <c>Db:Password</c> / <c>DB_PASSWORD</c>: the words before the credential word name the section. Null when the
    /// name does not end with a credential word, or names the client secret (which the manifest's key holds).
    /// </summary>
    public static SecretStoreTarget? ForCredentialName(string name)
    {
        if (!CredentialNames.Default.TryMatch(name, out var credentialWord))
        {
            return null;
        }

        var words = CredentialNames.SplitWords(name);
        while (words.Count > 0 && words[words.Count - 1].Length > 0 && char.IsDigit(words[words.Count - 1][0]))
        {
            words.RemoveAt(words.Count - 1);
        }

        // "api key" may be spelled as two words (PartnerApiKey) or one (partner_apikey).
        var credentialWords = credentialWord.Split(' ');
        var spelledAsOne = words.Count > 0 && words[words.Count - 1] == string.Concat(credentialWords);
        var prefix = words.GetRange(0, Math.Max(0, words.Count - (spelledAsOne ? 1 : credentialWords.Length)));
        if (credentialWord == "secret" && prefix.Count > 0 && prefix[prefix.Count - 1] == "client")
        {
            return null;
        }

        var section = string.Concat(prefix.Select(Pascal));
        var leaf = string.Concat(credentialWords.Select(Pascal));
        var key = section.Length > 0 ? section + ":" + leaf : leaf;
        var variable = string.Join("_", prefix.Concat(credentialWords).Select(w => w.ToUpperInvariant()));
        return new SecretStoreTarget(key, variable);
    }

    private static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);

    /// <summary><c>Cadasto:ClientSecret</c> → <c>CADASTO_CLIENT_SECRET</c>: the variable a team sets for the same value.</summary>
    internal static string EnvironmentVariableFor(string key)
    {
        var builder = new StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                continue;
            }

            if (CredentialNames.CaseStartsWord(key, i) && builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Trim('_');
    }
}
