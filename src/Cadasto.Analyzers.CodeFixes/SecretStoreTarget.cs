using System.Text;
using System.Threading;
using Cadasto.Analyzers.Configuration;
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

            if (char.IsUpper(c) && i > 0 && char.IsLower(key[i - 1]) && builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Trim('_');
    }
}
