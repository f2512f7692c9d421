using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>Runs an analyzer over a project with configuration files as additional files (markup in their JSON text).</summary>
public static class ConfigurationFileTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Verifies the markup of every file in <paramref name="files"/> (path, text).</summary>
    public static Task VerifyAsync(params (string Path, string Text)[] files) => VerifyAsync(null, files);

    /// <summary>As above, with <c>.globalconfig</c> lines (<c>cadasto_…</c> options).</summary>
    public static Task VerifyAsync(string? globalConfig, params (string Path, string Text)[] files) =>
        VerifyAsync(globalConfig, files, System.Array.Empty<DiagnosticResult>());

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(descriptor);

    /// <summary>As above, plus <paramref name="expected"/> for spans marked <c>{|#n:…|}</c> (to check messages).</summary>
    public static Task VerifyAsync(string? globalConfig, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test
        {
            TestCode = "class Program { static void Main() { } }",
        };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
