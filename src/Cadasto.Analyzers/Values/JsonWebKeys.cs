using System;
using System.Collections.Immutable;
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
    /// or a serialized <c>JsonWebKey</c> (<c>"Kty"</c>, <c>"D"</c>); also .NET's <c>RSAParameters</c> as JSON
    /// (<c>"Modulus"</c>, <c>"D"</c>). A public key (no private member, or <c>"D":null</c>) is not one.
    /// </summary>
    public static bool HasPrivatePart(string value) => PrivateKeyKind(value) is not null;

    /// <summary>The kind of JSON private key <paramref name="value"/> is (<see cref="PrivateKeyFormats.Formats"/>), or null.</summary>
    public static string? PrivateKeyKind(string value) => PrivateKeyKind(value, PublishedExampleValues.Rows);

    /// <summary>
    /// As <see cref="PrivateKeyKind(string)"/>; a private member whose value a specification publishes as its example
    /// (<paramref name="published"/>: RFC 7517's example RSA key, copied into tests as a DPoP or signing key) holds no one's key.
    /// </summary>
    internal static string? PrivateKeyKind(string value, ImmutableArray<PublishedExampleValue> published)
    {
        var text = value.Trim();
        if (text.Length < 20 || text[0] != '{')
        {
            return null;
        }

        foreach (var format in PrivateKeyFormats.Formats)
        {
            if (format.Encoding == KeyEncoding.JsonMembers
                && text.IndexOf(format.Marker, StringComparison.OrdinalIgnoreCase) >= 0
                && HasPrivateMember(text, format, published))
            {
                return format.Kind;
            }
        }

        return null;
    }

    /// <summary>
    /// A JSON private key wrapped in base64 (<c>eyJ…</c>, or <c>ewo…</c> for indented JSON) inside the text, as a
    /// data-protection key ring's <c>&lt;value&gt;</c> stores a signing key: the kind of key its decoding is, or null.
    /// </summary>
    public static string? WrappedPrivateKeyKind(string text)
    {
        foreach (var start in WrappedStarts)
        {
            var at = text.IndexOf(start, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at;
                while (end < text.Length && IsBase64Char(text[end]))
                {
                    end++;
                }

                if ((at == 0 || !IsBase64Char(text[at - 1])) && end - at >= PrivateKeyFormats.MinimumWrappedCharacters
                    && Decode(text.Substring(at, end - at)) is { } decoded
                    && PrivateKeyKind(decoded) is { } kind)
                {
                    return kind;
                }

                at = text.IndexOf(start, end, StringComparison.Ordinal);
            }
        }

        return null;
    }

    /// <summary>A JSON Web Key written as an object: its <c>d</c> (or a symmetric key's <c>k</c>) member is the private key.</summary>
    public static bool IsPrivateMember(string key, bool objectHasKty)
    {
        if (!objectHasKty)
        {
            return false;
        }

        foreach (var name in PrivateKeyFormats.JsonWebKeyValueMembers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A private member holding key material makes the text a private key, unless one of its private members is a published
    // example (RFC 7517's "d"): then the whole key is the published one, its other private parts (p, q, dp…) with it.
    private static bool HasPrivateMember(string text, PrivateKeyFormat format, ImmutableArray<PublishedExampleValue> published)
    {
        var holdsKeyMaterial = false;
        foreach (var quote in new[] { '\'', '"' })
        {
            foreach (var name in format.PrivateParts)
            {
                var member = quote + name + quote;
                var at = text.IndexOf(member, StringComparison.OrdinalIgnoreCase);
                while (at >= 0)
                {
                    var next = SkipBlanks(text, at + member.Length);
                    var valueAt = SkipBlanks(text, next + 1);
                    if (next < text.Length && text[next] == ':' && HoldsKeyMaterial(text, valueAt, quote, out var length))
                    {
                        if (SecretValueHeuristics.IsPublishedExample(text.Substring(valueAt + 1, length), published))
                        {
                            return false;
                        }

                        holdsKeyMaterial = true;
                    }

                    at = text.IndexOf(member, at + member.Length, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        return holdsKeyMaterial;
    }

    // The base64 of "{\"" (compact JSON: eyJ… before a letter, eyI… before a digit or a sign), "{ \"" and "{\n" (indented).
    private static readonly string[] WrappedStarts = { "eyJ", "eyI", "eyA", "ewo" };

    private static bool IsBase64Char(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '+' or '/' or '-' or '_' or '=';

    // Larger runs are no key (a 4096-bit RSA key as JSON is about 3.3 KB, 4.4 KB as base64).
    private const int MaxWrappedCharacters = 16 * 1024;

    private static string? Decode(string run) =>
        run.Length > MaxWrappedCharacters ? null : CredentialShapes.DecodeBase64Url(run.TrimEnd('='));

    private static int SkipBlanks(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>A quoted base64url value of <see cref="PrivateKeyFormats.MinimumKeyCharacters"/> or more (not <c>null</c>, not <c>"..."</c>).</summary>
    private static bool HoldsKeyMaterial(string text, int at, char quote, out int length)
    {
        length = 0;
        if (at >= text.Length || text[at] != quote)
        {
            return false;
        }

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
