using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials;

/// <summary>
/// Reads the secret when the host starts, before every other hosted service (it is registered first, and checks in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, before any service's <c>StartAsync</c>), so a missing or
/// empty secret stops the application at once with a message that says which application, environment, store and
/// key, rather than at the first token request.
/// </summary>
/// <remarks>
/// <para>
/// The credentials are usually built before this check runs: a worker that takes them in its constructor is built
/// while the host resolves its hosted services. From the moment this check is built (first of them), a secret that
/// cannot be read is its to report (<see cref="CadastoSecretBinding.FailuresReportedAtStartup"/>): the credentials get a
/// <see cref="SecretValue"/> whose <see cref="SecretValue.Reveal"/> throws the same message, instead of an exception
/// thrown from deep inside dependency injection.
/// </para>
/// <para>
/// On failure the message is logged as critical. Then, in a host whose other hosted services are all
/// <see cref="BackgroundService"/>s of Microsoft.Extensions.Hosting 10 or later (a worker), the application ends
/// cleanly: the host is asked to stop (<see cref="IHostApplicationLifetime.StopApplication"/>), the process exit code
/// becomes <see cref="FailureExitCode"/> (unless the application set another), and <c>IHost.StartAsync</c> returns:
/// such a service does not run at all when its start is already cancelled (from 10.0 it runs <c>ExecuteAsync</c>
/// through <c>Task.Run</c> with that token; before, its first synchronous part ran, dotnet/runtime#36063). Any other
/// service may not tolerate a cancelled start (Kestrel throws on it): then the failure is thrown, as
/// <see cref="CadastoCredentialsException"/>, and the host aborts before any other service starts. Without a host
/// lifetime (the check started by hand), it is thrown too.
/// </para>
/// </remarks>
public sealed class CadastoCredentialsStartupCheck : IHostedLifecycleService
{
    /// <summary>The process exit code after a failed check: 1, as any failed command.</summary>
    public const int FailureExitCode = 1;

    private readonly CadastoSecretBinding _binding;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<CadastoCredentialsStartupCheck>? _logger;
    private readonly IServiceProvider? _services;
    private Task? _check;

    /// <summary>
    /// Checks <paramref name="binding"/>; logs the outcome when a logger is registered; on failure stops the host through
    /// <paramref name="lifetime"/> when the hosted services of <paramref name="services"/> allow a clean stop.
    /// </summary>
    public CadastoCredentialsStartupCheck(
        CadastoSecretBinding binding,
        IHostApplicationLifetime? lifetime = null,
        ILogger<CadastoCredentialsStartupCheck>? logger = null,
        IServiceProvider? services = null)
    {
        _binding = binding ?? throw new ArgumentNullException(nameof(binding));
        _lifetime = lifetime;
        _logger = logger;
        _services = services;

        // Built first of the hosted services, before the ones that take the credentials in their constructors: from
        // now on a missing secret is this check's to report, not an exception thrown from inside dependency injection.
        if (lifetime is not null)
        {
            binding.FailuresReportedAtStartup = true;
        }
    }

    /// <summary>Sets the process exit code after a failure (tests replace it: the exit code is the whole process's).</summary>
    internal Action<int> SetExitCode { get; set; } = code =>
    {
        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = code;
        }
    };

    /// <summary>The check's failure, once it ran and failed; null otherwise.</summary>
    public CadastoCredentialsException? Failure { get; private set; }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>Checks here only in hosts that do not call <see cref="StartingAsync"/> (Microsoft.Extensions.Hosting before 8.0).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task CheckAsync(CancellationToken cancellationToken)
    {
        // Once: StartAsync after StartingAsync does not read the store again.
        if (_check is null || _check.IsCanceled)
        {
            _check = RunAsync(cancellationToken);
        }

        return _check;
    }

    /// <summary>Whether every other hosted service is a BackgroundService that does not run when its start is cancelled (Hosting 10+).</summary>
    private bool OthersSkipACancelledStart()
    {
        if (_services is null)
        {
            return false;
        }

        var backgroundServiceSkipsCancelledStart = typeof(BackgroundService).Assembly.GetName().Version is { Major: >= 10 };
        foreach (var service in _services.GetServices<IHostedService>())
        {
            if (ReferenceEquals(service, this))
            {
                continue;
            }

            if (service is not BackgroundService || !backgroundServiceSkipsCancelledStart)
            {
                return false;
            }
        }

        return true;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var environment = _binding.Environment;
        try
        {
            await _binding.GetSecretAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CadastoCredentialsException exception)
        {
            Failure = exception;
            if (_logger is not null)
            {
                _logger.LogCritical("{Message}", exception.Message);
            }
            else
            {
                Console.Error.WriteLine(exception.Message);
            }

            if (_lifetime is null || !OthersSkipACancelledStart())
            {
                throw;
            }

            SetExitCode(FailureExitCode);
            _lifetime.StopApplication();
            return;
        }

        _logger?.LogInformation(
            "Cadasto credentials for {Application} use environment {Environment} (client id {ClientId}); secret: {Secret}",
            environment.Application,
            environment.Name,
            environment.ClientId,
            environment.Secret is null ? "none (public client)" : environment.Secret.ToString());
    }
}
