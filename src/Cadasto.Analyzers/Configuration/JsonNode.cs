using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;


namespace Cadasto.Analyzers.Configuration;

/// <summary>The kind of a <see cref="JsonNode"/>.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A node of the small JSON tree <see cref="JsonReader"/> builds. Every node knows where it stands in the
/// file (<see cref="Span"/> and <see cref="LineSpan"/>), so a rule can point at the exact value.
/// String nodes span their quotes; object and array nodes span from the opening to the closing bracket.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span, LinePositionSpan lineSpan)
    {
        Span = span;
        LineSpan = lineSpan;
    }

    public abstract JsonNodeKind Kind { get; }

    /// <summary>Where the node stands in the text (characters).</summary>
    public TextSpan Span { get; }

    /// <summary>Where the node stands in the text (zero-based lines and columns).</summary>
    public LinePositionSpan LineSpan { get; }

    /// <summary>A short name of the kind for messages: "an object", "a string", …</summary>
    public string KindDescription => Describe(Kind);

    public static string Describe(JsonNodeKind kind) => kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.Boolean => "a boolean",
        _ => "null",
    };
}

/// <summary><c>{ … }</c>: properties in file order (duplicates kept, as written).</summary>
internal sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, LinePositionSpan lineSpan, TextSpan openBraceSpan, LinePositionSpan openBraceLineSpan, ImmutableArray<JsonProperty> properties)
        : base(span, lineSpan)
    {
        OpenBraceSpan = openBraceSpan;
        OpenBraceLineSpan = openBraceLineSpan;
        Properties = properties;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Object;

    /// <summary>The opening <c>{</c> alone: where a "missing property" diagnostic lands.</summary>
    public TextSpan OpenBraceSpan { get; }

    public LinePositionSpan OpenBraceLineSpan { get; }

    public ImmutableArray<JsonProperty> Properties { get; }

    /// <summary>The first property with this exact name, or null.</summary>
    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

/// <summary><c>"name": value</c>. The name's span includes its quotes.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, LinePositionSpan nameLineSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        NameLineSpan = nameLineSpan;
        Value = value;
    }

    /// <summary>The unescaped name.</summary>
    public string Name { get; }

    public TextSpan NameSpan { get; }

    public LinePositionSpan NameLineSpan { get; }

    public JsonNode Value { get; }
}

/// <summary><c>[ … ]</c>.</summary>
internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, LinePositionSpan lineSpan, ImmutableArray<JsonNode> items)
        : base(span, lineSpan) => Items = items;

    public override JsonNodeKind Kind => JsonNodeKind.Array;

    public ImmutableArray<JsonNode> Items { get; }
}

/// <summary>A string; <see cref="JsonNode.Span"/> covers the quotes, <see cref="Value"/> is unescaped.</summary>
internal sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, LinePositionSpan lineSpan, string value)
        : base(span, lineSpan) => Value = value;

    public override JsonNodeKind Kind => JsonNodeKind.String;

    public string Value { get; }
}

/// <summary>A number, kept as written (the manifest has no numeric fields; nothing needs its value).</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, LinePositionSpan lineSpan, string text)
        : base(span, lineSpan) => Text = text;

    public override JsonNodeKind Kind => JsonNodeKind.Number;

    public string Text { get; }
}

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, LinePositionSpan lineSpan, bool value)
        : base(span, lineSpan) => Value = value;

    public override JsonNodeKind Kind => JsonNodeKind.Boolean;

    public bool Value { get; }
}

/// <summary><c>null</c>.</summary>
internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
    }

    public override JsonNodeKind Kind => JsonNodeKind.Null;
}
