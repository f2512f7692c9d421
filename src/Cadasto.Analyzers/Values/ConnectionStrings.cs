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

        var separator = IsRedisConfiguration(value) ? ',' : ';';

        if (ConnectionStringCatalog.IsEmulator(value))
        {
            return false;
        }

        var start = 0;
        while (start < value.Length)
        {
            var end = value.IndexOf(separator, start);
            if (end < 0)
            {
                end = value.Length;
            }

            var equals = value.IndexOf('=', start);
            if (equals > start && equals < end)
            {
                var name = value.Substring(start, equals - start).Trim();
                var secret = value.Substring(equals + 1, end - equals - 1).Trim().Trim('\'', '"');
                if (IsConnectionStringSecretKey(name) && !SecretValueHeuristics.IsNotASecret(secret, allowedPlaceholders))
                {
                    keyword = name;
                    return true;
                }
            }

            start = end + 1;
        }

        return false;
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
