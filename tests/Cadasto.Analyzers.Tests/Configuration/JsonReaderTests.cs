using System.Linq;
using System.Text;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Configuration;

public sealed class JsonReaderTests
{
    [Fact]
    public void ValidDocument_ShouldGiveTreeWithPositions()
    {
        var text = "{\n  \"name\": \"a\\u0062c\",\n  \"list\": [1, -2.5e3, true, false, null],\n  \"nested\": { }\n}";
        var document = JsonReader.Parse(SourceText.From(text));

        Assert.Null(document.Error);
        var root = Assert.IsType<JsonObject>(document.Root);
        Assert.Equal(new TextSpan(0, 1), root.OpenBraceSpan);
        Assert.Equal(text.Length, root.Span.Length);

        var name = root.Find("name")!;
        Assert.Equal("\"name\"", text.Substring(name.NameSpan.Start, name.NameSpan.Length));
        Assert.Equal(new LinePosition(1, 2), name.NameLineSpan.Start);
        var value = Assert.IsType<JsonString>(name.Value);
        Assert.Equal("abc", value.Value);
        Assert.Equal("\"a\\u0062c\"", text.Substring(value.Span.Start, value.Span.Length));

        var list = Assert.IsType<JsonArray>(root.Find("list")!.Value);
        Assert.Equal(
            new[] { JsonNodeKind.Number, JsonNodeKind.Number, JsonNodeKind.Boolean, JsonNodeKind.Boolean, JsonNodeKind.Null },
            list.Items.Select(i => i.Kind));
        Assert.Equal("-2.5e3", ((JsonNumber)list.Items[1]).Text);
        Assert.Equal(new LinePosition(2, 14), list.Items[1].LineSpan.Start);
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("{", 1, 0)]
    [InlineData("{\"a\" 1}", 5, 1)]
    [InlineData("{\"a\": 1,}", 8, 1)]
    [InlineData("[1 2]", 3, 1)]
    [InlineData("{\"a\": \"unterminated", 19, 0)]
    [InlineData("{\"a\": 'single'}", 6, 1)]
    [InlineData("{} {}", 3, 1)]
    [InlineData("{\"a\": 01}", 7, 1)]
    [InlineData("{\"a\": \"\\x\"}", 7, 2)]
    [InlineData("// comment\n{}", 0, 2)]
    [InlineData("{\"a\": tru}", 6, 1)]
    public void InvalidDocument_ShouldReportFirstErrorAtItsPosition(string text, int start, int length)
    {
        var document = JsonReader.Parse(SourceText.From(text));

        Assert.Null(document.Root);
        Assert.NotNull(document.Error);
        Assert.Equal(new TextSpan(start, length), document.Error!.Span);
    }

    [Fact]
    public void ConfigurationOptions_ShouldAcceptCommentsAndTrailingCommas()
    {
        var text = "// appsettings\n{ /* a */ \"a\": [1, 2,], \"b\": 1, }";
        var document = JsonReader.Parse(SourceText.From(text), JsonReaderOptions.Configuration);

        Assert.Null(document.Error);
        Assert.Equal(2, ((JsonObject)document.Root!).Properties.Length);
    }

    [Fact]
    public void ByteOrderMarkInText_ShouldBeSkipped()
    {
        var document = JsonReader.Parse(SourceText.From("\uFEFF{\"a\": 1}"));

        Assert.Null(document.Error);
        Assert.Equal(1, ((JsonObject)document.Root!).OpenBraceSpan.Start);
    }

    [Fact]
    public void DeepNesting_ShouldReportAnErrorInsteadOfOverflowing()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var document = JsonReader.Parse(SourceText.From(text));

        Assert.NotNull(document.Error);
        Assert.Equal(JsonReader.MaxDepth, document.Error!.Span.Start);
    }

    [Fact]
    public void InvalidUtf8AndLoneSurrogates_ShouldNotThrow()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\": \"x\"}").ToList();
        bytes.InsertRange(8, new byte[] { 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80 });
        var decoded = SourceText.From(bytes.ToArray(), bytes.Count, Encoding.UTF8);
        var document = JsonReader.Parse(decoded);
        Assert.Null(document.Error);
        Assert.Contains('\uFFFD', ((JsonString)((JsonObject)document.Root!).Properties[0].Value).Value);

        var surrogates = JsonReader.Parse(SourceText.From("{\"a\": \"\\uD800 \uDC00\"}"));
        Assert.Null(surrogates.Error);
    }

    [Fact]
    public void HugeString_ShouldBeRead()
    {
        var value = new string('a', 2_000_000);
        var document = JsonReader.Parse(SourceText.From("[\"" + value + "\"]"));

        Assert.Equal(value, ((JsonString)((JsonArray)document.Root!).Items[0]).Value);
    }
}
