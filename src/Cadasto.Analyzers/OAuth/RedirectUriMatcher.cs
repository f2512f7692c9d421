using System;
using System.Collections.Generic;

using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// Redirect URI comparison as RFC 9700 §2.1 asks: exact string match, except that scheme and host
/// compare case-insensitively and a loopback URI (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>) may
/// differ in port (RFC 8252 §7.3). Also what makes one insecure, and which registered one is closest.
/// </summary>
internal static class RedirectUriMatcher
{
    /// <summary>Whether <paramref name="uri"/> matches one of <paramref name="registered"/>.</summary>
    public static bool IsRegistered(string uri, IEnumerable<string> registered)
    {
        foreach (var candidate in registered)
        {
            if (Matches(uri, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the path of a <c>CallbackPath</c> is the path of one of the registered absolute URIs.</summary>
    public static bool IsRegisteredPath(string path, IEnumerable<string> registered)
    {
        path = path.Trim();
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            path = "/" + path;
        }

        foreach (var candidate in registered)
        {
            if (PathOf(candidate) is { } registeredPath && string.Equals(registeredPath, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Matches(string uri, string registered)
    {
        var left = Parse(uri.Trim());
        var right = Parse(registered.Trim());
        if (left.Scheme is null || right.Scheme is null)
        {
            return string.Equals(uri.Trim(), registered.Trim(), StringComparison.Ordinal);
        }

        if (!string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase)
            || (left.Host is null) != (right.Host is null)
            || !string.Equals(left.UserInfo, right.UserInfo, StringComparison.Ordinal)
            || !string.Equals(left.Rest, right.Rest, StringComparison.Ordinal))
        {
            return false;
        }

        if (left.Host is null)
        {
            return true;
        }

        if (!string.Equals(left.Host, right.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return IsLoopbackHost(left.Host) || string.Equals(left.Port, right.Port, StringComparison.Ordinal);
    }

    /// <summary>The registered URI nearest to <paramref name="uri"/> (edit distance), or null when none is registered.</summary>
    public static string? Closest(string uri, IEnumerable<string> registered, bool comparePaths)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in registered)
        {
            var compared = comparePaths ? PathOf(candidate) : candidate;
            if (compared is null)
            {
                continue;
            }

            var distance = Distance(uri.ToLowerInvariant(), compared.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = compared;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Why a redirect URI is insecure, or null: plain http other than loopback, a wildcard, a fragment,
    /// and (when <paramref name="requiresAbsolute"/>) a relative URI.
    /// </summary>
    public static string? InsecureReason(string uri, bool requiresAbsolute)
    {
        var text = uri.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.IndexOf('*') >= 0)
        {
            return "a wildcard";
        }

        if (text.IndexOf('#') >= 0)
        {
            return "a fragment";
        }

        var parts = Parse(text);
        if (parts.Scheme is null)
        {
            return requiresAbsolute ? "a relative URI" : null;
        }

        if (string.Equals(parts.Scheme, "http", StringComparison.OrdinalIgnoreCase) && !(parts.Host is { } host && IsLoopbackHost(host)))
        {
            return "plain http";
        }

        return null;
    }

    /// <summary>
    /// A redirect URI as every message shows it (CDS3001, CDS3002, the closest registered one): trimmed, and with any
    /// user information masked (<c>https://***@host/</c>), since a password there is a secret.
    /// </summary>
    public static string Display(string uri) => Values.UriUserInfo.MaskIn(uri.Trim());

    /// <summary>Whether the text has no scheme (a path or a relative reference).</summary>
    public static bool IsRelative(string uri) => Parse(uri.Trim()).Scheme is null;

    /// <summary>
    /// The host and port of an absolute URI with an authority and no user information (<c>http://localhost:4566/q</c>:
    /// <c>localhost</c>, <c>4566</c>); false for anything else. The one reading of a URI's authority (<see cref="Parse"/>).
    /// </summary>
    public static bool TryGetHostAndPort(string uri, out string host, out string? port)
    {
        var parts = Parse(uri.Trim());
        host = parts.Host ?? string.Empty;
        port = parts.Port;
        return parts.Host is { Length: > 0 } && parts.UserInfo is null;
    }

    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host == "[::1]"
        || IsIPv4Loopback(host);

    /// <summary>An IPv4 literal in 127.0.0.0/8; a DNS name that merely starts with "127." (127.0.0.1.nip.io) is not one.</summary>
    private static bool IsIPv4Loopback(string host)
    {
        var octets = host.Split('.');
        if (octets.Length != 4 || octets[0] != "127")
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (octet.Length is 0 or > 3 || !int.TryParse(octet, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path of an absolute URI with a host (<c>/signin-oidc</c>), or null.</summary>
    public static string? PathOf(string uri)
    {
        var parts = Parse(uri.Trim());
        if (parts.Host is null)
        {
            return null;
        }

        var end = parts.Rest.IndexOfAny(new[] { '?', '#' });
        var path = end < 0 ? parts.Rest : parts.Rest.Substring(0, end);
        return path.Length == 0 ? "/" : path;
    }

    private static UriParts Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text, colon))
        {
            return new UriParts(null, null, null, text, null);
        }

        var scheme = text.Substring(0, colon);
        var after = text.Substring(colon + 1);
        if (!after.StartsWith("//", StringComparison.Ordinal))
        {
            return new UriParts(scheme, null, null, after, null);
        }

        var authorityEnd = after.IndexOfAny(new[] { '/', '?', '#' }, 2);
        var authority = authorityEnd < 0 ? after.Substring(2) : after.Substring(2, authorityEnd - 2);
        var rest = authorityEnd < 0 ? string.Empty : after.Substring(authorityEnd);
        // User info is not the host, but it is part of the URI: exact comparison keeps it (RFC 9700 §2.1).
        string? userInfo = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = authority.Substring(0, at);
            authority = authority.Substring(at + 1);
        }

        string host;
        string? port = null;
        var bracket = authority.LastIndexOf(']');
        var portColon = authority.LastIndexOf(':');
        if (portColon > bracket)
        {
            host = authority.Substring(0, portColon);
            port = authority.Substring(portColon + 1);
        }
        else
        {
            host = authority;
        }

        return new UriParts(scheme, host, port, rest, userInfo);
    }

    private static bool IsScheme(string text, int colon)
    {
        if (!char.IsLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private readonly record struct UriParts(string? Scheme, string? Host, string? Port, string Rest, string? UserInfo);
}
