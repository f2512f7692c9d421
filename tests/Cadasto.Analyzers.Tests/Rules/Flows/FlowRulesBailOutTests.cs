using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

/// <summary>
/// The flow rules (CDS2001–CDS2005) register nothing in a compilation that can show no flow (issue 10's cost: code that
/// is not about OAuth pays for no callback), and still read flows written by hand where no OAuth package is referenced.
/// </summary>
public sealed class FlowRulesBailOutTests
{
    // A project that references the .NET runtime only: no OAuth package, no ASP.NET Core.
    private static readonly ImmutableArray<MetadataReference> RuntimeOnly = TestReferences.All
        .Where(r => r.Display?.Replace('\\', '/').Contains("/Microsoft.NETCore.App.Ref/") == true)
        .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticAnalyzer> FlowRules = ImmutableArray.Create<DiagnosticAnalyzer>(
        new ImplicitGrantAnalyzer(), new PasswordGrantAnalyzer(), new MissingPkceAnalyzer(), new SecretInPublicClientAnalyzer(), new UndeclaredFlowAnalyzer());

    private const string JsonLibrary = """
        using System.Collections.Generic;
        using System.Security.Permissions;

        namespace Json
        {
            public sealed class Token
            {
                public string Value { get; set; } = "";
                public string Type { get; set; } = "string";
                public Dictionary<string, string> Properties { get; } = new() { ["kind"] = "object", ["code"] = "x" };
                public override string ToString() => "{\"value\":\"" + Value + "\"}";
            }
        }
        """;

    [Fact]
    public async Task CodeWithoutOAuth_ShouldRegisterNoOperationAction()
    {
        var compilation = Compile(JsonLibrary, RuntimeOnly);
        Assert.False(CompilationContents.MayHoldFlows(compilation, Options(), default));

        var withAnalyzers = compilation.WithAnalyzers(FlowRules, new CompilationWithAnalyzersOptions(Options(), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        foreach (var analyzer in FlowRules)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.OperationBlockActionsCount);
        }
    }

    [Fact]
    public async Task CodeWithoutOAuthButWithOAuthPackages_ShouldRegisterNoOperationAction()
    {
        // The CLI compiles every project against every OAuth package it ships: what resolves is not what the code uses.
        var compilation = Compile(JsonLibrary, TestReferences.All);
        Assert.False(CompilationContents.MayHoldFlows(compilation, Options(), default));
        var telemetry = await compilation.WithAnalyzers(FlowRules, new CompilationWithAnalyzersOptions(Options(), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true))
            .GetAnalyzerTelemetryInfoAsync(FlowRules[1], default);
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.OperationBlockActionsCount);
    }

    [Fact]
    public async Task HandBuiltRequestsWithoutOAuthPackage_ShouldReport()
    {
        var compilation = Compile("""
            using System.Collections.Generic;

            static class Login
            {
                public static string Authorize() => "https://idp.example/authorize?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb";

                public static Dictionary<string, string> Token() => new() { ["GRANT_TYPE"] = "password", ["username"] = "u" };
            }
            """, RuntimeOnly);
        Assert.True(CompilationContents.MayHoldFlows(compilation, Options(), default));

        var ids = (await compilation.WithAnalyzers(FlowRules, Options()).GetAnalyzerDiagnosticsAsync()).Select(d => d.Id).OrderBy(id => id).ToArray();
        Assert.Equal(new[] { "CDS2003", "CDS2004" }, ids);
    }

    [Fact]
    public async Task GrantTypePropertyOfTheUsersOwnType_ShouldReport()
    {
        // Named only by a property of the user's own request type: GrantType is a flow word. The type carries a
        // password, as a request does (a type without one only records a grant: see PasswordGrantAnalyzerTests).
        var compilation = Compile("""
            sealed class TokenRequest { public string GrantType { get; set; } = ""; public string Password { get; set; } = ""; }

            static class Login
            {
                public static TokenRequest Create() => new() { GrantType = "password" };
            }
            """, RuntimeOnly);

        var diagnostics = await compilation.WithAnalyzers(FlowRules, Options()).GetAnalyzerDiagnosticsAsync();
        Assert.Equal("CDS2003", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task CataloguedCallWithOAuthPackage_ShouldReport()
    {
        // No flow word anywhere: the catalogued member's name is what the compilation is analysed for.
        var compilation = Compile("""
            using Microsoft.Identity.Client;

            static class Login
            {
                public static object SignIn(IPublicClientApplication app, string pin) =>
                    app.AcquireTokenByUsernamePassword(new[] { "api.read" }, "user", pin);
            }
            """, TestReferences.All);
        Assert.True(CompilationContents.MayHoldFlows(compilation, Options(), default));

        var diagnostics = await compilation.WithAnalyzers(FlowRules, Options()).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(diagnostics, d => d.Id == "CDS2003");
    }

    [Fact]
    public void UserSecretSink_ShouldKeepTheFlowRules()
    {
        // cadasto_secret_sinks adds a client-secret sink of the user's own library: a call to it is a signal (CDS2001).
        var compilation = Compile("""
            namespace Acme { public sealed class Vault { public void Connect(string secret) { } } }

            static class Login
            {
                public static void Open(Acme.Vault vault) => vault.Connect("s3cr3t-value-1234");
            }
            """, RuntimeOnly);
        Assert.False(CompilationContents.MayHoldFlows(compilation, Options(), default));
        Assert.True(CompilationContents.MayHoldFlows(compilation, Options(("cadasto_secret_sinks", "Acme.Vault.Connect")), default));
    }

    private static CSharpCompilation Compile(string source, ImmutableArray<MetadataReference> references) => CSharpCompilation.Create(
        "App",
        new[] { CSharpSyntaxTree.ParseText(source, path: "/src/Program.cs") },
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static AnalyzerOptions Options(params (string Key, string Value)[] options) => new(
        ImmutableArray<AdditionalText>.Empty,
        TestOptionsProvider.Everywhere(options.ToDictionary(o => o.Key, o => o.Value)));
}
