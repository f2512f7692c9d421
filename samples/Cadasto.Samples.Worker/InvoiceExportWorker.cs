using Microsoft.Identity.Client;

namespace Cadasto.Samples.Worker;

/// <summary>Acquires a Cadasto API token with the Client Credentials flow; the secret comes from configuration.</summary>
public sealed class InvoiceExportWorker(IConfiguration configuration, ILogger<InvoiceExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clientId = configuration["Cadasto:ClientId"] ?? "cad-dev-invoice-sync";
        var clientSecret = configuration["Cadasto:ClientSecret"];
        if (string.IsNullOrEmpty(clientSecret))
        {
            logger.LogError("Cadasto:ClientSecret is not set. Run: dotnet user-secrets set \"Cadasto:ClientSecret\" <value>");
            return;
        }

        var application = ConfidentialClientApplicationBuilder.Create(clientId)
            .WithClientSecret(clientSecret)
            .WithAuthority("https://auth.dev.cadasto.example", validateAuthority: false)
            .Build();

        logger.LogInformation("Cadasto client {ClientId} is configured", clientId);
        await Task.CompletedTask.WaitAsync(stoppingToken);
        _ = application;
    }
}
