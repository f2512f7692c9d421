using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>
/// <c>cadasto check</c> beyond present/missing: the secret's age against <c>rotation.maxAgeDays</c>, and hostile or
/// mistaken stores (an http vault, a FIFO where the secret file goes, a secrets.json nested 50,000 deep, a password in
/// a URI) answered with a clear line at once — never a hang, a crash or a password.
/// </summary>
public sealed class CheckCommandTests
{
    private static string Manifest(string rotation, string productionSecret) => $$"""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["client_credentials"],
          {{rotation}}
          "environments": {
            "development": { "clientId": "cad-dev-invoice-sync" },
            "production": { "clientId": "cad-prod-invoice-sync", "secret": {{productionSecret}} }
          }
        }
        """;

    private const string FileSecret = """{ "store": "file", "path": "secrets/cadasto-client-secret" }""";

    [Fact]
    public async Task FileSecretOlderThanTheRotationPeriod_ShouldBeOverdueAndExitOne()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest("\"rotation\": { \"maxAgeDays\": 30 },", FileSecret));
        var secret = fixture.Write("secrets/cadasto-client-secret", Fixture.Secret);

        File.SetLastWriteTimeUtc(secret, DateTime.UtcNow.AddDays(-40.5));
        var old = await CliRunner.RunAsync(fixture.Root, "check", "--env", "production");
        File.SetLastWriteTimeUtc(secret, DateTime.UtcNow.AddDays(-5.5));
        var fresh = await CliRunner.RunAsync(fixture.Root, "check", "--env", "production");

        Assert.Equal(1, old.ExitCode);
        Assert.Contains("production: file path \"secrets/cadasto-client-secret\": present, 40 days old: overdue, rotation.maxAgeDays is 30; rotate the secret", old.Output);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Contains(": present, 5 days old, within rotation.maxAgeDays 30", fresh.Output);
        Assert.DoesNotContain(Fixture.Secret, old.All + fresh.All);
    }

    [Fact]
    public async Task UserSecretsOlderThanTheRotationPeriod_ShouldBeOverdueAndExitOne()
    {
        // The user-secrets store knows when secrets.json was last written: the same age check as the file store.
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest("\"rotation\": { \"maxAgeDays\": 30 },", """{ "store": "user-secrets", "key": "Cadasto:ClientSecret" }"""));
        fixture.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><UserSecretsId>cli-aged-secrets</UserSecretsId></PropertyGroup></Project>");
        var secrets = fixture.Write("home/.microsoft/usersecrets/cli-aged-secrets/secrets.json", $$"""{ "Cadasto:ClientSecret": "{{Fixture.Secret}}" }""");
        var environment = new Dictionary<string, string?> { ["HOME"] = Path.Combine(fixture.Root, "home"), ["APPDATA"] = null };

        File.SetLastWriteTimeUtc(secrets, DateTime.UtcNow.AddDays(-45.5));
        var old = await CliRunner.RunAsync(fixture.Root, environment, "check", "--env", "production");
        File.SetLastWriteTimeUtc(secrets, DateTime.UtcNow.AddDays(-2.5));
        var fresh = await CliRunner.RunAsync(fixture.Root, environment, "check", "--env", "production");

        Assert.Equal(1, old.ExitCode);
        Assert.Contains("present, 45 days old: overdue, rotation.maxAgeDays is 30; rotate the secret", old.Output);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Contains("present, 2 days old, within rotation.maxAgeDays 30", fresh.Output);
        Assert.DoesNotContain(Fixture.Secret, old.All + fresh.All);
    }

    [Fact]
    public async Task StoreWithoutADate_ShouldSayTheAgeIsUnknown()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest("\"rotation\": { \"maxAgeDays\": 30 },", """{ "store": "environment", "name": "INVOICE_SYNC_SECRET" }"""));

        var result = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["INVOICE_SYNC_SECRET"] = Fixture.Secret }, "check", "--env", "production");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("present, age unknown (the environment store keeps no date; rotation.maxAgeDays 30 not checked)", result.Output);
    }

    [Theory]
    [InlineData("http://invoice-sync.vault.azure.net/", "Azure Key Vault needs an https vault URI")]
    [InlineData("https://ops:hunter2-vault@invoice-sync.vault.azure.net/", "the vault URI holds user information")]
    public async Task VaultThatCannotBeRead_ShouldSayWhyWithoutARequest(string vault, string reason)
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest(string.Empty, $$"""{ "store": "azure-key-vault", "vault": "{{vault}}", "name": "cadasto-client-secret" }"""));

        var result = await CliRunner.RunAsync(fixture.Root, "check", "--env", "production");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(": invalid (" + reason, result.Output);
        Assert.DoesNotContain("ArgumentException", result.All);
        Assert.DoesNotContain("hunter2", result.All);
    }

    [Fact]
    public async Task FifoWhereTheSecretFileGoes_ShouldFailAtOnceNamingIt()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest(string.Empty, FileSecret));
        Directory.CreateDirectory(Path.Combine(fixture.Root, "secrets"));
        var made = await CliRunner.RunProcessAsync("mkfifo", new[] { Path.Combine(fixture.Root, "secrets", "cadasto-client-secret") }, fixture.Root);
        Assert.Equal(0, made.ExitCode);

        var stopwatch = Stopwatch.StartNew();
        var result = await CliRunner.RunAsync(fixture.Root, "check", "--env", "production");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(": unreachable (", result.Output);
        Assert.Contains("is not a regular file", result.Output);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("user-secrets")]
    [InlineData("configuration")]
    public async Task DeeplyNestedSecretsJson_ShouldFailClearlyWithoutCrashing(string store)
    {
        using var fixture = new Fixture();
        var reference = store == "user-secrets" ? """{ "store": "user-secrets", "key": "Cadasto:ClientSecret" }""" : """{ "store": "configuration", "key": "Cadasto:ClientSecret" }""";
        fixture.Write("cadasto.json", Manifest(string.Empty, reference));
        fixture.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><UserSecretsId>cli-deep-secrets</UserSecretsId></PropertyGroup></Project>");
        const int depth = 50_000;
        fixture.Write("home/.microsoft/usersecrets/cli-deep-secrets/secrets.json", string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

        var result = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["HOME"] = Path.Combine(fixture.Root, "home"), ["APPDATA"] = null }, "check", "--env", "production");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("production: ", result.Output);
        Assert.Contains(": unreachable (", result.Output);
        Assert.DoesNotContain("Unhandled exception", result.All);
        Assert.DoesNotContain("Stack overflow", result.All);
    }
}
