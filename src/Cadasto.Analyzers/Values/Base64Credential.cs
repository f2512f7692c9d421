using System;
using System.Text;


namespace Cadasto.Analyzers.Values;

/// <summary>Whether a base64 constant is an encoded <c>id:secret</c> pair (the value of a <c>Basic</c> header).</summary>
internal static class Base64Credential
{
    public static bool DecodesToIdAndSecret(string text)
    {
        if (text.Length < 8 || text.Length > 1024 || text.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        foreach (var c in decoded)
        {
            if (char.IsControl(c) || c == '\uFFFD')
            {
                return false;
            }
        }

        return !SecretValueHeuristics.IsNotASecret(decoded.Substring(colon + 1));
    }
}
