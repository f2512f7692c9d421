using System;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// The one "is this the name of a key" test: a value that names where a credential is kept rather than being it —
/// a configuration path (<c>Cadasto:ClientSecret</c>, <c>Cadasto__ClientSecret</c> as environment variables spell it)
/// or an environment variable (<c>CADASTO_CLIENT_SECRET</c>) whose last word is a credential word. CDS1001 (at a
/// sink), CDS1002 (under a credential name) and CDS1004 (under a credential key) all ask it; CDS1002 and CDS1004 add
/// labels on top (<see cref="CredentialValueShape.IsNameOrLabel"/>). Allocation-free.
/// </summary>
internal static class KeyNames
{
    /// <summary>Whether <paramref name="text"/> is a configuration path or an environment variable's name ending with a credential word.</summary>
    public static bool IsCredentialKeyName(string text, CredentialNames names)
    {
        var value = text.Trim();
        if (value.Length < 3 || value.Length > 128 || !char.IsLetter(value[0]) || !IsIdentifierLike(value, allowSlash: false))
        {
            return false;
        }

        var colon = value.IndexOf(':');
        var isConfigurationPath = colon > 0 && value.IndexOf("::", StringComparison.Ordinal) < 0 && value[value.Length - 1] != ':';
        var doubleUnderscore = value.LastIndexOf("__", StringComparison.Ordinal);
        var isVariablePath = doubleUnderscore > 0 && doubleUnderscore + 2 < value.Length;
        var isVariableName = colon < 0 && value.IndexOf('_') > 0 && !HasLower(value);
        return (isConfigurationPath || isVariablePath || isVariableName) && names.IsCredentialName(value);
    }

    /// <summary>
    /// <c>SOFTWARE\App\Credentials</c>, <c>\Credentials</c> (a subkey joined to a root key's constant): a registry key path,
    /// segments of a name's characters joined by backslashes, whose last segment is a credential name — where credentials
    /// are kept, not one.
    /// </summary>
    public static bool IsRegistryKeyPath(string text, CredentialNames names)
    {
        var value = text.Trim();
        var last = value.LastIndexOf('\\');
        if (last < 0 || last == value.Length - 1 || value.Length > 260 || value.IndexOf("\\\\", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or '\\'))
            {
                return false;
            }
        }

        var segment = value.Substring(last + 1);
        return char.IsLetter(segment[0]) && IsIdentifierLike(segment, allowSlash: false) && names.IsCredentialName(segment);
    }

    /// <summary>
    /// <c>BlobStorageConnectionString</c>, <c>Orders:DbConnectionString</c>, <c>ORDERS_CONNECTION_STRING</c>: the name of a
    /// setting that holds a connection string (words before <c>ConnectionString</c>, no spaces, no <c>=</c>), as a test
    /// names the secret it needs. A connection string itself is <c>key=value</c> pairs, so the name is never the value.
    /// </summary>
    public static bool IsConnectionStringName(string text)
    {
        var value = text.Trim();
        return value.Length > ConnectionString.Length && value.Length <= 128 && char.IsLetter(value[0])
               && IsIdentifierLike(value, allowSlash: false)
               && SeparatorInsensitiveText.EndsWith(value, ConnectionString)
               && CredentialNames.SplitWordCount(value) >= 3;
    }

    private const string ConnectionString = "connectionstring";

    /// <summary>Letters, digits and the separators names use (<c>_ - . :</c>, and <c>/</c> where <paramref name="allowSlash"/>).</summary>
    public static bool IsIdentifierLike(string text, bool allowSlash)
    {
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':' || (allowSlash && c == '/')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLower(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }
}
