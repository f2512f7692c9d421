using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// The SPEC's precedence in configuration files: a value that is a secret gets CDS1004 alone, never also CDS3001 or
/// CDS3002; the redirect-URI rules still report the configuration values that are not secrets.
/// </summary>
public sealed class OneFindingPerConfigurationValueTests
{
    private const string Password = "Pa55-hunter2-cfg";

    private const string Manifest = """
        { "application": "portal", "contact": { "email": "a@example.com" }, "clientType": "confidential", "flows": ["authorization_code"],
          "environments": { "production": { "clientId": "cad-prod", "redirectUris": ["https://portal.example.com/signin-oidc"],
            "secret": { "store": "environment", "name": "PORTAL_SECRET" } } } }
        """;

    [Fact]
    public async Task RedirectUriWithAPassword_ShouldGetCds1004Alone_AndNoMessageShowsThePassword()
    {
        var settings = $$"""
            {
              "AzureAd": { "RedirectUri": "https://ops:{{Password}}@portal.example.com/signin-oidc" },
              "Partner": { "RedirectUri": "http://ops:{{Password}}@partner.example.com/cb", "CallbackPath": "/cb" }
            }
            """;

        var diagnostics = await AnalyzeAsync(("/src/cadasto.json", Manifest), ("/src/appsettings.json", settings));

        var azureAd = Assert.Single(diagnostics, d => Covers(settings, d, "ops:" + Password + "@portal"));
        Assert.Equal("CDS1004", azureAd.Id);
        var partner = Assert.Single(diagnostics, d => Covers(settings, d, "ops:" + Password + "@partner"));
        Assert.Equal("CDS1004", partner.Id);
        Assert.All(diagnostics.Where(d => d.Location.GetLineSpan().Path == "/src/appsettings.json").GroupBy(d => d.Location.SourceSpan), value => Assert.Single(value));
        Assert.DoesNotContain(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains(Password, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedirectUrisThatAreNotSecrets_ShouldStillGetCds3001AndCds3002()
    {
        const string Settings = """
            {
              "AzureAd": { "RedirectUri": "http://portal.example.com/signin-oidc" },
              "Partner": { "RedirectUri": "https://portal.example.com/signin-odic", "ClientSecret": "Kq8~xZ91.next-to-a-uri" }
            }
            """;

        var diagnostics = await AnalyzeAsync(("/src/cadasto.json", Manifest), ("/src/appsettings.json", Settings));

        var ids = diagnostics.Where(d => d.Location.GetLineSpan().Path == "/src/appsettings.json").Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "CDS1004", "CDS3001", "CDS3001", "CDS3002" }, ids);
    }

    private static bool Covers(string text, Diagnostic diagnostic, string part) =>
        diagnostic.Location.GetLineSpan().Path == "/src/appsettings.json"
        && text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).Contains(part, System.StringComparison.Ordinal);

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params (string Path, string Text)[] files) => AnalyzerRun.DiagnosticsAsync(
        "class Program { }",
        ImmutableArray.Create<DiagnosticAnalyzer>(new SecretInConfigurationFileAnalyzer(), new UnregisteredRedirectUriAnalyzer(), new InsecureRedirectUriAnalyzer()),
        files);
}
