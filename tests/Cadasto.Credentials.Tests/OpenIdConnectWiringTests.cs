using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Cadasto.Credentials.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cadasto.Credentials.Tests;

/// <summary>AddCadastoOpenIdConnect / AddCadastoOAuth: a real sign-in against the loopback authorization server.</summary>
public sealed class OpenIdConnectWiringTests
{
    private const string ClientId = "cad-dev-customer-portal";
    private const string Secret = "portal-secret-0001";

    [Fact]
    public async Task OpenIdConnect_SignsInWithCodeAndPkce()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        await using var portal = await PortalAsync(server, new RotationTests.CountingStore(Secret));
        using var browser = new Browser();

        var (status, body) = await browser.OpenAsync(portal.Address);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Signed in as user-42", body);
        var authorize = server.AuthorizeQueries.Single();
        Assert.Contains("client_id=cad-dev-customer-portal", authorize);
        Assert.Contains("response_type=code", authorize);
        Assert.Contains("code_challenge_method=S256", authorize);
        Assert.Contains("scope=openid%20api.read", authorize);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(portal.Address.GetLeftPart(UriPartial.Authority) + "/signin-cadasto"), authorize);
        Assert.Equal(1, server.TokenRequests);
    }

    [Fact]
    public async Task OpenIdConnect_Options_ComeFromTheEnvironment()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        await using var portal = await PortalAsync(server, new RotationTests.CountingStore(Secret), o => o.SaveTokens = true);

        var options = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(server.Authority, options.Authority);
        Assert.Equal(ClientId, options.ClientId);
        Assert.Equal(Secret, options.ClientSecret);
        Assert.Equal("code", options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.Equal("/signin-cadasto", options.CallbackPath.Value);
        Assert.Equal(new[] { "openid", "api.read" }, options.Scope);
        Assert.False(options.RequireHttpsMetadata);
        Assert.True(options.SaveTokens);
    }

    [Fact]
    public async Task OpenIdConnect_InvalidClient_NextSignInUsesTheRotatedSecret()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        var store = new RotationTests.CountingStore(Secret);
        await using var portal = await PortalAsync(server, store);

        // Rotated in Cadasto and in the store; the portal holds the old secret (the interval is far off).
        server.Secret = store.Value = "portal-secret-0002";
        using (var first = new Browser())
        {
            var (failedStatus, _) = await first.OpenAsync(portal.Address);
            Assert.Equal(HttpStatusCode.InternalServerError, failedStatus);
        }

        using var second = new Browser();
        var (status, body) = await second.OpenAsync(portal.Address);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Signed in as user-42", body);
        Assert.DoesNotContain("portal-secret-000", portal.Logs.AllText);
    }

    [Fact]
    public async Task OAuth_Options_ComeFromTheEnvironmentWithPkce()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        await using var portal = await PortalAsync(server, new RotationTests.CountingStore(Secret), oauth: true);

        var options = portal.Services.GetRequiredService<IOptionsMonitor<OAuthOptions>>().Get("cadasto");
        using var browser = new Browser();
        var (status, body) = await browser.OpenAsync(new Uri(portal.Address, "/oauth"));

        Assert.Equal(ClientId, options.ClientId);
        Assert.Equal(Secret, options.ClientSecret);
        Assert.True(options.UsePkce);
        Assert.Equal("/signin-cadasto", options.CallbackPath.Value);
        Assert.Equal(new[] { "openid", "api.read" }, options.Scope);
        // The authorize request carried the PKCE challenge; the code was redeemed with the secret and verifier.
        Assert.Contains("code_challenge_method=S256", server.AuthorizeQueries.Single());
        Assert.Equal(1, server.TokenRequests);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Signed in through OAuth", body);
    }

    private static async Task<Portal> PortalAsync(LoopbackOAuthServer server, ISecretStore store, Action<OpenIdConnectOptions>? configure = null, bool oauth = false)
    {
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "development", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new[] { new System.Collections.Generic.KeyValuePair<string, string?>("Cadasto:Authority", server.Authority) });
        builder.Services.AddSingleton(store);
        var environment = new CadastoEnvironment("customer-portal", "development", ClientId, "https://auth.dev.cadasto.example", new[] { "openid", "api.read" }, new[] { "https://portal.example.com/signin-cadasto" }, null, SecretReference.Configuration("Cadasto:ClientSecret"));
        builder.Services.AddCadastoCredentialsCore(builder.Configuration, builder.Environment, environment, null, (e, s) => new TestCredentials(e, s));
        var authentication = builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie();
        if (oauth)
        {
            authentication.AddCadastoOAuth("cadasto", o =>
            {
                o.AuthorizationEndpoint = server.Authority + "/connect/authorize";
                o.TokenEndpoint = server.Authority + "/connect/token";
            });
        }
        else
        {
            authentication.AddCadastoOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, configure);
        }

        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", (HttpContext context) => "Signed in as " + (context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier) ?? context.User.FindFirst("sub"))?.Value).RequireAuthorization();
        app.MapGet("/oauth", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Text("Signed in through OAuth")
            : Results.Challenge(authenticationSchemes: new[] { "cadasto" }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Portal(app, new Uri(address + "/"), logs);
    }

    private sealed class Portal(WebApplication app, Uri address, CapturingLoggerProvider logs) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public IServiceProvider Services => app.Services;

        public CapturingLoggerProvider Logs { get; } = logs;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
