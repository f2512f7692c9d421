using System;
using Cadasto.Analyzers.Catalogs;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// .NET's XML key encoding (<c>RSA.ToXmlString(true)</c>: <c>&lt;RSAKeyValue&gt;&lt;Modulus&gt;…&lt;D&gt;…&lt;/D&gt;…</c>):
/// whether a text holds a private key (<see cref="PrivateKeyFormats.XmlKeys"/>). The public XML
/// (<c>ToXmlString(false)</c>: modulus and exponent only) is not one.
/// </summary>
internal static class XmlKeys
{
    public static bool HasPrivatePart(string text)
    {
        foreach (var (root, element) in PrivateKeyFormats.XmlKeys)
        {
            var start = text.IndexOf("<" + root + ">", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var open = "<" + element + ">";
            var at = text.IndexOf(open, start, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
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
                    length = 0;
                    break;
                }
            }

            if (length >= PrivateKeyFormats.MinimumKeyCharacters)
            {
                return true;
            }
        }

        return false;
    }
}
