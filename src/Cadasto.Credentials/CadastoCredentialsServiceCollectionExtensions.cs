using System;
using System.Linq;
using Cadasto.Credentials.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cadasto.Credentials;

/// <summary>
/// Registration of the secret stores and of the credentials the generator describes. Generated
/// <c>AddCadastoCredentials</c> calls <c>AddCadastoCredentialsCore</c>; nothing
/// here uses reflection, so the whole path is trimming and AOT safe.
/// </summary>
public static class CadastoCredentialsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in stores (<c>environment</c>, <c>user-secrets</c>, <c>configuration</c>,
    /// <c>file</c>) once. Other stores (Azure Key Vault) come from their own packages.
    /// </summary>
    public static IServiceCollection AddCadastoSecretStores(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, EnvironmentSecretStore>(_ => new EnvironmentSecretStore()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, UserSecretsSecretStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CadastoSecretStoreOptions>>().Value;
            return new UserSecretsSecretStore(options.UserSecretsId, options.UserSecretsRoot);
        }));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, ConfigurationSecretStore>(_ => new ConfigurationSecretStore(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, FileSecretStore>(sp =>
            new FileSecretStore(sp.GetRequiredService<IOptions<CadastoSecretStoreOptions>>().Value.SecretFilesRoot)));
        return services;
    }

    /// <summary>
    /// Registers <paramref name="environment"/> (with the overrides of the configuration section <c>Cadasto</c>, see
    /// <see cref="CadastoOverrides"/>), its secret binding, the start-up check (first among hosted services) and
    /// <typeparamref name="TCredentials"/>, built by <paramref name="create"/> from the environment and its secret.
    /// Called by generated code.
    /// </summary>
    public static IServiceCollection AddCadastoCredentialsCore<TCredentials>(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment hostEnvironment,
        CadastoEnvironment environment,
        string? userSecretsId,
        Func<CadastoEnvironment, SecretValue?, TCredentials> create)
        where TCredentials : class
    {
        if (hostEnvironment is null)
        {
            throw new ArgumentNullException(nameof(hostEnvironment));
        }

        return services.AddCadastoCredentialsCore(
            configuration,
            string.IsNullOrEmpty(hostEnvironment.ContentRootPath) ? null : hostEnvironment.ContentRootPath,
            environment,
            userSecretsId,
            create);
    }

    /// <summary>
    /// As the overload that takes an <see cref="IHostEnvironment"/>, for hosts that have none (Blazor WebAssembly's
    /// <c>WebAssemblyHostBuilder</c>, MAUI): relative <c>file</c> paths resolve against <paramref name="contentRootPath"/>,
    /// else the current directory. Called by generated code.
    /// </summary>
    public static IServiceCollection AddCadastoCredentialsCore<TCredentials>(
        this IServiceCollection services,
        IConfiguration configuration,
        string? contentRootPath,
        CadastoEnvironment environment,
        string? userSecretsId,
        Func<CadastoEnvironment, SecretValue?, TCredentials> create)
        where TCredentials : class
    {
        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        services.AddCadastoSecretStores(configuration);

        // Defaults only: a Configure the application registers (before or after) still wins for what it sets.
        services.Configure<CadastoSecretStoreOptions>(options =>
        {
            options.UserSecretsId ??= userSecretsId;
            options.SecretFilesRoot ??= contentRootPath;
            if (options.SecretRefreshInterval is null
                && configuration[CadastoOverrides.SectionName + ":SecretRefreshInterval"] is { } interval
                && TimeSpan.TryParse(interval, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                && parsed > TimeSpan.Zero)
            {
                options.SecretRefreshInterval = parsed;
            }
        });

        // The manifest's environment with the deployment's overrides, validated when first resolved: the start-up
        // check resolves it first of all hosted services, so a bad value stops the host naming the key.
        services.TryAddSingleton(_ => CadastoOverrides.Apply(environment, configuration));
        services.TryAddSingleton(sp => new CadastoSecretResolver(
            sp.GetServices<ISecretStore>(),
            sp.GetRequiredService<IOptions<CadastoSecretStoreOptions>>().Value.UserSecretsId));
        services.TryAddSingleton(sp => new CadastoSecretBinding(
            sp.GetRequiredService<CadastoEnvironment>(),
            sp.GetRequiredService<CadastoSecretResolver>(),
            sp.GetRequiredService<IOptions<CadastoSecretStoreOptions>>().Value.SecretRefreshInterval ?? CadastoSecretBinding.DefaultRefreshInterval,
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(CadastoSecretBinding).FullName!)));

        // First of all hosted services, so nothing starts talking to Cadasto before the secret is known to be there.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CadastoCredentialsStartupCheck)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, CadastoCredentialsStartupCheck>());
        }

        services.TryAddSingleton(sp =>
        {
            var binding = sp.GetRequiredService<CadastoSecretBinding>();
            // Usually built while the host resolves its hosted services (a worker's constructor takes the credentials),
            // before the start-up check runs: a missing secret is the check's to report, not an exception from here.
            var initial = binding.GetSecretOrUnavailable();

            // The credentials hand out the binding's current secret, so a rotated one is used without a restart.
            return create(binding.Environment, initial is null ? null : SecretValue.Live(binding));
        });
        return services;
    }
}
