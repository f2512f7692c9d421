using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Credentials.AzureKeyVault;
using Microsoft.Extensions.DependencyInjection;

namespace Cadasto.Credentials.Tests;

public sealed class AzureKeyVaultStoreTests
{
    [Fact]
    public async Task Read_GoesThroughTheChallengeAndFetchesOnlyThatSecret()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string>
        {
            ["cadasto-client-secret"] = "kv-secret-value",
            ["unrelated"] = "not-for-us",
        });
        using var store = new AzureKeyVaultSecretStore(vault.StoreOptions());

        var secret = await store.GetSecretAsync(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "cadasto-client-secret"));

        Assert.Equal("kv-secret-value", secret!.Reveal());
        Assert.Equal(1, vault.Challenges);
        Assert.All(vault.Requests, r => Assert.StartsWith("GET /secrets/cadasto-client-secret", r));
        Assert.All(vault.Requests, r => Assert.Contains("api-version=", r));
    }

    [Fact]
    public async Task UnknownSecret_IsNull()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string>());
        using var store = new AzureKeyVaultSecretStore(vault.StoreOptions());

        Assert.Null(await store.GetSecretAsync(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "absent")));
    }

    [Fact]
    public async Task ManySecrets_AreFetchedInParallelWithinTheBound()
    {
        var secrets = Enumerable.Range(0, 8).ToDictionary(i => "secret-" + i, i => "value-" + i);
        await using var vault = await FakeKeyVaultServer.StartAsync(secrets);
        vault.Delay = TimeSpan.FromMilliseconds(150);
        using var store = new AzureKeyVaultSecretStore(vault.StoreOptions(o => o.MaxParallelism = 3));
        var references = secrets.Keys.Select(name => SecretReference.AzureKeyVault(vault.VaultUri.ToString(), name)).ToList();

        var values = await store.GetSecretsAsync(references.Concat(references));

        Assert.Equal(8, values.Count);
        Assert.All(references, r => Assert.Equal("value-" + r.Name.Substring("secret-".Length), values[r]!.Reveal()));
        Assert.Equal(8, store.Reads); // each distinct secret once, and nothing else (no listing)
        // Measured at the server, not timed: reads overlapped (parallel), and never more than the bound. On an idle
        // machine this is exactly 3; a loaded one may stagger the requests, never exceed the bound.
        Assert.InRange(vault.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task TransientFailures_AreRetried()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string> { ["flaky"] = "after-retries" });
        vault.FailuresBeforeSuccess["flaky"] = 2;
        using var store = new AzureKeyVaultSecretStore(vault.StoreOptions(o => o.MaxRetries = 3));

        var secret = await store.GetSecretAsync(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "flaky"));

        Assert.Equal("after-retries", secret!.Reveal());
        Assert.Equal(3, vault.Requests.Count(r => r.StartsWith("GET /secrets/flaky", StringComparison.Ordinal)) - vault.Challenges);
    }

    [Fact]
    public async Task SlowVault_TimesOutWithAClearMessage()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string> { ["slow"] = "never-seen" });
        vault.Hanging["slow"] = true;
        using var store = new AzureKeyVaultSecretStore(vault.StoreOptions(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetries = 0;
        }));

        var watch = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TimeoutException>(() => store.GetSecretAsync(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "slow")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.ElapsedMilliseconds} ms");
        Assert.Contains("\"slow\"", exception.Message);
        Assert.DoesNotContain("never-seen", exception.Message);
    }

    [Fact]
    public async Task ThroughTheHost_TheKeyVaultSecretIsBound()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string> { ["cadasto-client-secret"] = "prod-secret" });
        using var profile = new TempFolder();
        var environment = TestHost.Environment(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "cadasto-client-secret"), "production");
        using var host = TestHost.Build(environment, profile.Path, configure: s => s.AddCadastoAzureKeyVault(o =>
        {
            var configured = vault.StoreOptions();
            o.Credential = configured.Credential;
            o.RetryDelay = configured.RetryDelay;
            o.ConfigureClient = configured.ConfigureClient;
        }));

        await host.StartAsync();

        Assert.Equal("prod-secret", host.Services.GetRequiredService<TestCredentials>().ClientSecret!.Reveal());
        await host.StopAsync();
    }

    [Fact]
    public async Task ThroughTheHost_AMissingKeyVaultSecretFailsStart()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string>());
        using var profile = new TempFolder();
        var environment = TestHost.Environment(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "cadasto-client-secret"), "production");
        using var host = TestHost.Build(environment, profile.Path, configure: s => s.AddCadastoAzureKeyVault(o =>
        {
            var configured = vault.StoreOptions();
            o.Credential = configured.Credential;
            o.ConfigureClient = configured.ConfigureClient;
        }));

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.Contains("environment 'production'", exception.Message);
        Assert.Contains($"azure-key-vault store (secret \"cadasto-client-secret\" in {vault.VaultUri})", exception.Message);
        Assert.Contains("az keyvault secret set", exception.Message);
    }
}
