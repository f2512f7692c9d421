using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Analyzers.Generators.Credentials;
using Cadasto.Analyzers.Rules.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>
/// A broken manifest in a project that uses the generated types: the command-line compiler stops before analyzers
/// once declaration errors exist (CS0246 on <c>CadastoCredentials</c>), so the CDS900x findings must come from the
/// generator there — and only from one of the two, so a build never shows a finding twice. Generator and analyzers
/// run here as the compiler runs them: the generator on the user's compilation, the analyzers on its output.
/// </summary>
public sealed class ManifestFindingsInTheBuildTests
{
    private const string UsesGeneratedTypes = """
        namespace Sample
        {
            public sealed class Exporter
            {
                public Exporter(CadastoCredentials credentials) => Id = credentials.ClientId;
                public string Id { get; }
            }
        }
        """;

    private const string TypoInFlow = """
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["client-credentials"],
          "environments": { "development": { "clientId": "cad-dev-invoice-sync" } }
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> ManifestRules =
        ImmutableArray.Create<DiagnosticAnalyzer>(new ManifestMalformedAnalyzer(), new ManifestIncompleteAnalyzer(), new ManifestInvalidValueAnalyzer());

    [Fact]
    public async Task TypoInTheManifest_WithTheRuntime_ShouldBeReportedOnceByTheGenerator_AtItsPosition()
    {
        var (fromGenerator, fromAnalyzers, output) = await BuildAsync(TypoInFlow, referenceRuntime: true);

        var finding = Assert.Single(fromGenerator.Concat(fromAnalyzers), d => d.Id.StartsWith("CDS9", System.StringComparison.Ordinal));
        Assert.Contains(finding, fromGenerator);
        Assert.Equal("CDS9003", finding.Id);
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        var span = finding.Location.GetLineSpan();
        Assert.Equal("/src/cadasto.json", span.Path);
        Assert.Equal((4, 12), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains("client-credentials", TypoInFlow.Split('\n')[4].Substring(span.StartLinePosition.Character));
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS0246"); // the user's code cannot bind: what the build also says
    }

    [Fact]
    public async Task TypoInTheManifest_AnalyzersOnly_ShouldBeReportedOnceByTheAnalyzers()
    {
        var (fromGenerator, fromAnalyzers, _) = await BuildAsync(TypoInFlow, referenceRuntime: false);

        Assert.Empty(fromGenerator);
        Assert.Equal("CDS9003", Assert.Single(fromAnalyzers).Id);
    }

    [Fact]
    public async Task TypoInTheManifest_GenerationSwitchedOff_ShouldBeReportedOnceByTheAnalyzers()
    {
        var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample", ["build_property.CadastoGenerateCredentials"] = "false" };

        var (fromGenerator, fromAnalyzers, _) = await BuildAsync(TypoInFlow, referenceRuntime: true, options);

        Assert.Empty(fromGenerator);
        Assert.Equal("CDS9003", Assert.Single(fromAnalyzers).Id);
    }

    [Fact]
    public async Task EveryKindOfManifestFinding_ShouldBeReportedOnce_WhicheverSideReports()
    {
        // CDS9001 (a repeated property), CDS9002 (no contact, no clientId), CDS9003 (a store and a URI), and a
        // finding that needs the project (a secret in what the build says is a Blazor WebAssembly app).
        const string manifest = """
            {
              "application": "portal",
              "application": "portal-2",
              "flows": ["authorization_code"],
              "environments": {
                "development": { "clientId": "cad-dev", "authority": "auth.example" },
                "staging": { },
                "production": { "clientId": "cad-prod", "secret": { "store": "environment", "name": "PORTAL_SECRET" } },
                "qa": { "clientId": "cad-qa", "secret": { "store": "vault-o-matic", "name": "x" } }
              }
            }
            """;
        var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample", ["build_property._SupportedPlatformList"] = "browser" };

        var withRuntime = await BuildAsync(manifest, referenceRuntime: true, options);
        var withoutRuntime = await BuildAsync(manifest, referenceRuntime: false, options);

        var expected = withoutRuntime.FromAnalyzers.Select(Describe).OrderBy(d => d).ToList();
        Assert.Equal(new[] { "CDS9001", "CDS9002", "CDS9003" }, expected.Select(d => d.Substring(0, 7)).Distinct());
        Assert.Contains(expected, d => d.Contains("Blazor WebAssembly"));
        Assert.Equal(expected, withRuntime.FromGenerator.Select(Describe).OrderBy(d => d));
        Assert.Empty(withRuntime.FromAnalyzers);
        Assert.Equal(expected.Count, expected.Distinct().Count());
    }

    [Fact]
    public async Task PasswordInAManifestUri_ShouldNeverBeGenerated_NorReported()
    {
        const string password = "Pa55w0rd-never-emitted";
        var manifest = TypoInFlow
            .Replace("client-credentials", "client_credentials", System.StringComparison.Ordinal)
            .Replace("\"clientId\": \"cad-dev-invoice-sync\"", $"\"clientId\": \"cad-dev-invoice-sync\", \"authority\": \"https://svc:{password}@auth.cadasto.example\"", System.StringComparison.Ordinal);
        Assert.Contains(password, manifest);

        var (fromGenerator, fromAnalyzers, output) = await BuildAsync(manifest, referenceRuntime: true);

        Assert.Equal("CDS9003", Assert.Single(fromGenerator).Id);
        Assert.Empty(fromAnalyzers);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.ToString().Contains(password, System.StringComparison.Ordinal));
        Assert.DoesNotContain(password, fromGenerator[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    private static async Task<(ImmutableArray<Diagnostic> FromGenerator, ImmutableArray<Diagnostic> FromAnalyzers, Compilation Output)> BuildAsync(
        string manifest, bool referenceRuntime, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var texts = ImmutableArray.Create(GeneratorHarness.Manifest(manifest));
        var options = GeneratorHarness.Options(globalOptions);
        var compilation = GeneratorHarness.Compilation(UsesGeneratedTypes, referenceRuntime);
        CSharpGeneratorDriver.Create(new[] { new CredentialsGenerator().AsSourceGenerator() }, texts, GeneratorHarness.ParseOptions(), options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = await output.WithAnalyzers(ManifestRules, new AnalyzerOptions(ImmutableArray<AdditionalText>.CastUp(texts), options))
            .GetAnalyzerDiagnosticsAsync();
        return (generatorDiagnostics, analyzerDiagnostics, output);
    }
}
