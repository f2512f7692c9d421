using System;
using Cadasto.Analyzers.Catalogs;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// JSON Web Keys (RFC 7517) written as text, in configuration or in a C# literal: whether one holds its private or
/// secret part (<see cref="PrivateKeyFormats"/>).
/// </summary>
internal static class JsonWebKeys
{
    /// <summary>
    /// A JSON Web Key written as a string that holds its private part with key material in it, as IdentityServer
    /// samples keep signing keys: <c>"{'kty':'RSA','d':'…',…}"</c>, a raw string literal of a client's assertion key,
    /// or a serialized <c>JsonWebKey</c> (<c>"Kty"</c>, <c>"D"</c>). A public key (no <c>d</c>, or <c>"D":null</c>)
    /// is not one.
    /// </summary>
    public static bool HasPrivatePart(string value)
    {
        var text = value.Trim();
        if (text.Length < 20 || text[0] != '{'
            || text.IndexOf(PrivateKeyFormats.JsonWebKeyMarker, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        foreach (var quote in new[] { '\'', '"' })
        {
            foreach (var name in PrivateKeyFormats.JsonWebKeyPrivateMembers)
            {
                var member = quote + name + quote;
                var at = text.IndexOf(member, StringComparison.OrdinalIgnoreCase);
                while (at >= 0)
                {
                    var next = SkipBlanks(text, at + member.Length);
                    if (next < text.Length && text[next] == ':' && HoldsKeyMaterial(text, SkipBlanks(text, next + 1), quote))
                    {
                        return true;
                    }

                    at = text.IndexOf(member, at + member.Length, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        return false;
    }

    /// <summary>A JSON Web Key written as an object: its <c>d</c> (or a symmetric key's <c>k</c>) member is the private key.</summary>
    public static bool IsPrivateMember(string key, bool objectHasKty)
    {
        if (!objectHasKty)
        {
            return false;
        }

        foreach (var name in PrivateKeyFormats.JsonWebKeyPrivateMembers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipBlanks(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>A quoted base64url value of <see cref="PrivateKeyFormats.MinimumKeyCharacters"/> or more (not <c>null</c>, not <c>"..."</c>).</summary>
    private static bool HoldsKeyMaterial(string text, int at, char quote)
    {
        if (at >= text.Length || text[at] != quote)
        {
            return false;
        }

        var length = 0;
        for (var i = at + 1; i < text.Length && text[i] != quote; i++)
        {
            if (!(char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '+' or '/' or '='))
            {
                return false;
            }

            length++;
        }

        return length >= PrivateKeyFormats.MinimumKeyCharacters;
    }
}
