using System;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// Text written in a pattern language (a glob or a regular expression): what a value is matched against, never the value.
/// Two readings: a whole value that is mostly pattern syntax (<see cref="IsWildcardPattern"/>, a cache key's or a file's
/// pattern), and the value of a connection string's or URL's credential that opens onto regular-expression syntax
/// (<see cref="IsRegexCapture"/>, the pattern that extracts a password from a connection string).
/// </summary>
internal static class PatternSyntax
{
    /// <summary>
    /// <c>[^0]*</c>, <c>*.?</c>, <c>[0-9]+</c>: a glob or regular-expression pattern (a cache key's or a file's), at least half
    /// of it pattern syntax and at most three letters or digits — what a value is matched against, not a value.
    /// </summary>
    public static bool IsWildcardPattern(string text)
    {
        var syntax = 0;
        var alphanumeric = 0;
        var wildcard = false;
        foreach (var c in text)
        {
            if (c is '*' or '?' or '+')
            {
                wildcard = true;
                syntax++;
            }
            else if (c is '[' or ']' or '^' or '$' or '(' or ')' or '|' or '.' or '\\' or '-')
            {
                syntax++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                alphanumeric++;
            }
            else
            {
                return false;
            }
        }

        return wildcard && alphanumeric <= 3 && syntax * 2 >= text.Length;
    }

    // What a regular expression writes and a password does not: a negated or quantified class, a group's modifier, any
    // character repeated, a lazy quantifier, a class escape, a group opening onto one of these.
    private static readonly string[] Constructs =
    {
        "[^", "]*", "]+", "]{", "(?", ".*", ".+", "*?", "+?", @"\w", @"\W", @"\s", @"\S", @"\d", @"\D", "([", "(.", @"(\",
    };

    /// <summary>
    /// <c>^(?&lt;name&gt;.*?)[ _.-]+…$</c>, <c>([eE]x(tra)?\.\w+)</c>: a whole value that writes two different constructs of a
    /// regular expression (<see cref="Constructs"/>) is a pattern. Asked under the name of something issued (a token), which
    /// is never written so; a password may hold such characters, so it is not asked there.
    /// </summary>
    public static bool IsRegularExpression(string text)
    {
        var found = 0;
        foreach (var construct in Constructs)
        {
            if (text.IndexOf(construct, StringComparison.Ordinal) >= 0 && ++found == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Password=([^;]+?);</c>, <c>Password=(?&lt;pwd&gt;.*?)(;|$)</c>, <c>Pwd=\S+;</c>, <c>AccountKey=[A-Za-z0-9+/=]{40,}</c>: the
    /// value of a connection string's keyword (or a URL's password) that starts at <paramref name="valueStart"/> with
    /// regular-expression syntax and goes on to write one of its constructs is the capture of a pattern that reads the value
    /// out of a connection string, not a value. The rest of the text is read, not the pair's value, because the pattern's
    /// own <c>;</c> or <c>?</c> cut the pair short (<c>([^</c>). A password may hold such characters, but does not open with a
    /// group or a class and then write a pattern's construct.
    /// </summary>
    public static bool IsRegexCapture(string text, int valueStart)
    {
        var start = valueStart;
        while (start < text.Length && text[start] is ' ' or '\'' or '"')
        {
            start++;
        }

        if (start >= text.Length - 1 || text[start] is not ('(' or '[' or '\\' or '.' or '^' or '?'))
        {
            return false;
        }

        foreach (var construct in Constructs)
        {
            if (text.IndexOf(construct, start, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
