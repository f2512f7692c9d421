using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

/// <summary>AddHttpClient&lt;T&gt;().AddCadastoClientCredentials() against a loopback authorization server and API.</summary>
public sealed class TokenHandlerTests
{
    private const string ClientId = "cad-prod-invoice-sync";
    private const string Secret = "loopback-secret-0001";

    [Fact]
    public async Task Token_IsCachedAcrossRequests()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        using var app = await App.StartAsync(server, new RotationTests.CountingStore(Secret));

        for (var i = 0; i < 5; i++)
        {
            using var response = await app.Api.GetAsync("/api/invoices");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, server.TokenRequests);
        Assert.Equal(5, server.ApiCalls);
        Assert.Equal(new[] { "api.read api.write" }, server.RequestedScopes);
    }

    [Fact]
    public async Task ConcurrentRequests_OnAColdCache_MakeOneTokenRequest()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        server.TokenDelay = TimeSpan.FromMilliseconds(300);
        using var app = await App.StartAsync(server, new RotationTests.CountingStore(Secret));

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => app.Api.GetAsync("/api/invoices")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, server.TokenRequests);
        Assert.Equal(25, server.ApiCalls);
    }

    [Fact]
    public async Task Token_IsRenewedShortlyBeforeItExpires()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        server.ExpiresIn = 600;
        var binding = RotationTests.Binding(SecretReference.Configuration("Cadasto:ClientSecret"), new RotationTests.CountingStore(Secret));
        var environment = WithAuthority(binding.Environment, server.Authority);
        using var http = new HttpClient();
        using var provider = new CadastoAccessTokenProvider(new CadastoSecretBinding(environment, new CadastoSecretResolver(new[] { new RotationTests.CountingStore(Secret) })), () => http);
        var now = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
        provider.Now = () => now;

        var first = await provider.GetTokenAsync();
        now = now.AddSeconds(539);
        Assert.Equal(first, await provider.GetTokenAsync());
        now = now.AddSeconds(1);
        var second = await provider.GetTokenAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, server.TokenRequests);
    }

    [Fact]
    public async Task Unauthorized_IsRetriedOnceWithANewToken()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        using var app = await App.StartAsync(server, new RotationTests.CountingStore(Secret));
        (await app.Api.GetAsync("/api/invoices")).Dispose();

        server.RevokeIssuedTokens();
        using var response = await app.Api.GetAsync("/api/invoices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.TokenRequests);
        Assert.Equal(3, server.ApiCalls);
    }

    [Fact]
    public async Task Unauthorized_Twice_IsReturnedAfterOneRetry()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        server.RejectAllTokens = true;
        using var app = await App.StartAsync(server, new RotationTests.CountingStore(Secret));

        using var response = await app.Api.PostAsync("/api/invoices", new StringContent("{\"id\":1}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, server.TokenRequests);
        Assert.Equal(2, server.ApiCalls);
    }

    [Fact]
    public async Task InvalidClient_AfterARotation_ReadsTheStoreAgainAndSucceeds()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        var store = new RotationTests.CountingStore(Secret);
        using var app = await App.StartAsync(server, store);
        (await app.Api.GetAsync("/api/invoices")).Dispose();
        var readsBefore = store.Reads;

        // Rotated in Cadasto and in the vault; the application still holds the old secret, and the interval is far off.
        server.Secret = store.Value = "loopback-secret-0002";
        server.RevokeIssuedTokens();
        using var response = await app.Api.GetAsync("/api/invoices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(readsBefore + 1, store.Reads);
        Assert.Equal("loopback-secret-0002", app.Credentials.ClientSecret!.Reveal());
        Assert.DoesNotContain("loopback-secret-000", app.Logs.AllText);
        Assert.Contains("rejected client cad-prod-invoice-sync (invalid_client)", app.Logs.AllText);
    }

    [Fact]
    public async Task InvalidClient_StoreNotRotated_ShouldFailSayingWhatToDo()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        server.Secret = "loopback-secret-9999";
        using var app = await App.StartAsync(server, new RotationTests.CountingStore(Secret));

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => app.Api.GetAsync("/api/invoices"));

        Assert.Contains($"no access token for client id {ClientId}: the token endpoint {server.Authority}/connect/token answered 401 invalid_client", exception.Message);
        Assert.Contains("put the current secret there (it is read again without a restart)", exception.Message);
        Assert.DoesNotContain("loopback-secret", exception.ToString());
    }

    [Fact]
    public async Task NeitherSecretNorTokens_AreLogged()
    {
        await using var server = await LoopbackOAuthServer.StartAsync(ClientId, Secret);
        using var app = await App.StartAsync(server, new RotationTests.CountingStore(Secret));
        using var response = await app.Api.GetAsync("/api/invoices");
        server.RevokeIssuedTokens();
        (await app.Api.GetAsync("/api/invoices")).Dispose();

        Assert.Contains("Cadasto access token for client cad-prod-invoice-sync", app.Logs.AllText);
        Assert.DoesNotContain(Secret, app.Logs.AllText);
        Assert.DoesNotContain("Basic ", app.Logs.AllText);
        Assert.DoesNotContain("at-1-", app.Logs.AllText);
        Assert.DoesNotContain("at-2-", app.Logs.AllText);
    }

    internal static CadastoEnvironment WithAuthority(CadastoEnvironment environment, string authority) =>
        new(environment.Application, environment.Name, ClientId, authority, new[] { "openid", "api.read", "api.write" }, null, null, environment.Secret);

    /// <summary>A typed client, as an application declares it.</summary>
    internal sealed class InvoiceApi(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    /// <summary>A host with the credentials (secret in <c>store</c>) and a typed client wired to the server.</summary>
    private sealed class App : IDisposable
    {
        private readonly IHost _host;

        private App(IHost host, CapturingLoggerProvider logs)
        {
            _host = host;
            Logs = logs;
        }

        public CapturingLoggerProvider Logs { get; }

        public HttpClient Api => _host.Services.GetRequiredService<InvoiceApi>().Http;

        public TestCredentials Credentials => _host.Services.GetRequiredService<TestCredentials>();

        public static async Task<App> StartAsync(LoopbackOAuthServer server, ISecretStore store)
        {
            var logs = new CapturingLoggerProvider();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "production", ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cadasto:Authority"] = server.Authority });
            builder.Services.AddSingleton(store);
            var environment = WithAuthority(TestHost.Environment(SecretReference.Configuration("Cadasto:ClientSecret"), "production"), "https://auth.cadasto.example");
            builder.Services.AddCadastoCredentialsCore(builder.Configuration, builder.Environment, environment, null, (e, s) => new TestCredentials(e, s));
            builder.Services.AddHttpClient<InvoiceApi>(c => c.BaseAddress = new Uri(server.Authority)).AddCadastoClientCredentials();
            var host = builder.Build();
            await host.StartAsync();
            return new App(host, logs);
        }

        public void Dispose() => _host.Dispose();
    }
}
