using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Json.Schema;
using Spectre.Console.Testing;

namespace Cadasto.Cli.Tests;

/// <summary>
/// <c>cadasto init</c> asking for what the flags leave out: in-process, on a scripted console (a prompt with no
/// answer queued throws, so a question asked that should not be fails the test); and, as a process whose input is
/// redirected, asking nothing.
/// </summary>
public sealed class InitPromptTests
{
    private const string ApplicationQuestion = "Application name";
    private const string DescriptionQuestion = "What does the integration do";
    private const string ContactNameQuestion = "Contact name";
    private const string ContactEmailQuestion = "Contact email";
    private const string ChatQuestion = "Team chat alias";

    [Fact]
    public async Task Answers_ShouldBecomeTheManifestsFields()
    {
        using var fixture = new Fixture();
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("invoice-sync");
        console.Input.PushTextWithEnter("Nightly export of approved invoices to Cadasto");
        console.Input.PushTextWithEnter("Jane Doe");
        console.Input.PushTextWithEnter("jane@example.com");
        console.Input.PushTextWithEnter("#billing-dev");

        var (exitCode, manifest, _) = await InitAsync(fixture, "app", console);

        Assert.Equal(0, exitCode);
        Assert.Equal("invoice-sync", manifest["application"]!.GetValue<string>());
        Assert.Equal("Nightly export of approved invoices to Cadasto", manifest["description"]!.GetValue<string>());
        Assert.Equal("Jane Doe", manifest["contact"]!["name"]!.GetValue<string>());
        Assert.Equal("jane@example.com", manifest["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("#billing-dev", manifest["contact"]!["slack"]!.GetValue<string>());
        Assert.False(console.Input.IsKeyAvailable());
        AssertPassesTheSchema(manifest);
    }

    [Fact]
    public async Task EmptyAnswers_ShouldTakeTheDefaults()
    {
        using var fixture = new Fixture();
        var console = new TestConsole().Interactive();
        console.Input.PushKey(ConsoleKey.Enter);                // application: the folder's name
        console.Input.PushKey(ConsoleKey.Enter);                // description: the pending line
        console.Input.PushKey(ConsoleKey.Enter);                // contact name: none
        console.Input.PushTextWithEnter("jane@example.com");
        console.Input.PushKey(ConsoleKey.Enter);                // chat alias: none

        var (exitCode, manifest, _) = await InitAsync(fixture, "invoice-sync", console);

        Assert.Equal(0, exitCode);
        Assert.Equal("invoice-sync", manifest["application"]!.GetValue<string>());
        Assert.Equal(InitCommand.PendingDescription, manifest["description"]!.GetValue<string>());
        Assert.Equal(new[] { "email" }, manifest["contact"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Contains(ApplicationQuestion + " (invoice-sync)", console.Output, StringComparison.Ordinal);
        Assert.False(console.Input.IsKeyAvailable());
        AssertPassesTheSchema(manifest);
    }

    [Fact]
    public async Task FlagsGiven_ShouldNotBeAskedAgain()
    {
        using var fixture = new Fixture();
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("Jane Doe");
        console.Input.PushKey(ConsoleKey.Enter);

        var (exitCode, manifest, _) = await InitAsync(
            fixture,
            "app",
            console,
            "--application", "invoice-sync", "--description", "Nightly export", "--contact-email", "jane@example.com");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(ApplicationQuestion, console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DescriptionQuestion, console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ContactEmailQuestion, console.Output, StringComparison.Ordinal);
        Assert.Contains(ContactNameQuestion, console.Output, StringComparison.Ordinal);
        Assert.Contains(ChatQuestion, console.Output, StringComparison.Ordinal);
        Assert.Equal("invoice-sync", manifest["application"]!.GetValue<string>());
        Assert.Equal("Nightly export", manifest["description"]!.GetValue<string>());
        Assert.Equal("Jane Doe", manifest["contact"]!["name"]!.GetValue<string>());
        Assert.Equal("jane@example.com", manifest["contact"]!["email"]!.GetValue<string>());
        AssertPassesTheSchema(manifest);
    }

    [Fact]
    public async Task PublicClient_ShouldBeAskedForAllowedOriginsPerEnvironment()
    {
        using var fixture = new Fixture();
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("http://localhost:5173");               // development
        console.Input.PushTextWithEnter("http://localhost:5173");               // production: a loopback origin, asked again
        console.Input.PushTextWithEnter("https://app.example.com https://www.example.com");

        var (exitCode, manifest, _) = await InitAsync(
            fixture, "spa", console, "--application", "spa", "--description", "A browser app", "--contact-name", "Jane", "--contact-email", "jane@example.com", "--slack", "#web", "--client-type", "public");

        Assert.Equal(0, exitCode);
        Assert.Equal(new[] { "http://localhost:5173" }, manifest["environments"]!["development"]!["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(new[] { "https://app.example.com", "https://www.example.com" }, manifest["environments"]!["production"]!["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Contains("Allowed origins (CORS) for production", console.Output, StringComparison.Ordinal);
        Assert.Contains("belongs to development only", console.Output, StringComparison.Ordinal);
        Assert.False(console.Input.IsKeyAvailable());
        AssertPassesTheSchema(manifest);
    }

    [Fact]
    public async Task NotAnEmailAddress_ShouldBeAskedAgain()
    {
        using var fixture = new Fixture();
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("not-an-email");
        console.Input.PushTextWithEnter("jane@example.com");

        var (exitCode, manifest, _) = await InitAsync(
            fixture, "app", console, "--application", "portal", "--description", "Sign-in", "--contact-name", "Jane", "--slack", "#portal");

        Assert.Equal(0, exitCode);
        Assert.Contains("That is not an email address.", console.Output, StringComparison.Ordinal);
        Assert.Equal("jane@example.com", manifest["contact"]!["email"]!.GetValue<string>());
        AssertPassesTheSchema(manifest);
    }

    [Fact]
    public async Task ConsoleNotInteractive_ShouldAskNothing()
    {
        using var fixture = new Fixture();
        var console = new TestConsole();

        var (exitCode, manifest, _) = await InitAsync(fixture, "invoice-sync", console, "--contact-email", "jane@example.com");

        Assert.Equal(0, exitCode);
        Assert.Empty(console.Output);
        Assert.Equal("invoice-sync", manifest["application"]!.GetValue<string>());
        Assert.Equal(InitCommand.PendingDescription, manifest["description"]!.GetValue<string>());
        AssertPassesTheSchema(manifest);
    }

    [Fact]
    public async Task RedirectedInput_ShouldAskNothing_AndDecideFromFlagsAndDefaults()
    {
        using var fixture = new Fixture();
        var folder = Path.Combine(fixture.Root, "invoice-sync");
        Directory.CreateDirectory(folder);

        // The tool as a process, standard input redirected (and closed): no question, the defaults.
        var written = await CliRunner.RunAsync(folder, "init", "--contact-email", "jane@example.com");
        Assert.True(written.ExitCode == 0, written.All);
        foreach (var question in new[] { ApplicationQuestion, DescriptionQuestion, ContactNameQuestion, ContactEmailQuestion, ChatQuestion })
        {
            Assert.DoesNotContain(question, written.All, StringComparison.Ordinal);
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "cadasto.json")))!;
        Assert.Equal("invoice-sync", manifest["application"]!.GetValue<string>());
        Assert.Equal(InitCommand.PendingDescription, manifest["description"]!.GetValue<string>());
        AssertPassesTheSchema(manifest);

        // Without a contact there is nothing to ask it from: a usage error, not a prompt.
        var noContact = await CliRunner.RunAsync(fixture.Root, "init");
        Assert.Equal(2, noContact.ExitCode);
        Assert.Contains("a manifest names a contact", noContact.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ContactEmailQuestion, noContact.All, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.Root, "cadasto.json")));
    }

    [Fact]
    public async Task ContactEmailFlag_NotAnAddress_ShouldBeAUsageError()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(fixture.Root, "init", "--contact-email", "jane");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--contact-email must be an email address", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.Root, "cadasto.json")));
    }

    /// <summary>Runs <c>init --output &lt;folder&gt;/cadasto.json</c> in-process with <paramref name="console"/> asking.</summary>
    private static async Task<(int ExitCode, JsonNode Manifest, string Output)> InitAsync(Fixture fixture, string folder, TestConsole console, params string[] flags)
    {
        var path = Path.Combine(fixture.Root, folder, "cadasto.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CadastoCommand.RunAsync(new[] { "init", "--output", path }.Concat(flags).ToArray(), output, error, console);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains("Wrote " + path, output.ToString(), StringComparison.Ordinal);
        return (exitCode, JsonNode.Parse(File.ReadAllText(path))!, output.ToString());
    }

    private static void AssertPassesTheSchema(JsonNode manifest)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "schema", "cadasto.schema.json")));
        var evaluation = schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }
}
