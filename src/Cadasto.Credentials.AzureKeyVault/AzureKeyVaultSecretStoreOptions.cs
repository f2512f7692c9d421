using System;
using Azure.Core;
using Azure.Security.KeyVault.Secrets;

namespace Cadasto.Credentials.AzureKeyVault;

/// <summary>How the Key Vault store authenticates, and how patient it is.</summary>
public sealed class AzureKeyVaultSecretStoreOptions
{
    /// <summary>The identity that reads the vault; <c>DefaultAzureCredential</c> when null.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>At most this many secrets are fetched at once (the vault throttles bursts).</summary>
    public int MaxParallelism { get; set; } = 4;

    /// <summary>The whole read of one secret, retries included, gives up after this long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of a failed request (throttling, 5xx, network errors), with exponential back-off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Changes the Azure client options last (a transport, a diagnostics setting).</summary>
    public Action<SecretClientOptions>? ConfigureClient { get; set; }
}
