using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis.Text;
using Verify = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestInvalidValueAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Manifest;

/// <summary>
/// CDS9003 for what must never stay in a manifest: placeholders where a client id or authority goes, a URI with user
/// information anywhere, an environment name with an invisible character, a rotation period that is no period.
/// </summary>
public sealed class ManifestHygieneTests
{
    [Fact]
    public Task PlaceholderClientIdsAndAuthorities_ShouldReport() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "clientType": "public",
          "environments": {
            "development": { "clientId": {|CDS9003:"REPLACE_ME"|}, "authority": {|CDS9003:"REPLACE_ME"|} },
            "test": { "clientId": {|CDS9003:"<client-id>"|}, "authority": {|CDS9003:"https://<tenant>.auth.example"|} },
            "staging": { "clientId": {|CDS9003:"changeme"|}, "authority": {|CDS9003:"https://login.example.com/{tenant}/v2.0"|} },
            "qa": { "clientId": {|CDS9003:"YOUR_CLIENT_ID"|}, "authority": {|CDS9003:"https://YOUR_TENANT.auth.example"|} },
            "uat": { "clientId": {|CDS9003:"${CADASTO_CLIENT_ID}"|}, "authority": {|CDS9003:"https://xxx.example.com"|} },
            "production": { "clientId": "cad-prod-invoice-sync", "authority": "https://auth.cadasto.example" },
            "eu": { "clientId": "your-app", "authority": "https://login.microsoftonline.com/common/v2.0" }
          }
        }
        """);

    [Fact]
    public Task UriWithUserInformation_AnywhereInTheManifest_ShouldReportEachValueOnce() => Verify.VerifyAsync("""
        {
          "application": "portal",
          "description": {|CDS9003:"Docs at https://bob:hunter2@wiki.example/portal"|},
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["authorization_code"],
          "docs": { "links": [{|CDS9003:"ftp://deploy:s3cret@files.example"|}] },
          "environments": {
            "production": {
              "clientId": "cad-prod",
              "authority": {|CDS9003:"https://svc:Pa55w0rd@auth.cadasto.example"|},
              "redirectUris": [{|CDS9003:"https://user:pw@portal.example.com/signin-oidc"|}],
              "allowedOrigins": [{|CDS9003:"https://user:pw@portal.example.com"|}],
              "secret": { "store": "azure-key-vault", "vault": {|CDS9003:"https://u:p@portal.vault.azure.net/"|}, "name": "cadasto-client-secret" }
            }
          }
        }
        """);

    [Fact]
    public Task EnvironmentNameWithAnInvisibleCharacter_ShouldReportTheName() => Verify.VerifyAsync("""
        {
          "application": "portal",
          "contact": { "email": "jane@example.com" },
          "clientType": "public",
          "environments": {
            "staging": { "clientId": "cad-stg" },
            {|CDS9003:"sta\u200Bging"|}: { "clientId": "cad-stg-2" },
            {|CDS9003:"production\u00AD"|}: { "clientId": "cad-prod" }
          }
        }
        """);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999")]
    public Task RotationPeriodThatIsNoPeriod_ShouldReport(string days) => Verify.VerifyAsync(
        "{ \"application\": \"a\", \"contact\": { \"email\": \"a@example.com\" }, \"clientType\": \"public\", \"rotation\": { \"maxAgeDays\": {|CDS9003:" + days + "|} }, \"environments\": { \"development\": { \"clientId\": \"cad-dev\" } } }");

    [Fact]
    public void RotationPeriod_ShouldBeInTheModel()
    {
        var result = ManifestParser.Parse("/app/cadasto.json", SourceText.From("""
            { "application": "a", "contact": { "email": "a@example.com" }, "clientType": "public", "rotation": { "maxAgeDays": 90 },
              "environments": { "development": { "clientId": "cad-dev" } } }
            """));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(90, result.Manifest!.MaxAgeDays);
        Assert.Null(ManifestParser.Parse("/app/cadasto.json", SourceText.From(Configuration.ManifestParserTests.SpecExample)).Manifest!.MaxAgeDays);
    }

    [Fact]
    public void UserInformation_ShouldNeverReachAMessage()
    {
        var result = ManifestParser.Parse("/app/cadasto.json", SourceText.From("""
            { "application": "a", "contact": { "email": "a@example.com" }, "clientType": "public",
              "environments": { "production": { "clientId": "cad-prod", "authority": "https://svc:Pa55w0rd@auth.example", "redirectUris": ["http://u:hunter2@app.example/cb"] } } }
            """));

        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "CDS9003"));
        Assert.DoesNotContain(result.Diagnostics, d => d.MessageArgs.Any(a => a.Contains("Pa55w0rd") || a.Contains("hunter2")));
    }
}

/// <summary>Every rule of the product over a manifest whose URIs carry user information: one finding per value, and no message shows the password.</summary>
public sealed class ManifestUserInfoAcrossRulesTests
{
    [Fact]
    public async Task EveryRule_ShouldGiveOneFindingPerValue_AndNoPassword()
    {
        const string manifest = """
            { "application": "portal", "contact": { "email": "a@example.com" }, "clientType": "confidential", "flows": ["authorization_code"],
              "environments": { "production": { "clientId": "cad-prod", "redirectUris": ["http://u:hunter2@portal.example.com/cb", "https://v:hunter2@portal.example.com/*"],
                "secret": { "store": "environment", "name": "PORTAL_SECRET" } } } }
            """;
        var analyzers = Conventions.Repository.AnalyzerTypes
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("App", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }") }, TestKit.TestReferences.All);
        var texts = ImmutableArray.Create<Microsoft.CodeAnalysis.AdditionalText>(new TestKit.InMemoryAdditionalText("/src/cadasto.json", SourceText.From(manifest)));

        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(texts))
            .GetAnalyzerDiagnosticsAsync();

        var onManifest = diagnostics.Where(d => d.Location.GetLineSpan().Path == "/src/cadasto.json").ToList();
        Assert.Equal(new[] { "CDS9003", "CDS9003" }, onManifest.Select(d => d.Id));
        Assert.Equal(2, onManifest.Select(d => d.Location.SourceSpan).Distinct().Count());
        Assert.DoesNotContain(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("hunter2", System.StringComparison.Ordinal));
    }
}
