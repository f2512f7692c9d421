using Cadasto.Credentials;

namespace Cadasto.Samples.Worker;

/// <summary>
/// Calls the Cadasto API with the Client Credentials flow through <see cref="InvoiceApiClient"/>. Everything it
/// needs comes from the generated <see cref="CadastoCredentials"/>: identifiers from cadasto.json, the secret from its store.
/// </summary>
public sealed class InvoiceExportWorker(CadastoCredentials credentials, InvoiceApiClient api, IHostApplicationLifetime lifetime, ILogger<InvoiceExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Safe to log: identifiers and the secret's reference; the secret itself prints as ***.
        logger.LogInformation("Cadasto environment chosen: {Environment} (of {Known})", credentials.EnvironmentName, string.Join(", ", CadastoEnvironments.Names));
        logger.LogInformation("Cadasto configuration: {Credentials}", credentials);

        try
        {
            var invoices = await api.GetApprovedInvoicesAsync(stoppingToken);
            logger.LogInformation("Exported {Count} approved invoices: {Invoices}", invoices.Count, string.Join(", ", invoices));
        }
        catch (CadastoCredentialsException exception)
        {
            // The message says what is wrong and what to do (e.g. the token endpoint refused the secret); never the secret.
            logger.LogCritical("{Message}", exception.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }

        // The sample runs once and exits; a real worker would loop until stoppingToken fires.
        if (Environment.GetEnvironmentVariable("CADASTO_SAMPLE_KEEP_RUNNING") is null)
        {
            lifetime.StopApplication();
        }
    }
}
