using Microsoft.CodeAnalysis.Text;

using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.Configuration;

/// <summary>What <see cref="JsonReader.Parse"/> returns: the tree, or the first syntax error and where it is.</summary>
internal sealed class JsonDocument
{
    public JsonDocument(SourceText text, JsonNode? root, JsonSyntaxError? error)
    {
        Text = text;
        Root = root;
        Error = error;
    }

    /// <summary>The text that was read.</summary>
    public SourceText Text { get; }

    /// <summary>The root value; null when <see cref="Error"/> is set.</summary>
    public JsonNode? Root { get; }

    /// <summary>The first syntax error, or null when the text is valid JSON.</summary>
    public JsonSyntaxError? Error { get; }
}

/// <summary>
/// A syntax error: a message that never quotes the text (it may hold a secret) and the position of the
/// offending character, or an empty span at the end of the text when the input stops early.
/// </summary>
internal sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, TextSpan span, LinePositionSpan lineSpan)
    {
        Message = message;
        Span = span;
        LineSpan = lineSpan;
    }

    public string Message { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }
}

/// <summary>What the reader accepts beyond strict JSON (RFC 8259).</summary>
internal readonly struct JsonReaderOptions
{
    public JsonReaderOptions(bool allowComments, bool allowTrailingCommas)
    {
        AllowComments = allowComments;
        AllowTrailingCommas = allowTrailingCommas;
    }

    /// <summary>Strict JSON: what <c>cadasto.json</c> must be (editors validate it against the schema as JSON).</summary>
    public static JsonReaderOptions Strict => default;

    /// <summary>
    /// What ASP.NET Core's JSON configuration provider reads (<c>appsettings*.json</c>, <c>launchSettings.json</c>):
    /// <c>//</c> and <c>/* */</c> comments and trailing commas.
    /// </summary>
    public static JsonReaderOptions Configuration => new(allowComments: true, allowTrailingCommas: true);

    public bool AllowComments { get; }

    public bool AllowTrailingCommas { get; }
}
