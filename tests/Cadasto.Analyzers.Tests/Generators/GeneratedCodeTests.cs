using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.Extensions.DependencyInjection;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>The generated code compiles cleanly against the real runtime library, works, and carries no secret.</summary>
public sealed class GeneratedCodeTests
{
    private const string Usage = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Sample
        {
            public static class Usage
            {
                public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
                    services.AddCadastoCredentials(configuration, environment);

                // What a Blazor WebAssembly, MAUI or desktop host calls: it has no IHostEnvironment.
                public static IServiceCollection RegisterByName(IServiceCollection services, IConfiguration configuration, string environmentName) =>
                    services.AddCadastoCredentials(configuration, environmentName);

                public static string Describe(CadastoCredentials credentials) =>
                    credentials.ClientId + " " + string.Join(" ", credentials.Scopes) + " " + credentials.ClientSecret.Reveal().Length;

                public static string Development => CadastoEnvironments.Development.ClientId + CadastoEnvironments.Development.Authority;

                public static string Production => string.Join(",", CadastoEnvironments.Production.Scopes) + CadastoEnvironments.Production.Secret.Name;

                public static string Chosen(string name) => CadastoEnvironments.For(name).ClientId;
            }
        }
        """;

    [Fact]
    public void GeneratedCode_CompilesWithoutWarningsUnderNullableAndWarningsAsErrors()
    {
        var (_, result, output, generatorDiagnostics) = GeneratorHarness.Run(Manifests.InvoiceSync, source: Usage);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(5, result.GeneratedSources.Length);
        Assert.Equal(NullableContextOptions.Enable, output.Options.NullableContextOptions);
        Assert.Equal(ReportDiagnostic.Error, output.Options.GeneralDiagnosticOption);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
    }

    [Fact]
    public void GeneratedCode_HasValidDocumentationComments()
    {
        // A project with GenerateDocumentationFile: the generated public API is documented and its crefs resolve.
        var parseOptions = GeneratorHarness.ParseOptions().WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.Compilation().RemoveAllSyntaxTrees().AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(GeneratorHarness.DefaultProgram, parseOptions));
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new Cadasto.Analyzers.Generators.Credentials.CredentialsGenerator().AsSourceGenerator() },
            new[] { GeneratorHarness.Manifest(Manifests.PublicSpa) },
            parseOptions,
            null);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generated = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, generated.Count);
        var diagnostics = output.GetDiagnostics();
        var problems = diagnostics.Where(d => generated.Contains(d.Location.SourceTree!)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The control: the hand-written, undocumented Program is reported, so the check is live.
        Assert.Contains(diagnostics, d => d.Id == "CS1591" && !generated.Contains(d.Location.SourceTree!));
    }

    [Fact]
    public void GeneratedCode_ChoosesTheEnvironmentAndBindsTheSecretAtRunTime()
    {
        using var profile = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(profile.Path, "sample-id"));
        File.WriteAllText(Path.Combine(profile.Path, "sample-id", "secrets.json"), "{ \"Cadasto:ClientSecret\": \"runtime-dev-secret\" }");
        var assembly = EmitAndLoad(Manifests.InvoiceSync, new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Sample",
            ["build_property.UserSecretsId"] = "sample-id",
        });

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Development",
            ContentRootPath = profile.Path,
        });
        builder.Services.Configure<Cadasto.Credentials.CadastoSecretStoreOptions>(o => o.UserSecretsRoot = profile.Path);
        var register = assembly.GetType("Sample.CadastoServiceCollectionExtensions")!.GetMethod(
            "AddCadastoCredentials",
            new[] { typeof(IServiceCollection), typeof(Microsoft.Extensions.Configuration.IConfiguration), typeof(Microsoft.Extensions.Hosting.IHostEnvironment) })!;
        register.Invoke(null, new object[] { builder.Services, builder.Configuration, builder.Environment });
        using var host = builder.Build();
        var credentialsType = assembly.GetType("Sample.CadastoCredentials")!;
        var credentials = host.Services.GetService(credentialsType)!;

        var secret = (Cadasto.Credentials.SecretValue)credentialsType.GetProperty("ClientSecret")!.GetValue(credentials)!;
        Assert.Equal("runtime-dev-secret", secret.Reveal());
        Assert.Equal("development", credentialsType.GetProperty("EnvironmentName")!.GetValue(credentials));
        Assert.Equal("cad-dev-invoice-sync", credentialsType.GetProperty("ClientId")!.GetValue(credentials));
        Assert.DoesNotContain("runtime-dev-secret", credentials.ToString());

        // Rotated with `dotnet user-secrets set`: the same credentials object hands out the new secret, no restart.
        var secrets = Path.Combine(profile.Path, "sample-id", "secrets.json");
        File.WriteAllText(secrets, "{ \"Cadasto:ClientSecret\": \"rotated-dev-secret-2\" }");
        File.SetLastWriteTimeUtc(secrets, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal("rotated-dev-secret-2", ((Cadasto.Credentials.SecretValue)credentialsType.GetProperty("ClientSecret")!.GetValue(credentials)!).Reveal());
    }

    [Fact]
    public void GeneratedCode_ByEnvironmentName_RegistersAPublicClientWithoutAHostEnvironment()
    {
        var assembly = EmitAndLoad(Manifests.PublicSpa, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample" });
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var register = assembly.GetType("Sample.CadastoServiceCollectionExtensions")!.GetMethod(
            "AddCadastoCredentials",
            new[] { typeof(IServiceCollection), typeof(Microsoft.Extensions.Configuration.IConfiguration), typeof(string) })!;

        // What a Blazor WebAssembly app passes: builder.HostEnvironment.Environment.
        register.Invoke(null, new object[] { services, configuration, "Development" });
        using var provider = services.BuildServiceProvider();
        var credentialsType = assembly.GetType("Sample.CadastoCredentials")!;
        var credentials = provider.GetRequiredService(credentialsType);

        Assert.Equal("development", credentialsType.GetProperty("EnvironmentName")!.GetValue(credentials));
        Assert.Null(credentialsType.GetProperty("ClientSecret")!.GetValue(credentials));
    }

    [Fact]
    public void For_UnknownEnvironment_NamesTheKnownOnes()
    {
        var assembly = EmitAndLoad(Manifests.InvoiceSync, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample" });
        var environments = assembly.GetType("Sample.CadastoEnvironments")!;
        var forMethod = environments.GetMethod("For")!;

        var staging = Assert.Throws<TargetInvocationException>(() => forMethod.Invoke(null, new object[] { "Staging" }));
        var production = (Cadasto.Credentials.CadastoEnvironment)forMethod.Invoke(null, new object[] { "PRODUCTION" })!;

        Assert.Equal(
            "Cadasto credentials for application 'invoice-sync': the environment 'Staging' is not in cadasto.json. Known environments: development, production. Add it under \"environments\" in cadasto.json, or run the application in one of the known environments (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT).",
            Assert.IsType<Cadasto.Credentials.CadastoCredentialsException>(staging.InnerException).Message);
        Assert.Equal("cad-prod-invoice-sync", production.ClientId);
        Assert.Equal(new[] { "api.read" }, production.Scopes);
        Assert.Equal("azure-key-vault secret \"cadasto-client-secret\" in https://invoice-sync.vault.azure.net/", production.Secret!.ToString());
    }

    [Fact]
    public void CompiledAssembly_HoldsNoSecretValueFromAnyStoreOrConfigFile()
    {
        // Canaries wherever a secret value lives while the project builds: appsettings files and
        // launchSettings (additional files the build sees), a user-secrets file, an environment
        // variable and a mounted secret file. None may reach the assembly; the public ids must.
        const string fromAppSettings = "canary-appsettings-7c1d";
        const string fromDevelopmentSettings = "canary-appsettings-dev-99aa";
        const string fromLaunchSettings = "canary-launch-51b2";
        const string fromUserSecrets = "canary-user-secrets-0e4f";
        const string fromEnvironment = "canary-environment-3a8b";
        const string fromFile = "canary-mounted-file-d2c6";
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "sample-id"));
        File.WriteAllText(Path.Combine(folder.Path, "sample-id", "secrets.json"), $"{{ \"Cadasto:ClientSecret\": \"{fromUserSecrets}\" }}");
        File.WriteAllText(Path.Combine(folder.Path, "cadasto"), fromFile + "\n");
        Environment.SetEnvironmentVariable("CADASTO_CLIENT_SECRET", fromEnvironment);
        try
        {
            var files = new[]
            {
                GeneratorHarness.File("/src/appsettings.json", $"{{ \"Cadasto\": {{ \"ClientSecret\": \"{fromAppSettings}\" }} }}"),
                GeneratorHarness.File("/src/appsettings.Development.json", $"{{ \"Cadasto:ClientSecret\": \"{fromDevelopmentSettings}\" }}"),
                GeneratorHarness.File("/src/Properties/launchSettings.json", $"{{ \"profiles\": {{ \"app\": {{ \"environmentVariables\": {{ \"CADASTO_CLIENT_SECRET\": \"{fromLaunchSettings}\" }} }} }} }}"),
            };
            var (_, result, output, _) = GeneratorHarness.Run(
                Manifests.AllStores.Replace("/run/secrets/cadasto", Path.Combine(folder.Path, "cadasto").Replace("\\", "\\\\")),
                new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample", ["build_property.UserSecretsId"] = "sample-id" },
                moreFiles: files);
            Assert.NotEmpty(result.GeneratedSources);
            using var stream = new MemoryStream();
            Assert.True(output.Emit(stream).Success);
            var image = stream.ToArray();

            Assert.True(Contains(image, "cad-stg-portal"), "the control: a public id from the manifest is in the assembly");
            foreach (var canary in new[] { fromAppSettings, fromDevelopmentSettings, fromLaunchSettings, fromUserSecrets, fromEnvironment, fromFile })
            {
                Assert.False(Contains(image, canary), $"{canary} reached the assembly");
                Assert.All(result.GeneratedSources, s => Assert.DoesNotContain(canary, s.SourceText.ToString()));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("CADASTO_CLIENT_SECRET", null);
        }
    }

    private static bool Contains(byte[] image, string text) =>
        IndexOf(image, Encoding.UTF8.GetBytes(text)) >= 0 || IndexOf(image, Encoding.Unicode.GetBytes(text)) >= 0;

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private static Assembly EmitAndLoad(string manifest, Dictionary<string, string> options)
    {
        var (_, _, output, _) = GeneratorHarness.Run(manifest, options);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    private sealed class TempDirectory : IDisposable
    {
        public TempDirectory() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cadasto-gen-" + Guid.NewGuid().ToString("N")));

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
