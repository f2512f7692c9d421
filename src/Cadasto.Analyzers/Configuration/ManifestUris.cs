using System;

using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// What CDS9003 calls a malformed URI in the manifest. Only malformed: an insecure but well-formed
/// redirect URI (http, a wildcard, a fragment, a relative one) is CDS3002's, so one value never gets two findings.
/// </summary>
internal static class ManifestUris
{
    /// <summary>An authority: an absolute http or https URI with a host.</summary>
    public static bool IsValidAuthority(string value) =>
        !HasBlankOrControl(value)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>
    /// An authority that is, or holds, a placeholder: the whole value (<c>REPLACE_ME</c>, <c>&lt;authority&gt;</c>), or a
    /// host label or path segment of three characters or more (<c>https://YOUR_TENANT.auth.example</c>,
    /// <c>https://login.example.com/{tenant}/v2.0</c>), judged by the product's one placeholder vocabulary.
    /// </summary>
    public static bool HasPlaceholder(string value)
    {
        if (Values.SecretValueHeuristics.IsPlaceholder(value))
        {
            return true;
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? value : value.Substring(scheme + 3);
        foreach (var part in rest.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= 3 && Values.SecretValueHeuristics.IsPlaceholder(part))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] PartSeparators = { '/', '.', ':', '?', '#', '&', '=' };

    /// <summary>A Key Vault URI: absolute https with a host.</summary>
    public static bool IsValidVaultUri(string value) =>
        !HasBlankOrControl(value)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.Host.Length > 0;

    /// <summary>
    /// A redirect URI that cannot be parsed: empty, with blanks or control characters, or with a scheme
    /// and yet not a URI (a wildcard is read as a letter here, so <c>https://*.example.com</c> is CDS3002's,
    /// not malformed). A scheme-less text is a relative URI: CDS3002.
    /// </summary>
    public static bool IsMalformedRedirectUri(string value)
    {
        if (value.Length == 0 || HasBlankOrControl(value))
        {
            return true;
        }

        if (!HasScheme(value))
        {
            return false;
        }

        var candidate = value.Replace('*', 'w');
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri))
        {
            return true;
        }

        // "https:/callback" or "https:callback": a web scheme needs a host.
        return (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length == 0;
    }

    /// <summary>A CORS origin: http or https, a host, an optional port, and no path, query, fragment or user info.</summary>
    public static bool IsValidOrigin(string value)
    {
        if (value.Length == 0 || HasBlankOrControl(value) || !HasScheme(value))
        {
            return false;
        }

        var candidate = value.Replace('*', 'w');
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
            && uri.UserInfo.Length == 0
            && (uri.AbsolutePath == "/" || uri.AbsolutePath.Length == 0)
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0
            && !candidate.EndsWith("?", StringComparison.Ordinal)
            && !candidate.EndsWith("#", StringComparison.Ordinal);
    }

    private static bool HasScheme(string value)
    {
        // RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        if (value.Length < 2 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return true;
            }

            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool HasBlankOrControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
