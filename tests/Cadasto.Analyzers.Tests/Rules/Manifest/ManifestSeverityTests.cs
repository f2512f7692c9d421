using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Manifest;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.Rules.Manifest;

/// <summary>
/// How a user changes the severity of a finding in a JSON file (which has no syntax tree): what the docs
/// pages tell them must work.
/// </summary>
public sealed class ManifestSeverityTests
{
    private const string IncompleteManifest = """{|#0:{|} "application": "a", "contact": { "email": "a@example.com" } }""";

    [Fact]
    public Task NoConfiguration_ShouldReport() => RunAsync(
        ("/.globalconfig", "is_global = true"),
        new DiagnosticResult("CDS9002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("'environments'"));

    [Fact]
    public Task GlobalConfigSeverityNone_ShouldNotReport() => RunAsync(
        ("/.globalconfig", "is_global = true\ndotnet_diagnostic.CDS9002.severity = none"));

    /// <summary>
    /// A section of <c>.editorconfig</c> applies to syntax trees only, so the docs send users to <c>.globalconfig</c>
    /// (checked in a real build too: the same holds there).
    /// </summary>
    [Fact]
    public Task EditorConfigSectionForJsonFiles_ShouldStillReport() => RunAsync(
        ("/.editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.CDS9002.severity = none"),
        new DiagnosticResult("CDS9002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("'environments'"));

    private static Task RunAsync((string Path, string Text) config, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<ManifestIncompleteAnalyzer>.Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/cadasto.json", IncompleteManifest));
        test.TestState.AnalyzerConfigFiles.Add(config);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
