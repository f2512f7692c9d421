using System;
using System.Collections.Generic;
using Cadasto.Analyzers.Catalogs;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// Connection strings in configuration values (CDS1004): ADO.NET and Azure <c>key=value;…</c>, StackExchange.Redis
/// <c>host:port,password=…</c>, and whether one carries a secret under a keyword of <see cref="ConnectionStringCatalog"/>.
/// CDS1003 reads connection strings in code with the same catalogue (<see cref="CredentialShapes"/>).
/// </summary>
internal static class ConnectionStrings
{
    /// <summary>
    /// <c>key=value;key=value</c> (ADO.NET, Azure) or <c>host:port,password=…</c> (StackExchange.Redis): what a
    /// connection string looks like, not a URL's query.
    /// </summary>
    public static bool IsConnectionString(string value) =>
        value.IndexOf('=') > 0
        && (value.IndexOf(';') > 0 || StartsWithSecretKeyword(value) || IsRedisConfiguration(value))
        && value.IndexOf("://", StringComparison.Ordinal) is < 0 or > 8;

    private static bool IsRedisConfiguration(string value) =>
        value.IndexOf(",password=", StringComparison.OrdinalIgnoreCase) > 0 && value.IndexOf(';') < 0;

    /// <summary>
    /// <c>Server=…;Password=…</c>, <c>AccountKey=…</c>, <c>SharedAccessKey=…</c> with a real value (not a placeholder, not
    /// one of <paramref name="allowedPlaceholders"/>, not an emulator's published key); <paramref name="keyword"/> names the keyword.
    /// </summary>
    public static bool TryFindSecret(string value, HashSet<string> allowedPlaceholders, out string keyword)
    {
        keyword = "";
        if (!IsConnectionString(value))
        {
            return false;
        }

        if (ConnectionStringCatalog.IsEmulator(value))
        {
            return false;
        }

        foreach (var pair in Pairs(value, IsRedisConfiguration(value) ? RedisSeparators : ConfigurationSeparators))
        {
            if (ConnectionStringCatalog.IsSecretKeyword(pair.Keyword) && !SecretValueHeuristics.IsNotASecret(pair.Value, allowedPlaceholders)
                && !PatternSyntax.IsRegexCapture(value, value.IndexOf('=', pair.Start) + 1))
            {
                keyword = pair.Keyword;
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a pair ends in a configuration value: <c>;</c> (ADO.NET, Azure).</summary>
    public static readonly char[] ConfigurationSeparators = { ';' };

    /// <summary>Where a pair ends in StackExchange.Redis's <c>host:port,password=…</c>.</summary>
    public static readonly char[] RedisSeparators = { ',' };

    /// <summary>
    /// Where a pair ends in a literal in code, which may hold a connection string, a URL's query or a form body:
    /// <c>;</c>, <c>,</c>, <c>&amp;</c>, <c>?</c>, a line break.
    /// </summary>
    public static readonly char[] CodeSeparators = { ';', ',', '&', '?', '\n' };

    /// <summary>
    /// The one splitter of connection strings: every <c>keyword=value</c> of <paramref name="text"/>, a pair ending at any
    /// of <paramref name="separators"/>; the keyword trimmed, the value trimmed and unquoted. A segment without
    /// <c>=</c> is no pair. Keywords are matched with <see cref="ConnectionStringCatalog"/> by the callers.
    /// </summary>
    public static IEnumerable<ConnectionStringPair> Pairs(string text, char[] separators)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(separators, start);
            if (end < 0)
            {
                end = text.Length;
            }

            var equals = text.IndexOf('=', start, end - start);
            if (equals > start)
            {
                yield return new ConnectionStringPair(
                    text.Substring(start, equals - start).Trim(),
                    text.Substring(equals + 1, end - equals - 1).Trim().Trim('\'', '"'),
                    start);
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// <c>Default credentials are: username=…, password=…</c>: pairs written inside a sentence. A connection string's keyword
    /// is a name (<c>User ID</c>, <c>Multiple Active Result Sets</c>: letters, digits, blanks, <c>_ . -</c>, at most four
    /// words); a keyword that holds more, or other characters (a colon, a bracket), is the text around the pairs.
    /// </summary>
    public static bool IsProseAroundPairs(string text, char[] separators)
    {
        foreach (var pair in Pairs(text, separators))
        {
            if (!IsKeywordName(pair.Keyword))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeywordName(string keyword)
    {
        var words = 1;
        for (var i = 0; i < keyword.Length; i++)
        {
            var c = keyword[i];
            if (c == ' ')
            {
                words += i > 0 && keyword[i - 1] != ' ' ? 1 : 0;
            }
            else if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return words <= 4;
    }

    /// <summary>
    /// <c>AccountKey=…</c> alone: an access key is a connection string's secret even without other pairs; a password alone
    /// (<c>password=letmein</c>) is a message or a form field, as CDS1003 judges it in code.
    /// </summary>
    private static bool StartsWithSecretKeyword(string value)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        var keyword = value.Substring(0, equals).Trim();
        return IsConnectionStringSecretKey(keyword) && !ConnectionStringCatalog.IsPasswordKeyword(keyword);
    }

    private static bool IsConnectionStringSecretKey(string name) => ConnectionStringCatalog.IsSecretKeyword(name);
}

/// <summary>One <c>keyword=value</c> of a connection string, and where its keyword starts in the text.</summary>
internal readonly record struct ConnectionStringPair(string Keyword, string Value, int Start);
