using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.Configuration;
using Verify = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestIncompleteAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Manifest;

public sealed class ManifestIncompleteAnalyzerTests
{
    [Fact]
    public Task SpecExample_ShouldNotReport() => Verify.VerifyAsync(ManifestParserTests.SpecExample);

    [Fact]
    public Task MissingTopLevelFields_ShouldReportAtTheRootBrace() => Verify.VerifyAsync(
        """
        {|#0:{|}
          "description": "Nightly export",
          "flows": ["client_credentials"]
        }
        """,
        "cadasto.json",
        null,
        Verify.Diagnostic("CDS9002").WithLocation(0).WithArguments("'application'"),
        Verify.Diagnostic("CDS9002").WithLocation(0).WithArguments("'contact'"),
        Verify.Diagnostic("CDS9002").WithLocation(0).WithArguments("'environments'"));

    [Fact]
    public Task MissingClientId_ShouldReportAtTheEnvironmentName() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "name": "Jane Doe", "email": "jane@example.com" },
          "environments": {
            "development": { "clientId": "cad-dev" },
            {|CDS9002:"staging"|}: { "authority": "https://auth.cadasto.example" }
          }
        }
        """);

    [Fact]
    public Task ConfidentialProductionWithoutSecret_ShouldReportAtTheEnvironmentName() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "environments": {
            "Development": { "clientId": "cad-dev" },
            {|CDS9002:"production"|}: { "clientId": "cad-prod" }
          }
        }
        """);

    [Fact]
    public Task ClientCredentialsWithoutClientTypeOutsideDevelopment_ShouldReport() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "flows": ["client_credentials"],
          "environments": { {|CDS9002:"staging"|}: { "clientId": "cad-stg" } }
        }
        """);

    [Fact]
    public Task PublicClientWithoutSecret_ShouldNotReport() => Verify.VerifyAsync("""
        {
          "application": "spa",
          "contact": { "email": "jane@example.com" },
          "clientType": "public",
          "flows": ["authorization_code"],
          "environments": { "production": { "clientId": "cad-prod-spa", "redirectUris": ["https://app.example.com/callback"] } }
        }
        """);

    [Fact]
    public Task SecretWithoutItsStoreField_ShouldReportAtTheEnvironmentName() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "environments": {
            {|CDS9002:"production"|}: { "clientId": "cad-prod", "secret": { "store": "azure-key-vault", "name": "cadasto-client-secret" } },
            {|CDS9002:"staging"|}: { "clientId": "cad-stg", "secret": { "name": "CADASTO_SECRET" } },
            "test": { "clientId": "cad-test", "secret": { "store": "environment", "name": "CADASTO_SECRET" } }
          }
        }
        """);

    [Fact]
    public Task EmptyApplicationAndEnvironments_ShouldReport() => Verify.VerifyAsync(
        """
        {|#0:{|}
          "application": " ",
          "contact": { "email": "jane@example.com" },
          "environments": { }
        }
        """,
        "cadasto.json",
        null,
        Verify.Diagnostic("CDS9002").WithLocation(0).WithArguments("'application'"),
        Verify.Diagnostic("CDS9002").WithLocation(0).WithArguments("an environment in 'environments'"));

    [Fact]
    public Task NoClientTypeInWebProject_ShouldReportMissingSecretOutsideDevelopment() => Verify.VerifyAsync(
        """
        {
          "application": "portal",
          "contact": { "email": "jane@example.com" },
          "flows": ["authorization_code"],
          "environments": {
            "development": { "clientId": "cad-dev" },
            {|CDS9002:"production"|}: { "clientId": "cad-prod" }
          }
        }
        """,
        globalConfig: "build_property.UsingMicrosoftNETSdkWeb = true");

    [Fact]
    public Task NoClientTypeInConsoleProject_ShouldNotReportMissingSecret() => Verify.VerifyAsync("""
        {
          "application": "tool",
          "contact": { "email": "jane@example.com" },
          "flows": ["device_code"],
          "environments": { "production": { "clientId": "cad-prod" } }
        }
        """);

    [Fact]
    public Task BlankClientIdAndDevelopmentInAnyCase_ShouldReportOnlyTheBlankOne() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "name": "Jane Doe" },
          "clientType": "confidential",
          "environments": {
            "DEVELOPMENT": { "clientId": "cad-dev" },
            {|CDS9002:"staging"|}: { "clientId": "  ", "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" } }
          }
        }
        """);
}
