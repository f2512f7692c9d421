using System.Linq;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

public sealed class OutputSinkCatalogTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create("Output", references: TestReferences.All);

    // A row that resolves to nothing is dead data: a misspelt type or member would silently stop CDS1005 there.
    [Fact]
    public void EveryRow_ShouldResolveAgainstTheLibrariesItNames()
    {
        var resolved = CompilationSymbols.Get(Compilation).OutputSinks.Resolved.Select(pair => pair.Value).ToHashSet();

        Assert.Empty(OutputSinkCatalog.Members.Where(row => !resolved.Contains(row)).Select(row => row.TypeMetadataName + "." + row.MemberName));
    }

    // "Write*" stands for every member whose name starts with Write, and for nothing else.
    [Fact]
    public void PrefixRow_ShouldKeyEveryWriteMethodOfTheConsoleAndNoOther()
    {
        var console = Compilation.GetTypeByMetadataName("System.Console")!;
        var keyed = CompilationSymbols.Get(Compilation).OutputSinks.Resolved
            .Where(pair => SymbolEqualityComparer.Default.Equals(pair.Key.ContainingType, console))
            .Select(pair => pair.Key.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Equal(new[] { "Write", "WriteLine" }, keyed);
    }
}
