using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cadasto.Credentials;

/// <summary>Wires the selected environment's client credentials into an <c>HttpClient</c>.</summary>
public static class CadastoHttpClientBuilderExtensions
{
    /// <summary>The name of the <c>HttpClient</c> that sends discovery and token requests (configure it for proxies or timeouts).</summary>
    public const string TokenClientName = "Cadasto.TokenEndpoint";

    /// <summary>
    /// Adds <see cref="CadastoClientCredentialsHandler"/> to the client: every request carries an access token from
    /// the environment's authority (client credentials, the secret from its store), cached until shortly before it
    /// expires, with one token request in flight per client and one retry after a 401. Needs
    /// <c>AddCadastoCredentials</c>.
    /// </summary>
    public static IHttpClientBuilder AddCadastoClientCredentials(this IHttpClientBuilder builder, Action<CadastoTokenOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var name = builder.Name;
        if (configure is not null)
        {
            builder.Services.Configure(name, configure);
        }

        // The factory's logging handlers sit among the additional handlers and write request headers as structured
        // values at Trace level, unredacted there even where the message shows "*" (only the message honours
        // ShouldRedactHeaderValue). So the token is put on the request inside the primary handler, after every logger
        // has seen the request; and the token client (a Basic header with the secret) has no loggers: this library
        // logs its token requests itself, without secret or token.
        builder.Services.AddSingleton(new AuthorizedClient(name));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, AuthorizeInPrimaryHandler>());
        builder.Services.AddHttpClient(TokenClientName).RemoveAllLoggers();
        builder.Services.TryAddSingleton<TokenProviders>();
        return builder;
    }

    private sealed class AuthorizedClient
    {
        public AuthorizedClient(string name) => Name = name;

        public string Name { get; }
    }

    /// <summary>Wraps the primary handler of each client that called <see cref="AddCadastoClientCredentials"/>.</summary>
    private sealed class AuthorizeInPrimaryHandler : IHttpMessageHandlerBuilderFilter
    {
        private readonly IServiceProvider _services;
        private readonly HashSet<string> _names;

        public AuthorizeInPrimaryHandler(IServiceProvider services, IEnumerable<AuthorizedClient> clients)
        {
            _services = services;
            _names = new HashSet<string>(clients.Select(c => c.Name), StringComparer.Ordinal);
        }

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name is { } name && _names.Contains(name))
            {
                builder.PrimaryHandler = new CadastoClientCredentialsHandler(_services.GetRequiredService<TokenProviders>().For(_services, name))
                {
                    InnerHandler = builder.PrimaryHandler,
                };
            }
        };
    }

    /// <summary>One token provider (cache and single flight) per client name, for the application's lifetime.</summary>
    private sealed class TokenProviders : IDisposable
    {
        private readonly ConcurrentDictionary<string, Lazy<CadastoAccessTokenProvider>> _providers = new(StringComparer.Ordinal);

        public CadastoAccessTokenProvider For(IServiceProvider services, string name) =>
            _providers.GetOrAdd(name, n => new Lazy<CadastoAccessTokenProvider>(() =>
            {
                var binding = services.GetService<CadastoSecretBinding>()
                    ?? throw new InvalidOperationException("AddCadastoClientCredentials needs the Cadasto credentials: call services.AddCadastoCredentials(configuration, environment) first.");
                var factory = services.GetRequiredService<IHttpClientFactory>();
                return new CadastoAccessTokenProvider(
                    binding,
                    () => factory.CreateClient(TokenClientName),
                    services.GetRequiredService<IOptionsMonitor<CadastoTokenOptions>>().Get(n),
                    services.GetService<ILoggerFactory>()?.CreateLogger(typeof(CadastoAccessTokenProvider).FullName!));
            })).Value;

        public void Dispose()
        {
            foreach (var provider in _providers.Values)
            {
                if (provider.IsValueCreated)
                {
                    provider.Value.Dispose();
                }
            }
        }
    }
}
