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

    [Theory]
    [InlineData("{ \"a\": \"1\" } ]", "a=1", 13)]
    [InlineData("{ \"a\": \"1\" } \"b\": \"2\"", "a=1 b=2", 13)]
    [InlineData("{ \"a\": \"1\" }\n}, \"b\": \"2\" }", "a=1 b=2", 13)]
    [InlineData("{ \"a\": \"1\" } { \"b\": \"2\" }", "a=1 b=2", 13)]
    [InlineData("{ \"a\": \"1\"\n  \"b\": \"2\" }", "a=1 b=2", 13)]
    [InlineData("{ \"a\" \"1\", \"b\": \"2\" }", "a=1 b=2", 6)]
    [InlineData("{ a: \"1\", \"b\": \"2\" }", "a=1 b=2", 2)]
    [InlineData("{ 'a': 'x\\'1', \"b\": \"2\" }", "a=x'1 b=2", 2)]
    [InlineData("{ \"a\": hunter2!, \"b\": \"2\" }", "a=hunter2! b=2", 7)]
    [InlineData("{ \"a\": 00:30:00, \"b\": True }", "a=00:30:00 b=True", 8)]
    [InlineData("{ \"a\": \"1,\n  \"b\": \"2\" }", "a=1 b=2", 10)]
    [InlineData("{ \"s\": { \"a\": \"1\", \"b\": \"2", "s:a=1 s:b=2", 26)]
    [InlineData("{ \"a\": [\"1\" \"2\"], \"b\": \"3\" }", "a=1 a=2 b=3", 12)]
    [InlineData("{ \"a\": \"1\",, \"b\": \"2\" ; \"c\": \"3\" }", "a=1 b=2 c=3", 11)]
    [InlineData("{ \"a\": , \"b\": \"2\" }", "b=2", 7)]
    [InlineData("{ \"a\": \"bad \\x escape\", \"b\": \"2\" }", "a=bad  escape b=2", 12)]
    [InlineData("{ \"a\": \"1\" /* never closed", "a=1", 26)]
    public void ConfigurationOptions_AfterASyntaxError_ShouldStillReadEveryValueThatCanBeRead(string text, string expected, int errorStart)
    {
        var document = JsonReader.Parse(SourceText.From(text), JsonReaderOptions.Configuration);

        Assert.NotNull(document.Error);
        Assert.Equal(errorStart, document.Error!.Span.Start);
        Assert.Equal(expected, string.Join(" ", Strings(document.Root, null)));
    }

    [Fact]
    public void ConfigurationOptions_PastTheDepthLimit_ShouldSkipTheDeepValueAndReadOn()
    {
        var deep = new string('[', 10_000) + "\"x\"" + new string(']', 10_000);
        var document = JsonReader.Parse(SourceText.From("{ \"deep\": " + deep + ", \"b\": \"2\" }"), JsonReaderOptions.Configuration);

        Assert.Equal("The JSON is nested too deeply", document.Error!.Message);
        Assert.Equal("b=2", string.Join(" ", Strings(document.Root, null)));
    }

    [Fact]
    public void ConfigurationOptions_OnMutatedFiles_ShouldNeverThrowAndEndInLinearTime()
    {
        const string Seed = "// settings\n{ \"AzureAd\": { \"ClientId\": \"abc\", \"ClientSecret\": \"Q~8abc.def\", \"Scopes\": [\"api.read\", 'x'] },\n  \"Port\": 5001, \"On\": true, \"Off\": null, /* c */ \"List\": [1, -2.5e3, {}] }\n";
        const string Alphabet = "{}[]\",:'\\/*\n tfn-0.eZ";
        var random = new System.Random(20261206);
        for (var round = 0; round < 5_000; round++)
        {
            var chars = Seed.ToCharArray().ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    default: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                }
            }

            var text = new string(chars.ToArray());
            var document = JsonReader.Parse(SourceText.From(text), JsonReaderOptions.Configuration);
            Assert.True(document.Error is not null || document.Root is not null, text);
            foreach (var value in Strings(document.Root, null))
            {
                Assert.True(value.Length <= text.Length * 2, text);
            }
        }

        // Worst cases for a reader that backs up: every character junk, or every line a string left open.
        foreach (var hostile in new[] { "{" + new string(';', 1_000_000), "{" + string.Concat(Enumerable.Repeat("\"a\": \"x\n", 100_000)), new string('}', 1_000_000) })
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var document = JsonReader.Parse(SourceText.From(hostile), JsonReaderOptions.Configuration);
            Assert.NotNull(document.Error);
            Assert.True(stopwatch.Elapsed < System.TimeSpan.FromSeconds(5), $"{stopwatch.Elapsed} for {hostile.Length} characters");
        }
    }

    /// <summary>Every string of the tree as <c>path=value</c>, in document order.</summary>
    private static System.Collections.Generic.IEnumerable<string> Strings(JsonNode? node, string? path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.Properties)
                {
                    foreach (var value in Strings(property.Value, path is null ? property.Name : path + ":" + property.Name))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Items)
                {
                    foreach (var value in Strings(item, path))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonString text:
                yield return path + "=" + text.Value;
                break;
        }
    }
}
