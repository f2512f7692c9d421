using System;

namespace Cadasto.Analyzers.Values;

/// <summary>JSON Web Keys (RFC 7517) in configuration: whether one holds its private part.</summary>
internal static class JsonWebKeys
{
    /// <summary>
    /// A JSON Web Key written as a string that holds its private part (RFC 7518 §6.2.2, §6.3.2: <c>d</c>),
    /// as IdentityServer samples keep signing keys: <c>"{'kty':'RSA','d':'…',…}"</c>.
    /// </summary>
    public static bool HasPrivatePart(string value)
    {
        var text = value.Trim();
        if (text.Length < 20 || text[0] != '{' || text.IndexOf("kty", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        foreach (var quote in new[] { '\'', '"' })
        {
            var member = quote + "d" + quote;
            var at = text.IndexOf(member, StringComparison.Ordinal);
            while (at >= 0)
            {
                var next = at + member.Length;
                while (next < text.Length && text[next] == ' ')
                {
                    next++;
                }

                if (next < text.Length && text[next] == ':')
                {
                    return true;
                }

                at = text.IndexOf(member, next, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>A JSON Web Key written as an object: its <c>d</c> member is the private key.</summary>
    public static bool IsPrivateMember(string key, bool objectHasKty) =>
        objectHasKty && string.Equals(key, "d", StringComparison.Ordinal);
}
