using System;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Values;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

/// <summary>
/// The catalogue keeps the SHA-256 of values that specifications publish as examples, never the values: these tests
/// check its rows and the matching with a made-up row (the real values stay out of this repository too).
/// </summary>
public sealed class PublishedExampleValuesTests
{
    [Fact]
    public void EveryRow_ShouldHoldALowerCaseSha256ALengthAndItsSource()
    {
        Assert.NotEmpty(PublishedExampleValues.Rows);
        foreach (var row in PublishedExampleValues.Rows)
        {
            Assert.Matches("^[0-9a-f]{64}$", row.Sha256);
            Assert.InRange(row.Length, 6, 1024); // up to a 4096-bit RSA key's private exponent in base64url
            Assert.Matches(@"^(RFC \d+|OpenID Connect|[A-Z]\w+ developer documentation)", row.Source); // a specification, or a provider's own documentation
        }

        Assert.Equal(PublishedExampleValues.Rows.Length, PublishedExampleValues.Rows.Select(r => r.Sha256).Distinct().Count());
    }

    [Fact]
    public void PublishedValue_ShouldMatchByItsHashAndLengthOnly()
    {
        const string Published = "Zq4-example-from-a-spec";
        var row = new PublishedExampleValue(Sha256Hex(Published), Published.Length, "RFC 0000 §0 (made up for this test)");
        var rows = ImmutableArray.Create(row);

        Assert.True(SecretValueHeuristics.IsPublishedExample(Published, rows));
        Assert.False(SecretValueHeuristics.IsPublishedExample(Published.ToUpperInvariant(), rows));
        Assert.False(SecretValueHeuristics.IsPublishedExample(Published + "x", rows));
    }

    [Fact]
    public void JsonWebKeyWhosePrivatePartIsPublished_ShouldBeNoPrivateKey()
    {
        // RFC 7517's example RSA key is copied into tests as a DPoP key: its "d" is everyone's, the same shape with another
        // "d" is a key.
        var published = new string('Q', 40) + "-published-d-" + new string('7', 40);
        var other = new string('R', 40) + "-generated-dd-" + new string('8', 40);
        var rows = ImmutableArray.Create(new PublishedExampleValue(Sha256Hex(published), published.Length, "RFC 0000 §0 (made up for this test)"));
        // The private parts after "d" (p, q, dp, dq, qi) go with it: the key is the published one.
        string Jwk(string d) => "{\"kty\":\"RSA\",\"n\":\"" + new string('n', 60) + "\",\"e\":\"AQAB\",\"d\":\"" + d + "\",\"p\":\""
                                + new string('p', 40) + "\",\"q\":\"" + new string('q', 40) + "\",\"qi\":\"" + new string('i', 40) + "\"}";

        Assert.Null(JsonWebKeys.PrivateKeyKind(Jwk(published), rows));
        Assert.NotNull(JsonWebKeys.PrivateKeyKind(Jwk(other), rows));
    }

    [Theory]
    [InlineData("Qv7!kL2#xR9m")]
    [InlineData("k7Qm2Xv9Lp4Rz8Wn3Bt6Yc")] // 22 characters, the length of RFC 6749's examples
    public void OtherValue_ShouldNotBeAPublishedExample(string value) =>
        Assert.False(SecretValueHeuristics.IsPublishedExample(value, PublishedExampleValues.Rows));

    private static string Sha256Hex(string value)
    {
        using var sha256 = SHA256.Create();
        return string.Concat(sha256.ComputeHash(Encoding.UTF8.GetBytes(value)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
