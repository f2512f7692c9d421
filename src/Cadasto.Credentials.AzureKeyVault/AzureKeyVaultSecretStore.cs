using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Cadasto.Credentials.AzureKeyVault;

/// <summary>
/// Reads secrets from Azure Key Vault by name: only the secrets <c>cadasto.json</c> names, never a
/// listing of the vault (the Azure configuration provider loads every secret, 79 in ~20 s:
/// Azure/azure-sdk-for-net#18410). Reads run in parallel up to <see cref="AzureKeyVaultSecretStoreOptions.MaxParallelism"/>,
/// each retried and bounded by <see cref="AzureKeyVaultSecretStoreOptions.Timeout"/>.
/// </summary>
public sealed class AzureKeyVaultSecretStore : ISecretStore, ISecretAgeSource, IDisposable
{
    private readonly AzureKeyVaultSecretStoreOptions _options;
    private readonly TokenCredential _credential;
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<string, SecretClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the store.</summary>
    public AzureKeyVaultSecretStore(AzureKeyVaultSecretStoreOptions? options = null)
    {
        _options = options ?? new AzureKeyVaultSecretStoreOptions();
        if (_options.MaxParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxParallelism must be at least 1.");
        }

        _credential = _options.Credential ?? new DefaultAzureCredential();
        _gate = new SemaphoreSlim(_options.MaxParallelism, _options.MaxParallelism);
    }

    /// <inheritdoc />
    public string StoreName => SecretStoreNames.AzureKeyVault;

    /// <summary>How many reads have reached the vault client so far (for diagnostics and tests).</summary>
    public int Reads => Volatile.Read(ref _reads);

    private int _reads;

    /// <inheritdoc />
    public async Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default) =>
        (await ReadAsync(reference, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>The secret's <c>updated</c> attribute (else <c>created</c>); null when the vault lacks it.</summary>
    public async Task<DateTimeOffset?> GetLastChangedAsync(SecretReference reference, CancellationToken cancellationToken = default) =>
        (await ReadAsync(reference, cancellationToken).ConfigureAwait(false))?.Changed;

    private async Task<(SecretValue? Value, DateTimeOffset? Changed)?> ReadAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        var client = ClientFor(reference);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            Interlocked.Increment(ref _reads);
            try
            {
                var response = await client.GetSecretAsync(reference.Name, version: null, timeout.Token).ConfigureAwait(false);
                var value = response.Value.Value;
                var properties = response.Value.Properties;
                return (value is null ? null : new SecretValue(value), properties.UpdatedOn ?? properties.CreatedOn);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Our overall timeout, or the client's per-try network timeout (the same length): either way the vault was too slow.
                throw new TimeoutException($"Azure Key Vault {reference.Vault} did not return the secret \"{reference.Name}\" within {_options.Timeout.TotalSeconds:0.#} s (retries included).", exception);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads several secrets at once, at most <see cref="AzureKeyVaultSecretStoreOptions.MaxParallelism"/> in flight;
    /// each distinct reference is read once. A secret the vault lacks maps to null.
    /// </summary>
    public async Task<IReadOnlyDictionary<SecretReference, SecretValue?>> GetSecretsAsync(
        IEnumerable<SecretReference> references,
        CancellationToken cancellationToken = default)
    {
        var distinct = (references ?? throw new ArgumentNullException(nameof(references))).Distinct().ToList();
        var values = await Task.WhenAll(distinct.Select(r => GetSecretAsync(r, cancellationToken))).ConfigureAwait(false);
        var result = new Dictionary<SecretReference, SecretValue?>();
        for (var i = 0; i < distinct.Count; i++)
        {
            result[distinct[i]] = values[i];
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private SecretClient ClientFor(SecretReference reference)
    {
        if (!Uri.TryCreate(reference.Vault, UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The Key Vault reference to \"{reference.Name}\" needs an https vault URI, not '{reference.Vault}'.", nameof(reference));
        }

        return _clients.GetOrAdd(vault.AbsoluteUri, _ =>
        {
            var clientOptions = new SecretClientOptions();
            clientOptions.Retry.MaxRetries = _options.MaxRetries;
            clientOptions.Retry.Delay = _options.RetryDelay;
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.NetworkTimeout = _options.Timeout;
            _options.ConfigureClient?.Invoke(clientOptions);
            return new SecretClient(vault, _credential, clientOptions);
        });
    }
}
