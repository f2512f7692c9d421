using Microsoft.Identity.Client;

namespace Cadasto.Samples.Worker;

/// <summary>
/// Acquires a Cadasto API token with the Client Credentials flow. Everything it needs comes from the
/// generated <see cref="CadastoCredentials"/>: identifiers from cadasto.json, the secret from its store.
/// </summary>
public sealed class InvoiceExportWorker(CadastoCredentials credentials, IHostApplicationLifetime lifetime, ILogger<InvoiceExportWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Safe to log: identifiers and the secret's reference; the secret itself prints as ***.
        logger.LogInformation("Cadasto environment chosen: {Environment} (of {Known})", credentials.EnvironmentName, string.Join(", ", CadastoEnvironments.Names));
        logger.LogInformation("Cadasto configuration: {Credentials}", credentials);

        var application = ConfidentialClientApplicationBuilder.Create(credentials.ClientId)
            .WithClientSecret(credentials.ClientSecret.Reveal())
            .WithOidcAuthority(credentials.Authority ?? CadastoEnvironments.Development.Authority!)
            .Build();
        _ = application; // a real worker would now call AcquireTokenForClient(credentials.Scopes)

        // The sample shows the configuration and exits; a real worker would loop until stoppingToken fires.
        if (Environment.GetEnvironmentVariable("CADASTO_SAMPLE_KEEP_RUNNING") is null)
        {
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }
}
