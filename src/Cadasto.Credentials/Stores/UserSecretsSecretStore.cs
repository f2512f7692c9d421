using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a key from the project's user-secrets file (<c>dotnet user-secrets set</c>):
/// <c>secrets.json</c> in a folder named after the project's <c>UserSecretsId</c>, under the user's
/// profile (<c>%APPDATA%\Microsoft\UserSecrets</c> on Windows, <c>~/.microsoft/usersecrets</c>
/// elsewhere), found through Microsoft.Extensions.Configuration.UserSecrets. The file is read directly, so this works whether or not the host added user-secrets
/// to configuration (it does so only in Development). Tests pass their own <see cref="Root"/>.
/// </summary>
public sealed class UserSecretsSecretStore : ISecretStore, IChangeTrackingSecretStore, ISecretAgeSource
{
    /// <summary>Reads the secrets of <paramref name="userSecretsId"/> under <paramref name="root"/> (the user's profile folder when null).</summary>
    public UserSecretsSecretStore(string? userSecretsId, string? root = null)
    {
        UserSecretsId = string.IsNullOrWhiteSpace(userSecretsId) ? null : userSecretsId;
        Root = root ?? DefaultRoot();
    }

    /// <summary>The project's <c>UserSecretsId</c>; null when the project has none (then nothing is found).</summary>
    public string? UserSecretsId { get; }

    /// <summary>The folder that holds one folder per <c>UserSecretsId</c>.</summary>
    public string? Root { get; }

    /// <inheritdoc />
    public string StoreName => SecretStoreNames.UserSecrets;

    /// <summary>The <c>secrets.json</c> this store reads, or null without a <c>UserSecretsId</c>.</summary>
    public string? SecretsFilePath => UserSecretsId is null || Root is null ? null : Path.Combine(Root, UserSecretsId, "secrets.json");

    /// <summary>The largest <c>secrets.json</c> read: 1 MiB.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Where the .NET user-secrets tool keeps its files: the folder above the one that
    /// Microsoft.Extensions.Configuration.UserSecrets' own path helper gives for a project, so the two never differ.
    /// </summary>
    public static string? DefaultRoot()
    {
        try
        {
            return Path.GetDirectoryName(Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId("cadasto")));
        }
        catch (InvalidOperationException)
        {
            // No profile folder (APPDATA, HOME, DOTNET_USER_SECRETS_FALLBACK_DIR all unset): nothing can be found.
            return null;
        }
    }

    /// <inheritdoc />
    string? IChangeTrackingSecretStore.GetVersion(SecretReference reference) => SecretsFilePath is { } path ? SecretFiles.Version(path) : null;

    /// <summary>
    /// The last write time of <c>secrets.json</c> when it holds the key (the file has one time for all its keys: a later
    /// <c>dotnet user-secrets set</c> of another key makes this one look younger); null otherwise.
    /// </summary>
    public async Task<DateTimeOffset?> GetLastChangedAsync(SecretReference reference, CancellationToken cancellationToken = default)
    {
        var value = await GetSecretAsync(reference, cancellationToken).ConfigureAwait(false);
        return value is null || SecretsFilePath is not { } path ? null : SecretFiles.LastChanged(path);
    }

    /// <inheritdoc />
    public Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        var path = SecretsFilePath;
        var text = path is null ? null : SecretFiles.ReadText(path, MaxFileBytes, "user-secrets file");
        if (text is null)
        {
            return Task.FromResult<SecretValue?>(null);
        }

        var secrets = JsonSecrets.Read(text, $"user-secrets file '{path}'");

        return Task.FromResult(secrets.TryGetValue(reference.Name, out var value) && value is not null ? new SecretValue(value) : null);
    }
}
