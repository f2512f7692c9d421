using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a JSON document into configuration-style keys (<c>{"a":{"b":"x"}}</c> gives <c>a:b</c>),
/// as the user-secrets file is laid out. netstandard2.0 has no JSON reader and this library takes no
/// dependency beyond the Microsoft.Extensions abstractions, so it carries this small one. Errors name
/// the offset only: the text of a secrets file is never quoted back.
/// </summary>
internal sealed class FlatJsonReader
{
    private readonly string _text;
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private int _position;

    private FlatJsonReader(string text) => _text = text;

    public static IReadOnlyDictionary<string, string?> Read(string text)
    {
        var reader = new FlatJsonReader(text);
        reader.SkipWhiteSpace();
        if (reader._position < text.Length && text[reader._position] == '\uFEFF')
        {
            reader._position++;
            reader.SkipWhiteSpace();
        }

        if (reader._position == text.Length)
        {
            return reader._values;
        }

        reader.ReadValue(prefix: null);
        reader.SkipWhiteSpace();
        if (reader._position != text.Length)
        {
            throw reader.Error("unexpected content after the document");
        }

        return reader._values;
    }

    private void ReadValue(string? prefix)
    {
        SkipWhiteSpace();
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of the document");
        }

        switch (_text[_position])
        {
            case '{':
                ReadObject(prefix);
                break;
            case '[':
                ReadArray(prefix);
                break;
            case '"':
                Set(prefix, ReadString());
                break;
            default:
                Set(prefix, ReadLiteral());
                break;
        }
    }

    private void ReadObject(string? prefix)
    {
        _position++;
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            _position++;
            return;
        }

        while (true)
        {
            SkipWhiteSpace();
            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }

            var name = ReadString();
            SkipWhiteSpace();
            Expect(':');
            ReadValue(prefix is null ? name : prefix + ":" + name);
            SkipWhiteSpace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}');
            return;
        }
    }

    private void ReadArray(string? prefix)
    {
        _position++;
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            _position++;
            return;
        }

        for (var index = 0; ; index++)
        {
            var key = index.ToString(CultureInfo.InvariantCulture);
            ReadValue(prefix is null ? key : prefix + ":" + key);
            SkipWhiteSpace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return;
        }
    }

    private string ReadString()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            var escaped = _text[_position++];
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("invalid \\u escape");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error("invalid escape");
            }
        }

        throw Error("unterminated string");
    }

    private string? ReadLiteral()
    {
        var start = _position;
        while (_position < _text.Length && ",}] \t\r\n".IndexOf(_text[_position]) < 0)
        {
            _position++;
        }

        var literal = _text.Substring(start, _position - start);
        if (literal == "null")
        {
            return null;
        }

        if (literal == "true" || literal == "false"
            || double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return literal;
        }

        _position = start;
        throw Error("unexpected token");
    }

    private void Set(string? key, string? value)
    {
        if (key is not null)
        {
            _values[key] = value;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}'");
        }

        _position++;
    }

    private void SkipWhiteSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string what) =>
        new($"{what} at offset {_position.ToString(CultureInfo.InvariantCulture)}");
}
