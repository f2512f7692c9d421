using System.Linq;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.OAuth;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Configuration;

public sealed class ManifestParserTests
{
    /// <summary>The SPEC's example manifest, verbatim (one text for the parser, rule, schema and generator tests).</summary>
    public const string SpecExample = Generators.Manifests.InvoiceSync;

    [Fact]
    public void SpecExample_ShouldGiveFullModelAndNoDiagnostic()
    {
        var result = ManifestParser.Parse("/app/cadasto.json", SourceText.From(SpecExample));

        Assert.Empty(result.Diagnostics);
        Assert.True(result.IsValid);
        var manifest = result.Manifest!;
        Assert.Equal("invoice-sync", manifest.Application!.Value);
        Assert.Equal("jane@example.com", manifest.Contact!.Email!.Value);
        Assert.Equal(ManifestClientType.Confidential, manifest.ClientType);
        Assert.Equal(OAuthFlow.ClientCredentials, Assert.Single(manifest.Flows).Flow);
        Assert.Equal(new[] { "development", "production" }, manifest.Environments.Select(e => e.Name.Value));

        var production = manifest.FindEnvironment("PRODUCTION")!;
        Assert.Equal(new[] { "api.read" }, manifest.ScopesOf(production).Select(s => s.Value));
        Assert.Equal(new[] { "api.read", "api.write" }, manifest.ScopesOf(manifest.FindEnvironment("development")!).Select(s => s.Value));
        Assert.Equal(SecretStoreKind.AzureKeyVault, production.Secret!.Store);
        Assert.Equal("cadasto-client-secret", production.Secret.Reference);
        Assert.Equal("\"production\"", Slice(SpecExample, production.Name.Location.Span));
        Assert.Equal("/app/cadasto.json", production.Name.Location.FilePath);
    }

    [Fact]
    public void SameText_ShouldGiveEqualResults()
    {
        var first = ManifestParser.Parse("cadasto.json", SourceText.From(SpecExample));
        var second = ManifestParser.Parse("cadasto.json", SourceText.From(SpecExample));
        var edited = ManifestParser.Parse("cadasto.json", SourceText.From(SpecExample.Replace("api.write", "api.admin")));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void DevelopmentWithoutSecret_ShouldDefaultToUserSecrets()
    {
        var json = """
            { "application": "a", "contact": { "email": "a@example.com" }, "clientType": "confidential",
              "environments": { "Development": { "clientId": "c" } } }
            """;
        var result = ManifestParser.Parse("cadasto.json", SourceText.From(json));

        Assert.Empty(result.Diagnostics);
        var secret = result.Manifest!.Environments[0].Secret!;
        Assert.True(secret.IsDefault);
        Assert.Equal(SecretStoreKind.UserSecrets, secret.Store);
        Assert.Equal("Cadasto:ClientSecret", secret.Reference);
    }

    [Fact]
    public void MissingFields_ShouldReportAtRootBraceAndEnvironmentName()
    {
        var json = """
              {
              "clientType": "confidential",
              "environments": { "staging": { "authority": "https://auth.example" } }
            }
            """;
        var result = ManifestParser.Parse("cadasto.json", SourceText.From(json));

        var incomplete = result.Diagnostics.Where(d => d.Id == "CDS9002").ToList();
        Assert.Equal(
            new[] { "{", "{", "\"staging\"", "\"staging\"" },
            incomplete.Select(d => Slice(json, d.Location.Span)));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void InvalidValues_ShouldReportAtTheValue()
    {
        var json = """
            { "application": "a", "contact": { "name": "n" }, "clientType": "public",
              "flows": ["implicit", "client_credentials", "authorization_code"],
              "environments": { "production": { "clientId": "c", "authority": "not a uri",
                "redirectUris": ["https://ok.example/cb", "https://exa mple/cb", "/relative"],
                "allowedOrigins": ["https://app.example", "https://app.example/path"],
                "secret": { "store": "environment", "name": "X" } } } }
            """;
        var result = ManifestParser.Parse("cadasto.json", SourceText.From(json));

        Assert.All(result.Diagnostics, d => Assert.Equal("CDS9003", d.Id));
        Assert.Equal(
            new[] { "\"implicit\"", "\"client_credentials\"", "\"not a uri\"", "\"https://exa mple/cb\"", "\"https://app.example/path\"", "{ \"store\": \"environment\", \"name\": \"X\" }" },
            result.Diagnostics.Select(d => Slice(json, d.Location.Span)));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void WrongShapes_ShouldReportCds9001AtTheValue()
    {
        var json = """
            { "application": 42, "contact": "jane", "flows": "client_credentials", "scopes": ["a", 1],
              "environments": { "dev": [], "production": { "clientId": "c", "secret": ["user-secrets"] } } }
            """;
        var result = ManifestParser.Parse("cadasto.json", SourceText.From(json));

        Assert.Equal(
            new[] { "42", "\"jane\"", "\"client_credentials\"", "1", "[]", "[\"user-secrets\"]" },
            result.Diagnostics.Where(d => d.Id == "CDS9001").Select(d => Slice(json, d.Location.Span)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CDS9002");
    }

    [Fact]
    public void SecretWrittenAsItsValue_ShouldBeLeftToCds1004()
    {
        var json = """
            { "application": "a", "contact": { "email": "a@example.com" },
              "environments": { "production": { "clientId": "c", "secret": "Kq8~xZ91.s3cr3t-v4lue" },
                                "staging": { "clientId": "c", "secret": "<your-secret>" } } }
            """;
        var result = ManifestParser.Parse("cadasto.json", SourceText.From(json));

        // The real value is CDS1004's (one finding per value); a non-secret string is still the wrong shape.
        Assert.Equal(new[] { "\"<your-secret>\"" }, result.Diagnostics.Where(d => d.Id == "CDS9001").Select(d => Slice(json, d.Location.Span)));
    }

    [Fact]
    public void SyntaxError_ShouldGiveOneCds9001AndNoModel()
    {
        var result = ManifestParser.Parse("cadasto.json", SourceText.From("{ \"application\": \"a\", }"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CDS9001", diagnostic.Id);
        Assert.Equal(new TextSpan(22, 1), diagnostic.Location.Span); // the "}" after the trailing comma
        Assert.Null(result.Manifest);
    }

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);
}
