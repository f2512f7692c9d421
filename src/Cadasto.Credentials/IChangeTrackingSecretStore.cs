namespace Cadasto.Credentials;

/// <summary>
/// A store that can tell, cheaply, whether a secret may have changed since it was read (a file's time and size), so
/// the binding re-reads it on change rather than on an interval.
/// </summary>
internal interface IChangeTrackingSecretStore
{
    /// <summary>A stamp that changes when the value may have changed; null when the secret is not there.</summary>
    string? GetVersion(SecretReference reference);
}
