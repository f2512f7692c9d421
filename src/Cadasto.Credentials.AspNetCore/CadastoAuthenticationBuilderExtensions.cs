using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cadasto.Credentials.AspNetCore;

/// <summary>
/// One call wires the selected environment (<c>AddCadastoCredentials</c>, with the <c>Cadasto</c> section's overrides)
/// into ASP.NET Core's OpenID Connect or OAuth handler: authority, client id, the client secret from its store, the
/// scopes, the callback path of the registered redirect URI, and the authorization code flow with PKCE. A
/// <c>configure</c> delegate runs after, so the application can still change any option.
/// </summary>
public static class CadastoAuthenticationBuilderExtensions
{
    /// <summary>Adds OpenID Connect under <see cref="OpenIdConnectDefaults.AuthenticationScheme"/>, configured from the Cadasto credentials.</summary>
    public static AuthenticationBuilder AddCadastoOpenIdConnect(this AuthenticationBuilder builder) =>
        builder.AddCadastoOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, null);

    /// <summary>As <see cref="AddCadastoOpenIdConnect(AuthenticationBuilder)"/>; <paramref name="configure"/> runs after the Cadasto settings.</summary>
    public static AuthenticationBuilder AddCadastoOpenIdConnect(this AuthenticationBuilder builder, Action<OpenIdConnectOptions> configure) =>
        builder.AddCadastoOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, configure);

    /// <summary>
    /// Adds OpenID Connect under <paramref name="scheme"/>: <c>Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>,
    /// <c>ResponseType = code</c>, <c>UsePkce = true</c>, <c>Scope</c> (<c>openid</c> and the environment's scopes),
    /// <c>CallbackPath</c> (the path of the first registered redirect URI; <c>/signin-oidc</c> without one), and
    /// <c>RequireHttpsMetadata</c> (off only for a loopback authority). The secret sent with each code redemption is the
    /// store's current one; an <c>invalid_client</c> answer makes the store be read again at once, so the next sign-in
    /// uses a rotated secret.
    /// </summary>
    public static AuthenticationBuilder AddCadastoOpenIdConnect(this AuthenticationBuilder builder, string scheme, Action<OpenIdConnectOptions>? configure)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.AddOptions<OpenIdConnectOptions>(scheme).Configure<IServiceProvider>((options, services) =>
        {
            var environment = Environment(services);
            options.Authority = environment.Authority;
            options.ClientId = environment.ClientId;
            options.ClientSecret = CurrentSecret(services);
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in new[] { "openid" }.Concat(environment.Scopes).Distinct(StringComparer.Ordinal))
            {
                options.Scope.Add(scope);
            }

            options.CallbackPath = CallbackPath(environment, options.CallbackPath);
            options.RequireHttpsMetadata = !IsLoopback(environment.Authority);
        });

        // After the application's own configuration, which may have replaced Events: chain, never drop, its handlers.
        builder.Services.AddOptions<OpenIdConnectOptions>(scheme).PostConfigure<IServiceProvider>((options, services) =>
        {
            var events = options.Events ??= new OpenIdConnectEvents();
            var received = events.OnAuthorizationCodeReceived;
            events.OnAuthorizationCodeReceived = async context =>
            {
                if (context.TokenEndpointRequest is { } request && CurrentSecret(services) is { } secret)
                {
                    request.ClientSecret = secret;
                }

                await received(context).ConfigureAwait(false);
            };
            var failed = events.OnRemoteFailure;
            events.OnRemoteFailure = async context =>
            {
                await RefreshAfterInvalidClientAsync(services, context.Failure).ConfigureAwait(false);
                await failed(context).ConfigureAwait(false);
            };
        });

        return builder.AddOpenIdConnect(scheme, configure ?? (_ => { }));
    }

    /// <summary>
    /// Adds a generic OAuth 2.0 handler under <paramref name="scheme"/>: <c>ClientId</c>, <c>ClientSecret</c>,
    /// <c>UsePkce = true</c> (ASP.NET Core's default is off), <c>Scope</c> and <c>CallbackPath</c> from the environment.
    /// OAuth has no discovery: <paramref name="configure"/> sets <c>AuthorizationEndpoint</c> and <c>TokenEndpoint</c>
    /// (and <c>ClaimsIssuer</c>, user-information mapping) as the provider documents them.
    /// </summary>
    public static AuthenticationBuilder AddCadastoOAuth(this AuthenticationBuilder builder, string scheme, Action<OAuthOptions> configure)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        builder.Services.AddOptions<OAuthOptions>(scheme).Configure<IServiceProvider>((options, services) =>
        {
            var environment = Environment(services);
            options.ClientId = environment.ClientId;
            options.ClientSecret = CurrentSecret(services) ?? string.Empty;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in environment.Scopes)
            {
                options.Scope.Add(scope);
            }

            options.CallbackPath = CallbackPath(environment, new PathString("/signin-oauth"));
        });

        builder.Services.AddOptions<OAuthOptions>(scheme).PostConfigure<IServiceProvider>((options, services) =>
        {
            // The OAuth handler reads Options.ClientSecret when it redeems the code: bring it up to date at each
            // challenge, the step before every redemption (one options instance per scheme, one current secret).
            var events = options.Events ??= new OAuthEvents();
            var redirect = events.OnRedirectToAuthorizationEndpoint;
            events.OnRedirectToAuthorizationEndpoint = context =>
            {
                if (CurrentSecret(services) is { } secret)
                {
                    context.Options.ClientSecret = secret;
                }

                return redirect(context);
            };
            var failed = events.OnRemoteFailure;
            events.OnRemoteFailure = async context =>
            {
                await RefreshAfterInvalidClientAsync(services, context.Failure).ConfigureAwait(false);
                await failed(context).ConfigureAwait(false);
            };
        });

        return builder.AddOAuth(scheme, configure);
    }

    private static CadastoEnvironment Environment(IServiceProvider services) =>
        services.GetService<CadastoEnvironment>()
        ?? throw new InvalidOperationException("AddCadastoOpenIdConnect and AddCadastoOAuth need the Cadasto credentials: call builder.Services.AddCadastoCredentials(builder.Configuration, builder.Environment) first.");

    /// <summary>The store's current secret; null for a public client, or when it cannot be read (the start-up check reports that).</summary>
    private static string? CurrentSecret(IServiceProvider services)
    {
        var binding = services.GetRequiredService<CadastoSecretBinding>();
        if (binding.Environment.Secret is null)
        {
            return null;
        }

        try
        {
            return binding.GetSecret()?.Reveal();
        }
        catch (CadastoCredentialsException)
        {
            return null;
        }
    }

    private static async Task RefreshAfterInvalidClientAsync(IServiceProvider services, Exception? failure)
    {
        for (var exception = failure; exception is not null; exception = exception.InnerException)
        {
            if (exception.Message.IndexOf("invalid_client", StringComparison.Ordinal) >= 0)
            {
                await services.GetRequiredService<CadastoSecretBinding>().RefreshAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>The path of the first registered http(s) redirect URI: the handler answers there.</summary>
    private static PathString CallbackPath(CadastoEnvironment environment, PathString fallback)
    {
        foreach (var redirect in environment.RedirectUris)
        {
            if (Uri.TryCreate(redirect, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return new PathString(uri.AbsolutePath);
            }
        }

        return fallback;
    }

    private static bool IsLoopback(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
