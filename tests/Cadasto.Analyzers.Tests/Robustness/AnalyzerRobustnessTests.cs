using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cadasto.Analyzers.Benchmarks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Robustness;

/// <summary>
/// Every Cadasto analyzer (and generator), through the source-only loader, over code as an IDE sees it
/// while someone types — realistic files with random tokens deleted, cut off half-way — and over odd
/// inputs: empty files, a 1 MB literal, deep nesting, long concatenations, non-UTF-8 and broken JSON.
/// An analyzer exception (AD0001) or a generator crash (CS8785) fails the test. Deterministic seeds.
/// </summary>
public sealed class AnalyzerRobustnessTests : IDisposable
{
    private const int Seed = 20261128;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cadasto-robustness", Guid.NewGuid().ToString("N"));

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    private const string Manifest = """
        {
          "application": "invoice-sync",
          "description": "Nightly export of approved invoices to Cadasto",
          "contact": { "name": "Jane Doe", "email": "jane@example.com", "slack": "#billing-dev" },
          "clientType": "confidential",
          "flows": ["client_credentials", "authorization_code"],
          "scopes": ["api.read", "api.write"],
          "environments": {
            "development": {
              "clientId": "cad-dev-invoice-sync",
              "authority": "https://auth.dev.cadasto.example",
              "redirectUris": ["https://localhost:5001/signin-oidc"],
              "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" }
            },
            "production": {
              "clientId": "cad-prod-invoice-sync",
              "authority": "https://auth.cadasto.example",
              "scopes": ["api.read"],
              "redirectUris": [],
              "allowedOrigins": [],
              "secret": { "store": "azure-key-vault", "vault": "https://invoice-sync.vault.azure.net/", "name": "cadasto-client-secret" }
            }
          }
        }
        """;

    private const string AppSettings = """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "AzureAd": { "Instance": "https://login.microsoftonline.com/", "ClientId": "cad-dev", "ClientSecret": "Zk4f~Q8v.Wn2xR7tL1pD9sB3hJ6mC0yE5aG", "ClientCredentials": [ { "SourceType": "ClientSecret", "ClientSecret": "" } ] },
          "ConnectionStrings": { "Db": "Server=db;Database=app;User Id=app;Password=Hunter2Hunter2!" },
          "Cadasto": { "ClientSecret": "${CADASTO_CLIENT_SECRET}" }
        }
        """;

    [Fact]
    public async Task BrokenAndHalfTypedCode_ShouldNotThrow()
    {
        var random = new Random(Seed);
        var bases = RealisticCodeGenerator.Generate(1_500).Select(f => f.Text)
            .Concat(RepositorySamples())
            .ToList();

        var index = 0;
        foreach (var text in bases)
        {
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
            foreach (var rate in new[] { 0.01, 0.03, 0.1 })
            {
                Write($"Mutants/Mutant{index++:D3}.cs", DeleteTokens(tokens, rate, random));
            }

            // Half-typed: the file as it is while someone is still writing it.
            Write($"Mutants/Cut{index++:D3}.cs", text.Substring(0, random.Next(text.Length / 3, text.Length)));
        }

        Write("Mutants/Mutants.csproj", Project);
        Write("Mutants/cadasto.json", Manifest);
        Write("Mutants/appsettings.json", AppSettings);

        await AssertNoAnalyzerFailureAsync(expectedMinimumFiles: index);
    }

    [Fact]
    public async Task BrokenConfigurationFiles_ShouldNotThrow()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 12; i++)
        {
            var folder = $"Config{i:D2}";
            Write($"{folder}/{folder}.csproj", Project);
            Write($"{folder}/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.Run();\n");
            Write($"{folder}/cadasto.json", DeleteCharacters(Manifest, 0.02 * (i + 1), random));
            Write($"{folder}/appsettings.json", DeleteCharacters(AppSettings, 0.02 * (i + 1), random));
            Write($"{folder}/Properties/launchSettings.json", DeleteCharacters("""{ "profiles": { "web": { "environmentVariables": { "Cadasto__ClientSecret": "Zk4f~Q8v.Wn2xR7tL1pD9sB3hJ6mC0yE5aG" } } } }""", 0.05 * i, random));
        }

        await AssertNoAnalyzerFailureAsync(expectedMinimumFiles: 12);
    }

    [Fact]
    public async Task OddInputs_ShouldNotThrow()
    {
        Write("Odd/Odd.csproj", Project);
        Write("Odd/Empty.cs", string.Empty);
        Write("Odd/Whitespace.cs", "   \n\t\r\n  ");
        Write("Odd/OnlyDirectives.cs", "#if DEBUG\n#else\n#endif\n#pragma warning disable\n#nullable enable\n");
        var huge = new string('A', 1024 * 1024);
        Write("Odd/HugeLiteral.cs", $$"""
            using Microsoft.Identity.Client;
            static class Huge
            {
                const string ClientSecret = "{{huge}}";
                static string Password = @"{{huge}}";
                static void Use() => ConfidentialClientApplicationBuilder.Create("id").WithClientSecret("{{huge}}").Build();
            }
            """);
        Write("Odd/DeepParentheses.cs", $"static class Deep {{ static int X = {new string('(', 400)}1{new string(')', 400)}; }}");
        Write("Odd/LongConcatenation.cs", $$"""
            using Microsoft.Identity.Client;
            static class Concat
            {
                const string Secret = {{string.Join(" + ", Enumerable.Range(0, 2000).Select(i => $"\"p{i}\""))}};
                static void Use() => ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({{string.Join(" + ", Enumerable.Range(0, 2000).Select(i => $"\"q{i}\""))}}).Build();
            }
            """);
        Write("Odd/DeepTernary.cs", $$"""
            using Microsoft.Identity.Client;
            static class Ternary
            {
                static void Use(int n) => ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({{string.Concat(Enumerable.Range(0, 300).Select(i => $"n == {i} ? \"s{i}\" : "))}}"last").Build();
            }
            """);
        Write("Odd/DeepLambdas.cs", $"static class Lambdas {{ static System.Func<string> F = {string.Concat(Enumerable.Repeat("() => (", 0))}{string.Concat(Enumerable.Range(0, 150).Select(_ => "new System.Func<string>(() => "))}\"secret-value-123\"{new string(')', 150)}; }}");
        Write("Odd/Unterminated.cs", "class Broken { string ClientSecret = \"unterminated\n /* comment never ends\n");
        Write("Odd/Interpolated.cs", "class Interp { string Password = $\"{{{\"; string Token = $@\"{(1 > 0 ? \"a\" : \"b\")}\"; string Raw = $$\"\"\"{{{x}}}\"\"\"; }");
        Write("Odd/Generic.cs", "class G<T> where T : new() { T ApiKey = new T(); string this[int i] => \"key\"; public static implicit operator string(G<T> g) => \"AKIAIOSFODNN7EXAMPLE\"; }");
        Write("Odd/TopLevel.cs", "var password = args.Length > 0 ? args[0] : \"fallback-Password-1\";\nSystem.Console.WriteLine(password);\n");

        // Configuration files as real tools write them: Latin-1, UTF-16 with a BOM, random bytes, very deep, very long.
        WriteBytes("Odd/appsettings.json", Encoding.Latin1.GetBytes("{ \"Passwört\": \"geheim-ÄÖÜ-1234567\", \"ClientSecret\": \"Zk4f~Q8v.Wn2xR7tL1pD9sB3hJ6mC0yE5aG\" }"));
        WriteBytes("Odd/appsettings.Development.json", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{ \"ClientSecret\": \"Zk4f~Q8v.Wn2xR7tL1pD9sB3hJ6mC0yE5aG\" }")).ToArray());
        var bytes = new byte[4096];
        new Random(Seed).NextBytes(bytes);
        WriteBytes("Odd/appsettings.Staging.json", bytes);
        Write("Odd/appsettings.Deep.json", new string('[', 1500) + new string(']', 1500));
        Write("Odd/appsettings.Objects.json", string.Concat(Enumerable.Repeat("{\"a\":", 1500)) + "1" + new string('}', 1500));
        Write("Odd/appsettings.Long.json", "{ \"ClientSecret\": \"" + huge + "\" }");
        Write("Odd/cadasto.json", "\uFEFF{ \"application\": \"x\", \"environments\": { \"production\": { \"secret\": { \"store\": \"file\", \"path\": " + new string('"', 3) + " } } }");
        Write("Odd/wwwroot/appsettings.json", string.Empty);
        Write("Odd/Properties/launchSettings.json", "null");

        await AssertNoAnalyzerFailureAsync(expectedMinimumFiles: 10);
    }

    [Fact]
    public async Task Harness_ShouldCatchAnAnalyzerThatThrows()
    {
        Write("Throws/Throws.csproj", Project);
        Write("Throws/C.cs", "class C { string S = \"x\"; }");

        var scanner = new Scanner(new ScanOptions { Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()) });
        var result = await scanner.ScanAsync(_root);

        Assert.Contains(result.AnalyzerFailures, f => f.Contains("ThrowingAnalyzer threw InvalidOperationException", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task AssertNoAnalyzerFailureAsync(int expectedMinimumFiles)
    {
        var result = await new Scanner().ScanAsync(_root);

        Assert.True(result.SourceFiles >= expectedMinimumFiles, $"only {result.SourceFiles} files were loaded");
        Assert.NotEmpty(AnalyzerCatalog.Analyzers);
        Assert.True(result.AnalyzerFailures.Count == 0, string.Join("\n", result.AnalyzerFailures));
    }

    private static IEnumerable<string> RepositorySamples()
    {
        var root = typeof(AnalyzerRobustnessTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText);
    }

    private static string DeleteTokens(List<SyntaxToken> tokens, double rate, Random random)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            if (random.NextDouble() < rate)
            {
                // The token goes, its trivia stays: what a stray backspace leaves behind.
                builder.Append(token.LeadingTrivia.ToFullString()).Append(token.TrailingTrivia.ToFullString());
            }
            else
            {
                builder.Append(token.ToFullString());
            }
        }

        return builder.ToString();
    }

    private static string DeleteCharacters(string text, double rate, Random random) =>
        new(text.Where(_ => random.NextDouble() >= rate).ToArray());

    private void Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    private void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    // A test double that proves the harness sees an analyzer exception; it never ships, so the rules for shipped analyzers do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("by design"), SyntaxKind.StringLiteralExpression);
        }
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
