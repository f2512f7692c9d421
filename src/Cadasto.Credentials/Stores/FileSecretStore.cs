using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a secret from a mounted file, as Docker (<c>/run/secrets/&lt;name&gt;</c>) and Kubernetes
/// secret volumes provide. The whole file is the secret, less its trailing line break (editors and
/// <c>echo</c> add one). Only a regular file of at most <see cref="MaxFileBytes"/> is read: a FIFO, socket or
/// folder gets a clear error, never a hang. A relative path is resolved against <see cref="Root"/>.
/// </summary>
public sealed class FileSecretStore : ISecretStore, IChangeTrackingSecretStore, ISecretAgeSource
{
    /// <summary>Resolves relative paths against <paramref name="root"/>; the current directory when null.</summary>
    public FileSecretStore(string? root = null) => Root = root;

    /// <summary>The folder relative paths are resolved against; null means the current directory.</summary>
    public string? Root { get; }

    /// <inheritdoc />
    public string StoreName => SecretStoreNames.File;

    /// <summary>The full path a reference's path resolves to.</summary>
    public string FullPath(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root ?? Directory.GetCurrentDirectory(), path));

    /// <summary>The largest secret file read: 1 MiB (a certificate bundle fits; a wrong path to a big file does not).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <inheritdoc />
    string? IChangeTrackingSecretStore.GetVersion(SecretReference reference) => SecretFiles.Version(FullPath(reference.Name));

    /// <summary>The file's last write time; null when there is no file.</summary>
    public Task<DateTimeOffset?> GetLastChangedAsync(SecretReference reference, CancellationToken cancellationToken = default) =>
        Task.FromResult(SecretFiles.LastChanged(FullPath((reference ?? throw new ArgumentNullException(nameof(reference))).Name)));

    /// <inheritdoc />
    public Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        var text = SecretFiles.ReadText(FullPath(reference.Name), MaxFileBytes, "secret file");
        if (text is null)
        {
            return Task.FromResult<SecretValue?>(null);
        }

        return Task.FromResult<SecretValue?>(new SecretValue(TrimTrailingLineBreak(text)));
    }

    /// <summary>Drops one trailing line break (<c>\n</c> or <c>\r\n</c>); inner and leading characters are kept.</summary>
    internal static string TrimTrailingLineBreak(string text)
    {
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            return text.Substring(0, text.Length - 2);
        }

        return text.EndsWith("\n", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
    }
}
