using System.Collections.Immutable;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Configuration;

public sealed class ManifestProviderTests
{
    [Fact]
    public void SameText_ShouldBeParsedOnce()
    {
        var text = SourceText.From(ManifestParserTests.SpecExample);

        var first = ManifestProvider.Get("/app/cadasto.json", text, default);
        var second = ManifestProvider.Get("/app/cadasto.json", text, default);
        var otherText = ManifestProvider.Get("/app/cadasto.json", SourceText.From(ManifestParserTests.SpecExample), default);

        Assert.Same(first, second);
        Assert.NotSame(first, otherText);
        Assert.Equal(first, otherText);
    }

    [Fact]
    public void ManifestAmongAdditionalFiles_ShouldBeFoundByName()
    {
        var options = Options(
            null,
            new InMemoryAdditionalText("/app/appsettings.json", SourceText.From("{}")),
            new InMemoryAdditionalText("/app/sub/Cadasto.json", SourceText.From("{}")),
            new InMemoryAdditionalText("/app/cadasto.json", SourceText.From(ManifestParserTests.SpecExample)));

        Assert.True(ManifestProvider.TryGet(options, default, out var result));
        Assert.Equal("/app/cadasto.json", result.Manifest!.FilePath);
        Assert.Equal("invoice-sync", result.Manifest.Application!.Value);
    }

    [Fact]
    public void ManifestNamedByOption_ShouldBeFoundAndDefaultNameIgnored()
    {
        var options = Options(
            "cadasto_manifest = config\\registration.json",
            new InMemoryAdditionalText("/app/cadasto.json", SourceText.From("{}")),
            new InMemoryAdditionalText("/app/config/registration.json", SourceText.From(ManifestParserTests.SpecExample)));

        Assert.True(ManifestProvider.TryGet(options, default, out var result));
        Assert.Equal("/app/config/registration.json", result.Manifest!.FilePath);
    }

    [Fact]
    public void NoManifest_ShouldGiveFalse()
    {
        var options = Options(null, new InMemoryAdditionalText("/app/appsettings.json", SourceText.From("{}")));

        Assert.False(ManifestProvider.TryGet(options, default, out _));
    }

    private static AnalyzerOptions Options(string? globalOption, params AdditionalText[] files)
    {
        var global = ImmutableDictionary<string, string>.Empty;
        if (globalOption is not null)
        {
            var parts = globalOption.Split('=', 2);
            global = global.Add(parts[0].Trim(), parts[1].Trim());
        }

        return new AnalyzerOptions(files.ToImmutableArray(), TestOptionsProvider.Everywhere(global));
    }
}
