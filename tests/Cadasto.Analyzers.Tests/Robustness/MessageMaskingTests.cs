using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Robustness;

/// <summary>
/// A URI with a password, written where a rule echoes what the user wrote (a scope, a flow, a grant type), never
/// reaches a message of any rule: a build prints messages and writes them into its ErrorLog unmasked. Found by the fuzz
/// run (docs/robustness.md): CDS4002 printed a declared scope <c>https://user:password@host/</c> as it was.
/// </summary>
public sealed class MessageMaskingTests
{
    private const string Password = "Fz7kQ2mWv9pLx4";

    [Fact]
    public async Task PasswordInAnEchoedValue_ShouldNeverReachAMessage()
    {
        var uri = $"https://ops:{Password}@api.example.com/";
        var manifest = $$"""
            { "application": "portal", "contact": { "email": "a@example.com" }, "clientType": "confidential",
              "flows": ["client_credentials", "{{uri}}"], "scopes": ["api.read", "{{uri}}"],
              "environments": { "development": { "clientId": "cad-dev" } } }
            """;
        var source = $$"""
            using Microsoft.Identity.Client;

            class Tokens
            {
                async System.Threading.Tasks.Task Get(IConfidentialClientApplication app)
                {
                    await app.AcquireTokenForClient(new[] { "api.read", "{{uri}}.default2" }).ExecuteAsync();
                    var form = new System.Collections.Generic.Dictionary<string, string> { ["grant_type"] = "password {{uri}}" };
                }
            }
            """;

        var diagnostics = await AnalyzeAsync(source, ("/src/cadasto.json", manifest));

        var messages = diagnostics.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.StartsWith("CDS4002 Scope 'https://***@api.example.com/'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("CDS4001 ", StringComparison.Ordinal) && m.Contains("https://***@api.example.com/", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(Password, StringComparison.Ordinal));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText(source, path: "/src/Tokens.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.Text))).ToImmutableArray();
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(texts)).GetAnalyzerDiagnosticsAsync();
    }
}
