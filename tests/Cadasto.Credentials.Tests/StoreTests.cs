using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Cadasto.Credentials.Stores;
using Microsoft.Extensions.Configuration;

namespace Cadasto.Credentials.Tests;

public sealed class StoreTests
{
    [Fact]
    public async Task Environment_MapsColonToDoubleUnderscore()
    {
        var variable = "CadastoTest" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable + "__ClientSecret", "from-env");
        try
        {
            var store = new EnvironmentSecretStore();
            var byKey = await store.GetSecretAsync(SecretReference.Environment(variable + ":ClientSecret"));
            var byVariable = await store.GetSecretAsync(SecretReference.Environment(variable + "__ClientSecret"));
            var missing = await store.GetSecretAsync(SecretReference.Environment(variable + "__Other"));

            Assert.Equal("from-env", byKey!.Reveal());
            Assert.Equal("from-env", byVariable!.Reveal());
            Assert.Null(missing);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable + "__ClientSecret", null);
        }
    }

    [Fact]
    public async Task UserSecrets_ReadsTheFileTheToolWrites()
    {
        using var profile = new TempFolder();
        // What `dotnet user-secrets set "Cadasto:ClientSecret" …` writes: flat keys.
        profile.Write("app-1/secrets.json", "{\n  \"Cadasto:ClientSecret\": \"from-user-secrets\",\n  \"Other\": 3\n}");
        var store = new UserSecretsSecretStore("app-1", profile.Path);

        var secret = await store.GetSecretAsync(SecretReference.UserSecrets("Cadasto:ClientSecret"));

        Assert.Equal("from-user-secrets", secret!.Reveal());
        Assert.Equal(Path.Combine(profile.Path, "app-1", "secrets.json"), store.SecretsFilePath);
    }

    [Fact]
    public async Task UserSecrets_ReadsNestedObjectsAndEscapes()
    {
        using var profile = new TempFolder();
        profile.Write("app-2/secrets.json", "\uFEFF{ \"Cadasto\": { \"ClientSecret\": \"a\\\"b\\u0041\\n\", \"List\": [1, true, null] } }");
        var store = new UserSecretsSecretStore("app-2", profile.Path);

        Assert.Equal("a\"bA\n", (await store.GetSecretAsync(SecretReference.UserSecrets("cadasto:clientsecret")))!.Reveal());
        Assert.Equal("true", (await store.GetSecretAsync(SecretReference.UserSecrets("Cadasto:List:1")))!.Reveal());
        Assert.Null(await store.GetSecretAsync(SecretReference.UserSecrets("Cadasto:List:2")));
    }

    [Fact]
    public async Task UserSecrets_MissingFileOrIdGivesNothing()
    {
        using var profile = new TempFolder();
        Assert.Null(await new UserSecretsSecretStore("no-such-id", profile.Path).GetSecretAsync(SecretReference.UserSecrets("Cadasto:ClientSecret")));
        Assert.Null(await new UserSecretsSecretStore(null, profile.Path).GetSecretAsync(SecretReference.UserSecrets("Cadasto:ClientSecret")));
    }

    [Fact]
    public async Task UserSecrets_BrokenFileFailsWithoutQuotingIt()
    {
        using var profile = new TempFolder();
        profile.Write("app-3/secrets.json", "{ \"Cadasto:ClientSecret\": \"half-a-secret");
        var store = new UserSecretsSecretStore("app-3", profile.Path);

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => store.GetSecretAsync(SecretReference.UserSecrets("Cadasto:ClientSecret")));

        Assert.Contains("secrets.json", exception.Message);
        Assert.DoesNotContain("half-a-secret", exception.Message);
    }

    [Fact]
    public void UserSecrets_DefaultRootIsWhereTheToolWrites()
    {
        var root = UserSecretsSecretStore.DefaultRoot();
        var expected = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetEnvironmentVariable("APPDATA")!, "Microsoft", "UserSecrets")
            : Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".microsoft", "usersecrets");
        Assert.Equal(expected, root);
    }

    [Theory]
    [InlineData("mounted-value\n")]
    [InlineData("mounted-value\r\n")]
    [InlineData("mounted-value")]
    public async Task File_TrimsOneTrailingLineBreak(string content)
    {
        using var secrets = new TempFolder();
        var absolute = secrets.Write("cadasto-client-secret", content);
        var store = new FileSecretStore(secrets.Path);

        Assert.Equal("mounted-value", (await store.GetSecretAsync(SecretReference.File("cadasto-client-secret")))!.Reveal());
        Assert.Equal("mounted-value", (await new FileSecretStore().GetSecretAsync(SecretReference.File(absolute)))!.Reveal());
    }

    [Fact]
    public async Task File_KeepsInnerLineBreaksAndReportsMissingFiles()
    {
        using var secrets = new TempFolder();
        secrets.Write("pem", "line1\nline2\n\n");
        var store = new FileSecretStore(secrets.Path);

        Assert.Equal("line1\nline2\n", (await store.GetSecretAsync(SecretReference.File("pem")))!.Reveal());
        Assert.Null(await store.GetSecretAsync(SecretReference.File("absent")));
    }

    [Fact]
    public async Task Configuration_ReadsAnyKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Vault:Cadasto:ClientSecret"] = "from-config" })
            .Build();
        var store = new ConfigurationSecretStore(configuration);

        Assert.Equal("from-config", (await store.GetSecretAsync(SecretReference.Configuration("Vault:Cadasto:ClientSecret")))!.Reveal());
        Assert.Null(await store.GetSecretAsync(SecretReference.Configuration("Vault:Other")));
    }

    [Fact]
    public async Task Configuration_SeesEnvironmentVariablesThroughTheirProvider()
    {
        var variable = "CadastoCfg" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable + "__Secret", "via-provider");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var secret = await new ConfigurationSecretStore(configuration).GetSecretAsync(SecretReference.Configuration(variable + ":Secret"));
            Assert.Equal("via-provider", secret!.Reveal());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable + "__Secret", null);
        }
    }
}
