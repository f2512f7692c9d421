using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials;

/// <summary>
/// A place secrets are read from. Stores are registered in dependency injection and chosen by
/// <see cref="StoreName"/>, so generated code never names a store's package.
/// </summary>
public interface ISecretStore
{
    /// <summary>The store's name in <c>cadasto.json</c>, one of <see cref="SecretStoreNames"/>.</summary>
    string StoreName { get; }

    /// <summary>The secret, or null when the store does not hold it. Throws only when the store cannot be reached.</summary>
    Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default);
}
