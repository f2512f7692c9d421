namespace Cadasto.Credentials;

/// <summary>Where the built-in stores look. Every root is injectable so tests never change <c>HOME</c>.</summary>
public sealed class CadastoSecretStoreOptions
{
    /// <summary>The project's <c>UserSecretsId</c>; the generated registration passes the project's own.</summary>
    public string? UserSecretsId { get; set; }

    /// <summary>The folder holding one folder per <c>UserSecretsId</c>; the user's profile folder when null.</summary>
    public string? UserSecretsRoot { get; set; }

    /// <summary>The folder relative <c>file</c> paths resolve against; the host's content root, else the current directory, when null.</summary>
    public string? SecretFilesRoot { get; set; }

    /// <summary>
    /// How often a secret whose store cannot tell a change (<c>environment</c>, <c>configuration</c>,
    /// <c>azure-key-vault</c>, custom stores) is read again; <c>file</c> and <c>user-secrets</c> are re-read when their
    /// file changes. Null: the configuration key <c>Cadasto:SecretRefreshInterval</c> (e.g. <c>00:05:00</c>), else
    /// <see cref="CadastoSecretBinding.DefaultRefreshInterval"/> (15 minutes).
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public System.TimeSpan? SecretRefreshInterval { get; set; }
}
