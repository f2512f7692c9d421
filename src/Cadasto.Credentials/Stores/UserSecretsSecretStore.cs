using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a key from the project's user-secrets file (<c>dotnet user-secrets set</c>):
/// <c>secrets.json</c> in a folder named after the project's <c>UserSecretsId</c>, under the user's
/// profile (<c>%APPDATA%\Microsoft\UserSecrets</c> on Windows, <c>~/.microsoft/usersecrets</c>
/// elsewhere). The file is read directly, so this works whether or not the host added user-secrets
/// to configuration (it does so only in Development). Tests pass their own <see cref="Root"/>.
/// </summary>
public sealed class UserSecretsSecretStore : ISecretStore
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

    /// <summary>Where the .NET user-secrets tool keeps its files, as its own path helper computes it.</summary>
    public static string? DefaultRoot()
    {
        var appData = Environment.GetEnvironmentVariable("APPDATA");
        if (!string.IsNullOrEmpty(appData))
        {
            return Path.Combine(appData, "Microsoft", "UserSecrets");
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetEnvironmentVariable("DOTNET_USER_SECRETS_FALLBACK_DIR");
        }

        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".microsoft", "usersecrets");
    }

    /// <inheritdoc />
    public Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        var path = SecretsFilePath;
        if (path is null || !File.Exists(path))
        {
            return Task.FromResult<SecretValue?>(null);
        }

        IReadOnlyDictionary<string, string?> secrets;
        try
        {
            secrets = FlatJsonReader.Read(File.ReadAllText(path));
        }
        catch (FormatException exception)
        {
            // The reader's message names the position, never the text around it.
            throw new CadastoCredentialsException($"The user-secrets file '{path}' is not valid JSON: {exception.Message}", exception);
        }

        return Task.FromResult(secrets.TryGetValue(reference.Name, out var value) && value is not null ? new SecretValue(value) : null);
    }
}
