using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Cadasto.Analyzers.Catalogs;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// A stored password hash, which the SPEC says is no secret: ASP.NET Core Identity's hash (v2 and v3, base64 of a
/// versioned header, salt and subkey), the crypt formats (<c>$2b$…</c> bcrypt, <c>$argon2id$…</c>, <c>$6$…</c>), and a
/// hex digest (MD5, SHA-1, SHA-256) of one of the passwords people choose most (<see cref="SecretVocabulary.CommonPasswords"/>),
/// as admin frameworks seed their users. A random hex string stays a value: it may be a generated password.
/// Part of <see cref="SecretValueHeuristics.IsNotASecret(string)"/>, for C# and configuration alike.
/// </summary>
internal static class PasswordHashes
{
    private static readonly Lazy<HashSet<string>> CommonPasswordDigests = new(DigestsOfCommonPasswords);

    public static bool IsPasswordHash(string text) =>
        IsCryptHash(text) || IsIdentityHash(text) || IsDigestOfACommonPassword(text);

    /// <summary>
    /// <c>$2a$10$…</c> (bcrypt: a two-digit cost and 53 characters of its alphabet), <c>$argon2id$v=19$…</c>,
    /// <c>$5$…$…</c> / <c>$6$…$…</c> (SHA-crypt).
    /// </summary>
    private static bool IsCryptHash(string text)
    {
        if (text.Length < 20 || text[0] != '$')
        {
            return false;
        }

        if (text.Length == 60 && text[1] == '2' && text[2] is 'a' or 'b' or 'x' or 'y' && text[3] == '$'
            && char.IsDigit(text[4]) && char.IsDigit(text[5]) && text[6] == '$')
        {
            for (var i = 7; i < text.Length; i++)
            {
                if (!(char.IsLetterOrDigit(text[i]) || text[i] is '.' or '/'))
                {
                    return false;
                }
            }

            return true;
        }

        if (text.StartsWith("$argon2", StringComparison.Ordinal))
        {
            return text.IndexOf("$v=", StringComparison.Ordinal) > 0 && text.IndexOf("m=", StringComparison.Ordinal) > 0;
        }

        return (text.StartsWith("$5$", StringComparison.Ordinal) || text.StartsWith("$6$", StringComparison.Ordinal))
               && text.IndexOf('$', 3) > 3 && text.IndexOf(' ') < 0;
    }

    /// <summary>
    /// ASP.NET Core Identity's <c>PasswordHasher</c> output: v2 is <c>0x00</c>, a 16-byte salt and a 32-byte subkey;
    /// v3 is <c>0x01</c>, the PRF (0–2), the iteration count and the salt's length (big-endian), the salt and the subkey.
    /// </summary>
    private static bool IsIdentityHash(string text)
    {
        if (text.Length < 64 || text.Length > 200 || text[0] != 'A')
        {
            return false;
        }

        if (CredentialShapes.DecodeBase64Bytes(text) is not { } bytes)
        {
            return false;
        }

        if (bytes.Length == 49 && bytes[0] == 0x00)
        {
            return true;
        }

        if (bytes.Length < 13 + 16 + 16 || bytes[0] != 0x01)
        {
            return false;
        }

        var prf = ReadBigEndian(bytes, 1);
        var iterations = ReadBigEndian(bytes, 5);
        var saltLength = ReadBigEndian(bytes, 9);
        return prf <= 2 && iterations >= 1000 && saltLength >= 16 && 13 + saltLength + 16 <= bytes.Length;
    }

    private static uint ReadBigEndian(byte[] bytes, int at) =>
        ((uint)bytes[at] << 24) | ((uint)bytes[at + 1] << 16) | ((uint)bytes[at + 2] << 8) | bytes[at + 3];

    private static bool IsDigestOfACommonPassword(string text)
    {
        return ConfigurationValueShapes.IsHexDigest(text)
               && CommonPasswordDigests.Value.Contains(text.ToLowerInvariant());
    }

    private static HashSet<string> DigestsOfCommonPasswords()
    {
        var digests = new HashSet<string>(StringComparer.Ordinal);
        using var md5 = MD5.Create();
        using var sha1 = SHA1.Create();
        using var sha256 = SHA256.Create();
        foreach (var password in SecretVocabulary.CommonPasswords)
        {
            var bytes = Encoding.UTF8.GetBytes(password);
            digests.Add(ConfigurationValueShapes.Hex(md5.ComputeHash(bytes)));
            digests.Add(ConfigurationValueShapes.Hex(sha1.ComputeHash(bytes)));
            digests.Add(ConfigurationValueShapes.Hex(sha256.ComputeHash(bytes)));
        }

        return digests;
    }
}
