using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cadasto.Credentials.AzureKeyVault;

/// <summary>Registers the <c>azure-key-vault</c> secret store.</summary>
public static class AzureKeyVaultServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>"store": "azure-key-vault"</c> references in <c>cadasto.json</c> resolvable. Call it
    /// beside <c>AddCadastoCredentials</c>; without it, start-up fails naming this package.
    /// </summary>
    public static IServiceCollection AddCadastoAzureKeyVault(this IServiceCollection services, Action<AzureKeyVaultSecretStoreOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = new AzureKeyVaultSecretStoreOptions();
        configure?.Invoke(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, AzureKeyVaultSecretStore>(_ => new AzureKeyVaultSecretStore(options)));
        return services;
    }
}
