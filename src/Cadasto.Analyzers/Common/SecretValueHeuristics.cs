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

        // Publicly documented defaults (RabbitMQ's guest/guest): known to everyone, so not a secret.
        "guest",
    };

    /// <summary>Whether <paramref name="value"/> cannot be a real secret.</summary>
    public static bool IsNotASecret(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        return IsTemplateToken(text) || IsMask(text) || IsElided(text) || IsPlaceholderWord(text);
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

    /// <summary><c>...</c>, <c>… only from configuration</c>: a value left out on purpose, as documentation writes it.</summary>
    private static bool IsElided(string text) =>
        text.StartsWith("...", StringComparison.Ordinal) || text.StartsWith("\u2026", StringComparison.Ordinal)
        || text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith("\u2026", StringComparison.Ordinal);

    /// <summary>
    /// <c>xxx</c>, <c>*****</c>, <c>•••••</c>, <c>****-****-1234</c>: one character repeated, or a value that is
    /// mostly masking characters.
    /// </summary>
    private static bool IsMask(string text)
    {
        var first = char.ToLowerInvariant(text[0]);
        var repeated = first is 'x' or '0' || !char.IsLetterOrDigit(first);
        var masking = 0;
        foreach (var c in text)
        {
            if (char.ToLowerInvariant(c) != first)
            {
                repeated = false;
            }

            if (c is '*' or '\u2022' or '\u25CF')
            {
                masking++;
            }
        }

        return repeated || masking * 2 >= text.Length;
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
