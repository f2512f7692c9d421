using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// Our own JSON reader: the analyzer assembly may depend on Roslyn alone (System.Text.Json breaks older
/// IDE hosts). It builds a <see cref="JsonNode"/> tree whose nodes and property names carry their
/// positions, never throws on any input (truncated text, a byte order mark, invalid UTF-8 decoded as
/// U+FFFD, lone surrogates, deep nesting, huge strings) and stops at the first syntax error, which it
/// reports with its position.
/// </summary>
internal sealed class JsonReader
{
    /// <summary>Deeper nesting is an error rather than a stack overflow; no real configuration file comes close.</summary>
    public const int MaxDepth = 64;

    private readonly SourceText _text;
    private readonly string _chars;
    private readonly JsonReaderOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly StringBuilder _buffer = new();
    private int _position;
    private JsonSyntaxError? _error;

    private JsonReader(SourceText text, JsonReaderOptions options, CancellationToken cancellationToken)
    {
        _text = text;
        _chars = text.ToString();
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads <paramref name="text"/> as strict JSON.</summary>
    public static JsonDocument Parse(SourceText text, CancellationToken cancellationToken = default) =>
        Parse(text, JsonReaderOptions.Strict, cancellationToken);

    /// <summary>Reads <paramref name="text"/>; only cancellation escapes (as <see cref="OperationCanceledException"/>).</summary>
    public static JsonDocument Parse(SourceText text, JsonReaderOptions options, CancellationToken cancellationToken = default)
    {
        var reader = new JsonReader(text, options, cancellationToken);
        var root = reader.ParseDocument();
        return reader._error is null && root is not null
            ? new JsonDocument(text, root, null)
            : new JsonDocument(text, null, reader._error ?? reader.ErrorAt(0, 0, "The file is not valid JSON"));
    }

    private JsonNode? ParseDocument()
    {
        // A byte order mark that survived decoding (SourceText.From(string) keeps it) is not content.
        if (_chars.Length > 0 && _chars[0] == '\uFEFF')
        {
            _position = 1;
        }

        if (!SkipTrivia())
        {
            return null;
        }

        if (_position >= _chars.Length)
        {
            Fail(_position, 0, "The file is empty: expected a JSON value");
            return null;
        }

        var root = ParseValue(depth: 0);
        if (root is null || !SkipTrivia())
        {
            return null;
        }

        if (_position < _chars.Length)
        {
            Fail(_position, 1, "Unexpected text after the end of the JSON value");
            return null;
        }

        return root;
    }

    private JsonNode? ParseValue(int depth)
    {
        if (_position >= _chars.Length)
        {
            Fail(_position, 0, "Unexpected end of the file: expected a value");
            return null;
        }

        var c = _chars[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                return ParseString();
            case 't':
                return ParseLiteral("true", start => new JsonBoolean(Span(start, 4), LineSpan(start, 4), true));
            case 'f':
                return ParseLiteral("false", start => new JsonBoolean(Span(start, 5), LineSpan(start, 5), false));
            case 'n':
                return ParseLiteral("null", start => new JsonNull(Span(start, 4), LineSpan(start, 4)));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                Fail(_position, 1, c == '\'' ? "Strings must be in double quotes" : "Unexpected character: expected a value");
                return null;
        }
    }

    private JsonObject? ParseObject(int depth)
    {
        var start = _position;
        if (depth >= MaxDepth)
        {
            Fail(start, 1, "The JSON is nested too deeply");
            return null;
        }

        _position++; // '{'
        var properties = ImmutableArray.CreateBuilder<JsonProperty>();
        if (!SkipTrivia())
        {
            return null;
        }

        if (Peek() == '}')
        {
            _position++;
            return CreateObject(start, properties);
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_position >= _chars.Length)
            {
                Fail(_position, 0, "Unexpected end of the file: expected a property name or '}'");
                return null;
            }

            if (_chars[_position] != '"')
            {
                Fail(_position, 1, "Expected a property name in double quotes");
                return null;
            }

            var nameStart = _position;
            var name = ReadString();
            if (name is null)
            {
                return null;
            }

            var nameLength = _position - nameStart;
            if (!SkipTrivia())
            {
                return null;
            }

            if (Peek() != ':')
            {
                FailHere("Expected ':' after the property name");
                return null;
            }

            _position++;
            if (!SkipTrivia())
            {
                return null;
            }

            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            properties.Add(new JsonProperty(name, Span(nameStart, nameLength), LineSpan(nameStart, nameLength), value));
            if (!SkipTrivia())
            {
                return null;
            }

            var next = Peek();
            if (next == '}')
            {
                _position++;
                return CreateObject(start, properties);
            }

            if (next != ',')
            {
                FailHere("Expected ',' or '}' after a property value");
                return null;
            }

            _position++;
            if (!SkipTrivia())
            {
                return null;
            }

            if (Peek() == '}')
            {
                if (!_options.AllowTrailingCommas)
                {
                    Fail(_position, 1, "A trailing comma is not allowed in JSON: expected a property name");
                    return null;
                }

                _position++;
                return CreateObject(start, properties);
            }
        }
    }

    private JsonObject CreateObject(int start, ImmutableArray<JsonProperty>.Builder properties) =>
        new(Span(start, _position - start), LineSpan(start, _position - start), Span(start, 1), LineSpan(start, 1), properties.ToImmutable());

    private JsonArray? ParseArray(int depth)
    {
        var start = _position;
        if (depth >= MaxDepth)
        {
            Fail(start, 1, "The JSON is nested too deeply");
            return null;
        }

        _position++; // '['
        var items = ImmutableArray.CreateBuilder<JsonNode>();
        if (!SkipTrivia())
        {
            return null;
        }

        if (Peek() == ']')
        {
            _position++;
            return new JsonArray(Span(start, _position - start), LineSpan(start, _position - start), items.ToImmutable());
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var item = ParseValue(depth + 1);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            if (!SkipTrivia())
            {
                return null;
            }

            var next = Peek();
            if (next == ']')
            {
                _position++;
                return new JsonArray(Span(start, _position - start), LineSpan(start, _position - start), items.ToImmutable());
            }

            if (next != ',')
            {
                FailHere("Expected ',' or ']' after an array item");
                return null;
            }

            _position++;
            if (!SkipTrivia())
            {
                return null;
            }

            if (Peek() == ']')
            {
                if (!_options.AllowTrailingCommas)
                {
                    Fail(_position, 1, "A trailing comma is not allowed in JSON: expected a value");
                    return null;
                }

                _position++;
                return new JsonArray(Span(start, _position - start), LineSpan(start, _position - start), items.ToImmutable());
            }
        }
    }

    private JsonString? ParseString()
    {
        var start = _position;
        var value = ReadString();
        return value is null ? null : new JsonString(Span(start, _position - start), LineSpan(start, _position - start), value);
    }

    /// <summary>Reads a string token at <see cref="_position"/> (a '"'), leaving the position after its closing quote.</summary>
    private string? ReadString()
    {
        _position++; // opening quote
        _buffer.Clear();
        var runStart = _position;
        while (_position < _chars.Length)
        {
            var c = _chars[_position];
            if (c == '"')
            {
                _buffer.Append(_chars, runStart, _position - runStart);
                _position++;
                return _buffer.ToString();
            }

            if (c == '\\')
            {
                _buffer.Append(_chars, runStart, _position - runStart);
                if (!ReadEscape())
                {
                    return null;
                }

                runStart = _position;
                continue;
            }

            if (c < ' ')
            {
                Fail(_position, 1, c is '\n' or '\r' ? "Unterminated string: a line break must be written \\n inside a string" : "A control character must be escaped inside a string");
                return null;
            }

            // Lone surrogates and U+FFFD (invalid UTF-8, decoded) are kept as they are: not a syntax error here.
            _position++;
            if ((_position & 0xFFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
        }

        Fail(_chars.Length, 0, "Unterminated string: the file ends before its closing quote");
        return null;
    }

    private bool ReadEscape()
    {
        var escapeStart = _position;
        _position++; // backslash
        if (_position >= _chars.Length)
        {
            Fail(_chars.Length, 0, "Unterminated string: the file ends inside an escape sequence");
            return false;
        }

        var c = _chars[_position];
        _position++;
        switch (c)
        {
            case '"': _buffer.Append('"'); return true;
            case '\\': _buffer.Append('\\'); return true;
            case '/': _buffer.Append('/'); return true;
            case 'b': _buffer.Append('\b'); return true;
            case 'f': _buffer.Append('\f'); return true;
            case 'n': _buffer.Append('\n'); return true;
            case 'r': _buffer.Append('\r'); return true;
            case 't': _buffer.Append('\t'); return true;
            case 'u':
                var code = 0;
                for (var i = 0; i < 4; i++)
                {
                    if (_position >= _chars.Length)
                    {
                        Fail(_chars.Length, 0, "Unterminated string: the file ends inside a \\u escape");
                        return false;
                    }

                    var digit = HexValue(_chars[_position]);
                    if (digit < 0)
                    {
                        Fail(_position, 1, "Expected four hexadecimal digits after \\u");
                        return false;
                    }

                    code = (code << 4) | digit;
                    _position++;
                }

                _buffer.Append((char)code);
                return true;
            default:
                Fail(escapeStart, 2, "Invalid escape sequence in a string");
                return false;
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private JsonNumber? ParseNumber()
    {
        // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            FailHere("Invalid number: expected a digit");
            return null;
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                FailHere("Invalid number: expected a digit after '.'");
                return null;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                FailHere("Invalid number: expected a digit in the exponent");
                return null;
            }
        }

        if (_position < _chars.Length && (char.IsLetterOrDigit(_chars[_position]) || _chars[_position] == '.'))
        {
            Fail(_position, 1, "Invalid number");
            return null;
        }

        var length = _position - start;
        return new JsonNumber(Span(start, length), LineSpan(start, length), _chars.Substring(start, length));
    }

    private bool ReadDigits()
    {
        var start = _position;
        while (_position < _chars.Length && _chars[_position] >= '0' && _chars[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode? ParseLiteral(string literal, Func<int, JsonNode> create)
    {
        var start = _position;
        if (string.CompareOrdinal(_chars, start, literal, 0, literal.Length) == 0
            && (start + literal.Length >= _chars.Length || !char.IsLetterOrDigit(_chars[start + literal.Length])))
        {
            _position += literal.Length;
            return create(start);
        }

        Fail(start, 1, "Unexpected character: expected a value (strings must be in double quotes)");
        return null;
    }

    /// <summary>Skips whitespace (and comments when allowed); false after reporting a malformed comment.</summary>
    private bool SkipTrivia()
    {
        while (_position < _chars.Length)
        {
            var c = _chars[_position];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
                continue;
            }

            if (c == '/' && _position + 1 < _chars.Length && _chars[_position + 1] is '/' or '*')
            {
                if (!_options.AllowComments)
                {
                    Fail(_position, 2, "Comments are not allowed in JSON");
                    return false;
                }

                if (_chars[_position + 1] == '/')
                {
                    while (_position < _chars.Length && _chars[_position] is not ('\n' or '\r'))
                    {
                        _position++;
                    }
                }
                else
                {
                    var end = _chars.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        Fail(_chars.Length, 0, "Unterminated comment: the file ends before '*/'");
                        return false;
                    }

                    _position = end + 2;
                }

                continue;
            }

            break;
        }

        return true;
    }

    private char Peek() => _position < _chars.Length ? _chars[_position] : '\0';

    private void FailHere(string message)
    {
        if (_position >= _chars.Length)
        {
            Fail(_chars.Length, 0, "Unexpected end of the file");
        }
        else
        {
            Fail(_position, 1, message);
        }
    }

    private void Fail(int start, int length, string message) => _error ??= ErrorAt(start, length, message);

    private JsonSyntaxError ErrorAt(int start, int length, string message)
    {
        start = Math.Max(0, Math.Min(start, _chars.Length));
        length = Math.Max(0, Math.Min(length, _chars.Length - start));
        return new JsonSyntaxError(message, Span(start, length), LineSpan(start, length));
    }

    private static TextSpan Span(int start, int length) => new(start, length);

    private LinePositionSpan LineSpan(int start, int length) => _text.Lines.GetLinePositionSpan(new TextSpan(start, length));
}
