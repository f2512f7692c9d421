namespace Cadasto.Analyzers.Values;

/// <summary>Whether a base64 constant is an encoded <c>id:secret</c> pair (the value of a <c>Basic</c> header).</summary>
internal static class Base64Credential
{
    public static bool DecodesToIdAndSecret(string text)
    {
        if (!Base64Text.TryDecode(text, 1024, out var decoded))
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        return colon > 0 && colon < decoded.Length - 1 && !SecretValueHeuristics.IsNotASecret(decoded.Substring(colon + 1));
    }
}
