using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Rules.RedirectUris;

/// <summary>
/// A password inside a redirect URI — in code, or registered in the manifest and offered as the closest one — never
/// appears in a CDS3001 or CDS3002 message: the user information shows as <c>***</c>. In appsettings.json such a URI is
/// a secret, CDS1004's alone.
/// </summary>
public sealed class RedirectUriMaskingTests
{
    private const string Password = "hunter2-Pa55";

    [Fact]
    public async Task PasswordInRedirectUris_ShouldNeverReachAMessage()
    {
        var manifest = $$"""
            { "application": "portal", "contact": { "email": "a@example.com" }, "clientType": "confidential", "flows": ["authorization_code"],
              "environments": { "production": { "clientId": "cad-prod", "redirectUris": ["https://admin:{{Password}}@portal.example.com/signin-oidc"],
                "secret": { "store": "environment", "name": "PORTAL_SECRET" } } } }
            """;
        var source = $$"""
            using Microsoft.Identity.Client;

            class SignIn
            {
                IPublicClientApplication Unregistered() =>
                    PublicClientApplicationBuilder.Create("cad-prod").WithRedirectUri("https://portal.example.com/signin-oidc2").Build();

                IPublicClientApplication Insecure() =>
                    PublicClientApplicationBuilder.Create("cad-prod").WithRedirectUri("http://ops:{{Password}}@portal.example.com/cb").Build();
            }
            """;
        var settings = $$"""{ "AzureAd": { "RedirectUri": "http://ops:{{Password}}@portal.example.com/from-settings" } }""";

        var diagnostics = await AnalyzeAsync(source, ("/src/cadasto.json", manifest), ("/src/appsettings.json", settings));

        var messages = diagnostics.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.StartsWith("CDS3001 Redirect URI 'https://portal.example.com/signin-oidc2'", System.StringComparison.Ordinal) && m.Contains("'https://***@portal.example.com/signin-oidc'"));
        Assert.Contains(messages, m => m.StartsWith("CDS3002 Redirect URI 'http://***@portal.example.com/cb'", System.StringComparison.Ordinal));
        // In appsettings.json the URI with a password is a secret: CDS1004's alone (OneFindingPerConfigurationValueTests).
        Assert.DoesNotContain(messages, m => m.Contains("from-settings", System.StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(Password, System.StringComparison.Ordinal));
        // The fix would write the closest registered URI into code: not one that carries a password.
        Assert.All(diagnostics.Where(d => d.Id == "CDS3001"), d => Assert.DoesNotContain(d.Properties.Values, v => v?.Contains(Password) == true));
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, params (string Path, string Text)[] files) =>
        AnalyzerRun.DiagnosticsAsync(source, ImmutableArray.Create<DiagnosticAnalyzer>(new UnregisteredRedirectUriAnalyzer(), new InsecureRedirectUriAnalyzer()), files);
}
