using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a secret from any key of the application's configuration: the way to use a store that has
/// a configuration provider but no built-in Cadasto store (AWS Secrets Manager, HashiCorp Vault,
/// key-per-file, …). The key uses <c>:</c> as separator, as configuration does.
/// </summary>
public sealed class ConfigurationSecretStore : ISecretStore
{
    private readonly IConfiguration _configuration;

    /// <summary>Reads from <paramref name="configuration"/>.</summary>
    public ConfigurationSecretStore(IConfiguration configuration) =>
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));

    /// <inheritdoc />
    public string StoreName => SecretStoreNames.Configuration;

    /// <inheritdoc />
    public Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        var value = _configuration[reference.Name];
        return Task.FromResult(value is null ? null : new SecretValue(value));
    }
}
