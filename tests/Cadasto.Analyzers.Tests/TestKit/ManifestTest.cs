using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>Runs an analyzer over a project whose only interesting input is its manifest (markup in the JSON text).</summary>
public static class ManifestTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

    /// <summary>Verifies the markup of <paramref name="manifest"/>, added as the additional file <paramref name="fileName"/>.</summary>
    public static Task VerifyAsync(string manifest, string fileName = "cadasto.json", string? globalConfig = null) =>
        VerifyAsync(manifest, fileName, globalConfig, System.Array.Empty<DiagnosticResult>());

    /// <summary>As above, plus <paramref name="expected"/> (several findings on one span: mark it <c>{|#0:…|}</c>).</summary>
    public static Task VerifyAsync(string manifest, string fileName, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test
        {
            TestCode = "class Program { static void Main() { } }",
        };
        test.TestState.AdditionalFiles.Add((fileName, manifest));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
