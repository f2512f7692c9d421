using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

/// <summary>What the generated CadastoCredentials looks like to the runtime: built from the environment and its secret.</summary>
internal sealed record TestCredentials(CadastoEnvironment Environment, SecretValue? ClientSecret)
{
    public override string ToString() => $"{Environment.Application} {Environment.Name} {Environment.ClientId} secret={ClientSecret}";
}

internal static class TestHost
{
    public static CadastoEnvironment Environment(SecretReference? secret, string name = "development") =>
        new("invoice-sync", name, "cad-dev-invoice-sync", "https://auth.dev.cadasto.example", new[] { "api.read" }, null, null, secret);

    /// <summary>A real host (no default sources: the test decides every root), registered as generated code does.</summary>
    public static IHost Build(
        CadastoEnvironment environment,
        string profileRoot,
        string? userSecretsId = "app-under-test",
        CapturingLoggerProvider? logs = null,
        Action<IServiceCollection>? configure = null,
        string? contentRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = environment.Name,
            ContentRootPath = contentRoot ?? profileRoot,
        });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        builder.Services.Configure<CadastoSecretStoreOptions>(o => o.UserSecretsRoot = profileRoot);
        configure?.Invoke(builder.Services);
        builder.Services.AddCadastoCredentialsCore(builder.Configuration, builder.Environment, environment, userSecretsId, (e, s) => new TestCredentials(e, s));
        return builder.Build();
    }

    /// <summary>
    /// Starts a host whose secret cannot be read: the start-up check stops it cleanly (no exception out of
    /// <c>StartAsync</c>), asks for exit code 1 (captured here: the real exit code is the whole test process's) and
    /// keeps the failure, which is returned.
    /// </summary>
    public static async Task<CadastoCredentialsException> StartAndFailAsync(IHost host)
    {
        var check = host.Services.GetServices<IHostedService>().OfType<CadastoCredentialsStartupCheck>().Single();
        var exitCodes = new List<int>();
        check.SetExitCode = exitCodes.Add;

        await host.StartAsync();

        Assert.True(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the check must stop the host");
        Assert.Equal(new[] { CadastoCredentialsStartupCheck.FailureExitCode }, exitCodes);
        return Assert.IsType<CadastoCredentialsException>(check.Failure);
    }
}
