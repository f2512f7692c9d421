using System;
using System.Linq;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Cadasto.Credentials.WebAssembly;

/// <summary>
/// Blazor WebAssembly sign-in from the selected environment. The app is a public client: it runs in the user's
/// browser, keeps no secret, and signs in with the authorization code flow and PKCE (RFC 9700 §2.1.1), which the
/// OIDC library of <c>AddOidcAuthentication</c> uses whenever the response type is <c>code</c>.
/// </summary>
public static class CadastoWebAssemblyAuthenticationExtensions
{
    /// <summary>
    /// <c>AddOidcAuthentication</c> with the provider options of the environment that <c>AddCadastoCredentials</c>
    /// selected: <c>Authority</c>, <c>ClientId</c>, <c>ResponseType = code</c>, <c>DefaultScopes</c> (<c>openid</c>,
    /// <c>profile</c> and the environment's scopes) and <c>RedirectUri</c> (the first registered redirect URI; the
    /// library's <c>authentication/login-callback</c> without one). <paramref name="configure"/> runs after.
    /// </summary>
    /// <exception cref="CadastoCredentialsException">The environment has a secret: a browser app is a public client.</exception>
    public static IRemoteAuthenticationBuilder<RemoteAuthenticationState, RemoteUserAccount> AddCadastoOidcAuthentication(
        this IServiceCollection services,
        Action<RemoteAuthenticationOptions<OidcProviderOptions>>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions<RemoteAuthenticationOptions<OidcProviderOptions>>()
            .Configure<CadastoEnvironment>((options, environment) => options.ProviderOptions.UseCadasto(environment));
        return services.AddOidcAuthentication(options => configure?.Invoke(options));
    }

    /// <summary>Sets <paramref name="options"/> from <paramref name="environment"/>, for an application that calls <c>AddOidcAuthentication</c> itself.</summary>
    /// <exception cref="CadastoCredentialsException">The environment has a secret: a browser app is a public client.</exception>
    public static OidcProviderOptions UseCadasto(this OidcProviderOptions options, CadastoEnvironment environment)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        if (environment.Secret is not null)
        {
            // Everything a WebAssembly app holds is downloaded to the browser: a secret there is public (CDS2001).
            throw new CadastoCredentialsException(
                $"Cadasto credentials for application '{environment.Application}', environment '{environment.Name}': a Blazor WebAssembly app runs in the browser and cannot keep a client secret, but cadasto.json gives this environment one ({environment.Secret}). Register the app as \"clientType\": \"public\" with the authorization_code flow, and remove the secret.");
        }

        options.Authority = environment.Authority;
        options.ClientId = environment.ClientId;
        options.ResponseType = "code";
        options.DefaultScopes.Clear();
        foreach (var scope in new[] { "openid", "profile" }.Concat(environment.Scopes).Distinct(StringComparer.Ordinal))
        {
            options.DefaultScopes.Add(scope);
        }

        if (environment.RedirectUris.FirstOrDefault(r => r.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || r.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) is { } redirect)
        {
            options.RedirectUri = redirect;
        }

        return options;
    }
}
