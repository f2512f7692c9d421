using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>How a private-key format writes its parts: as JSON members or as XML elements.</summary>
internal enum KeyEncoding
{
    /// <summary><c>"name": "base64"</c> members of one JSON object (names compare ignoring case).</summary>
    JsonMembers,

    /// <summary><c>&lt;Name&gt;base64&lt;/Name&gt;</c> elements under the marker's root element.</summary>
    XmlElements,
}

/// <summary>
/// One way to write a private key besides PEM: the marker that says "a key" (a member or root element every key of the
/// format has), the parts only a private or secret key has, and a sample and a counter-sample whose <c>{key}</c> slots a
/// test fills with made-up key material (no key is written in this repository): the sample is reported, the
/// counter-sample (the public key of the same encoding, or documentation) is not.
/// </summary>
internal sealed record PrivateKeyFormat(
    string Kind,
    KeyEncoding Encoding,
    string Marker,
    ImmutableArray<string> PrivateParts,
    string Sample,
    string CounterSample);

/// <summary>
/// Private keys written in the encodings .NET code keeps them in besides PEM (which <c>CredentialShapes</c> reads by its
/// header): a JSON Web Key, .NET's <c>RSAParameters</c> serialized as JSON (IdentityServer's developer key file, key
/// rings of signing keys), and the XML of <c>RSA.ToXmlString(true)</c> / <c>DSA.ToXmlString(true)</c>. Each names the
/// parts only a private or secret key has, so a public key in the same encoding is never a finding. A JSON form wrapped
/// in base64 (<c>eyJ…</c>, as a data-protection key ring stores it) is read through its decoding.
/// </summary>
internal static class PrivateKeyFormats
{
    /// <summary>Where a test writes made-up key material into a sample.</summary>
    public const string KeySlot = "{key}";

    /// <summary>The member every JSON Web Key has (RFC 7517 §4.1).</summary>
    public const string JsonWebKeyMarker = "kty";

    /// <summary>
    /// The members of a JSON Web Key a configuration finding lands on when the key is written as an object: <c>d</c> of
    /// EC, RSA and OKP keys, <c>k</c> of symmetric keys (one finding per key; the CRT members travel with <c>d</c>).
    /// </summary>
    public static readonly ImmutableArray<string> JsonWebKeyValueMembers = ImmutableArray.Create("d", "k");

    public static readonly ImmutableArray<PrivateKeyFormat> Formats = ImmutableArray.Create(
        // RFC 7518 §6.2.2.1 (EC d), §6.3.2 (RSA d, p, q, dp, dq, qi), §6.4.1 (oct k), RFC 8037 (OKP d).
        // Microsoft.IdentityModel's JsonWebKey serialized with default options writes "D", "K" (null for a public key).
        new PrivateKeyFormat(
            "JSON Web Key with a private part",
            KeyEncoding.JsonMembers,
            JsonWebKeyMarker,
            ImmutableArray.Create("d", "p", "q", "dp", "dq", "qi", "k"),
            Sample: """{"kty":"RSA","e":"AQAB","n":"{key}","d":"{key}","p":"{key}","q":"{key}"}""",
            CounterSample: """{"kty":"RSA","use":"sig","e":"AQAB","n":"{key}","D":null}"""),

        // System.Security.Cryptography.RSAParameters serialized by System.Text.Json or Newtonsoft (field names as
        // declared): IdentityServer4's tempkey.rsa ("Parameters"), key rotation stores.
        new PrivateKeyFormat(
            "private RSA key as JSON",
            KeyEncoding.JsonMembers,
            "Modulus",
            ImmutableArray.Create("D", "P", "Q", "DP", "DQ", "InverseQ"),
            Sample: """{"D":"{key}","DP":"{key}","Exponent":"AQAB","Modulus":"{key}","P":"{key}","Q":"{key}"}""",
            CounterSample: """{"D":null,"DP":null,"Exponent":"AQAB","Modulus":"{key}","P":null,"Q":null}"""),

        // RSA.ToXmlString(true); ToXmlString(false) writes Modulus and Exponent only.
        new PrivateKeyFormat(
            "XML private key",
            KeyEncoding.XmlElements,
            "RSAKeyValue",
            ImmutableArray.Create("D", "P", "Q", "DP", "DQ", "InverseQ"),
            Sample: "<RSAKeyValue><Modulus>{key}</Modulus><Exponent>AQAB</Exponent><P>{key}</P><Q>{key}</Q><D>{key}</D></RSAKeyValue>",
            CounterSample: "<RSAKeyValue><Modulus>{key}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>"),

        // DSA.ToXmlString(true): X is the private key; the public XML has P, Q, G, Y only.
        new PrivateKeyFormat(
            "XML private key",
            KeyEncoding.XmlElements,
            "DSAKeyValue",
            ImmutableArray.Create("X"),
            Sample: "<DSAKeyValue><P>{key}</P><Q>{key}</Q><G>{key}</G><Y>{key}</Y><X>{key}</X></DSAKeyValue>",
            CounterSample: "<DSAKeyValue><P>{key}</P><Q>{key}</Q><G>{key}</G><Y>{key}</Y></DSAKeyValue>"));

    /// <summary>
    /// The last words of a name under which code keeps key material rather than a chosen secret (<c>JwtSigningKey</c>,
    /// <c>EncryptionKey</c>, <c>HMAC_SECRET_KEY</c>): configuration's words for the same keys
    /// (<see cref="SecretVocabulary.ConfigurationCredentialWords"/>). In C# the name alone is weak evidence (key ids,
    /// key names and public keys sit under such names too), so only a value that looks generated counts under them.
    /// </summary>
    public static readonly ImmutableArray<string> KeyMaterialWords = ImmutableArray.Create("signing key", "encryption key", "secret key");

    /// <summary>The fewest characters of key material under a <see cref="KeyMaterialWords"/> name (a 128-bit key is 22 in base64, 32 in hex).</summary>
    public const int MinimumNamedKeyCharacters = 24;

    /// <summary>
    /// The fewest base64 characters a private part must hold to be key material (a 128-bit key is 22); shorter values
    /// are documentation (<c>"d": "..."</c>) or placeholders.
    /// </summary>
    public const int MinimumKeyCharacters = 16;

    /// <summary>
    /// The fewest characters of a base64 run read as a wrapped JSON key (<c>eyJ…</c>): the smallest private JSON key
    /// (a symmetric JWK with a 128-bit <c>k</c>) is over 40 characters of JSON, 56 of base64.
    /// </summary>
    public const int MinimumWrappedCharacters = 56;
}
