using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

/// <summary>Stored password hashes are no secret (the SPEC); random values of the same shapes stay values. Every value is made here.</summary>
public sealed class PasswordHashesTests
{
    private static readonly Random Random = new(11);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>ASP.NET Core Identity v3: 0x01, PRF, iterations, salt length (big-endian), salt, subkey.</summary>
    internal static string IdentityV3Hash(byte version = 0x01, uint prf = 1, uint iterations = 10000)
    {
        static byte[] BigEndian(uint value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
        var bytes = new[] { version }.Concat(BigEndian(prf)).Concat(BigEndian(iterations)).Concat(BigEndian(16))
            .Concat(RandomBytes(16)).Concat(RandomBytes(32)).ToArray();
        return Convert.ToBase64String(bytes);
    }

    internal static string Md5Hex(string text)
    {
        using var md5 = MD5.Create();
        return string.Concat(md5.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AspNetCoreIdentityHashes_ShouldBeHashes()
    {
        Assert.True(PasswordHashes.IsPasswordHash(IdentityV3Hash()));
        Assert.True(PasswordHashes.IsPasswordHash(IdentityV3Hash(prf: 2, iterations: 100000)));
        Assert.True(PasswordHashes.IsPasswordHash(Convert.ToBase64String(new byte[] { 0x00 }.Concat(RandomBytes(48)).ToArray())));
        Assert.True(SecretValueHeuristics.IsNotASecret(IdentityV3Hash()));
    }

    [Fact]
    public void RandomBase64OfTheSameLength_ShouldStayAValue()
    {
        Assert.False(PasswordHashes.IsPasswordHash(IdentityV3Hash(version: 0x05)));
        Assert.False(PasswordHashes.IsPasswordHash(IdentityV3Hash(prf: 9)));
        Assert.False(PasswordHashes.IsPasswordHash(Convert.ToBase64String(RandomBytes(61))));
    }

    [Fact]
    public void CryptFormats_ShouldBeHashes()
    {
        const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var body = new string(Enumerable.Range(0, 53).Select(_ => Alphabet[Random.Next(Alphabet.Length)]).ToArray());
        Assert.True(PasswordHashes.IsPasswordHash("$2b$12$" + body));
        Assert.True(PasswordHashes.IsPasswordHash("$argon2id$v=19$m=65536,t=3,p=4$" + body));
        Assert.True(PasswordHashes.IsPasswordHash("$6$" + body.Substring(0, 16) + "$" + body));
        Assert.False(PasswordHashes.IsPasswordHash("$2b$12$" + body.Substring(0, 40) + "!!" + body.Substring(42)));
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("admin123")]
    public void HexDigestOfACommonPassword_ShouldBeAHash(string password)
    {
        Assert.True(PasswordHashes.IsPasswordHash(Md5Hex(password)));
        Assert.True(PasswordHashes.IsPasswordHash(Md5Hex(password).ToUpperInvariant()));
        using var sha256 = SHA256.Create();
        Assert.True(PasswordHashes.IsPasswordHash(Convert.ToHexString(sha256.ComputeHash(Encoding.UTF8.GetBytes(password)))));
    }

    [Fact]
    public void RandomHex_ShouldStayAValue()
    {
        // `openssl rand -hex 16` is how many passwords are made: 32 hex characters that are no digest of a known password.
        Assert.False(PasswordHashes.IsPasswordHash(Convert.ToHexString(RandomBytes(16)).ToLowerInvariant()));
        Assert.False(PasswordHashes.IsPasswordHash(Md5Hex("Tq8#vR2!mK9p")));
        Assert.False(SecretValueHeuristics.IsNotASecret(Convert.ToHexString(RandomBytes(16)).ToLowerInvariant()));
    }
}
