using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.Configuration;
using Verify = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestInvalidValueAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Manifest;

public sealed class ManifestInvalidValueAnalyzerTests
{
    [Fact]
    public Task SpecExample_ShouldNotReport() => Verify.VerifyAsync(ManifestParserTests.SpecExample);

    [Fact]
    public Task UnknownFlowAndClientType_ShouldReportTheValue() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "clientType": {|CDS9003:"server"|},
          "flows": ["client_credentials", {|CDS9003:"implicit"|}, {|CDS9003:"password"|}, "Refresh_Token"],
          "environments": { "development": { "clientId": "cad-dev" } }
        }
        """);

    [Fact]
    public Task UnknownStore_ShouldReportTheStoreValue() => Verify.VerifyAsync("""
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "environments": {
            "production": { "clientId": "cad-prod", "secret": { "store": {|CDS9003:"aws-secrets-manager"|}, "name": "cadasto" } }
          }
        }
        """);

    [Fact]
    public Task MalformedUris_ShouldReportEachValue() => Verify.VerifyAsync("""
        {
          "application": "portal",
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["authorization_code"],
          "environments": {
            "production": {
              "clientId": "cad-prod",
              "authority": {|CDS9003:"auth.cadasto.example"|},
              "redirectUris": ["https://portal.example.com/signin-oidc", {|CDS9003:"https://portal example.com/cb"|}, {|CDS9003:"https://"|}],
              "allowedOrigins": ["https://portal.example.com", "http://localhost:5173", {|CDS9003:"https://portal.example.com/app"|}, {|CDS9003:"portal.example.com"|}],
              "secret": { "store": "azure-key-vault", "vault": {|CDS9003:"invoice-sync.vault.azure.net"|}, "name": "cadasto-client-secret" }
            }
          }
        }
        """);

    [Fact]
    public Task InsecureButWellFormedRedirectUris_ShouldNotReport() => Verify.VerifyAsync("""
        {
          "application": "desktop",
          "contact": { "email": "jane@example.com" },
          "clientType": "public",
          "flows": ["authorization_code"],
          "environments": {
            "development": {
              "clientId": "cad-dev",
              "redirectUris": ["http://localhost:5000/cb", "http://127.0.0.1/cb", "https://*.example.com/cb", "https://app.example.com/#/cb", "/signin-oidc", "com.example.app:/oauth2redirect", "myapp://callback"]
            }
          }
        }
        """);

    [Fact]
    public Task PublicClientWithSecretAndClientCredentials_ShouldReport() => Verify.VerifyAsync("""
        {
          "application": "spa",
          "contact": { "email": "jane@example.com" },
          "clientType": "public",
          "flows": ["authorization_code", {|CDS9003:"client_credentials"|}],
          "environments": {
            "production": {
              "clientId": "cad-prod-spa",
              "secret": {|CDS9003:{ "store": "environment", "name": "CADASTO_SECRET" }|}
            }
          }
        }
        """);

    [Fact]
    public Task NoClientTypeInBlazorWebAssemblyProject_ShouldReportSecretAndClientCredentials() => Verify.VerifyAsync(
        """
        {
          "application": "spa",
          "contact": { "email": "jane@example.com" },
          "flows": ["authorization_code", {|CDS9003:"client_credentials"|}],
          "environments": {
            "development": { "clientId": "cad-dev-spa" },
            "production": { "clientId": "cad-prod-spa", "secret": {|CDS9003:{ "store": "environment", "name": "CADASTO_SECRET" }|} }
          }
        }
        """,
        globalConfig: "build_property._SupportedPlatformList = browser");

    [Fact]
    public Task NoClientTypeWithCadastoClientTypePublic_ShouldReportTheSecret() => Verify.VerifyAsync(
        """
        {
          "application": "desktop",
          "contact": { "email": "jane@example.com" },
          "environments": { "production": { "clientId": "cad-prod", "secret": {|CDS9003:{ "store": "file", "path": "/run/secrets/cadasto" }|} } }
        }
        """,
        globalConfig: "cadasto_client_type = public");

    [Fact]
    public Task ManifestClientTypeWinsOverTheProject_ShouldNotReport() => Verify.VerifyAsync(
        """
        {
          "application": "bff",
          "contact": { "email": "jane@example.com" },
          "clientType": "confidential",
          "flows": ["client_credentials"],
          "environments": { "production": { "clientId": "cad-prod", "secret": { "store": "environment", "name": "CADASTO_SECRET" } } }
        }
        """,
        globalConfig: "build_property._SupportedPlatformList = browser");
}
