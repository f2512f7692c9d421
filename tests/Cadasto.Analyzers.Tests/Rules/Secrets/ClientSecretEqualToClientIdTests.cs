using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Config = Cadasto.Analyzers.Tests.TestKit.ConfigurationFileTest<Cadasto.Analyzers.Rules.Secrets.SecretInConfigurationFileAnalyzer>;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedClientSecretAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedClientSecretCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// A client secret equal to the client id the same request gives. Real code (a healthcare data server's end-to-end tests)
/// posts <c>client_id=X&amp;client_secret=X</c> to its development identity provider, which takes a client's id as its
/// secret: the value is the public identifier, and the SPEC never flags <c>client_id</c> values. An error must be sure,
/// so no rule reports it; a different secret in the same request is still CDS1001.
/// </summary>
public sealed class ClientSecretEqualToClientIdTests
{
    [Fact]
    public Task FormWhoseSecretIsItsClientId_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        static class Principals
        {
            public const string Pairs = "e2e-pairs";
        }

        class AuditTests
        {
            FormUrlEncodedContent Token() => new(new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("client_id", "orders-sync-e2e"),
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_secret", "orders-sync-e2e"),
            });

            Dictionary<string, string> Pairs() => new() { { "client_id", Principals.Pairs }, { "client_secret", Principals.Pairs } };

            Dictionary<string, string> Indexed() => new() { ["client_secret"] = "e2e-indexed", ["client_id"] = "e2e-indexed" };

            object Anonymous() => new { client_id = "e2e-anonymous", client_secret = "e2e-anonymous" };

            (string, string)[] Tuples() => new[] { ("client_id", "e2e-tuples"), ("client_secret", "e2e-tuples") };

            Dictionary<string, string> Statements()
            {
                var form = new Dictionary<string, string>();
                form["client_id"] = "e2e-statements";
                form.Add("client_secret", "e2e-statements");
                return form;
            }
        }
        """);

    [Fact]
    public Task FormWithAnotherSecret_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class AuditTests
        {
            FormUrlEncodedContent Token() => new(new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("client_id", "orders-sync-e2e"),
                new KeyValuePair<string, string>("client_secret", {|CDS1001:"Kq8~xZ.orders-sync"|}),
            });

            Dictionary<string, string> Statements()
            {
                // The id of another form in the same method says nothing about this one.
                var other = new Dictionary<string, string> { ["client_id"] = "orders-sync-e2e" };
                var form = new Dictionary<string, string>();
                form.Add("client_secret", {|CDS1001:"orders-sync-e2e"|});
                return form;
            }
        }
        """);

    // The same question where a library's request object or the user's own helper takes the id and the secret.
    [Fact]
    public Task RequestObjectAndHelperCall_ShouldReportOnlyASecretThatIsNotTheClientId() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class Tokens
        {
            private readonly HttpClient _http = new();

            ClientCredentialsTokenRequest Same() => new() { ClientId = "orders-sync-e2e", ClientSecret = "orders-sync-e2e" };

            ClientCredentialsTokenRequest Other() => new() { ClientId = "orders-sync-e2e", ClientSecret = {|CDS1001:"Kq8~xZ.orders-sync"|} };

            async Task<string?> Get(string clientId, string clientSecret) =>
                (await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest { ClientId = clientId, ClientSecret = clientSecret })).AccessToken;

            Task<string?> SameThroughHelper() => Get(clientId: "orders-sync-e2e", clientSecret: "orders-sync-e2e");

            Task<string?> OtherThroughHelper() => Get("orders-sync-e2e", {|CDS1001:"Kq8~xZ.orders-sync"|});
        }
        """);

    [Fact]
    public async Task SecretThatIsTheClientId_ShouldGetNoWeakerFindingEither()
    {
        // The literal is a client secret's (CDS1001's), so the name rule and the shape rule defer to it: no warning in its place.
        const string Source = """
            using System.Collections.Generic;

            class AuditTests
            {
                Dictionary<string, string> Form() => new() { ["client_id"] = "orders-sync-e2e", ["client_secret"] = "orders-sync-e2e" };
            }
            """;

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(
            Source,
            ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedClientSecretAnalyzer(), new HardcodedCredentialAnalyzer(), new CredentialShapedLiteralAnalyzer()));

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("CDS", System.StringComparison.Ordinal)));
    }

    [Fact]
    public Task SettingsWhoseSecretIsTheClientIdBesideIt_ShouldNotReport() => Config.VerifyAsync(("appsettings.Development.json", """
        {
          "Authentication": {
            "Audit": { "ClientId": "orders-sync-e2e", "ClientSecret": "orders-sync-e2e", "Authority": "https://localhost:44348" },
            "Export": { "client_id": "orders-export-e2e", "client_secret": "orders-export-e2e" }
          }
        }
        """));

    [Fact]
    public Task SettingsWithAnotherSecretOrTheIdElsewhere_ShouldReport() => Config.VerifyAsync(("appsettings.json", """
        {
          "Authentication": {
            "Audit": { "ClientId": "orders-sync-e2e", "ClientSecret": {|CDS1004:"Kq8~xZ.orders-sync"|} },
            "Export": { "ClientId": "orders-export", "Secrets": { "ClientSecret": {|CDS1004:"orders-export"|} } },
            "Import": { "ClientId": "orders-import", "Password": {|CDS1004:"orders-import"|} }
          }
        }
        """));
}
