using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Json.Schema;

namespace Cadasto.Cli.Tests;

public sealed class ManifestCommandTests
{
    private const string Manifest = """
        {
          "application": "invoice-sync",
          "description": "Nightly export of approved invoices to Cadasto",
          "contact": { "name": "Jane Doe", "email": "jane@example.com", "slack": "#billing-dev" },
          "clientType": "confidential",
          "flows": ["client_credentials"],
          "scopes": ["api.read", "api.write"],
          "environments": {
            "development": {
              "clientId": "cad-dev-invoice-sync",
              "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" }
            },
            "production": {
              "clientId": "cad-prod-invoice-sync",
              "scopes": ["api.read"],
              "secret": { "store": "environment", "name": "INVOICE_SYNC_SECRET" }
            },
            "staging": {
              "clientId": "cad-stg-invoice-sync",
              "secret": { "store": "file", "path": "secrets/cadasto-client-secret" }
            }
          }
        }
        """;

    [Fact]
    public async Task Request_ShouldPrintTheTemplateLinesInOrder()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest);

        var result = await CliRunner.RunAsync(fixture.Root, "request", "--env", "Production");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal(
            new[]
            {
                "Request: Cadasto API client credentials for invoice-sync",
                "Application name: invoice-sync",
                "Environment: production",
                "Redirect URIs: none",
                "Allowed origins (CORS): none",
                "Requested scopes: api.read",
                "Contact: Jane Doe <jane@example.com>, chat #billing-dev",
                "Description: Nightly export of approved invoices to Cadasto",
            },
            lines);
    }

    [Fact]
    public async Task Request_WithoutEnv_ShouldPrintOneRequestPerEnvironment()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest);

        var result = await CliRunner.RunAsync(fixture.Root, "request");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Output.Split("Request: Cadasto API client credentials for invoice-sync").Length - 1);
        Assert.Contains("Environment: development", result.Output);
        Assert.Contains("Environment: staging", result.Output);
        Assert.Contains("Requested scopes: api.read api.write", result.Output);
    }

    [Fact]
    public async Task Request_IncompleteManifest_ShouldRefuseWithCds9002()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", """
            {
              "application": "portal",
              "contact": { "name": "Jane" },
              "clientType": "public",
              "flows": ["authorization_code"],
              "environments": { "production": { "clientId": "cad-prod-portal" } }
            }
            """);

        var result = await CliRunner.RunAsync(fixture.Root, "request");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("cadasto.json(1,1): warning CDS9002: The manifest lacks 'description'", result.Error);
        Assert.Contains("'contact.email'", result.Error);
        Assert.Contains("'scopes' for environment 'production'", result.Error);
        Assert.Contains("'redirectUris' for environment 'production'", result.Error);
    }

    [Fact]
    public async Task Request_LineBreaksAndEscapesInManifestText_ShouldNotForgeLinesOrReachTheTerminal()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest
            .Replace("Nightly export of approved invoices to Cadasto", "Nightly export\\nContact: Mallory <mallory@example.com>\\r\\nRequested scopes: api.admin\\u2028Environment: production\\u001b[2J")
            .Replace("\"name\": \"Jane Doe\"", "\"name\": \"Jane\\nDescription: forged\""));

        var result = await CliRunner.RunAsync(fixture.Root, "request", "--env", "production");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal(8, lines.Count);
        Assert.Equal(RequestCommand.Labels, lines.Skip(1).Select(l => l.Substring(0, l.IndexOf(':'))));
        Assert.Equal("Description: Nightly export Contact: Mallory <mallory@example.com> Requested scopes: api.admin Environment: production\\u001B[2J", lines[7]);
        Assert.Equal("Contact: Jane Description: forged <jane@example.com>, chat #billing-dev", lines[6]);
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Theory]
    [InlineData("redirectUris", "http://127.0.0.1:5000/callback")]
    [InlineData("redirectUris", "https://localhost/signin-oidc")]
    [InlineData("redirectUris", "http://[::1]/callback")]
    [InlineData("allowedOrigins", "http://localhost:5173")]
    public async Task Request_LoopbackAddressOutsideDevelopment_ShouldExitTwo(string field, string uri)
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest.Replace("\"scopes\": [\"api.read\"],", $"\"scopes\": [\"api.read\"], \"{field}\": [\"{uri}\"],"));

        var production = await CliRunner.RunAsync(fixture.Root, "request", "--env", "production");
        var all = await CliRunner.RunAsync(fixture.Root, "request");

        Assert.Equal(2, production.ExitCode);
        Assert.Empty(production.Output);
        Assert.Contains("cadasto.json(15,", production.Error);
        Assert.Contains("of environment 'production' is a loopback address", production.Error);
        Assert.Equal(2, all.ExitCode);
    }

    [Theory]
    [InlineData("\"description\": \"Nightly export of approved invoices to Cadasto\"", "\"description\": \"<what the integration does>\"", "'description' is a placeholder")]
    [InlineData("\"scopes\": [\"api.read\"],", "\"scopes\": [\"REPLACE_ME\"],", "a scope of environment 'production' is a placeholder")]
    [InlineData("\"scopes\": [\"api.read\"],", "\"scopes\": [\"api.read\"], \"redirectUris\": [\"https://<your-app>/signin-oidc\"],", "a redirect URI of environment 'production' is a placeholder")]
    [InlineData("\"clientId\": \"cad-prod-invoice-sync\",", "\"clientId\": \"cad-prod-invoice-sync\", \"authority\": \"REPLACE_ME\",", "error CDS9003: Correct the placeholder authority")]
    public async Task Request_PlaceholderInWhatIsSent_ShouldExitTwo(string original, string replacement, string expected)
    {
        using var fixture = new Fixture();
        var manifest = Manifest.Replace(original, replacement);
        Assert.NotEqual(Manifest, manifest);
        fixture.Write("cadasto.json", manifest);

        var result = await CliRunner.RunAsync(fixture.Root, "request", "--env", "production");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task Request_PlaceholderClientId_ShouldStillBeRequested()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest.Replace("\"cad-prod-invoice-sync\"", "\"REPLACE_ME\""));

        var result = await CliRunner.RunAsync(fixture.Root, "request", "--env", "production");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Environment: production", result.Output);
    }

    [Fact]
    public async Task Request_LoopbackRedirectInDevelopment_ShouldBeRequested()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest.Replace("\"clientId\": \"cad-dev-invoice-sync\",", "\"clientId\": \"cad-dev-invoice-sync\", \"redirectUris\": [\"http://127.0.0.1/callback\"],"));

        var result = await CliRunner.RunAsync(fixture.Root, "request", "--env", "development");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Redirect URIs: http://127.0.0.1/callback", result.Output);
    }

    [Fact]
    public async Task Request_UnknownEnvironment_ShouldExitTwo()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest);

        var result = await CliRunner.RunAsync(fixture.Root, "request", "--env", "qa");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("development, production, staging", result.Error);
    }

    [Fact]
    public async Task Check_ShouldSayPresentMissingOrEmptyAndNeverTheValue()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest);

        var missing = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["INVOICE_SYNC_SECRET"] = null }, "check", "--env", "production");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("production: environment variable \"INVOICE_SYNC_SECRET\": missing", missing.Output);

        var present = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["INVOICE_SYNC_SECRET"] = Fixture.Secret }, "check", "--env", "production");
        Assert.Equal(0, present.ExitCode);
        Assert.Contains(": present", present.Output);
        Assert.DoesNotContain(Fixture.Secret, present.All);

        var empty = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["INVOICE_SYNC_SECRET"] = " " }, "check", "--env", "production");
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains(": empty", empty.Output);
    }

    [Fact]
    public async Task Check_FileAndUserSecretsStores_ShouldResolve()
    {
        using var fixture = new Fixture();
        fixture.Write("cadasto.json", Manifest);
        fixture.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><UserSecretsId>cli-tests-user-secrets</UserSecretsId></PropertyGroup></Project>");
        var home = Path.Combine(fixture.Root, "home");
        var environment = new Dictionary<string, string?> { ["HOME"] = home, ["APPDATA"] = null };

        var fileMissing = await CliRunner.RunAsync(fixture.Root, "check", "--env", "staging");
        Assert.Equal(1, fileMissing.ExitCode);
        Assert.Contains("missing", fileMissing.Output);

        fixture.Write("secrets/cadasto-client-secret", Fixture.Secret + "\n");
        var filePresent = await CliRunner.RunAsync(fixture.Root, "check", "--env", "staging");
        Assert.Equal(0, filePresent.ExitCode);
        Assert.DoesNotContain(Fixture.Secret, filePresent.All);

        var userSecretsMissing = await CliRunner.RunAsync(fixture.Root, environment, "check", "--env", "development");
        Assert.Equal(1, userSecretsMissing.ExitCode);
        Assert.Contains("dotnet user-secrets set \"Cadasto:ClientSecret\"", userSecretsMissing.Output);

        fixture.Write("home/.microsoft/usersecrets/cli-tests-user-secrets/secrets.json", $$"""{ "Cadasto:ClientSecret": "{{Fixture.Secret}}" }""");
        var userSecretsPresent = await CliRunner.RunAsync(fixture.Root, environment, "check", "--env", "development");
        Assert.Equal(0, userSecretsPresent.ExitCode);
        Assert.Contains("development: user-secrets key \"Cadasto:ClientSecret\": present", userSecretsPresent.Output);
        Assert.DoesNotContain(Fixture.Secret, userSecretsPresent.All);
    }

    [Fact]
    public async Task Init_ShouldWriteAManifestThatPassesTheSchema()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(
            fixture.Root,
            "init", "--application", "invoice-sync", "--description", "Nightly export", "--contact-name", "Jane Doe",
            "--contact-email", "jane@example.com", "--scope", "api.read", "--scope", "api.write", "--env", "development", "--env", "staging", "--env", "production");

        Assert.Equal(0, result.ExitCode);
        var written = File.ReadAllText(Path.Combine(fixture.Root, "cadasto.json"));
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "schema", "cadasto.schema.json")));
        var evaluation = schema.Evaluate(JsonNode.Parse(written), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));

        // What init wrote is enough for a request.
        var request = await CliRunner.RunAsync(fixture.Root, "request", "--env", "staging");
        Assert.Equal(0, request.ExitCode);
        Assert.Contains("Requested scopes: api.read api.write", request.Output);

        // A second init does not overwrite it.
        var again = await CliRunner.RunAsync(fixture.Root, "init", "--contact-email", "jane@example.com");
        Assert.Equal(2, again.ExitCode);
    }

    [Theory]
    [InlineData("confidential", "azure-key-vault", "--vault", "https://invoice-sync.vault.azure.net/")]
    [InlineData("public", "environment", "--redirect-uri", "http://127.0.0.1/callback")]
    [InlineData("confidential", "file", "--authority", "https://auth.cadasto.example")]
    public async Task Init_EveryStarter_ShouldPassTheSchema(string clientType, string store, string option, string value)
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(fixture.Root, "init", "--contact-email", "jane@example.com", "--client-type", clientType, "--secret-store", store, option, value);

        Assert.Equal(0, result.ExitCode);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "schema", "cadasto.schema.json")));
        var evaluation = schema.Evaluate(JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Root, "cadasto.json"))), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid);
    }
}
