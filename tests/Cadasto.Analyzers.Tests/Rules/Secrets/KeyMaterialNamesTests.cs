using System.Threading.Tasks;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedCredentialCodeFix>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// CDS1002 under a signing, encryption or secret key's name in C#: generated key material is reported, as configuration
/// reports it under the same names; what such names also hold — key ids and names, public keys, digests, phrases that
/// say what the key should be — is not. Every value here was made up for these tests.
/// </summary>
public sealed class KeyMaterialNamesTests
{
    [Fact]
    public Task GeneratedKeyMaterialUnderAKeyName_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class TokenSettings
        {
            public const string JwtSigningKey = {|CDS1002:"TOUtSfM89XKRVQSI8JBN7OrShgWCYWw7trIv7oS/g9fSe10Vfh3hLdQ9KeBDuSqJ"|};
            public static readonly string EncryptionKey = {|CDS1002:"c6ffc25537b9950333dd06ec13c67fb9d0fac3824dc1d79e"|};
        }

        public sealed class HmacOptions
        {
            public string HMAC_SECRET_KEY { get; set; }

            public static HmacOptions Development() => new() { HMAC_SECRET_KEY = {|CDS1002:"q7Vd2LmX9pRt4sKw8ZbN3cYhW5jE1fGa"|} };
        }
        """);

    [Fact]
    public Task WhatKeyNamesHoldBesidesKeys_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        public static class KeySettings
        {
            // A public key (SubjectPublicKeyInfo in base64), also under a name without "public".
            public const string PublicSigningKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVa1W6Ucu46iZ3O6/Bnmy5jri1bi4i/KDjcbUqHh7I84pF/tV9CtgCuoeGR3OOdAOWp8lPAzJeZrKeEQmSGn+tQ==";
            public const string SigningKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVa1W6Ucu46iZ3O6/Bnmy5jri1bi4i/KDjcbUqHh7I84pF/tV9CtgCuoeGR3OOdAOWp8lPAzJeZrKeEQmSGn+tQ==";

            // Ids, names and digests of keys (a SHA-256 digest in base64 has a 256-bit key's length: a digest it stays); a phrase that says what the key must be; a counting run; a short value.
            public const string SigningKeyId = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic";
            public const string EncryptionKeyName = "orders-encryption-2024";
            public const string SecretKey = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
            public const string SigningKeyHashed = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic=";
            public const string EncryptionKey = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic=";
            public const string DevSigningKey = "test-signing-key-with-at-least-32-chars";
            public const string AesEncryptionKey = "0123456789abcdef0123456789abcdef";
            public const string ShortSigningKey = "k7Qm2Xv9Lp4R";

            // Not a key-material name: the SPEC's credential words decide elsewhere, and "Key" alone is no such word.
            public const string CacheKey = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic";
        }
        """);
}
