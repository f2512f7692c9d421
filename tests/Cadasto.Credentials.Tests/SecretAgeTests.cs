using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Cadasto.Credentials.AzureKeyVault;
using Cadasto.Credentials.Stores;

namespace Cadasto.Credentials.Tests;

/// <summary>The secret's age where the store knows it, for rotation.maxAgeDays (cadasto check).</summary>
public sealed class SecretAgeTests
{
    private static readonly DateTime Set = new(2026, 9, 1, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task File_IsAsOldAsTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("client-secret", "aged-secret");
        File.SetLastWriteTimeUtc(path, Set);
        var store = new FileSecretStore(folder.Path);

        Assert.Equal(new DateTimeOffset(Set), await store.GetLastChangedAsync(SecretReference.File("client-secret")));
        Assert.Null(await store.GetLastChangedAsync(SecretReference.File("absent")));
    }

    [Fact]
    public async Task UserSecrets_IsAsOldAsSecretsJson_WhenItHoldsTheKey()
    {
        using var profile = new TempFolder();
        var path = profile.Write("aged/secrets.json", "{\"Cadasto:ClientSecret\":\"aged-user-secret\"}");
        File.SetLastWriteTimeUtc(path, Set);
        var store = new UserSecretsSecretStore("aged", profile.Path);

        Assert.Equal(new DateTimeOffset(Set), await store.GetLastChangedAsync(SecretReference.UserSecrets("Cadasto:ClientSecret")));
        Assert.Null(await store.GetLastChangedAsync(SecretReference.UserSecrets("Cadasto:Other")));
    }

    [Fact]
    public async Task KeyVault_IsTheUpdatedAttribute()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(new Dictionary<string, string> { ["cadasto-client-secret"] = "kv-aged-value" });
        using var store = new AzureKeyVaultSecretStore(vault.StoreOptions());

        var changed = await store.GetLastChangedAsync(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "cadasto-client-secret"));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(vault.UpdatedUnixSeconds), changed);
        Assert.Null(await store.GetLastChangedAsync(SecretReference.AzureKeyVault(vault.VaultUri.ToString(), "absent")));
    }
}
