using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Rules.Manifest;
using Cadasto.Analyzers.Tests.Configuration;
using Verify = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestMalformedAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Manifest;

public sealed class ManifestMalformedAnalyzerTests
{
    [Fact]
    public Task SpecExample_ShouldNotReport() => Verify.VerifyAsync(ManifestParserTests.SpecExample);

    [Fact]
    public Task TrailingComma_ShouldReportAtTheClosingBrace() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
        {|CDS9001:}|}
        """);

    [Fact]
    public Task MissingComma_ShouldReportAtTheNextToken() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync"
          {|CDS9001:"|}contact": { "name": "Jane" }
        }
        """);

    [Fact]
    public Task TruncatedFile_ShouldReportAtTheEnd() => Verify.VerifyAsync("""
        { "application": "invoice-sync", "environments": { "development": {{|CDS9001:|}
        """.TrimEnd());

    [Fact]
    public Task CommentInManifest_ShouldReport() => Verify.VerifyAsync("""
        {|CDS9001:/*|} the manifest */ { "application": "a" }
        """);

    [Fact]
    public Task EmptyFile_ShouldReport() => Verify.VerifyAsync("{|CDS9001:|}");

    [Fact]
    public Task RootIsAnArray_ShouldReportTheRoot() => Verify.VerifyAsync("""{|CDS9001:["invoice-sync"]|}""");

    [Fact]
    public Task WrongTypes_ShouldReportEachValue() => Verify.VerifyAsync("""
        {
          "application": {|CDS9001:42|},
          "contact": {|CDS9001:"Jane Doe <jane@example.com>"|},
          "flows": {|CDS9001:"client_credentials"|},
          "scopes": ["api.read", {|CDS9001:true|}],
          "environments": {
            "development": {|CDS9001:"cad-dev"|},
            "production": { "clientId": "cad-prod", "redirectUris": {|CDS9001:{}|}, "secret": {|CDS9001:null|} }
          }
        }
        """);

    [Fact]
    public Task DuplicateEnvironmentDifferingInCase_ShouldReportTheSecondName() => Verify.VerifyAsync("""
        {
          "application": "a", "contact": { "email": "a@example.com" },
          "environments": {
            "production": { "clientId": "one" },
            {|CDS9001:"Production"|}: { "clientId": "two" }
          }
        }
        """);

    [Fact]
    public Task OtherJsonFile_ShouldNotReport() => Verify.VerifyAsync("{ not json", fileName: "other.json");

    [Fact]
    public Task ManifestNamedByOption_ShouldReport() => Verify.VerifyAsync(
        "{ {|CDS9001:'|}application': 1 }",
        fileName: "registration.json",
        globalConfig: "cadasto_manifest = config/registration.json");

    [Fact]
    public Task ManifestNamedByMsBuildProperty_ShouldReport() => Verify.VerifyAsync(
        "[{|CDS9001:|}",
        fileName: "Cadasto.Registration.json",
        globalConfig: "build_property.CadastoManifest = Cadasto.Registration.json");

    [Fact]
    public Task DefaultNameWhenOptionNamesAnother_ShouldNotReport() => Verify.VerifyAsync(
        "{ broken",
        fileName: "cadasto.json",
        globalConfig: "cadasto_manifest = registration.json");

    [Fact]
    public Task ManifestNamedByEditorConfigSection_ShouldReport()
    {
        var test = new Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Manifest.ManifestMalformedAnalyzer>.Test
        {
            TestCode = "class Program { static void Main() { } }",
        };
        test.TestState.AdditionalFiles.Add(("/0/registration.json", "{ {|CDS9001:'|}application': 1 }"));
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", "{ not the manifest"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ncadasto_manifest = registration.json\n"));
        return test.RunAsync(System.Threading.CancellationToken.None);
    }
}
