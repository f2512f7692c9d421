using System.Linq;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

/// <summary>CDS1005's two catalogues: where a secret is read from (<see cref="SecretSourceCatalog"/>) and where it is written (<see cref="OutputSinkCatalog"/>).</summary>
public sealed class SecretOutputCatalogsTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create("Output", references: TestReferences.WithRuntime);

    // A row that resolves to nothing is dead data: a misspelt type or member would silently stop CDS1005 there.
    [Theory]
    [InlineData("output sinks")]
    [InlineData("secret sources")]
    public void EveryRow_ShouldResolveAgainstTheLibrariesItNames(string catalogue)
    {
        var symbols = CompilationSymbols.Get(Compilation);
        var (rows, resolved) = catalogue == "output sinks"
            ? (OutputSinkCatalog.Members.Select(row => row.TypeMetadataName + "." + row.MemberName), symbols.OutputSinks.Resolved.Select(pair => pair.Value.TypeMetadataName + "." + pair.Value.MemberName))
            : (SecretSourceCatalog.Members.Select(row => row.TypeMetadataName + "." + row.MemberName), symbols.SecretSources.Resolved.Select(pair => pair.Value.TypeMetadataName + "." + pair.Value.MemberName));

        Assert.Empty(rows.Except(resolved));
    }

    // builder.Configuration is a ConfigurationManager: its own indexer implements IConfiguration's, so the row stands
    // for it; a dictionary's indexer implements no catalogued member.
    [Fact]
    public void ConfigurationIndexerRow_ShouldStandForAnImplementationsIndexerOnly()
    {
        var sources = CompilationSymbols.Get(Compilation).SecretSources;
        var manager = Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationManager")!.GetMembers("this[]").Single();
        var dictionary = Compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2")!.GetMembers("this[]").Single();

        Assert.True(sources.TryGetMemberOrImplementation(manager, out var row));
        Assert.Equal(SinkKind.IndexerArgument, row.Kind);
        Assert.False(sources.TryGetMember(manager, out _));
        Assert.False(sources.TryGetMemberOrImplementation(dictionary, out _));
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
