using System;
using System.IO;
using System.Threading.Tasks;
using Cadasto.Credentials.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cadasto.Credentials.Tests;

/// <summary>The secret is re-read without a restart: on change (file, user-secrets), on an interval (others), on demand.</summary>
public sealed class RotationTests
{
    [Fact]
    public async Task FileStore_ChangedFile_CredentialsHandOutTheNewSecret()
    {
        using var folder = new TempFolder();
        var path = folder.Write("client-secret", "first-secret-1\n");
        using var host = TestHost.Build(TestHost.Environment(SecretReference.File("client-secret"), "production"), folder.Path, contentRoot: folder.Path);
        await host.StartAsync();
        var credentials = host.Services.GetRequiredService<TestCredentials>();
        Assert.Equal("first-secret-1", credentials.ClientSecret!.Reveal());

        File.WriteAllText(path, "second-secret-22\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.Equal("second-secret-22", credentials.ClientSecret.Reveal());
        Assert.Equal(SecretValue.Redacted, credentials.ClientSecret.ToString());
        await host.StopAsync();
    }

    [Fact]
    public async Task UserSecretsStore_ChangedFile_IsReadAgain()
    {
        using var profile = new TempFolder();
        var path = profile.Write("app-under-test/secrets.json", "{\"Cadasto:ClientSecret\":\"user-secret-1\"}");
        using var host = TestHost.Build(TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), profile.Path);
        await host.StartAsync();
        var credentials = host.Services.GetRequiredService<TestCredentials>();
        Assert.Equal("user-secret-1", credentials.ClientSecret!.Reveal());

        File.WriteAllText(path, "{\"Cadasto:ClientSecret\":\"user-secret-2\"}");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.Equal("user-secret-2", credentials.ClientSecret.Reveal());
        await host.StopAsync();
    }

    [Fact]
    public async Task FileStore_FileRemovedDuringRotation_KeepsTheSecretInHand()
    {
        using var folder = new TempFolder();
        var path = folder.Write("client-secret", "kept-secret-1");
        var binding = Binding(SecretReference.File("client-secret"), new FileSecretStore(folder.Path));
        Assert.Equal("kept-secret-1", (await binding.GetSecretAsync())!.Reveal());

        File.Delete(path);

        Assert.Equal("kept-secret-1", (await binding.GetSecretAsync())!.Reveal());
        folder.Write("client-secret", "new-secret-2");
        Assert.Equal("new-secret-2", (await binding.GetSecretAsync())!.Reveal());
    }

    [Fact]
    public async Task EnvironmentStore_IsReadAgainOnlyAfterTheInterval()
    {
        var variable = "CadastoRotation" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "env-secret-1");
        try
        {
            var now = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
            var binding = Binding(SecretReference.Environment(variable), new EnvironmentSecretStore(), TimeSpan.FromMinutes(5));
            binding.Now = () => now;
            Assert.Equal("env-secret-1", (await binding.GetSecretAsync())!.Reveal());

            Environment.SetEnvironmentVariable(variable, "env-secret-2");
            now = now.AddMinutes(4);
            Assert.Equal("env-secret-1", (await binding.GetSecretAsync())!.Reveal());

            now = now.AddMinutes(1);
            // The interval passed: the value in hand is served while the store is read in the background.
            await binding.GetSecretAsync();
            await WaitUntil(async () => (await binding.GetSecretAsync())!.Reveal() == "env-secret-2");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Refresh_ReadsAtOnceAndSaysWhetherTheSecretChanged()
    {
        var store = new CountingStore("rotating-1");
        var binding = Binding(SecretReference.Configuration("Cadasto:ClientSecret"), store, System.Threading.Timeout.InfiniteTimeSpan);
        Assert.Equal("rotating-1", (await binding.GetSecretAsync())!.Reveal());

        Assert.False(await binding.RefreshAsync());
        store.Value = "rotating-2";
        Assert.True(await binding.RefreshAsync());

        Assert.Equal("rotating-2", (await binding.GetSecretAsync())!.Reveal());
        Assert.Equal(3, store.Reads);
    }

    [Fact]
    public async Task Refresh_StoreFails_KeepsTheSecretInHand()
    {
        var store = new CountingStore("steady-1");
        var binding = Binding(SecretReference.Configuration("Cadasto:ClientSecret"), store);
        await binding.GetSecretAsync();

        store.Value = null;

        Assert.False(await binding.RefreshAsync());
        Assert.Equal("steady-1", (await binding.GetSecretAsync())!.Reveal());
    }

    [Fact]
    public void RefreshInterval_FromConfiguration_IsUsed()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?> { ["Cadasto:SecretRefreshInterval"] = "00:02:30" })
            .Build();
        var services = new ServiceCollection();
        services.AddCadastoCredentialsCore(configuration, (string?)null, TestHost.Environment(SecretReference.Environment("UNUSED_" + Guid.NewGuid().ToString("N"))), null, (e, s) => new TestCredentials(e, s));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(150), provider.GetRequiredService<CadastoSecretBinding>().RefreshInterval);
    }

    internal static CadastoSecretBinding Binding(SecretReference reference, ISecretStore store, TimeSpan? interval = null) =>
        new(TestHost.Environment(reference, "production"), new CadastoSecretResolver(new[] { store }), interval ?? CadastoSecretBinding.DefaultRefreshInterval);

    internal static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }

    /// <summary>A store whose value the test sets (a vault, seen from the application).</summary>
    internal sealed class CountingStore(string? value) : ISecretStore
    {
        public string? Value { get; set; } = value;

        public int Reads { get; private set; }

        public string StoreName => SecretStoreNames.Configuration;

        public Task<SecretValue?> GetSecretAsync(SecretReference reference, System.Threading.CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult(Value is null ? null : new SecretValue(Value));
        }
    }
}
