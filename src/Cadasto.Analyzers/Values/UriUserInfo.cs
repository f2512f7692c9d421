using System;
using System.Text;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// User information in a URI (<c>https://user:password@host/</c>): a password there is a secret, wherever the URI is
/// written. The one place that finds it and masks it, for the manifest (CDS9003), every message that shows a URI
/// (CDS3001, CDS3002) and the CLI's output.
/// </summary>
internal static class UriUserInfo
{
    /// <summary>What replaces the user information in anything shown.</summary>
    public const string Mask = "***";

    /// <summary>Whether <paramref name="text"/> holds a URI (<c>scheme://</c>) whose authority has user information.</summary>
    public static bool Contains(string text)
    {
        var from = 0;
        return Next(text, ref from, out _, out _);
    }

    /// <summary><paramref name="text"/> with the user information of every URI in it replaced by <see cref="Mask"/>: <c>https://***@host/</c>.</summary>
    public static string MaskIn(string text)
    {
        if (text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        var from = 0;
        while (Next(text, ref from, out var start, out var at))
        {
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied).Append(Mask);
            copied = at;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The next URI authority with user information at or after <paramref name="from"/>: <paramref name="start"/> is where
    /// the user information begins (after <c>://</c>), <paramref name="at"/> the index of the <c>@</c> that ends it.
    /// </summary>
    private static bool Next(string text, ref int from, out int start, out int at)
    {
        while (from < text.Length)
        {
            var separator = text.IndexOf("://", from, StringComparison.Ordinal);
            if (separator < 0)
            {
                break;
            }

            start = separator + 3;
            var end = start;
            while (end < text.Length && !EndsAuthority(text[end]))
            {
                end++;
            }

            from = end;
            at = end > start ? text.LastIndexOf('@', end - 1, end - start) : -1;
            if (at >= start)
            {
                return true;
            }
        }

        start = at = -1;
        return false;
    }

    /// <summary>RFC 3986 §3.2: the authority ends at the path, query or fragment; text around a URI ends it too.</summary>
    private static bool EndsAuthority(char c) =>
        c is '/' or '?' or '#' or '\\' or '"' or '\'' or '<' or '>' or '`' || char.IsWhiteSpace(c) || char.IsControl(c);
}
