using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>
/// <c>cadasto init</c> keeps development's values in development: an authority, redirect URI or origin given
/// without <c>ENV=</c> is development's, other environments get theirs by name, and a loopback address is
/// refused outside development.
/// </summary>
public sealed class InitEnvironmentTests
{
    [Fact]
    public async Task DevelopmentAuthorityAndLoopbackRedirect_ShouldNotBeCopiedToProduction()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(
            fixture.Root,
            "init", "--contact-email", "jane@example.com", "--client-type", "public",
            "--authority", "https://auth.dev.cadasto.example", "--redirect-uri", "http://127.0.0.1/callback", "--allowed-origin", "http://localhost:5173");

        Assert.Equal(0, result.ExitCode);
        var environments = Written(fixture)["environments"]!;
        Assert.Equal("https://auth.dev.cadasto.example", environments["development"]!["authority"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1/callback", environments["development"]!["redirectUris"]![0]!.GetValue<string>());
        Assert.Equal("http://localhost:5173", environments["development"]!["allowedOrigins"]![0]!.GetValue<string>());
        Assert.Equal(new[] { "clientId" }, environments["production"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Contains("'production' has no authority (development's is not copied)", result.Output);
        Assert.Contains("--redirect-uri production=URI", result.Output);
        Assert.Contains("--allowed-origin production=https://", result.Output);
    }

    [Fact]
    public async Task ValuesNamedByEnvironment_ShouldGoToThatEnvironmentOnly()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(
            fixture.Root,
            "init", "--contact-email", "jane@example.com", "--client-type", "public", "--env", "development", "--env", "staging", "--env", "production",
            "--authority", "https://auth.dev.cadasto.example", "--authority", "production=https://auth.cadasto.example",
            "--redirect-uri", "production=https://app.example.com/callback?from=cadasto", "--allowed-origin", "staging=https://staging.app.example.com");

        Assert.Equal(0, result.ExitCode);
        var environments = Written(fixture)["environments"]!;
        Assert.Equal("https://auth.cadasto.example", environments["production"]!["authority"]!.GetValue<string>());
        Assert.Equal("https://app.example.com/callback?from=cadasto", environments["production"]!["redirectUris"]![0]!.GetValue<string>());
        Assert.Null(environments["production"]!["allowedOrigins"]);
        Assert.Null(environments["staging"]!["authority"]);
        Assert.Equal("https://staging.app.example.com", environments["staging"]!["allowedOrigins"]![0]!.GetValue<string>());
        Assert.Null(environments["development"]!["redirectUris"]);
    }

    [Theory]
    [InlineData("--redirect-uri", "production=http://localhost:5000/callback")]
    [InlineData("--allowed-origin", "production=http://127.0.0.1:5173")]
    [InlineData("--redirect-uri", "qa=https://app.example.com/callback")]
    public async Task LoopbackOutsideDevelopmentOrUnknownEnvironment_ShouldBeAUsageError(string flag, string value)
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(fixture.Root, "init", "--contact-email", "jane@example.com", "--client-type", "public", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(flag, result.Error);
        Assert.False(File.Exists(Path.Combine(fixture.Root, "cadasto.json")));
    }

    [Fact]
    public async Task LoopbackWithoutADevelopmentEnvironment_ShouldBeAUsageError()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(
            fixture.Root,
            "init", "--contact-email", "jane@example.com", "--client-type", "public", "--env", "staging", "--env", "production", "--redirect-uri", "http://127.0.0.1/callback");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("belongs to development only", result.Error);
    }

    private static JsonNode Written(Fixture fixture) => JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Root, "cadasto.json")))!;
}
