using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary><c>VerifyCS</c> for an analyzer: markup sources, offline references.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>
    /// An expected diagnostic of the rule <paramref name="id"/>, with its main descriptor: the first one the analyzer supports
    /// with that id (CDS1004 has a second message, for a file that is not valid JSON; name that descriptor to expect it).
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) => new(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == id));

    /// <summary>An expected diagnostic with the message of <paramref name="descriptor"/>.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Verifies that <paramref name="source"/> yields exactly the diagnostics its markup and <paramref name="expected"/> name.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A test with offline references; set additional files and <c>.editorconfig</c> on its <c>TestState</c>.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;

            // {|CDS1004:…|} means the rule's main descriptor, as Diagnostic(id) does.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
