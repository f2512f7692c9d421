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
/// U+FFFD, lone surrogates, deep nesting, huge strings) and reports the first syntax error with its
/// position. Strictly, it stops there; with <see cref="JsonReaderOptions.Recover"/> (configuration files) it
/// goes on as a careless editor's file asks — a missing comma or colon, text after the closing brace, an
/// unquoted or single-quoted name or value, a string left open at the end of its line, a file cut short — so
/// that every value that can be read is there to judge. Nesting is bounded by <see cref="MaxDepth"/> either way,
/// and every step of the recovery consumes input, so it ends in time linear in the text.
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
        if (reader._error is null && root is not null)
        {
            return new JsonDocument(text, root, null);
        }

        var error = reader._error ?? reader.ErrorAt(0, 0, "The file is not valid JSON");
        return new JsonDocument(text, options.Recover ? root : null, error);
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
            return _options.Recover ? RecoverTopLevel(root) : null;
        }

        if (_position < _chars.Length)
        {
            Fail(_position, 1, "Unexpected text after the end of the JSON value");
            return _options.Recover ? RecoverTopLevel(root) : null;
        }

        return root;
    }

    /// <summary>
    /// After a root that ended early (a <c>}</c> too many, a second object): the properties and objects that follow
    /// are read as if they were members of the root, so that their values are judged too.
    /// </summary>
    private JsonNode? RecoverTopLevel(JsonNode? root)
    {
        var extra = ImmutableArray.CreateBuilder<JsonProperty>();
        while (SkipTrivia() && _position < _chars.Length)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var before = _position;
            var c = _chars[_position];
            if (c == '{')
            {
                if (ParseObject(depth: 1) is { } obj)
                {
                    extra.AddRange(obj.Properties);
                }
            }
            else if (IsMemberStart(c))
            {
                if (ParseMember(depth: 1) is { } property)
                {
                    extra.Add(property);
                }
            }

            if (_position == before)
            {
                _position++; // ',', '}', ']' or anything else that starts nothing: skipped
            }
        }

        if (extra.Count == 0 || root is JsonArray)
        {
            return root;
        }

        var properties = root is JsonObject rootObject ? rootObject.Properties.AddRange(extra) : extra.ToImmutable();
        var span = root is JsonObject ? root.Span : Span(0, 0);
        var open = root is JsonObject o ? o.OpenBraceSpan : Span(0, 0);
        return new JsonObject(span, _text.Lines.GetLinePositionSpan(span), open, _text.Lines.GetLinePositionSpan(open), properties);
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
                return ParseString('"');
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
                if (_options.Recover)
                {
                    // 'single-quoted' and bare values (hunter2, 00:30:00) are what the editor meant as strings.
                    return c == '\'' ? ParseString('\'') : IsBareValueStart(c) ? ParseBareValue() : null;
                }

                return null;
        }
    }

    private JsonObject? ParseObject(int depth)
    {
        var start = _position;
        if (depth >= MaxDepth)
        {
            Fail(start, 1, "The JSON is nested too deeply");
            SkipNestedWhenRecovering();
            return null;
        }

        _position++; // '{'
        var properties = ImmutableArray.CreateBuilder<JsonProperty>();
        var expectMember = true; // after '{' or ','
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!SkipTrivia())
            {
                return null;
            }

            if (_position >= _chars.Length)
            {
                Fail(_position, 0, expectMember ? "Unexpected end of the file: expected a property name or '}'" : "Unexpected end of the file");
                return _options.Recover ? CreateObject(start, properties) : null;
            }

            var c = _chars[_position];
            if (c == '}')
            {
                if (expectMember && properties.Count > 0 && !_options.AllowTrailingCommas)
                {
                    Fail(_position, 1, "A trailing comma is not allowed in JSON: expected a property name");
                    if (!_options.Recover)
                    {
                        return null;
                    }
                }

                _position++;
                return CreateObject(start, properties);
            }

            if (!expectMember)
            {
                if (c == ',')
                {
                    _position++;
                    expectMember = true;
                    continue;
                }

                Fail(_position, 1, "Expected ',' or '}' after a property value");
                if (!_options.Recover)
                {
                    return null;
                }

                if (!IsMemberStart(c))
                {
                    _position++; // junk between members
                    continue;
                }

                // A missing comma: read on as if it were there.
            }
            else if (c != '"' && !(_options.Recover && IsMemberStart(c)))
            {
                Fail(_position, 1, "Expected a property name in double quotes");
                if (!_options.Recover)
                {
                    return null;
                }

                _position++;
                continue;
            }

            var member = ParseMember(depth);
            if (member is not null)
            {
                properties.Add(member);
            }
            else if (!_options.Recover)
            {
                return null;
            }

            expectMember = false;
        }
    }

    /// <summary>A property at <see cref="_position"/>: its name (quoted; or, when recovering, single-quoted or bare), ':', its value.</summary>
    private JsonProperty? ParseMember(int depth)
    {
        var nameStart = _position;
        string? name;
        if (_chars[_position] == '"')
        {
            name = ReadString('"');
        }
        else
        {
            Fail(nameStart, 1, "Expected a property name in double quotes");
            name = _chars[_position] == '\'' ? ReadString('\'') : ReadBareName();
        }

        if (name is null)
        {
            return null;
        }

        var nameLength = _position - nameStart;
        if (!SkipTrivia())
        {
            return null;
        }

        if (Peek() == ':')
        {
            _position++;
            if (!SkipTrivia())
            {
                return null;
            }
        }
        else
        {
            FailHere("Expected ':' after the property name");
            if (!_options.Recover || _position >= _chars.Length || !IsValueStart(_chars[_position]))
            {
                return null;
            }
        }

        var value = ParseValue(depth + 1);
        return value is null ? null : new JsonProperty(name, Span(nameStart, nameLength), LineSpan(nameStart, nameLength), value);
    }

    private JsonObject CreateObject(int start, ImmutableArray<JsonProperty>.Builder properties) =>
        new(Span(start, _position - start), LineSpan(start, _position - start), Span(start, 1), LineSpan(start, 1), properties.ToImmutable());

    private JsonArray? ParseArray(int depth)
    {
        var start = _position;
        if (depth >= MaxDepth)
        {
            Fail(start, 1, "The JSON is nested too deeply");
            SkipNestedWhenRecovering();
            return null;
        }

        _position++; // '['
        var items = ImmutableArray.CreateBuilder<JsonNode>();
        var expectItem = true; // after '[' or ','
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!SkipTrivia())
            {
                return null;
            }

            if (_position >= _chars.Length)
            {
                Fail(_position, 0, expectItem ? "Unexpected end of the file: expected a value" : "Unexpected end of the file");
                return _options.Recover ? CreateArray(start, items) : null;
            }

            var c = _chars[_position];
            if (c == ']')
            {
                if (expectItem && items.Count > 0 && !_options.AllowTrailingCommas)
                {
                    Fail(_position, 1, "A trailing comma is not allowed in JSON: expected a value");
                    if (!_options.Recover)
                    {
                        return null;
                    }
                }

                _position++;
                return CreateArray(start, items);
            }

            if (!expectItem)
            {
                if (c == ',')
                {
                    _position++;
                    expectItem = true;
                    continue;
                }

                Fail(_position, 1, "Expected ',' or ']' after an array item");
                if (!_options.Recover)
                {
                    return null;
                }

                if (!IsValueStart(c))
                {
                    _position++; // junk between items
                    continue;
                }

                // A missing comma: read on as if it were there.
            }

            var before = _position;
            var item = ParseValue(depth + 1);
            if (item is not null)
            {
                items.Add(item);
            }
            else if (!_options.Recover)
            {
                return null;
            }
            else if (_position == before && !IsStructural(c))
            {
                _position++; // nothing a value starts with
            }

            expectItem = false;
        }
    }

    private JsonArray CreateArray(int start, ImmutableArray<JsonNode>.Builder items) =>
        new(Span(start, _position - start), LineSpan(start, _position - start), items.ToImmutable());

    private JsonString? ParseString(char quote)
    {
        var start = _position;
        var value = ReadString(quote);
        return value is null ? null : new JsonString(Span(start, _position - start), LineSpan(start, _position - start), value);
    }

    /// <summary>Recovering: a value written without quotes, up to the next ',', '}', ']' or line break (<c>hunter2</c>, <c>00:30:00</c>).</summary>
    private JsonString ParseBareValue()
    {
        var start = _position;
        while (_position < _chars.Length && _chars[_position] is not (',' or '}' or ']' or '\n' or '\r'))
        {
            _position++;
        }

        while (_position > start + 1 && char.IsWhiteSpace(_chars[_position - 1]))
        {
            _position--;
        }

        return new JsonString(Span(start, _position - start), LineSpan(start, _position - start), _chars.Substring(start, _position - start));
    }

    /// <summary>Recovering: a property name written without quotes (<c>ClientSecret: "…"</c>).</summary>
    private string ReadBareName()
    {
        var start = _position;
        while (_position < _chars.Length && !char.IsWhiteSpace(_chars[_position]) && _chars[_position] is not (':' or ',' or '{' or '}' or '[' or ']' or '"'))
        {
            _position++;
        }

        return _chars.Substring(start, _position - start);
    }

    /// <summary>Recovering from nesting past <see cref="MaxDepth"/>: skips the value, brackets balanced, without recursion.</summary>
    private void SkipNestedWhenRecovering()
    {
        if (!_options.Recover)
        {
            return;
        }

        var open = 0;
        var inString = false;
        for (; _position < _chars.Length; _position++)
        {
            var c = _chars[_position];
            if (inString)
            {
                if (c == '\\')
                {
                    _position++;
                }
                else if (c is '"' or '\n')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                open++;
            }
            else if (c is '}' or ']' && --open == 0)
            {
                _position++;
                return;
            }

            if ((_position & 0xFFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static bool IsStructural(char c) => c is ',' or ':' or '{' or '}' or '[' or ']' or '"';

    /// <summary>What can start a property, recovering: a name in double or single quotes, or a bare name.</summary>
    private static bool IsMemberStart(char c) => c is '"' or '\'' or '_' or '$' || char.IsLetter(c);

    /// <summary>What can start a value, recovering (bare values included).</summary>
    private static bool IsValueStart(char c) => c is '"' or '\'' or '{' or '[' || IsBareValueStart(c);

    private static bool IsBareValueStart(char c) => !IsStructural(c) && c != '\'' && !char.IsWhiteSpace(c) && !char.IsControl(c);

    /// <summary>
    /// Reads a string token at <see cref="_position"/> (its opening <paramref name="quote"/>), leaving the position after
    /// its closing quote. Recovering, a string left open ends at its line break (or the end of the file), and bad escapes
    /// and control characters are kept as they are.
    /// </summary>
    private string? ReadString(char quote)
    {
        _position++; // opening quote
        _buffer.Clear();
        var runStart = _position;
        while (_position < _chars.Length)
        {
            var c = _chars[_position];
            if (c == quote)
            {
                _buffer.Append(_chars, runStart, _position - runStart);
                _position++;
                return _buffer.ToString();
            }

            if (c == '\\')
            {
                _buffer.Append(_chars, runStart, _position - runStart);
                if (!ReadEscape(quote))
                {
                    if (!_options.Recover)
                    {
                        return null;
                    }

                    if (_position >= _chars.Length)
                    {
                        return _buffer.ToString();
                    }
                }

                runStart = _position;
                continue;
            }

            if (c < ' ')
            {
                var lineBreak = c is '\n' or '\r';
                Fail(_position, 1, lineBreak ? "Unterminated string: a line break must be written \\n inside a string" : "A control character must be escaped inside a string");
                if (!_options.Recover)
                {
                    return null;
                }

                if (lineBreak)
                {
                    // "ClientSecret": "abc,⏎ — the value the editor meant ends before the comma.
                    _buffer.Append(_chars, runStart, _position - runStart);
                    return _buffer.ToString().TrimEnd().TrimEnd(',').TrimEnd();
                }
            }

            // Lone surrogates and U+FFFD (invalid UTF-8, decoded) are kept as they are: not a syntax error here.
            _position++;
            if ((_position & 0xFFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
        }

        Fail(_chars.Length, 0, "Unterminated string: the file ends before its closing quote");
        if (!_options.Recover)
        {
            return null;
        }

        _buffer.Append(_chars, runStart, _position - runStart);
        return _buffer.ToString();
    }

    private bool ReadEscape(char quote)
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
            case '\'' when quote == '\'': _buffer.Append('\''); return true;
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

    private JsonNode? ParseNumber()
    {
        var start = _position;
        var number = ReadNumber();
        if (number is null && _options.Recover)
        {
            // 1.2.3, 0x1F, 10s: a bare value the editor meant as a string.
            _position = start;
            return ParseBareValue();
        }

        return number;
    }

    private JsonNumber? ReadNumber()
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
        return _options.Recover ? ParseBareValue() : null; // True, nil, none: a bare value
    }

    /// <summary>Skips whitespace (and comments when allowed); false after reporting a malformed comment, unless recovering.</summary>
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
                    if (!_options.Recover)
                    {
                        return false;
                    }
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
                        _position = _chars.Length;
                        return _options.Recover;
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
