using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Credentials.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task PresentSecret_IsBoundIntoTheCredentials()
    {
        using var profile = new TempFolder();
        profile.Write("app-under-test/secrets.json", "{\"Cadasto:ClientSecret\":\"dev-secret-123\"}");
        var logs = new CapturingLoggerProvider();
        using var host = TestHost.Build(TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), profile.Path, logs: logs);

        await host.StartAsync();
        var credentials = host.Services.GetRequiredService<TestCredentials>();
        await host.StopAsync();

        Assert.Equal("dev-secret-123", credentials.ClientSecret!.Reveal());
        Assert.Equal("development", credentials.Environment.Name);
        Assert.Contains("use environment development", logs.AllText);
        Assert.DoesNotContain("dev-secret-123", logs.AllText);
    }

    [Fact]
    public async Task MissingUserSecret_ShouldFailStartWithTheCommand()
    {
        using var profile = new TempFolder();
        var started = new StartedFlag();
        // A hosted service that is not a BackgroundService may not tolerate a cancelled start: the check throws, and the
        // host aborts before starting it.
        using var host = TestHost.Build(
            TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")),
            profile.Path,
            configure: s => s.AddSingleton<IHostedService>(started));

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => host.StartAsync());

        Assert.Equal(
            "Cadasto credentials for application 'invoice-sync', environment 'development': the client secret is missing: the user-secrets store (key \"Cadasto:ClientSecret\") holds no value. Set it from the project folder with: dotnet user-secrets set \"Cadasto:ClientSecret\" <value>",
            exception.Message);
        Assert.False(started.Called, "the start-up check must run before every other hosted service");
        // Thrown by the check itself, not from inside dependency injection.
        Assert.DoesNotContain("Microsoft.Extensions.DependencyInjection", exception.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSecret_WorkerTakingTheCredentials_ShouldStopCleanlyWithTheMessageOnly()
    {
        // The Worker sample's shape: a BackgroundService whose constructor takes the credentials, so the host builds
        // them while it resolves its hosted services, before any of them starts.
        using var profile = new TempFolder();
        var logs = new CapturingLoggerProvider();
        var worker = new WorkerProbe();
        var host = TestHost.Build(
            TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")),
            profile.Path,
            logs: logs,
            configure: s => s.AddHostedService(sp => worker.Attach(sp.GetRequiredService<TestCredentials>())));
        var check = host.Services.GetServices<IHostedService>().OfType<CadastoCredentialsStartupCheck>().Single();
        var exitCodes = new System.Collections.Generic.List<int>();
        check.SetExitCode = exitCodes.Add;

        // What host.Run() does: it returns, it does not throw.
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { 1 }, exitCodes);
        var critical = Assert.Single(logs.Entries, e => e.StartsWith("Critical ", StringComparison.Ordinal));
        Assert.Contains("the client secret is missing: the user-secrets store (key \"Cadasto:ClientSecret\") holds no value", critical);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error ", StringComparison.Ordinal));
        Assert.False(worker.Executed, "the worker must not run without its secret");

        // The credentials the worker got: every use of the value says what is missing.
        var reveal = Assert.Throws<CadastoCredentialsException>(() => worker.Credentials!.ClientSecret!.Reveal());
        Assert.Equal(check.Failure!.Message, reveal.Message);
        Assert.Equal("***", worker.Credentials!.ClientSecret!.ToString());
    }

    [Fact]
    public void MissingSecret_CredentialsResolvedOutsideTheHostStart_ShouldThrowAtOnce()
    {
        using var profile = new TempFolder();
        using var host = TestHost.Build(TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), profile.Path);

        var exception = Assert.Throws<CadastoCredentialsException>(() => host.Services.GetRequiredService<TestCredentials>());

        Assert.Contains("the client secret is missing", exception.Message);
    }

    [Fact]
    public async Task MissingSecret_WebApplication_ShouldAbortBeforeTheServerStarts()
    {
        // Kestrel throws on a cancelled start, so a web application is not stopped "cleanly": the check throws, and the
        // host aborts before the server binds (the message first, then the host's own failure report).
        using var profile = new TempFolder();
        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = profile.Path,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<CadastoSecretStoreOptions>(o => o.UserSecretsRoot = profile.Path);
        builder.Services.AddCadastoCredentialsCore(builder.Configuration, builder.Environment, TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), "app-under-test", (e, s) => new TestCredentials(e, s));
        await using var app = builder.Build();

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => app.StartAsync());

        Assert.Contains("the client secret is missing", exception.Message);
        Assert.DoesNotContain("Microsoft.Extensions.DependencyInjection", exception.StackTrace, StringComparison.Ordinal);
        Assert.StartsWith("Critical ", logs.Entries.First(e => e.Contains("the client secret is missing", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("Now listening on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoUserSecretsId_ShouldSayToInitFirst()
    {
        using var profile = new TempFolder();
        using var host = TestHost.Build(TestHost.Environment(SecretReference.UserSecrets("Cadasto:ClientSecret")), profile.Path, userSecretsId: null);

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.Contains("dotnet user-secrets init", exception.Message);
    }

    [Fact]
    public async Task EmptyMountedFile_ShouldFailStartNamingThePath()
    {
        using var profile = new TempFolder();
        var path = profile.Write("secrets/cadasto", "\n");
        using var host = TestHost.Build(TestHost.Environment(SecretReference.File("secrets/cadasto"), "production"), profile.Path);

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.Contains("environment 'production'", exception.Message);
        Assert.Contains("the client secret is empty", exception.Message);
        Assert.Contains($"file store (path \"{path}\")", exception.Message);
    }

    [Fact]
    public async Task MissingEnvironmentVariable_ShouldNameTheVariable()
    {
        using var profile = new TempFolder();
        var name = "CadastoMissing" + Guid.NewGuid().ToString("N") + ":ClientSecret";
        using var host = TestHost.Build(TestHost.Environment(SecretReference.Environment(name), "staging"), profile.Path);

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.Contains("environment 'staging'", exception.Message);
        Assert.Contains("environment store (variable \"" + name + "\")", exception.Message);
        Assert.Contains("export " + name.Replace(":", "__") + "=<value>", exception.Message);
    }

    [Fact]
    public async Task KeyVaultWithoutItsPackage_ShouldNameThePackage()
    {
        using var profile = new TempFolder();
        using var host = TestHost.Build(TestHost.Environment(SecretReference.AzureKeyVault("https://invoice-sync.vault.azure.net/", "cadasto-client-secret"), "production"), profile.Path);

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.Contains("'azure-key-vault' store (secret \"cadasto-client-secret\"), which is not registered", exception.Message);
        Assert.Contains("Add the package Cadasto.Credentials.AzureKeyVault", exception.Message);
        Assert.Contains("services.AddCadastoAzureKeyVault()", exception.Message);
    }

    [Fact]
    public async Task PublicClient_HasNoSecretAndStarts()
    {
        using var profile = new TempFolder();
        using var host = TestHost.Build(TestHost.Environment(secret: null), profile.Path);

        await host.StartAsync();

        Assert.Null(host.Services.GetRequiredService<TestCredentials>().ClientSecret);
        await host.StopAsync();
    }

    [Fact]
    public async Task ThrowingStore_ShouldBeWrappedWithTheContext()
    {
        using var profile = new TempFolder();
        using var host = TestHost.Build(
            TestHost.Environment(SecretReference.Configuration("Cadasto:ClientSecret")),
            profile.Path,
            configure: s => s.AddSingleton<ISecretStore>(new UnreachableStore()));

        var exception = await TestHost.StartAndFailAsync(host);

        Assert.StartsWith("Cadasto credentials for application 'invoice-sync', environment 'development': reading the client secret from the configuration store (key \"Cadasto:ClientSecret\") failed (HttpRequestException: connection refused)", exception.Message);
        Assert.IsType<System.Net.Http.HttpRequestException>(exception.InnerException);
    }

    [Fact]
    public void CredentialsResolvedBeforeStart_ReadTheSecretThen()
    {
        using var profile = new TempFolder();
        var path = profile.Write("mounted", "early\n");
        using var host = TestHost.Build(TestHost.Environment(SecretReference.File(path)), profile.Path);

        Assert.Equal("early", host.Services.GetRequiredService<TestCredentials>().ClientSecret!.Reveal());
    }

    [Fact]
    public void Registration_IsIdempotent()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var environment = new FakeHostEnvironment();
        for (var i = 0; i < 2; i++)
        {
            services.AddCadastoCredentialsCore(configuration, environment, TestHost.Environment(null), null, (e, s) => new TestCredentials(e, s));
        }

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(4, provider.GetServices<ISecretStore>().Count());
    }

    private sealed class StartedFlag : IHostedService
    {
        public bool Called { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Called = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A worker that takes the credentials in its constructor and would use the secret as soon as it runs.</summary>
    private sealed class WorkerProbe : BackgroundService
    {
        public TestCredentials? Credentials { get; private set; }

        public bool Executed { get; private set; }

        public WorkerProbe Attach(TestCredentials credentials)
        {
            Credentials = credentials;
            return this;
        }

        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            Executed = true;
            _ = Credentials!.ClientSecret!.Reveal();
            return Task.CompletedTask;
        }
    }

    /// <summary>A store that is down: the configuration store's name, and it throws like a network client would.</summary>
    private sealed class UnreachableStore : ISecretStore
    {
        public string StoreName => SecretStoreNames.Configuration;

        public Task<SecretValue?> GetSecretAsync(SecretReference reference, CancellationToken cancellationToken = default) =>
            throw new System.Net.Http.HttpRequestException("connection refused");
    }

    private sealed class FakeHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = System.IO.Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
