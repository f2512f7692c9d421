using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Cadasto.Analyzers.Generators.Credentials;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// The credentials generator's cost for one manifest (the SPEC's example plus a staging environment:
/// three environments, six files): a full run (parse the manifest, build the model, emit), and the run
/// after an unrelated C# edit, where every step is Cached or Unchanged. Target: under 5 ms for the full run.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GeneratorCostBenchmarks
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
            "development": { "clientId": "cad-dev-invoice-sync", "authority": "https://auth.dev.cadasto.example", "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" } },
            "staging": { "clientId": "cad-stg-invoice-sync", "authority": "https://auth.staging.cadasto.example", "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" } },
            "production": { "clientId": "cad-prod-invoice-sync", "authority": "https://auth.cadasto.example", "scopes": ["api.read"], "secret": { "store": "azure-key-vault", "vault": "https://invoice-sync.vault.azure.net/", "name": "cadasto-client-secret" } }
          }
        }
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation[] _edits = null!;
    private GeneratorDriver _warm = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        var references = new[]
        {
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Cadasto.Credentials.SecretValue).Assembly.Location),
        };
        _compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("class Program { static void Main() { } }", ParseOptions) }, references);
        _edits = new[]
        {
            _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edit1 { }", ParseOptions)),
            _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edit2 { int X => 1; }", ParseOptions)),
        };
        _warm = NewDriver(SourceText.From(Manifest)).RunGenerators(_compilation);
        if (_warm.GetRunResult().GeneratedTrees.Length != 6)
        {
            throw new System.InvalidOperationException("The generator did not emit the six files the benchmark measures.");
        }
    }

    /// <summary>A fresh driver and a fresh manifest text (so the shared manifest cache cannot answer): everything runs.</summary>
    [Benchmark(Baseline = true)]
    public int GenerateOneManifest() =>
        NewDriver(SourceText.From(Manifest)).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>The same driver after an edit to a .cs file: the manifest steps are Cached, the model Unchanged, nothing is emitted.</summary>
    [Benchmark]
    public int RerunAfterUnrelatedEdit()
    {
        _warm = _warm.RunGenerators(_edits[_edit++ & 1]);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    private static GeneratorDriver NewDriver(SourceText manifest) =>
        CSharpGeneratorDriver.Create(
            new[] { new CredentialsGenerator().AsSourceGenerator() },
            new AdditionalText[] { new ManifestText(manifest) },
            ParseOptions,
            new RootNamespaceOptions());

    private sealed class ManifestText(SourceText text) : AdditionalText
    {
        public override string Path => "/app/cadasto.json";

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => text;
    }

    private sealed class RootNamespaceOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new();

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global;

        private sealed class Options : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key == "build_property.RootNamespace" ? "App" : null!;
                return value is not null;
            }
        }
    }
}
