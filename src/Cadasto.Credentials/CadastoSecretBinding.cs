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

    /// <summary>
    /// Set by <see cref="CadastoCredentialsStartupCheck"/> when a host will run it: a failure to read the secret is then
    /// the check's to report (a message and a clean stop), and <see cref="GetSecretOrUnavailable"/> does not throw it
    /// from inside dependency injection while the host builds its hosted services.
    /// </summary>
    public bool FailuresReportedAtStartup { get; set; }

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

    /// <summary>
    /// The secret for the credentials object: as <see cref="GetSecret"/>, except that when the start-up check reports
    /// failures (<see cref="FailuresReportedAtStartup"/>) a missing one becomes a <see cref="SecretValue"/> whose
    /// <see cref="SecretValue.Reveal"/> throws the same message.
    /// </summary>
    public SecretValue? GetSecretOrUnavailable()
    {
        try
        {
            return GetSecret();
        }
        catch (CadastoCredentialsException exception) when (FailuresReportedAtStartup)
        {
            return SecretValue.Unavailable(exception);
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
