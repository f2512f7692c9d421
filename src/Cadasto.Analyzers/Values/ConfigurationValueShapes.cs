using System;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// Shapes of configuration values that say what a value is rather than whether its key is a credential: a reference
/// to where a secret is (a URL without a password, a key file's path, a switch), a SHA-2 digest that IdentityServer
/// stores instead of a secret, and a generated-looking credential in a list of them.
/// </summary>
internal static class ConfigurationValueShapes
{
    /// <summary>
    /// A value that looks generated — letters and digits mixed, no spaces — and is neither an id, a hash, a
    /// reference nor a placeholder: what an API key or password in a credential list looks like.
    /// </summary>
    public static bool LooksLikeGeneratedCredential(string value) =>
        LooksGenerated(value) && !IsIdentifierOrHash(value) && !LooksLikeAReference(value) && CredentialValueShape.CanBeACredential(value);

    /// <summary>A GUID or a hex digest (an id, a certificate thumbprint): names something rather than proving it.</summary>
    private static bool IsIdentifierOrHash(string value)
    {
        var text = value.Trim();
        if (Guid.TryParse(text, out _))
        {
            return true;
        }

        return IsHexDigest(text);
    }

    /// <summary>An MD5, SHA-1 or SHA-256 digest's length (32, 40, 64) in hex digits only (either case).</summary>
    public static bool IsHexDigest(string text) => text.Length is 32 or 40 or 64 && IsHex(text);

    /// <summary>
    /// The one spelling of a digest that the analyzer compares with: lower-case hex, two digits a byte (the rows of
    /// <see cref="Catalogs.PublishedExampleValues"/>, the digests of <see cref="Catalogs.SecretVocabulary.CommonPasswords"/>).
    /// </summary>
    public static string Hex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    /// <summary>Hex digits only (either case): with a digest's length, a digest or a thumbprint.</summary>
    public static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>
    /// Hex digits that read as a random key rather than a digest or an id: 32 or more, not a digest's length (40, 64, 128:
    /// SHA-1, SHA-256, SHA-512; a certificate's thumbprint), not a GUID written without hyphens (32 digits whose version and
    /// variant digits are a GUID's: an id), letters and digits mixed, ten different digits at least and few steps of a
    /// counting run (<c>0123456789abcdef…</c>). A random 32-digit value has the GUID's two digits by chance one time in
    /// fifteen, which is then left alone.
    /// </summary>
    public static bool IsRandomHexKey(string text)
    {
        // A SHA-1 digest (a certificate's thumbprint) or a SHA-2 one (IsSha2Digest) is no key.
        if (text.Length < 32 || !IsHex(text) || text.Length == 40 || IsSha2Digest(text)
            || (text.Length == 32 && text[12] is >= '1' and <= '5' && text[16] is '8' or '9' or 'a' or 'b' or 'A' or 'B'))
        {
            return false;
        }

        const string Order = "0123456789abcdef";
        bool letter = false, digit = false;
        int seen = 0, steps = 0, previous = -1;
        foreach (var c in text)
        {
            var index = Order.IndexOf(char.ToLowerInvariant(c));
            letter |= index > 9;
            digit |= index <= 9;
            seen |= 1 << index;
            steps += index == previous + 1 || index == previous ? 1 : 0;
            previous = index;
        }

        var distinct = 0;
        for (; seen != 0; seen &= seen - 1)
        {
            distinct++;
        }

        return letter && digit && distinct >= 10 && steps * 3 < text.Length;
    }

    /// <summary>At least eight characters mixing letters and digits, no spaces: what a generated key looks like (not a setting such as <c>AzureKeyVault</c> or <c>00:30:00</c>).</summary>
    private static bool LooksGenerated(string value)
    {
        var text = value.Trim();
        if (text.Length < 8 || text.IndexOf(' ') >= 0)
        {
            return false;
        }

        var classes = CharacterClasses.Of(text);
        return classes.HasAny(CharacterClass.Letter) && classes.HasAll(CharacterClass.Digit);
    }

    /// <summary>
    /// A SHA-256 or SHA-512 digest, hex or base64 (<c>"secret".Sha256()</c>, as IdentityServer stores a client secret):
    /// proves nothing without the secret itself.
    /// </summary>
    public static bool IsSha2Digest(string value)
    {
        var text = value.Trim();
        if (text.Length is 64 or 128)
        {
            return IsHex(text);
        }

        if (text.Length is not (44 or 88) || !text.EndsWith("=", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return Convert.FromBase64String(text).Length is 32 or 64;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where a secret is rather than what it is: an <c>http(s)</c> URL without a password (a Key Vault secret
    /// identifier, a token endpoint), a path to a key or certificate file, or a switch (<c>true</c>, <c>false</c>).
    /// </summary>
    public static bool LooksLikeAReference(string value)
    {
        var text = value.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.IndexOf(' ') >= 0)
        {
            return false;
        }

        if ((text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.UserInfo.Length == 0
            && uri.Query.Length == 0)
        {
            return true;
        }

        foreach (var extension in KeyFileExtensions)
        {
            if (text.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && text.Length > extension.Length)
            {
                return true;
            }
        }

        return text.StartsWith("./", StringComparison.Ordinal)
            || text.StartsWith("../", StringComparison.Ordinal)
            || text.StartsWith("~/", StringComparison.Ordinal)
            || text.StartsWith("/run/secrets/", StringComparison.Ordinal)
            || text.StartsWith("/etc/", StringComparison.Ordinal)
            || text.StartsWith("/var/", StringComparison.Ordinal)
            || (text.Length > 3 && char.IsLetter(text[0]) && text[1] == ':' && text[2] is '\\' or '/');
    }

    private static readonly string[] KeyFileExtensions = { ".pem", ".key", ".pfx", ".p12", ".crt", ".cer", ".jks", ".keystore", ".txt", ".json" };
}
