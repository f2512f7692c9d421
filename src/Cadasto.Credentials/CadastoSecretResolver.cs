using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Credentials.Stores;

namespace Cadasto.Credentials;

/// <summary>
/// Reads an environment's secret through the store its reference names, and turns every way that
/// can fail (store not registered, unreachable, no value, empty value) into a
/// <see cref="CadastoCredentialsException"/> whose message says what to do.
/// </summary>
public sealed class CadastoSecretResolver
{
    private readonly IReadOnlyList<ISecretStore> _stores;
    private readonly string? _userSecretsId;

    /// <summary>
    /// Resolves through <paramref name="stores"/>. When two share a name, a store the application
    /// registered beats a built-in one whatever the order of registration (the built-ins are added by
    /// <c>AddCadastoCredentials</c>, often after the application's own), then the last registered wins,
    /// as in dependency injection.
    /// </summary>
    public CadastoSecretResolver(IEnumerable<ISecretStore> stores, string? userSecretsId = null)
    {
        _stores = (stores ?? throw new ArgumentNullException(nameof(stores))).OrderBy(s => IsBuiltIn(s) ? 0 : 1).ToList();
        _userSecretsId = userSecretsId;
    }

    /// <summary>Whether the store of <paramref name="environment"/>'s secret tells when its value changes (<c>file</c>, <c>user-secrets</c>).</summary>
    public bool CanTellChanges(CadastoEnvironment environment) => FindStore(environment) is IChangeTrackingSecretStore;

    /// <summary>
    /// A stamp that changes when the store's value may have changed (a file's time and size), or null when the store
    /// cannot tell or the secret is not there. Never derived from the value.
    /// </summary>
    public string? GetVersion(CadastoEnvironment environment)
    {
        if (environment?.Secret is not { } reference || FindStore(environment) is not IChangeTrackingSecretStore store)
        {
            return null;
        }

        try
        {
            return store.GetVersion(reference);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ISecretStore? FindStore(CadastoEnvironment environment) =>
        environment.Secret is { } reference
            ? _stores.LastOrDefault(s => string.Equals(s.StoreName, reference.Store, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>The secret of <paramref name="environment"/>; null when the environment has none (a public client).</summary>
    public async Task<SecretValue?> ResolveAsync(CadastoEnvironment environment, CancellationToken cancellationToken = default)
    {
        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        var reference = environment.Secret;
        if (reference is null)
        {
            return null;
        }

        var store = FindStore(environment)
            ?? throw new CadastoCredentialsException(CadastoCredentialsMessages.StoreNotRegistered(environment));

        SecretValue? value;
        try
        {
            value = await store.GetSecretAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (CadastoCredentialsException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new CadastoCredentialsException(CadastoCredentialsMessages.StoreFailed(environment, exception), exception);
        }

        var location = store is FileSecretStore files ? files.FullPath(reference.Name) : null;
        var userSecretsId = store is UserSecretsSecretStore userSecrets ? userSecrets.UserSecretsId : _userSecretsId;
        if (value is null)
        {
            throw new CadastoCredentialsException(CadastoCredentialsMessages.Missing(environment, userSecretsId, location));
        }

        if (value.IsEmpty)
        {
            throw new CadastoCredentialsException(CadastoCredentialsMessages.Empty(environment, userSecretsId, location));
        }

        return value;
    }

    private static bool IsBuiltIn(ISecretStore store) =>
        store is EnvironmentSecretStore or UserSecretsSecretStore or ConfigurationSecretStore or FileSecretStore;
}
