using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cadasto.Credentials.Tests;

/// <summary>The configuration section Cadasto overrides authority, client id and scopes, checked against the manifest.</summary>
public sealed class OverrideTests
{
    private static readonly CadastoEnvironment Manifest =
        new("invoice-sync", "production", "cad-prod-invoice-sync", "https://auth.cadasto.example", new[] { "api.read", "api.write" }, null, null, SecretReference.Environment("CADASTO_SECRET"));

    [Fact]
    public void NoSection_KeepsTheManifestValues()
    {
        Assert.Same(Manifest, CadastoOverrides.Apply(Manifest, Configuration()));
    }

    [Fact]
    public void Overrides_ReplaceAuthorityClientIdAndScopes()
    {
        var applied = CadastoOverrides.Apply(Manifest, Configuration(
            ("Cadasto:Authority", "https://auth.eu.cadasto.example"),
            ("Cadasto:ClientId", "cad-prod-eu-invoice-sync"),
            ("Cadasto:Scopes", "api.read openid")));

        Assert.Equal("https://auth.eu.cadasto.example", applied.Authority);
        Assert.Equal("cad-prod-eu-invoice-sync", applied.ClientId);
        Assert.Equal(new[] { "api.read", "openid" }, applied.Scopes);
        Assert.Equal(Manifest.Secret, applied.Secret);
    }

    [Fact]
    public void Scopes_AsAnArray_AreRead()
    {
        var applied = CadastoOverrides.Apply(Manifest, Configuration(("Cadasto:Scopes:0", "api.write"), ("Cadasto:Scopes:1", "api.read")));

        Assert.Equal(new[] { "api.write", "api.read" }, applied.Scopes);
    }

    [Theory]
    [InlineData("Cadasto:Scopes", "api.read api.admin", "the configuration key Cadasto:Scopes asks for api.admin, outside the scopes cadasto.json registers for this environment (api.read api.write)")]
    [InlineData("Cadasto:Authority", "auth.cadasto.example", "the configuration key Cadasto:Authority is not an absolute https URI")]
    [InlineData("Cadasto:Authority", "http://auth.cadasto.example", "the configuration key Cadasto:Authority uses http; only https is allowed, except on a loopback host")]
    [InlineData("Cadasto:Authority", "https://auth.cadasto.example/?tenant=1", "the configuration key Cadasto:Authority has a query or fragment")]
    [InlineData("Cadasto:ClientId", "  ", "the configuration key Cadasto:ClientId must be a client id Cadasto issued")]
    public void BadValue_ShouldFailNamingTheKey(string key, string value, string expected)
    {
        var exception = Assert.Throws<CadastoCredentialsException>(() => CadastoOverrides.Apply(Manifest, Configuration((key, value))));

        Assert.StartsWith("Cadasto credentials for application 'invoice-sync', environment 'production': " + expected, exception.Message);
    }

    [Fact]
    public void AuthorityWithUserInformation_ShouldFailWithoutRepeatingIt()
    {
        var exception = Assert.Throws<CadastoCredentialsException>(() =>
            CadastoOverrides.Apply(Manifest, Configuration(("Cadasto:Authority", "https://admin:hunter2-pw@auth.cadasto.example"))));

        Assert.Contains("Cadasto:Authority holds user information", exception.Message);
        Assert.DoesNotContain("hunter2-pw", exception.Message);
    }

    [Fact]
    public void LoopbackHttpAuthority_IsAllowed()
    {
        Assert.Equal("http://127.0.0.1:5005", CadastoOverrides.Apply(Manifest, Configuration(("Cadasto:Authority", "http://127.0.0.1:5005"))).Authority);
    }

    [Fact]
    public async Task Host_WithAScopeOutsideTheManifest_ShouldStopNamingTheKey()
    {
        using var host = BuildHost(("Cadasto:Scopes", "api.read api.delete"));

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => host.StartAsync());

        Assert.Contains("the configuration key Cadasto:Scopes asks for api.delete", exception.Message);
    }

    [Fact]
    public async Task Host_WithValidOverrides_CredentialsCarryThem()
    {
        using var host = BuildHost(("Cadasto:ClientId", "cad-prod-eu"), ("Cadasto:Authority", "https://auth.eu.cadasto.example"));
        await host.StartAsync();

        var credentials = host.Services.GetRequiredService<TestCredentials>();

        Assert.Equal("cad-prod-eu", credentials.Environment.ClientId);
        Assert.Equal("https://auth.eu.cadasto.example", credentials.Environment.Authority);
        await host.StopAsync();
    }

    /// <summary>A production host whose secret is in the configuration, with the given values in the Cadasto section.</summary>
    private static IHost BuildHost(params (string Key, string? Value)[] values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(Configuration(values));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Vault:ClientSecret"] = "override-test-secret" });
        var environment = new CadastoEnvironment("invoice-sync", "production", "cad-prod-invoice-sync", "https://auth.cadasto.example", new[] { "api.read" }, null, null, SecretReference.Configuration("Vault:ClientSecret"));
        builder.Services.AddCadastoCredentialsCore(builder.Configuration, builder.Environment, environment, null, (e, s) => new TestCredentials(e, s));
        return builder.Build();
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }
}
