using Microsoft.CodeAnalysis.Text;

using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.Configuration;

/// <summary>What <see cref="JsonReader.Parse"/> returns: the tree, the first syntax error and where it is, or both.</summary>
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

    /// <summary>
    /// The root value; null when <see cref="Error"/> is set, unless the reader recovered
    /// (<see cref="JsonReaderOptions.Recover"/>): then what could be read, or null when nothing could.
    /// </summary>
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

/// <summary>What the reader accepts beyond strict JSON (RFC 8259), and whether it reads on after a syntax error.</summary>
internal readonly struct JsonReaderOptions
{
    public JsonReaderOptions(bool allowComments, bool allowTrailingCommas, bool recover = false)
    {
        AllowComments = allowComments;
        AllowTrailingCommas = allowTrailingCommas;
        Recover = recover;
    }

    /// <summary>Strict JSON: what <c>cadasto.json</c> must be (editors validate it against the schema as JSON).</summary>
    public static JsonReaderOptions Strict => default;

    /// <summary>
    /// What ASP.NET Core's JSON configuration provider reads (<c>appsettings*.json</c>, <c>launchSettings.json</c>):
    /// <c>//</c> and <c>/* */</c> comments and trailing commas; and, past a syntax error, whatever can still be read,
    /// because a secret in a broken file is still a secret (the error is reported beside it).
    /// </summary>
    public static JsonReaderOptions Configuration => new(allowComments: true, allowTrailingCommas: true, recover: true);

    public bool AllowComments { get; }

    public bool AllowTrailingCommas { get; }

    /// <summary>
    /// After a syntax error, read on (a missing comma or colon, text after the root, unquoted or single-quoted names and
    /// values, a string left open at its line break, a file cut short): <see cref="JsonDocument.Root"/> then holds what
    /// could be read and <see cref="JsonDocument.Error"/> the first error.
    /// </summary>
    public bool Recover { get; }
}
