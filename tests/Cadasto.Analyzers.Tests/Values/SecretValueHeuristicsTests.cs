using System;
using System.Text;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

public sealed class SecretValueHeuristicsTests
{
    [Theory]
    [InlineData("SetYourDataHere")]
    [InlineData("PutYourValueHere")]
    [InlineData("enter_value_here")]
    [InlineData("your-value-here")]
    [InlineData("INSERT_YOUR_VALUE_HERE")]
    [InlineData("SIGNATURE_WILL_BE_HERE")] // capitals: a template's marker
    [InlineData("TOKEN_HERE")]
    public void InstructionWithoutACredentialWord_ShouldNotBeASecret(string value) =>
        Assert.True(SecretValueHeuristics.IsNotASecret(value));

    [Theory]
    [InlineData("QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ=")] // the base64 of a key of one repeated byte
    [InlineData("1111111111111111")]
    [InlineData("sk_live_0123456789abcdefghijklmn")] // a prefix and a counting run
    [InlineData("glpat-1234567890abcdefghij")]
    public void FillerWithoutEntropy_ShouldNotBeASecret(string value) =>
        Assert.True(SecretValueHeuristics.IsNotASecret(value));

    [Theory]
    [InlineData("aaaaaaaa")] // a short run: a weak password that works
    [InlineData("QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ=Q")]
    [InlineData("Welcome-12345678")] // a counting run shorter than sixteen after a word
    [InlineData("sk_live_Zt4Hn8Qw2Lp6Xc0Vb3Nm7Kd1")]
    public void ShortRunsAndRealBodies_ShouldStayAValue(string value) =>
        Assert.False(SecretValueHeuristics.IsNotASecret(value));

    [Theory]
    [InlineData("SetTheMoodNow")] // no "your", not ending with "here": words, but no instruction
    [InlineData("UseHere42")]
    [InlineData("Tr1cky#Pass")]
    [InlineData("supersecret")]
    [InlineData("BLUE_OCEAN_TIGER")] // capitals, not ending with HERE
    [InlineData("Kq9x_HERE")] // not a word of capitals before HERE
    public void WordsThatAreNoInstruction_ShouldStayAValue(string value) =>
        Assert.False(SecretValueHeuristics.IsNotASecret(value));

    // Real code (a CMS's design-time DbContext factories and appsettings, hunt10a): a connection-string template whose every
    // part is "your" and what goes there, run together in lower case.
    [Theory]
    [InlineData("yourdbpassword")]
    [InlineData("yourdatabaseuserpassword")]
    [InlineData("yourstorageaccountkey")]
    [InlineData("yourbottoken")]
    public void RunTogetherYourCredential_ShouldNotBeASecret(string value) =>
        Assert.True(SecretValueHeuristics.IsNotASecret(value));

    [Theory]
    [InlineData("yourapp2024")] // a digit: not words run together
    [InlineData("yourdbpassword1")]
    [InlineData("myownpassword")] // no "your": a value that reads like words, as "supersecret"
    [InlineData("yourhouse")] // no credential word last
    public void RunTogetherWordsThatAreNoPlaceholder_ShouldStayAValue(string value) =>
        Assert.False(SecretValueHeuristics.IsNotASecret(value));

    // A made-up marker in capitals joined to the credential's name: the words split where the names' camelCase rule
    // starts one (after the acronym), so the marker is a word of its own.
    [Theory]
    [InlineData("FAKEApiKey")]
    [InlineData("DUMMYPassword")]
    [InlineData("MOCKToken")]
    [InlineData("INVALIDToken")]
    public void MadeUpMarkerInCapitalsBeforeTheName_ShouldNotBeASecret(string value) =>
        Assert.True(SecretValueHeuristics.IsNotASecret(value));

    [Theory]
    [InlineData("CHANGE_ME_TO_A_RANDOM_KEY")]
    [InlineData("REPLACE_ME")]
    [InlineData("your-signing-key-here")]
    [InlineData("<encryption-key>")]
    public void Base64OfAPlaceholder_ShouldNotBeASecret(string placeholder) =>
        Assert.True(SecretValueHeuristics.IsNotASecret(Convert.ToBase64String(Encoding.ASCII.GetBytes(placeholder))));

    [Theory]
    [InlineData("Qv7!kL2#xR9m")] // a password, base64-encoded: still a secret
    [InlineData("orders-api:Tr1cky#Pass")]
    public void Base64OfAValue_ShouldStayASecret(string value) =>
        Assert.False(SecretValueHeuristics.IsNotASecret(Convert.ToBase64String(Encoding.ASCII.GetBytes(value))));

    [Fact]
    public void Base64OfRandomBytes_ShouldStayASecret()
    {
        var key = new byte[32];
        new Random(7).NextBytes(key);
        Assert.False(SecretValueHeuristics.IsNotASecret(Convert.ToBase64String(key)));
    }
}
