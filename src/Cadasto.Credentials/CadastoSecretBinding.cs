using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials;

/// <summary>
/// The selected environment's secret, read once. The start-up check awaits it before any other
/// hosted service starts, so a missing secret stops the host with a clear message; code that asks
/// for the credentials before the host starts reads it then.
/// </summary>
public sealed class CadastoSecretBinding
{
    private readonly CadastoSecretResolver _resolver;
    private readonly object _gate = new();
    private Task<SecretValue?>? _secret;

    /// <summary>Binds <paramref name="environment"/>'s secret through <paramref name="resolver"/>.</summary>
    public CadastoSecretBinding(CadastoEnvironment environment, CadastoSecretResolver resolver)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
    }

    /// <summary>The environment chosen from the host's environment name.</summary>
    public CadastoEnvironment Environment { get; }

    /// <summary>Reads the secret on first call; later calls share that result (or that failure).</summary>
    public Task<SecretValue?> GetSecretAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // A cancelled first read is not remembered: the next caller tries again.
            if (_secret is null || _secret.IsCanceled)
            {
                _secret = _resolver.ResolveAsync(Environment, cancellationToken);
            }

            return _secret;
        }
    }

    /// <summary>The secret, read synchronously if the start-up check has not read it yet.</summary>
    public SecretValue? GetSecret()
    {
        try
        {
            return GetSecretAsync().ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count == 1)
        {
            throw aggregate.InnerExceptions[0];
        }
    }
}
