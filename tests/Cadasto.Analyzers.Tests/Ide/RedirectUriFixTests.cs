using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Cadasto.Analyzers.Tests.Ide;

/// <summary>
/// CDS3001's fix for a redirect URI held in a constant declared in another document: the finding lands at the argument
/// that reads it (SPEC), and the fix changes the constant's declaration, so the solution compiles and every use of the
/// constant gets the registered URI.
/// </summary>
public sealed class RedirectUriFixTests
{
    [Fact]
    public async Task ConstantDeclaredInAnotherDocument_ShouldFixTheDeclaration()
    {
        var project = new IdeProject("Portal");
        project.AdditionalFiles["cadasto.json"] = """
            {
              "application": "portal",
              "contact": { "name": "Portal team", "email": "portal@example.com" },
              "clientType": "public",
              "flows": ["authorization_code"],
              "environments": {
                "development": { "clientId": "cad-dev-portal", "redirectUris": ["https://portal.example.com/signin-oidc"] }
              }
            }
            """;
        project.Documents["Endpoints.cs"] = """
            namespace Portal;

            public static class Endpoints
            {
                public const string Callback = "https://portal.example.com/signin-oidc2";
            }
            """;
        project.Documents["SignIn.cs"] = """
            using Microsoft.Identity.Client;

            namespace Portal;

            public static class SignIn
            {
                public static IPublicClientApplication Create() =>
                    PublicClientApplicationBuilder.Create("cad-dev-portal").WithRedirectUri({|CDS3001:Endpoints.Callback|}).Build();
            }
            """;
        using var ide = IdeSolution.Create(project);
        var portal = ide.Project("Portal");
        var finding = Assert.Single(await IdeSolution.BuildAsync(portal), d => d.Id == DiagnosticIds.UnregisteredRedirectUri);
        var signIn = ide.Document("Portal", "SignIn.cs");
        Assert.Equal(await signIn.GetSyntaxTreeAsync(), finding.Location.SourceTree);

        var actions = new List<CodeAction>();
        await new UnregisteredRedirectUriCodeFix().RegisterCodeFixesAsync(new CodeFixContext(signIn, finding, (a, _) => actions.Add(a), CancellationToken.None));
        var action = Assert.Single(actions);
        var apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedSolution = apply.ChangedSolution;

        var fixedProject = fixedSolution.GetProject(portal.Id)!;
        var endpoints = (await fixedProject.Documents.Single(d => d.Name == "Endpoints.cs").GetTextAsync()).ToString();
        Assert.Contains("public const string Callback = \"https://portal.example.com/signin-oidc\";", endpoints, StringComparison.Ordinal);
        Assert.Equal((await signIn.GetTextAsync()).ToString(), (await fixedProject.Documents.Single(d => d.Name == "SignIn.cs").GetTextAsync()).ToString());
        var compilation = (await fixedProject.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await IdeSolution.BuildAsync(fixedProject), d => d.Id == DiagnosticIds.UnregisteredRedirectUri);
    }
}
