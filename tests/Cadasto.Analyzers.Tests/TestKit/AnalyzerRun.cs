using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>
/// Runs several analyzers together over one C# file and some additional files, as a build does: for tests about how
/// rules share a value (precedence, masking) rather than about one rule's markup.
/// </summary>
public static class AnalyzerRun
{
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, ImmutableArray<DiagnosticAnalyzer> analyzers, params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText(source, path: "/src/Program.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.Text))).ToImmutableArray();
        return await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(texts)).GetAnalyzerDiagnosticsAsync();
    }
}
