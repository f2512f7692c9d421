using System;
using System.Linq;
using Cadasto.Credentials.WebAssembly;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cadasto.Credentials.Tests;

/// <summary>
/// A Blazor WebAssembly app's registration: the services, the <c>WebAssemblyHostConfiguration</c> and the environment
/// name its <c>WebAssemblyHostBuilder</c> hands out (the builder itself needs the browser's JavaScript runtime), through
/// the overload the generator emits for hosts without an <c>IHostEnvironment</c>.
/// </summary>
public sealed class WebAssemblyTests
{
    private static readonly CadastoEnvironment Spa = new(
        "field-app", "development", "cad-dev-field", "https://auth.dev.cadasto.example", new[] { "openid", "api.read" },
        new[] { "https://localhost:5002/authentication/login-callback" }, new[] { "https://localhost:5002" }, secret: null);

    [Fact]
    public void PublicClient_RegistersWithoutASecretOrAStore()
    {
        using var provider = Register(Spa).BuildServiceProvider();

        var credentials = provider.GetRequiredService<TestCredentials>();

        Assert.Null(credentials.ClientSecret);
        Assert.Equal("cad-dev-field", credentials.Environment.ClientId);
    }

    [Fact]
    public void OidcAuthentication_IsCodeFlowFromTheEnvironment()
    {
        var services = Register(Spa);
        services.AddCadastoOidcAuthentication(o => o.ProviderOptions.PostLogoutRedirectUri = "https://localhost:5002/");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsSnapshot<RemoteAuthenticationOptions<OidcProviderOptions>>>().Value.ProviderOptions;

        Assert.Equal("https://auth.dev.cadasto.example", options.Authority);
        Assert.Equal("cad-dev-field", options.ClientId);
        Assert.Equal("code", options.ResponseType);
        Assert.Equal(new[] { "openid", "profile", "api.read" }, options.DefaultScopes);
        Assert.Equal("https://localhost:5002/authentication/login-callback", options.RedirectUri);
        Assert.Equal("https://localhost:5002/", options.PostLogoutRedirectUri);
    }

    [Fact]
    public void OidcAuthentication_WithAConfidentialEnvironment_ShouldFailSayingWhy()
    {
        var confidential = new CadastoEnvironment("field-app", "development", "cad-dev-field", "https://auth.dev.cadasto.example", new[] { "api.read" }, null, null, SecretReference.UserSecrets("Cadasto:ClientSecret"));
        var services = Register(confidential);
        services.AddCadastoOidcAuthentication();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<CadastoCredentialsException>(() =>
            provider.GetRequiredService<IOptionsSnapshot<RemoteAuthenticationOptions<OidcProviderOptions>>>().Value);

        Assert.Contains("cannot keep a client secret", exception.Message);
        Assert.Contains("\"clientType\": \"public\"", exception.Message);
    }

    [Fact]
    public void Overrides_ApplyInTheBrowserToo()
    {
        // wwwroot/appsettings.json as the WebAssembly host loads it.
        var configuration = new WebAssemblyHostConfiguration();
        configuration.AddInMemoryCollection(new[] { new System.Collections.Generic.KeyValuePair<string, string?>("Cadasto:ClientId", "cad-dev-field-eu") });
        var services = Register(Spa, configuration);
        services.AddCadastoOidcAuthentication();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsSnapshot<RemoteAuthenticationOptions<OidcProviderOptions>>>().Value.ProviderOptions;

        Assert.Equal("cad-dev-field-eu", options.ClientId);
    }

    private static ServiceCollection Register(CadastoEnvironment environment, WebAssemblyHostConfiguration? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<NavigationManager>(new BrowserNavigation());
        // What the generated AddCadastoCredentials(configuration, builder.HostEnvironment.Environment) calls.
        services.AddCadastoCredentialsCore(configuration ?? new WebAssemblyHostConfiguration(), (string?)null, environment, null, (e, s) => new TestCredentials(e, s));
        return services;
    }

    private sealed class BrowserNavigation : NavigationManager
    {
        public BrowserNavigation() => Initialize("https://localhost:5002/", "https://localhost:5002/");

        protected override void NavigateToCore(string uri, bool forceLoad)
        {
        }
    }
}
