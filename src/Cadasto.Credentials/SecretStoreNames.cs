using System;
using System.Collections.Generic;

namespace Cadasto.Credentials;

/// <summary>
/// The store names of <c>cadasto.json</c> (<c>secret.store</c>), and where each store comes from.
/// </summary>
public static class SecretStoreNames
{
    /// <summary>An environment variable (<c>name</c>); <c>:</c> in the name maps to <c>__</c>.</summary>
    public const string Environment = "environment";

    /// <summary>The .NET user-secrets file of the project (<c>key</c>).</summary>
    public const string UserSecrets = "user-secrets";

    /// <summary>Any configuration key (<c>key</c>) of a provider the application already registers.</summary>
    public const string Configuration = "configuration";

    /// <summary>A mounted secret file (<c>path</c>), as Docker and Kubernetes provide.</summary>
    public const string File = "file";

    /// <summary>An Azure Key Vault secret (<c>vault</c>, <c>name</c>); needs the package <see cref="AzureKeyVaultPackage"/>.</summary>
    public const string AzureKeyVault = "azure-key-vault";

    /// <summary>The package that brings the <see cref="AzureKeyVault"/> store.</summary>
    public const string AzureKeyVaultPackage = "Cadasto.Credentials.AzureKeyVault";

    private static readonly Dictionary<string, (string Package, string Registration)> OptionalStores =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [AzureKeyVault] = (AzureKeyVaultPackage, "services.AddCadastoAzureKeyVault()"),
        };

    /// <summary>The package and the registration call a store needs when it is not built in; false for built-in or unknown stores.</summary>
    public static bool TryGetPackage(string store, out string package, out string registration)
    {
        if (OptionalStores.TryGetValue(store, out var entry))
        {
            package = entry.Package;
            registration = entry.Registration;
            return true;
        }

        package = registration = string.Empty;
        return false;
    }
}
