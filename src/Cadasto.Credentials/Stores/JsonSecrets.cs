using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads a JSON document into configuration-style keys (<c>{"a":{"b":"x"}}</c> gives <c>a:b</c>, array items
/// <c>a:0</c>), as the user-secrets file is laid out, with System.Text.Json's reader. Depth is bounded
/// (<see cref="MaxDepth"/>, the depth System.Text.Json and the configuration JSON provider use): a deeper document is
/// refused with a clear error, not a stack overflow. Errors name the line and position only: the text of a secrets
/// file is never quoted back.
/// </summary>
internal static class JsonSecrets
{
    /// <summary>The deepest nesting read: 64 levels.</summary>
    public const int MaxDepth = 64;

    public static IReadOnlyDictionary<string, string?> Read(string text, string what)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        if (text.Trim().Length == 0)
        {
            return values;
        }

        // The reader's own limit is one level past ours, so that ours (with its clearer message) always fires first.
        var reader = new Utf8JsonReader(
            Encoding.UTF8.GetBytes(text),
            new JsonReaderOptions { MaxDepth = MaxDepth + 1, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var index = new Stack<int>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= MaxDepth)
                        {
                            throw new CadastoCredentialsException(
                                $"The {what} nests deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels (line {LineOf(text, reader.TokenStartIndex).ToString(CultureInfo.InvariantCulture)}): it is not a secrets file the tools write; fix or recreate it.");
                        }

                        if (index.Count > 0 && index.Peek() >= 0)
                        {
                            path.Add(NextIndex(index));
                        }

                        index.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        index.Pop();
                        EndValue(path, index);
                        break;
                    case JsonTokenType.PropertyName:
                        path.Add(reader.GetString()!);
                        break;
                    default:
                        if (index.Count > 0 && index.Peek() >= 0)
                        {
                            path.Add(NextIndex(index));
                        }

                        if (path.Count > 0)
                        {
                            values[string.Join(":", path)] = reader.TokenType switch
                            {
                                JsonTokenType.String => reader.GetString(),
                                JsonTokenType.Null => null,
                                _ => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
                            };
                        }

                        EndValue(path, index);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new CadastoCredentialsException(
                $"The {what} is not valid JSON (line {((exception.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}, position {((exception.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}): fix or recreate it.");
        }

        return values;
    }

    private static string NextIndex(Stack<int> index)
    {
        var next = index.Pop();
        index.Push(next + 1);
        return next.ToString(CultureInfo.InvariantCulture);
    }

    // A value, object or array is done: drop its name (a property name or an array index) from the path.
    // The path holds one name per open container below the root.
    private static void EndValue(List<string> path, Stack<int> index)
    {
        while (path.Count > 0 && path.Count > index.Count - 1)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static int LineOf(string text, long byteIndex)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var line = 1;
        for (var i = 0; i < byteIndex && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
