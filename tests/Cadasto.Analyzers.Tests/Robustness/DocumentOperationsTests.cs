using System.Collections.Generic;
using System.Linq;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Cadasto.Analyzers.Tests.Robustness;

/// <summary>
/// The per-document walk of CDS1001, the redirect URI and the scope rules (issue 16, fuzz run 4): it must cost what the
/// document holds, not its depth squared, and see what asking the semantic model node by node sees.
/// </summary>
public sealed class DocumentOperationsTests
{
    // A concatenation of 10,000 parts is 10,000 nested additions: asking the semantic model about each (it climbs from the
    // node to its member every time) was 20,000 questions and n² steps. One question per operation tree now.
    [Fact]
    public void TenThousandPartsAtASink_ShouldAskTheSemanticModelOncePerTree()
    {
        var parts = string.Join(" + ", Enumerable.Range(0, 10_000).Select(i => "\"p" + i + "\""));
        var model = Model("class C { object M() => new System.Net.NetworkCredential(\"svc\", " + parts + "); string F = \"a\" + \"b\"; }");

        var visited = 0;
        var asked = DocumentOperations.ForEach(model, SecretSinkMatcher.OperationKinds, _ => visited++, default);

        Assert.Equal(Naive(model).Count, visited);
        Assert.InRange(asked, 1, 4);
    }

    // The map must hand out what the semantic model does, in the same order: the same operation instances (the rules key
    // their caches by them), implicit collection-initializer calls, lambdas, local functions, attributes, field and
    // parameter initializers, and an attribute's arguments inside a member's span (another operation tree).
    [Fact]
    public void VariedCode_ShouldVisitWhatTheSemanticModelHandsOutNodeByNode()
    {
        var model = Model("""
            using System;
            using System.Collections.Generic;

            [AttributeUsage(AttributeTargets.All)]
            sealed class NoteAttribute : Attribute { public NoteAttribute(string text) { } public string Other { get; set; } = "x"; }

            [Note("class" + "level")]
            class C
            {
                const string Id = "id";
                static readonly string Secret = "s" + Id;
                public string Name { get; set; } = $"n{Id}";

                [Note("on" + "method", Other = "named")]
                object M([Note("param")] string p = "default" + "")
                {
                    var map = new Dictionary<string, string> { { "client_secret", "v" + p }, ["k"] = "w" };
                    Func<string, string> f = x => x + "lambda" + Local("y");
                    var anon = new { Key = "a" + "b", Value = (1, "t") };
                    string Local(string y) => y + "local";
                    return f("z") + map + anon + string.Concat("c", "d");
                }

                C() : this("chained" + "arg") { }
                C(string s) { Name = s + "ctor"; }
            }
            """);

        var visited = new List<IOperation>();
        DocumentOperations.ForEach(model, SecretSinkMatcher.OperationKinds, visited.Add, default);

        var expected = Naive(model);
        Assert.True(expected.Count > 30, "the sample holds " + expected.Count + " operations");
        Assert.Equal(expected.Select(Describe), visited.Select(Describe));
        Assert.True(expected.Zip(visited, (a, b) => ReferenceEquals(a, b)).All(same => same), "not the semantic model's own instances");
    }

    private static SemanticModel Model(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Walk", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.GetSemanticModel(tree);
    }

    /// <summary>The walk as it was (before fuzz run 5): the semantic model asked about every candidate node.</summary>
    private static List<IOperation> Naive(SemanticModel model)
    {
        var kinds = SecretSinkMatcher.OperationKinds;
        var found = new List<IOperation>();
        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            if (!DocumentOperations.MayHold(node.Kind(), kinds) || model.GetOperation(node) is not { } operation)
            {
                continue;
            }

            if (operation is IObjectOrCollectionInitializerOperation collection)
            {
                found.AddRange(collection.Initializers.Where(element => kinds.Contains(element.Kind)));
            }
            else if (kinds.Contains(operation.Kind))
            {
                found.Add(operation);
            }
        }

        return found;
    }

    private static string Describe(IOperation operation) => operation.Kind + " " + operation.Syntax.Span;
}
