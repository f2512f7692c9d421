using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a secret from an environment variable. A name written as a configuration key
/// (<c>Cadasto:ClientSecret</c>) is looked up as the variable .NET maps to it (<c>Cadasto__ClientSecret</c>),
/// since <c>:</c> is not allowed in variable names on every platform.
/// </summary>
public sealed class EnvironmentSecretStore : ISecretStore
{
    /// <inheritdoc />
    public string StoreName => SecretStoreNames.Environment;

    /// <summary>The variable a name maps to: <c>:</c> becomes <c>__</c>.</summary>
    public static string VariableName(string name) => name.Replace(":", "__");

    /// <inheritdoc />
    public Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        var value = Environment.GetEnvironmentVariable(VariableName(reference.Name));
        if (value is null && reference.Name.IndexOf(':') >= 0)
        {
            // Some shells and Windows allow ':' in names: honour an exact match too.
            value = Environment.GetEnvironmentVariable(reference.Name);
        }

        return Task.FromResult(value is null ? null : new SecretValue(value));
    }
}
