using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Tests.Ide;

/// <summary>
/// Live where the user types (SPEC: every finding is document-local): over a three-project solution, the
/// analysis an editor runs for one open document reports exactly the findings of that document that a build
/// reports, for every rule, constants declared in one document and used in another included.
/// </summary>
public sealed class DocumentLocalAnalysisTests
{
    [Fact]
    public async Task EveryDocument_ShouldShowItsFindingsLive_AsTheBuildDoes()
    {
        using var ide = IdeSolution.Create(IdeSolutions.Api(), IdeSolutions.Worker(), IdeSolutions.Wasm());
        await AssertLiveAsBuildAndMarkupAsync(ide);
    }

    // SPEC CDS1001: one call level into the user's own methods through a parameter, the method in another document.
    [Fact]
    public async Task ConstantPassedToOwnMethodInAnotherDocument_ShouldShowLiveWhereItIsPassed()
    {
        var project = new IdeProject("Jobs");
        project.Documents["ApiTokens.cs"] = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Duende.IdentityModel.Client;

            namespace Jobs;

            public sealed class ApiTokens(HttpClient http)
            {
                public async Task<string?> GetApiToken(string clientId, string scope, string clientSecret)
                {
                    var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
                    {
                        Address = "https://auth.example.com/connect/token",
                        ClientId = clientId,
                        Scope = scope,
                        ClientSecret = clientSecret,
                    });
                    return response.AccessToken;
                }
            }
            """;
        project.Documents["Secrets.cs"] = """
            namespace Jobs;

            public static class Secrets
            {
                public const string Billing = "bil~Hk5.Jd9Fs3Ga7Qe2";
            }
            """;
        project.Documents["Nightly.cs"] = """
            using System.Threading.Tasks;

            namespace Jobs;

            public sealed class Nightly(ApiTokens tokens)
            {
                public Task<string?> Orders() => tokens.GetApiToken("orders", "orders.read", {|CDS1001:"ord~Xq7.Lp2Mn8Rv4Tw1"|});

                public Task<string?> Billing() => tokens.GetApiToken("billing", "billing.read", {|CDS1001:Secrets.Billing|});
            }
            """;
        using var ide = IdeSolution.Create(project);
        await AssertLiveAsBuildAndMarkupAsync(ide);

        var session = await IdeSolution.SessionAsync(ide.Project("Jobs"));
        var billing = Assert.Single(await IdeSolution.LiveAsync(session, ide.Document("Jobs", "Nightly.cs")), d => d.AdditionalLocations.Count == 1);
        Assert.EndsWith("Secrets.cs", billing.AdditionalLocations[0].SourceTree!.FilePath, StringComparison.Ordinal);
    }

    // A const of another project is metadata to this one (no declaration to point at): the finding is the sink's argument.
    [Fact]
    public async Task ConstFromAnotherProjectAtAClientSecretSink_ShouldLandAtTheArgument()
    {
        var shared = new IdeProject("Shared");
        shared.Documents["SharedSecrets.cs"] = """
            namespace Shared;

            public static class SharedSecrets
            {
                public const string Orders = "ord~Xq7.Lp2Mn8Rv4Tw1";
                public const string Tenant = "contoso.onmicrosoft.com";
            }
            """;
        var api = new IdeProject("Api") { References = { "Shared" } };
        api.Documents["Clients.cs"] = """
            using Microsoft.Identity.Client;
            using Shared;

            namespace Api;

            public static class Clients
            {
                public static IConfidentialClientApplication Orders() =>
                    ConfidentialClientApplicationBuilder.Create("orders").WithClientSecret({|CDS1001:SharedSecrets.Orders|}).Build();
            }
            """;
        using var ide = IdeSolution.Create(shared, api);
        await AssertLiveAsBuildAndMarkupAsync(ide);

        var session = await IdeSolution.SessionAsync(ide.Project("Api"));
        var orders = Assert.Single(await IdeSolution.LiveAsync(session, ide.Document("Api", "Clients.cs")));
        Assert.Empty(orders.AdditionalLocations);
    }

    // CDS4002 lands in cadasto.json: the live analysis of the manifest shows it (it used to be compilation-end, seen
    // only by a build), computed from every document's requests, and a build reports it once.
    [Fact]
    public async Task ScopeNoCodeRequests_ShouldShowLiveInTheManifest()
    {
        var project = new IdeProject("Billing");
        project.AdditionalFiles["cadasto.json"] = """
            {
              "application": "billing",
              "contact": { "name": "Billing team", "email": "billing@example.com" },
              "clientType": "confidential",
              "flows": ["client_credentials"],
              "scopes": ["api.read", "api.write", {|CDS4002:"billing.admin"|}],
              "environments": {
                "development": { "clientId": "cad-dev-billing", "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" } }
              }
            }
            """;
        project.AdditionalFiles["appsettings.json"] = """{ "Downstream": { "Scopes": "api.write" } }""";
        project.Documents["Tokens.cs"] = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Billing;

            public sealed class Tokens(IConfidentialClientApplication app)
            {
                public Task<AuthenticationResult> ReadAsync() => app.AcquireTokenForClient(new[] { Scopes.Read }).ExecuteAsync();
            }
            """;
        project.Documents["Scopes.cs"] = """
            namespace Billing;

            public static class Scopes
            {
                public const string Read = "api.read";
            }
            """;
        using var ide = IdeSolution.Create(project);
        await AssertLiveAsBuildAndMarkupAsync(ide);

        var billing = ide.Project("Billing");
        var session = await IdeSolution.SessionAsync(billing);
        var manifest = billing.AdditionalDocuments.Single(d => d.Name == "cadasto.json");
        var live = Assert.Single(await IdeSolution.LiveAsync(session, manifest));
        Assert.Equal(DiagnosticIds.UnusedScope, live.Id);
        Assert.Contains("'billing.admin'", live.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(await IdeSolution.BuildAsync(billing), d => d.Id == DiagnosticIds.UnusedScope);
    }

    /// <summary>Every document's live analysis equals the build's findings in it, and the sources' markup.</summary>
    private static async Task AssertLiveAsBuildAndMarkupAsync(IdeSolution ide)
    {
        var failures = new List<string>();
        foreach (var project in ide.Solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var build = await IdeSolution.BuildAsync(project);
            var session = await IdeSolution.SessionAsync(project);
            var documents = project.Documents.Cast<TextDocument>().Concat(project.AdditionalDocuments).OrderBy(d => d.FilePath, StringComparer.Ordinal);
            foreach (var document in documents)
            {
                var live = document is Document code
                    ? await IdeSolution.LiveAsync(session, code)
                    : await IdeSolution.LiveAsync(session, document);
                var inBuild = build.Where(d => IdeSolution.PathOf(d) == document.FilePath).Select(IdeSolution.Describe).ToList();
                var shown = live.Select(IdeSolution.Describe).ToList();
                if (!inBuild.SequenceEqual(shown))
                {
                    failures.Add($"{document.FilePath}: build [{string.Join("; ", inBuild)}] but live [{string.Join("; ", shown)}]");
                }

                var expected = ide.Expected[document.FilePath!].Select(e => $"{e.Id}{e.Span}");
                var actual = live.Select(d => $"{d.Id}{d.Location.SourceSpan}");
                if (!expected.SequenceEqual(actual))
                {
                    failures.Add($"{document.FilePath}: expected [{string.Join(", ", expected)}] but live [{string.Join("; ", shown)}]");
                }
            }

            var elsewhere = build.Where(d => project.Documents.Concat(project.AdditionalDocuments).All(doc => doc.FilePath != IdeSolution.PathOf(d)));
            failures.AddRange(elsewhere.Select(d => "in no document: " + IdeSolution.Describe(d)));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ConstUsedInAnotherDocument_ShouldLandAtTheSinkWithTheLiteralAsAdditionalLocation()
    {
        using var ide = IdeSolution.Create(IdeSolutions.Api());
        var project = ide.Project("Api");
        var session = await IdeSolution.SessionAsync(project);
        var tokenClients = await IdeSolution.LiveAsync(session, ide.Document("Api", "Auth/TokenClients.cs"));
        var secrets = await ide.Document("Api", "Secrets.cs").GetTextAsync();

        var orders = Assert.Single(tokenClients, d => d.Id == DiagnosticIds.HardcodedClientSecret && d.AdditionalLocations.Count == 1
            && secrets.ToString(d.AdditionalLocations[0].SourceSpan) == "\"ord~Xq7.Lp2Mn8Rv4Tw1\"");
        Assert.Equal("Secrets.Orders", (await ide.Document("Api", "Auth/TokenClients.cs").GetTextAsync()).ToString(orders.Location.SourceSpan));
        Assert.EndsWith("Secrets.cs", orders.AdditionalLocations[0].SourceTree!.FilePath, StringComparison.Ordinal);

        // Declared there, used nowhere there: the declaring document itself shows nothing for it.
        Assert.Empty(await IdeSolution.LiveAsync(session, ide.Document("Api", "Secrets.cs")));
    }
}
