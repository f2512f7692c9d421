using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// Private keys written in the encodings .NET code keeps them in besides PEM (which <c>CredentialShapes</c> reads by its
/// header): a JSON Web Key and the XML of <c>RSA.ToXmlString(true)</c>. Each format names the marker that says "a key"
/// and the members only a private or secret key has, so a public key in the same encoding is never a finding.
/// </summary>
internal static class PrivateKeyFormats
{
    /// <summary>The member every JSON Web Key has (RFC 7517 §4.1).</summary>
    public const string JsonWebKeyMarker = "kty";

    /// <summary>
    /// The members of a JSON Web Key that hold the private or secret key (RFC 7518 §6.2.2.1 and §6.3.2.1 <c>d</c> of EC
    /// and RSA keys, RFC 8037 <c>d</c> of OKP keys, §6.4.1 <c>k</c> of symmetric keys). Names compare ignoring case:
    /// <c>Microsoft.IdentityModel.Tokens.JsonWebKey</c> serialized with default options writes <c>"D"</c> and <c>"K"</c>
    /// (as <c>null</c> for a public key).
    /// </summary>
    public static readonly ImmutableArray<string> JsonWebKeyPrivateMembers = ImmutableArray.Create("d", "k");

    /// <summary>
    /// .NET's XML key encodings (<c>RSA.ToXmlString</c>, <c>DSA.ToXmlString</c>): the root element and the element only
    /// the private key's XML has (<c>D</c> of RSA, <c>X</c> of DSA); the public XML has neither.
    /// </summary>
    public static readonly ImmutableArray<(string Root, string PrivateElement)> XmlKeys = ImmutableArray.Create(
        ("RSAKeyValue", "D"),
        ("DSAKeyValue", "X"));

    /// <summary>
    /// The fewest base64 characters a private member must hold to be key material (a 128-bit key is 22); shorter values
    /// are documentation (<c>"d": "..."</c>) or placeholders.
    /// </summary>
    public const int MinimumKeyCharacters = 16;
}
