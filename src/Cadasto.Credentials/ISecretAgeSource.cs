using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials;

/// <summary>
/// A store that knows when a secret was last set, so that a rotation policy (<c>rotation.maxAgeDays</c> in
/// <c>cadasto.json</c>, which <c>cadasto check</c> holds the secret to) can be checked: the file's time for
/// <c>file</c> and <c>user-secrets</c> (the whole <c>secrets.json</c>: the newest of its keys), Key Vault's
/// <c>updated</c> attribute. Never the value.
/// </summary>
public interface ISecretAgeSource
{
    /// <summary>When the secret was last set; null when the store does not hold it.</summary>
    Task<DateTimeOffset?> GetLastChangedAsync(SecretReference reference, CancellationToken cancellationToken = default);
}
