using System;

namespace Cadasto.Analyzers.Common;

/// <summary>
/// What is never a secret, whatever receives it: empty text, placeholders a team writes where the
/// real value goes, template tokens that a build or deployment substitutes, and masks.
/// </summary>
internal static class SecretValueHeuristics
{
    // Compared case-insensitively after dropping separators, so REPLACE_ME, replace-me and ReplaceMe match.
    private static readonly string[] PlaceholderWords =
    {
        "changeme", "replaceme", "yoursecret", "yourclientsecret", "yourpassword", "yourapikey", "yourkey",
        "yourtoken", "placeholder", "todo", "tbd", "fixme", "insertsecrethere", "secrethere", "notset", "none", "null",
        "redacted",
    };

    /// <summary>Whether <paramref name="value"/> cannot be a real secret.</summary>
    public static bool IsNotASecret(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        return IsTemplateToken(text) || IsMask(text) || IsPlaceholderWord(text);
    }

    /// <summary><c>&lt;your-secret&gt;</c>, <c>${VAR}</c>, <c>$(Var)</c>, <c>%VAR%</c>, <c>{{var}}</c>, <c>#{var}#</c>, <c>[secret]</c>.</summary>
    private static bool IsTemplateToken(string text) =>
        Wrapped(text, "<", ">")
        || Wrapped(text, "${", "}")
        || Wrapped(text, "$(", ")")
        || Wrapped(text, "%", "%")
        || Wrapped(text, "{{", "}}")
        || Wrapped(text, "#{", "}#")
        || Wrapped(text, "__", "__")
        || (Wrapped(text, "[", "]") && text.IndexOf(' ') < 0 && text.Length <= 64);

    private static bool Wrapped(string text, string open, string close) =>
        text.Length > open.Length + close.Length
        && text.StartsWith(open, StringComparison.Ordinal)
        && text.EndsWith(close, StringComparison.Ordinal);

    /// <summary><c>xxx</c>, <c>*****</c>, <c>.....</c>: one character repeated.</summary>
    private static bool IsMask(string text)
    {
        var first = char.ToLowerInvariant(text[0]);
        if (first is not ('x' or '*' or '.' or '-' or '#' or '?' or '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.ToLowerInvariant(c) != first)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlaceholderWord(string text)
    {
        if (text.Length > 40)
        {
            return false;
        }

        foreach (var word in PlaceholderWords)
        {
            if (EqualsIgnoringSeparators(text, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares letters and digits only, case-insensitively, without allocating.</summary>
    private static bool EqualsIgnoringSeparators(string text, string lowerCaseWord)
    {
        var matched = 0;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            if (matched == lowerCaseWord.Length || char.ToLowerInvariant(c) != lowerCaseWord[matched])
            {
                return false;
            }

            matched++;
        }

        return matched == lowerCaseWord.Length;
    }
}
