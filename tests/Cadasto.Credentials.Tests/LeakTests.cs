using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

/// <summary>The secret's value never shows in logs, exception messages, JSON or ToString output.</summary>
public sealed class LeakTests
{
    private const string Value = "leak-canary-9f8e7d";

    [Fact]
    public async Task Secret_ShouldNotAppearInLogsJsonOrToString()
    {
        using var profile = new TempFolder();
        profile.Write("app-under-test/secrets.json", "{\"Cadasto:ClientSecret\":\"" + Value + "\"}");
        var logs = new CapturingLoggerProvider();
        using var host = TestHost.Build(TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), profile.Path, logs: logs);
        await host.StartAsync();

        var credentials = host.Services.GetRequiredService<TestCredentials>();
        var logger = host.Services.GetRequiredService<ILogger<LeakTests>>();
        var secret = credentials.ClientSecret!;

#pragma warning disable CA2254 // the point: an interpolated message, the way people do write it
        logger.LogInformation("structured {Secret} {Credentials}", secret, credentials);
        logger.LogInformation($"interpolated {secret} {credentials}");
        logger.LogWarning(new InvalidOperationException($"failed with {secret}"), "exception {Secret}", secret);
#pragma warning restore CA2254
        using (logger.BeginScope("scope {Secret}", secret))
        {
            logger.LogDebug("in scope");
        }

        var json = JsonSerializer.Serialize(credentials);
        var text = credentials.ToString() + secret + string.Format("{0}", secret);
        await host.StopAsync();

        Assert.Equal(Value, secret.Reveal());
        Assert.True(logs.Entries.Count >= 4, "the provider captured the log");
        Assert.Contains("***", logs.AllText);
        Assert.DoesNotContain(Value, logs.AllText);
        Assert.DoesNotContain(Value, json);
        Assert.Contains("\"ClientSecret\":\"***\"", json);
        Assert.DoesNotContain(Value, text);
    }

    [Fact]
    public async Task FailureMessages_ShouldNotHoldTheValue()
    {
        // A store answer that exists but is unusable (white space around nothing) still never gets quoted.
        using var profile = new TempFolder();
        profile.Write("app-under-test/secrets.json", "{\"Cadasto:ClientSecret\":\"   \"}");
        using var host = TestHost.Build(TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), profile.Path);

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.Contains("the client secret is empty", exception.Message);
        Assert.DoesNotContain("\"   \"", exception.ToString());
    }
}
