using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Cadasto.Analyzers.Tests.Ide;

/// <summary>
/// Fixes that always compile (SPEC): Fix All at document, project and solution scope, over a three-project
/// solution written the ways that broke before (a top-level <c>builder</c> next to a class in Program.cs, a class in
/// another file, constants used in other documents and in a <c>case</c> label, credentials other than the client
/// secret), leaves zero compile errors; each credential gets its own key.
/// </summary>
public sealed class FixAllTests
{
    private static readonly CodeFixProvider[] Fixes =
    {
        new HardcodedClientSecretCodeFix(), new HardcodedCredentialCodeFix(), new MissingPkceCodeFix(), new UnregisteredRedirectUriCodeFix(),
    };

    public static IEnumerable<object[]> Scopes() => new[] { new object[] { FixAllScope.Document }, new object[] { FixAllScope.Project }, new object[] { FixAllScope.Solution } };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task FixAll_ShouldLeaveASolutionThatCompiles(FixAllScope scope)
    {
        using var ide = IdeSolution.Create(Web(), Worker(), Library());
        Assert.Empty(await CompileErrorsAsync(ide.Solution));
        var before = await FindingsAsync(ide.Solution);
        Assert.Contains(before, d => d.Id == DiagnosticIds.HardcodedClientSecret);
        Assert.Contains(before, d => d.Id == DiagnosticIds.HardcodedCredential);

        var solution = ide.Solution;
        foreach (var fix in Fixes)
        {
            foreach (var id in fix.FixableDiagnosticIds)
            {
                solution = await FixAllAsync(solution, fix, id, scope);
            }
        }

        Assert.Empty(await CompileErrorsAsync(solution));

        var after = await FindingsAsync(solution);
        Assert.DoesNotContain(after, d => d.Id == DiagnosticIds.HardcodedCredential);
        // What stays: the const a case label needs (no fix can move it and compile).
        Assert.Equal(new[] { "Routing.cs" }, after.Where(d => d.Id == DiagnosticIds.HardcodedClientSecret).Select(d => System.IO.Path.GetFileName(d.Location.SourceTree!.FilePath)).Distinct());

        var web = await TextAsync(solution, "Web", "Program.cs");
        Assert.Contains("builder.Configuration[\"Cadasto:ClientSecret\"]", web, StringComparison.Ordinal);
        var legacy = web.Substring(web.IndexOf("class Legacy", StringComparison.Ordinal));
        Assert.DoesNotContain("builder", legacy, StringComparison.Ordinal);
        Assert.Contains("Environment.GetEnvironmentVariable(\"CADASTO_CLIENT_SECRET\")", legacy, StringComparison.Ordinal);

        var partners = await TextAsync(solution, "Worker", "Partners.cs");
        Assert.Contains("static readonly string PartnerApiKey = System.Environment.GetEnvironmentVariable(\"PARTNER_API_KEY\")", partners, StringComparison.Ordinal);
        Assert.Contains("_configuration[\"Db:Password\"]", partners, StringComparison.Ordinal);
        Assert.DoesNotContain("Cadasto:ClientSecret", partners, StringComparison.Ordinal);

        // The const used from another document moved where it is declared; the using document is unchanged.
        Assert.Contains("static readonly string Orders =", await TextAsync(solution, "Worker", "Secrets.cs"), StringComparison.Ordinal);
        Assert.Contains("WithClientSecret(Secrets.Orders)", await TextAsync(solution, "Worker", "Sync.cs"), StringComparison.Ordinal);
    }

    private static IdeProject Web()
    {
        var project = new IdeProject("Web") { OutputKind = OutputKind.ConsoleApplication };
        project.BuildProperties["UsingMicrosoftNETSdkWeb"] = "true";
        project.Documents["Program.cs"] = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Identity.Client;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddOpenIdConnect(options =>
            {
                options.ClientSecret = "web~Hk5.Jd9Fs3Ga7Qe2";
                options.UsePkce = false;
            });
            builder.Build().Run();

            class Legacy
            {
                public IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-web").WithClientSecret("leg~Pq4.Xz7Wv1Nb6Rk2").Build();
            }
            """;
        project.Documents["Other.cs"] = """
            using Microsoft.Identity.Client;

            public sealed class Other
            {
                public IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-web").WithClientSecret("oth~Pq4.Xz7Wv1Nb6Rk2").Build();
            }
            """;
        return project;
    }

    private static IdeProject Worker()
    {
        var project = new IdeProject("Worker");
        project.Documents["Secrets.cs"] = """
            public static class Secrets
            {
                public const string Orders = "ord~Xq7.Lp2Mn8Rv4Tw1";
            }
            """;
        project.Documents["Sync.cs"] = """
            using Microsoft.Identity.Client;

            public sealed class Sync
            {
                public IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-sync").WithClientSecret(Secrets.Orders).Build();
            }
            """;
        project.Documents["Partners.cs"] = """
            using Microsoft.Extensions.Configuration;

            public sealed class Partners
            {
                public const string PartnerApiKey = "pk_9f8e7d6c5b4a39281706";

                private readonly IConfiguration _configuration;

                public Partners(IConfiguration configuration) => _configuration = configuration;

                public string Connect()
                {
                    var dbPassword = "Hunter2Hunter2!x";
                    return PartnerApiKey + dbPassword;
                }
            }
            """;
        project.Documents["Routing.cs"] = """
            using Microsoft.Identity.Client;

            public static class Routing
            {
                public const string Sentinel = "snt~Xq7.Lp2Mn8Rv4Tw9";

                public static bool IsSentinel(string value) => value switch { Sentinel => true, _ => false };

                public static IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-routing").WithClientSecret(Sentinel).Build();
            }
            """;
        return project;
    }

    private static IdeProject Library()
    {
        var project = new IdeProject("Library");
        project.Documents["Tokens.cs"] = """
            using Duende.IdentityModel.Client;

            public static class Tokens
            {
                public static ClientCredentialsTokenRequest Request() => new()
                {
                    Address = "https://auth.dev.cadasto.example/connect/token",
                    ClientId = "cad-dev-lib",
                    ClientSecret = "lib~Pq4.Xz7Wv1Nb6Rk2Lm9",
                };
            }
            """;
        return project;
    }

    private static async Task<Solution> FixAllAsync(Solution solution, CodeFixProvider fix, string id, FixAllScope scope)
    {
        var targets = scope switch
        {
            FixAllScope.Document => solution.Projects.SelectMany(p => p.Documents).Select(d => (d.Project.Id, (DocumentId?)d.Id)).ToList(),
            FixAllScope.Project => solution.Projects.Select(p => (p.Id, (DocumentId?)null)).ToList(),
            _ => new List<(ProjectId, DocumentId?)> { (solution.Projects.First().Id, null) },
        };

        if (await EquivalenceKeyAsync(solution, fix, id) is not { } key)
        {
            return solution;
        }

        foreach (var (projectId, documentId) in targets)
        {
            var provider = new BuildDiagnostics();
            var project = solution.GetProject(projectId)!;
            var context = documentId is null
                ? new FixAllContext(project, fix, scope, key, new[] { id }, provider, CancellationToken.None)
                : new FixAllContext(solution.GetDocument(documentId)!, fix, scope, key, new[] { id }, provider, CancellationToken.None);
            if (await fix.GetFixAllProvider()!.GetFixAsync(context) is not { } action)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    solution = apply.ChangedSolution;
                }
            }
        }

        return solution;
    }

    /// <summary>The equivalence key the fix registers for one of its diagnostics (what an IDE's Fix All uses).</summary>
    private static async Task<string?> EquivalenceKeyAsync(Solution solution, CodeFixProvider fix, string id)
    {
        foreach (var project in solution.Projects)
        {
            foreach (var diagnostic in (await IdeSolution.BuildAsync(project)).Where(d => d.Id == id && d.Location.IsInSource))
            {
                var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                if (actions.FirstOrDefault()?.EquivalenceKey is { } key)
                {
                    return key;
                }
            }
        }

        return null;
    }

    private static async Task<List<Diagnostic>> FindingsAsync(Solution solution)
    {
        var all = new List<Diagnostic>();
        foreach (var project in solution.Projects)
        {
            all.AddRange(await IdeSolution.BuildAsync(project));
        }

        return all;
    }

    private static async Task<List<string>> CompileErrorsAsync(Solution solution)
    {
        var errors = new List<string>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            errors.AddRange(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{project.Name}: {d}"));
        }

        return errors;
    }

    private static async Task<string> TextAsync(Solution solution, string project, string document) =>
        (await solution.Projects.Single(p => p.Name == project).Documents.Single(d => d.Name == document).GetTextAsync()).ToString();

    /// <summary>What Fix All asks for: the build's findings of a document or a project.</summary>
    private sealed class BuildDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await IdeSolution.BuildAsync(document.Project, cancellationToken: cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await IdeSolution.BuildAsync(project, cancellationToken: cancellationToken);
    }
}
