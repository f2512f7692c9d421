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

            // 32 bytes in base64, a SHA-256 digest's length: under a signing key's name an HMAC-SHA256 key, as a relying
            // party's or a token service's symmetric key is kept (a key derived by hashing a phrase is a key too).
            public const string SymmetricSigningKey = {|CDS1002:"Qm9Xc2tLd1p2TjNyVDhoWWI0ZUxqMmdGNXBBN2NEMXE="|};
            public static string signingKey = {|CDS1002:"u3Jd8Kq1Zx7Vb2Nw5Lr9Tp4Hs6Gm0Yc3Fa8Ee1Wk5Ro="|};
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

            // Ids, names and digests of keys (under a name that says hashed); a phrase that says what the key must be; a counting run; a short value.
            public const string SigningKeyId = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic";
            public const string EncryptionKeyName = "orders-encryption-2024";
            public const string SecretKey = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
            public const string SigningKeyHashed = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic=";
            public const string DevSigningKey = "test-signing-key-with-at-least-32-chars";
            public const string AesEncryptionKey = "0123456789abcdef0123456789abcdef";
            public const string ShortSigningKey = "k7Qm2Xv9Lp4R";

            // A lookup key is no key material, whatever it holds.
            public const string CacheKey = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic";
        }
        """);

    [Fact]
    public Task RandomKeysUnderNamesEndingInKey_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public static class MessageCrypto
        {
            // A platform's message AES key and a partner's key, kept in the code that decrypts with them.
            public static readonly string EncodingAESKey = {|CDS1002:"4N48BnQ9Nxq1s7HJx7vkk80Em0f4RqqxyDDtGjX5XGh"|};
            private const string partnerKey = {|CDS1002:"diGZ5QGE1p92X8YZVfgz+/1Az8z64r0S"|};
            private const string apiV3Key = {|CDS1002:"bQF5vVanURLJ8aZin9mnHAqY1ds5vzH5"|};
        }

        public sealed class LightBridgeClient
        {
            public LightBridgeClient(string ip, string appKey, string clientKey) { }
        }

        public static class Setup
        {
            public static LightBridgeClient Connect()
            {
                // A bridge's application key and a 128-bit pre-shared key in hex, in locals and as arguments.
                var key = {|CDS1002:"GbmutEqh7d5M0owgENZC-DkN9RXoZ4VJe1NBvPve"|};
                var entertainmentKey = {|CDS1002:"0ECEE7809CCE177AF9E74D1AB39CC164"|};
                var client = new LightBridgeClient("10.0.0.2", key, entertainmentKey);
                return new LightBridgeClient("10.0.0.3", {|CDS1002:"Vq3LbN9xT4kRz8WcYp2HsM6dJf1Ga7Ue5Ko0Xi"|}, clientKey: {|CDS1002:"7A0C3E9B41D26F85C7E1A4B09D3F6E28"|});
            }
        }

        public sealed class ApiKeySeed
        {
            public string Key { get; set; }

            // API keys seeded for demo users, under names that say whose key it is.
            public const string AnonKey = {|CDS1002:"ak-84A92DC1D1540218AB95437C5A5D2844"|};

            public static ApiKeySeed Admin() => new() { Key = {|CDS1002:"ak-3C71F0A9E2B64D5881C7A0E93F2D6B14"|} };
        }
        """);

    [Fact]
    public Task WhatOtherKeyNamesHold_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public static class KeyNames
        {
            // Lookup keys, ids, digests and public keys under names ending in Key.
            public const string PartitionKey = "Rk7Qm2Xv9Lp4RtY8wZ3nB6cF1hJ5";
            public const string ThumbprintKey = "Rk7Qm2Xv9Lp4RtY8wZ3nB6cF1hJ5";
            public const string extPubKey = "xpub6Cy7dUR4ZKF22HEuVq7epRgRsoXfL2MK1RE81CSvp1ZmL";
            public const string ConsumerKey = "N5r7w2zqK48aT3uXvB9mYd";
            public const string InstrumentationKey = "3F2504E04F8911D39A0C0305E82C3301";

            // A GUID written without hyphens (its version and variant digits), a SHA-1 thumbprint's length, a SHA-256 digest.
            public const string AppKey = "3f2504e04f8911d39a0c0305e82c3301";
            public const string Key = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3";
            public const string TenantKey = "FjKxcCnKyJiIH4BhJdPnThGiBgE3JtdOzQbLvi8chic=";

            // Not a key's alphabet, or not a random key: dotted names, a setting's own name, words, one case only, a counting run.
            public const string BundleKey = "com.contoso.mobile.Build42Release";
            public const string ConnectorSwitchSupportedKey = "ConnectorSwitch3To1PhaseSupported";
            public const string RegionKey = "westeurope2-primary-cluster";
            public const string LowerKey = "k7qm2xv9lp4rty8wz3nb6cf1hj5";
            public const string CountingKey = "0123456789abcdef0123456789abcdef";

            // A bare "key" parameter is a lookup's; a key beside its value, a pair's.
            public static void Use(Dictionary<string, string> map, string value)
            {
                map.TryGetValue("Rk7Qm2Xv9Lp4RtY8wZ3nB6cF1hJ5", out _);
                map.Add("Vq3LbN9xT4kRz8WcYp2HsM6dJf1Ga7Ue5Ko0Xi", value);
                Store(itemKey: "Vq3LbN9xT4kRz8WcYp2HsM6dJf1Ga7Ue5Ko0Xi", itemValue: value);
            }

            private static void Store(string itemKey, string itemValue) { }
        }
        """);
}
