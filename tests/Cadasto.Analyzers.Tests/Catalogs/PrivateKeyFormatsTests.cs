using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Values;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

/// <summary>
/// Every private-key format of the catalogue runs its own sample and counter-sample, with key material made up here at
/// random (no key is written in this repository): the sample is a credential in C# (CDS1003) and in configuration
/// (CDS1004) alike, as is its base64 wrapping for a JSON form; the counter-sample (the public key) is neither.
/// </summary>
public sealed class PrivateKeyFormatsTests
{
    public static TheoryData<int> Formats()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < PrivateKeyFormats.Formats.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void EveryFormat_ShouldHaveAKindAMarkerPrivatePartsAndSamplesWithKeySlots()
    {
        Assert.NotEmpty(PrivateKeyFormats.Formats);
        foreach (var format in PrivateKeyFormats.Formats)
        {
            Assert.False(string.IsNullOrWhiteSpace(format.Kind));
            Assert.Contains(format.Marker, format.Sample, StringComparison.Ordinal);
            Assert.Contains(format.Marker, format.CounterSample, StringComparison.Ordinal);
            Assert.NotEmpty(format.PrivateParts);
            Assert.Contains(PrivateKeyFormats.KeySlot, format.Sample, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sample_ShouldBeAPrivateKey_InCodeAndInConfiguration(int index)
    {
        var format = PrivateKeyFormats.Formats[index];
        var sample = Fill(format.Sample);

        Assert.Equal(format.Kind, CredentialShapes.Classify(sample));
        Assert.True(ConfigurationSecrets.Default.IsSecret("Signing", "Material", sample, out _));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void CounterSample_ShouldNotBeAPrivateKey_InCodeOrInConfiguration(int index)
    {
        var counter = Fill(PrivateKeyFormats.Formats[index].CounterSample);

        Assert.Null(CredentialShapes.Classify(counter));
        Assert.False(ConfigurationSecrets.Default.IsSecret("Signing", "Material", counter, out _));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void JsonFormWrappedInBase64_ShouldBeAPrivateKey_AndItsCounterSampleNot(int index)
    {
        var format = PrivateKeyFormats.Formats[index];
        if (format.Encoding != KeyEncoding.JsonMembers)
        {
            return;
        }

        // As a data-protection key ring stores a signing key: base64 of the JSON inside an XML element.
        var wrapped = "<key><value>" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Fill(format.Sample))) + "</value></key>";
        var wrappedCounter = "<key><value>" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Fill(format.CounterSample))) + "</value></key>";

        Assert.Equal(format.Kind, CredentialShapes.Classify(wrapped));
        Assert.Null(CredentialShapes.Classify(wrappedCounter));
    }

    [Theory]
    [InlineData("""{ "kty": "RSA", "d": "...", "n": "..." }""")]
    [InlineData("""{"Modulus":"AQAB","D":"<private exponent>"}""")]
    [InlineData("<RSAKeyValue><Modulus>...</Modulus><D>[base64]</D></RSAKeyValue>")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9 is the header of a token")]
    public void DocumentationOfAFormat_ShouldNotBeAPrivateKey(string text) => Assert.Null(CredentialShapes.Classify(text));

    /// <summary>
    /// Each <c>{key}</c> slot gets 32 random bytes, material no one holds: in base64url for JSON (as RFC 7518 writes a
    /// JWK), in base64 for XML (as <c>ToXmlString</c> does).
    /// </summary>
    private static string Fill(string template)
    {
        var xml = template.StartsWith("<", StringComparison.Ordinal);
        var parts = template.Split(PrivateKeyFormats.KeySlot);
        var filled = new StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            var material = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            filled.Append(xml ? material : material.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            filled.Append(part);
        }

        return filled.ToString();
    }
}
