using System;
using System.Text;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// The text a base64 constant encodes, when it encodes text at all: the one decoder of the value judgements (a Basic
/// header's <c>id:secret</c>, an encoded placeholder, a test's encoded sentinel).
/// </summary>
internal static class Base64Text
{
    /// <summary>
    /// Whether <paramref name="text"/> is padded base64 (eight characters or more, at most <paramref name="maxLength"/>) of
    /// UTF-8 text without control characters; <paramref name="decoded"/> is that text. Random bytes almost never decode so.
    /// </summary>
    public static bool TryDecode(string text, int maxLength, out string decoded)
    {
        decoded = "";
        if (text.Length < 8 || text.Length > maxLength || text.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' || c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c is '+' or '/' or '='))
            {
                return false;
            }
        }

        string value;
        try
        {
            value = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFFFD')
            {
                return false;
            }
        }

        decoded = value;
        return true;
    }
}
