using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials;

/// <summary>
/// The selected environment's secret, kept current without a restart. The start-up check awaits the first read
/// before any other hosted service starts, so a missing secret stops the host with a clear message. After that the
/// secret is re-read:
/// <list type="bullet">
/// <item>on change, for stores that can tell (<c>file</c> and <c>user-secrets</c>: the file's time and size are
/// compared on each use, a stat call, no watcher thread);</item>
/// <item>every <see cref="RefreshInterval"/> for the others (<c>environment</c>, <c>configuration</c>,
/// <c>azure-key-vault</c>, custom stores), in the background: the current value is served meanwhile, and kept when
/// the re-read fails;</item>
/// <item>at once through <see cref="RefreshAsync"/>, which the token handler calls when the token endpoint answers
/// <c>invalid_client</c>.</item>
/// </list>
/// </summary>
public sealed class CadastoSecretBinding
{
    /// <summary>The default <see cref="RefreshInterval"/>: 15 minutes.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(15);

    private readonly CadastoSecretResolver _resolver;
    private readonly ILogger? _logger;
    private readonly object _gate = new();
    private Task<SecretValue?>? _secret;
    private string? _version;
    private DateTimeOffset _readAt;
    private Task<bool>? _refresh;

    /// <summary>Binds <paramref name="environment"/>'s secret through <paramref name="resolver"/>, re-read every <see cref="DefaultRefreshInterval"/>.</summary>
    public CadastoSecretBinding(CadastoEnvironment environment, CadastoSecretResolver resolver)
        : this(environment, resolver, DefaultRefreshInterval)
    {
    }

    /// <summary>
    /// Binds <paramref name="environment"/>'s secret through <paramref name="resolver"/>; stores that cannot tell a
    /// change are re-read every <paramref name="refreshInterval"/> (<see cref="Timeout.InfiniteTimeSpan"/>: never).
    /// Re-reads are logged (store and key, never the value) through <paramref name="logger"/>.
    /// </summary>
    public CadastoSecretBinding(CadastoEnvironment environment, CadastoSecretResolver resolver, TimeSpan refreshInterval, ILogger? logger = null)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        if (refreshInterval <= TimeSpan.Zero && refreshInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(refreshInterval), "The refresh interval must be positive, or Timeout.InfiniteTimeSpan.");
        }

        RefreshInterval = refreshInterval;
        _logger = logger;
    }

    /// <summary>The environment chosen from the host's environment name (with the <c>Cadasto</c> section's overrides).</summary>
    public CadastoEnvironment Environment { get; }

    /// <summary>How often a store that cannot tell a change is read again.</summary>
    public TimeSpan RefreshInterval { get; }

    /// <summary>
    /// Set by <see cref="CadastoCredentialsStartupCheck"/> when a host will run it: a failure to read the secret is then
    /// the check's to report (a message and a clean stop), and <see cref="GetSecretOrUnavailable"/> does not throw it
    /// from inside dependency injection while the host builds its hosted services.
    /// </summary>
    public bool FailuresReportedAtStartup { get; set; }

    /// <summary>The clock (tests move it).</summary>
    internal Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// The current secret: read on first call; later calls share that result (or that failure) until the store's value
    /// changes (file, user-secrets) or <see cref="RefreshInterval"/> passes (the others, re-read in the background).
    /// </summary>
    public Task<SecretValue?> GetSecretAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // A cancelled first read is not remembered: the next caller tries again.
            if (_secret is null || _secret.IsCanceled)
            {
                _version = _resolver.GetVersion(Environment);
                _readAt = Now();
                _secret = _resolver.ResolveAsync(Environment, cancellationToken);
                return _secret;
            }

            if (_secret.IsCompleted && _resolver.CanTellChanges(Environment))
            {
                var version = _resolver.GetVersion(Environment);
                if (!string.Equals(version, _version, StringComparison.Ordinal))
                {
                    // A changed file: read it now (a local read), so the caller gets the new value.
                    var previous = _secret;
                    _version = version;
                    _readAt = Now();
                    _secret = KeepOnFailureAsync(previous, _resolver.ResolveAsync(Environment, cancellationToken), "its file changed");
                }
            }
            else if (_secret.IsCompleted && RefreshInterval != Timeout.InfiniteTimeSpan && Now() - _readAt >= RefreshInterval && _refresh is not { IsCompleted: false })
            {
                // A remote store: serve the value in hand, read the new one in the background.
                _readAt = Now();
                _refresh = RefreshCoreAsync("the refresh interval passed");
            }

            return _secret;
        }
    }

    /// <summary>
    /// Reads the secret from its store again now (one read at a time: concurrent callers share it), e.g. after the
    /// token endpoint answered <c>invalid_client</c>. True when the store now holds another value; false when it holds
    /// the same one, or cannot be read (then the value in hand is kept).
    /// </summary>
    public Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_refresh is { IsCompleted: false } running)
            {
                return running;
            }

            _readAt = Now();
            return _refresh = RefreshCoreAsync("asked to (the token endpoint rejected the client)");
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

    /// <summary>The current secret, read synchronously if the start-up check has not read it yet.</summary>
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

    private async Task<bool> RefreshCoreAsync(string why)
    {
        try
        {
            Task<SecretValue?>? before;
            lock (_gate)
            {
                before = _secret;
            }

            var version = _resolver.GetVersion(Environment);
            SecretValue? fresh;
            try
            {
                fresh = await _resolver.ResolveAsync(Environment).ConfigureAwait(false);
            }
            catch (CadastoCredentialsException exception)
            {
                _logger?.LogWarning("{Message} The secret in hand is kept.", exception.Message);
                return false;
            }

            var old = before is { Status: TaskStatus.RanToCompletion } ? before.Result : null;
            var changed = old is null || !fresh!.SameSecretAs(old);
            lock (_gate)
            {
                _version = version;
                if (changed)
                {
                    _secret = Task.FromResult(fresh);
                }
            }

            _logger?.LogInformation(
                "Cadasto client secret of {Application} ({Environment}) read again from the {Secret} because {Reason}: {Outcome}",
                Environment.Application,
                Environment.Name,
                Environment.Secret,
                why,
                changed ? "it changed" : "unchanged");
            return changed;
        }
        finally
        {
            // Runs before the caller stores the task when the store answers at once: the caller's check of
            // IsCompleted, not this, is what lets the next refresh start.
            lock (_gate)
            {
                _refresh = null;
            }
        }
    }

    private async Task<SecretValue?> KeepOnFailureAsync(Task<SecretValue?> previous, Task<SecretValue?> next, string why)
    {
        try
        {
            var value = await next.ConfigureAwait(false);
            _logger?.LogInformation(
                "Cadasto client secret of {Application} ({Environment}) read again from the {Secret} because {Reason}",
                Environment.Application,
                Environment.Name,
                Environment.Secret,
                why);
            return value;
        }
        catch (CadastoCredentialsException exception) when (previous.Status == TaskStatus.RanToCompletion)
        {
            // A file caught half-written, or removed for a moment during a rotation: keep the value in hand.
            _logger?.LogWarning("{Message} The secret in hand is kept.", exception.Message);
            return await previous.ConfigureAwait(false);
        }
    }
}
