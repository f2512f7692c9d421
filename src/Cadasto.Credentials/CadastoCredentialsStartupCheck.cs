using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials;

/// <summary>
/// Reads the secret when the host starts, before every other hosted service (it is registered
/// first), so a missing or empty secret stops the application at once with a message that says
/// which application, environment, store and key, rather than at the first token request.
/// </summary>
public sealed class CadastoCredentialsStartupCheck : IHostedService
{
    private readonly CadastoSecretBinding _binding;
    private readonly ILogger<CadastoCredentialsStartupCheck>? _logger;

    /// <summary>Checks <paramref name="binding"/>; logs the outcome when a logger is registered.</summary>
    public CadastoCredentialsStartupCheck(CadastoSecretBinding binding, ILogger<CadastoCredentialsStartupCheck>? logger = null)
    {
        _binding = binding;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var environment = _binding.Environment;
        try
        {
            await _binding.GetSecretAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CadastoCredentialsException exception)
        {
            _logger?.LogCritical("{Message}", exception.Message);
            throw;
        }

        _logger?.LogInformation(
            "Cadasto credentials for {Application} use environment {Environment} (client id {ClientId}); secret: {Secret}",
            environment.Application,
            environment.Name,
            environment.ClientId,
            environment.Secret is null ? "none (public client)" : environment.Secret.ToString());
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
