using System;
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
}
