using System.Threading.Tasks;
using Malformed = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestMalformedAnalyzer>;
using Incomplete = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestIncompleteAnalyzer>;
using Invalid = Cadasto.Analyzers.Tests.TestKit.ManifestTest<Cadasto.Analyzers.Rules.Manifest.ManifestInvalidValueAnalyzer>;

namespace Cadasto.Analyzers.Tests.Configuration;

/// <summary>
/// Held-out batch 3 for the manifest rules (CDS9001–CDS9003): written from the SPEC before any rule change made
/// because of them; the corpus harness does not run these rules, so docs/accuracy.md counts them by hand.
/// </summary>
public sealed class ManifestSpecClauseTests
{
    // ---- CDS9001: not valid JSON, or the wrong shape

    [Fact]
    public Task EnvironmentsAsAnArray_ShouldReport() => Malformed.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "environments": {|CDS9001:[ { "name": "production", "clientId": "cad-prod" } ]|}
        }
        """);

    [Fact]
    public Task SecretAsAString_ShouldReport() => Malformed.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "environments": { "production": { "clientId": "cad-prod", "secret": {|CDS9001:"Cadasto:ClientSecret"|} } }
        }
        """);

    [Fact]
    public Task NumberAmongRedirectUris_ShouldReport() => Malformed.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "environments": { "development": { "clientId": "cad-dev", "redirectUris": ["https://localhost:5001/signin-oidc", {|CDS9001:5001|}] } }
        }
        """);

    [Fact]
    public Task TextAfterTheRootObject_ShouldReport() => Malformed.VerifyAsync("""
        { "application": "a", "contact": { "email": "a@example.com" }, "environments": { "development": { "clientId": "cad-dev" } } }
        {|CDS9001:{|} "application": "b" }
        """);

    [Fact]
    public Task ByteOrderMark_ShouldNotReport() => Malformed.VerifyAsync(
        "\uFEFF{ \"application\": \"a\", \"contact\": { \"email\": \"a@example.com\" }, \"environments\": { \"development\": { \"clientId\": \"cad-dev\" } } }");

    // ---- CDS9002: lacks what a credential request needs

    [Fact]
    public Task MissingContactAfterLeadingWhitespace_ShouldReportAtTheRootBrace() => Incomplete.VerifyAsync("""


          {|CDS9002:{|}
          "application": "a",
          "environments": { "development": { "clientId": "cad-dev" } }
        }
        """);

    [Fact]
    public Task ConfidentialEnvironmentNamedDevWithoutSecret_ShouldReport() => Incomplete.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "clientType": "confidential",
          "environments": {
            {|CDS9002:"dev"|}: { "clientId": "cad-dev" }
          }
        }
        """);

    [Fact]
    public Task UpperCaseDevelopmentWithoutSecret_ShouldNotReport() => Incomplete.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "clientType": "confidential",
          "environments": {
            "DEVELOPMENT": { "clientId": "cad-dev" },
            "production": { "clientId": "cad-prod", "secret": { "store": "configuration", "key": "Cadasto:ClientSecret" } }
          }
        }
        """);

    [Fact]
    public Task MissingClientIdAndSecretInOneEnvironment_ShouldReportAtItsName() => Incomplete.VerifyAsync(
        """
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "clientType": "confidential",
          "environments": {
            "development": { "clientId": "cad-dev" },
            {|#0:"staging"|}: { "authority": "https://auth.stg.cadasto.example" }
          }
        }
        """,
        "cadasto.json",
        null,
        Incomplete.Diagnostic("CDS9002").WithLocation(0).WithArguments("'clientId' in environment 'staging'"),
        Incomplete.Diagnostic("CDS9002").WithLocation(0).WithArguments("a 'secret' reference in environment 'staging' (a confidential client needs one outside development)"));

    // ---- CDS9003: an invalid value

    [Fact]
    public Task PasswordAndImplicitFlows_ShouldReportEachValue() => Invalid.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "flows": ["authorization_code", {|CDS9003:"password"|}, {|CDS9003:"implicit"|}],
          "environments": { "development": { "clientId": "cad-dev" } }
        }
        """);

    [Fact]
    public Task UnknownStore_ShouldReport() => Invalid.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "environments": { "production": { "clientId": "cad-prod", "secret": { "store": {|CDS9003:"aws-secrets-manager"|}, "name": "cadasto" } } }
        }
        """);

    [Fact]
    public Task UnknownClientType_ShouldReport() => Invalid.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "clientType": {|CDS9003:"spa"|},
          "environments": { "development": { "clientId": "cad-dev" } }
        }
        """);

    [Fact]
    public Task AuthorityWithoutSchemeAndRedirectWithSpace_ShouldReport() => Invalid.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "environments": {
            "development": {
              "clientId": "cad-dev",
              "authority": {|CDS9003:"auth.dev.cadasto.example"|},
              "redirectUris": [{|CDS9003:"https://app.example .com/cb"|}]
            }
          }
        }
        """);

    [Fact]
    public Task VaultThatIsNotAUrl_ShouldReport() => Invalid.VerifyAsync("""
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "environments": { "production": { "clientId": "cad-prod", "secret": { "store": "azure-key-vault", "vault": {|CDS9003:"invoice-sync"|}, "name": "cadasto-client-secret" } } }
        }
        """);

    [Fact]
    public Task PublicManifestWinsOverConfidentialOption_ShouldReportTheSecret() => Invalid.VerifyAsync(
        """
        {
          "application": "a",
          "contact": { "email": "a@example.com" },
          "clientType": "public",
          "environments": { "production": { "clientId": "cad-prod", "secret": {|CDS9003:{ "store": "environment", "name": "CADASTO_SECRET" }|} } }
        }
        """,
        "cadasto.json",
        "cadasto_client_type = confidential");

    [Fact]
    public Task PublicClientWithDeviceCodeAndRefresh_ShouldNotReport() => Invalid.VerifyAsync("""
        {
          "application": "tv",
          "contact": { "email": "a@example.com" },
          "clientType": "public",
          "flows": ["device_code", "refresh_token"],
          "environments": { "production": { "clientId": "cad-prod-tv" } }
        }
        """);
}
