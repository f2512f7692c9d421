using System;
using Cadasto.Analyzers.Catalogs;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// .NET's XML key encoding (<c>RSA.ToXmlString(true)</c>: <c>&lt;RSAKeyValue&gt;&lt;Modulus&gt;…&lt;D&gt;…&lt;/D&gt;…</c>):
/// whether a text holds a private key (<see cref="PrivateKeyFormats.Formats"/>). The public XML
/// (<c>ToXmlString(false)</c>: modulus and exponent only) is not one.
/// </summary>
internal static class XmlKeys
{
    public static bool HasPrivatePart(string text) => PrivateKeyKind(text) is not null;

    /// <summary>The kind of XML private key <paramref name="text"/> holds (<see cref="PrivateKeyFormats.Formats"/>), or null.</summary>
    public static string? PrivateKeyKind(string text)
    {
        if (text.IndexOf("KeyValue>", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        foreach (var format in PrivateKeyFormats.Formats)
        {
            if (format.Encoding != KeyEncoding.XmlElements)
            {
                continue;
            }

            var start = text.IndexOf("<" + format.Marker + ">", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            foreach (var element in format.PrivateParts)
            {
                if (HoldsKeyMaterial(text, start, element))
                {
                    return format.Kind;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the first <paramref name="element"/> after <paramref name="start"/> holds base64 key material.</summary>
    private static bool HoldsKeyMaterial(string text, int start, string element)
    {
        var open = "<" + element + ">";
        var at = text.IndexOf(open, start, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var length = 0;
        for (var i = at + open.Length; i < text.Length && text[i] != '<'; i++)
        {
            if (char.IsLetterOrDigit(text[i]) || text[i] is '+' or '/' or '=')
            {
                length++;
            }
            else if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return length >= PrivateKeyFormats.MinimumKeyCharacters;
    }
}
