using System;
using System.IO;
using System.Text;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Infrastructure;

public sealed class SourceTextSearchTests
{
    // A big file is read as a text of chunks, and searched through windows of 8,192 characters that overlap: a word is
    // found wherever it lies, across a seam too, in a text read from a stream (as the compiler reads files) or a string.
    [Theory]
    [InlineData(0)]
    [InlineData(8180)]
    [InlineData(8181)]
    [InlineData(8185)]
    [InlineData(8192)]
    [InlineData(16370)]
    [InlineData(99988)]
    public void WordAnywhereInABigText_ShouldBeFound(int at)
    {
        var chars = new string('x', 100_000).ToCharArray();
        "ClientSecret".CopyTo(0, chars, at, "ClientSecret".Length);
        var text = new string(chars);
        foreach (var source in new[] { SourceText.From(text), FromStream(text) })
        {
            Assert.True(SourceTextSearch.Contains(source, "ClientSecret", StringComparison.Ordinal));
            Assert.True(SourceTextSearch.Contains(source, "clientsecret", StringComparison.OrdinalIgnoreCase));
            Assert.False(SourceTextSearch.Contains(source, "clientsecret", StringComparison.Ordinal));
            Assert.True(SourceTextSearch.ContainsAny(source, StringComparison.Ordinal, new[] { "RedirectUri" }, new[] { "Basic", "ClientSecret" }));
            Assert.False(SourceTextSearch.ContainsAny(source, StringComparison.Ordinal, new[] { "RedirectUri" }, Array.Empty<string>()));

            // One pass, each set with its own comparison (a sink's name as written, a form key in any case).
            Assert.True(SourceTextSearch.ContainsAny(source, new SearchedWords(new[] { "CLIENTSECRET" }, StringComparison.OrdinalIgnoreCase), new SearchedWords(new[] { "Basic" }, StringComparison.Ordinal)));
            Assert.False(SourceTextSearch.ContainsAny(source, new SearchedWords(new[] { "client_secret" }, StringComparison.OrdinalIgnoreCase), new SearchedWords(new[] { "CLIENTSECRET" }, StringComparison.Ordinal)));
            Assert.True(SourceTextSearch.ContainsAny(text.AsSpan(), new SearchedWords(new[] { "xClientSecretx" }, StringComparison.Ordinal)) == (at > 0 && at + 12 < text.Length));
        }
    }

    // A text of at most 40K characters is searched as the one string it is (no windows): the same answers.
    [Theory]
    [InlineData(0)]
    [InlineData(8185)]
    [InlineData(40948)]
    public void WordAnywhereInATextBelowTheChunkSize_ShouldBeFound(int at)
    {
        var chars = new string('x', 40 * 1024).ToCharArray();
        "ClientSecret".CopyTo(0, chars, at, "ClientSecret".Length);
        var text = new string(chars);
        foreach (var source in new[] { SourceText.From(text), FromStream(text) })
        {
            Assert.True(SourceTextSearch.Contains(source, "clientsecret", StringComparison.OrdinalIgnoreCase));
            Assert.False(SourceTextSearch.Contains(source, "clientsecret", StringComparison.Ordinal));
            Assert.True(SourceTextSearch.ContainsAny(source, StringComparison.Ordinal, new[] { "RedirectUri" }, new[] { "Basic", "ClientSecret" }));
            Assert.False(SourceTextSearch.ContainsAny(source, StringComparison.Ordinal, new[] { "RedirectUri", "xxxxy" }));
        }
    }

    [Fact]
    public void EmptyTextOrNoWords_ShouldAnswerAsStringIndexOf()
    {
        Assert.False(SourceTextSearch.Contains(SourceText.From(string.Empty), "Basic", StringComparison.Ordinal));
        Assert.False(SourceTextSearch.ContainsAny(SourceText.From("Basic"), StringComparison.Ordinal));
        Assert.True(SourceTextSearch.Contains(SourceText.From("a Basic header"), "Basic", StringComparison.Ordinal));
    }

    private static SourceText FromStream(string text) => SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);
}
