namespace Cadasto.Scanning.Tests;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("Value 'Kp3Q~zT9.wX2' is hard-coded", "\"Kp3Q~zT9.wX2\"", "Value *** is hard-coded")]
    [InlineData("Value \"Kp3Q~zT9.wX2\" is hard-coded", "@\"Kp3Q~zT9.wX2\"", "Value *** is hard-coded")]
    [InlineData("The secret Kp3Q~zT9.wX2 is hard-coded", "\"Kp3Q~zT9.wX2\"", "The secret *** is hard-coded")]
    public void ValueInMessage_ShouldBeMasked(string message, string flagged, string expected) =>
        Assert.Equal(expected, Masking.MaskMessage(message, flagged));

    [Fact]
    public void ShortValueThatIsAlsoAWord_ShouldNotMaskTheWord() =>
        Assert.Equal(
            "A hard-coded client secret reaches ProtocolRequest.ClientSecret",
            Masking.MaskMessage("A hard-coded client secret reaches ProtocolRequest.ClientSecret", "\"secret\""));

    [Theory]
    [InlineData("CDS1001", "\"abc\"", false, true)]
    [InlineData("CDS1004", "abc", true, true)]
    [InlineData("CDS1005", "options.ClientSecret", false, false)]
    [InlineData("CDS4002", "\"api.read\"", true, false)]
    public void OnlySecretValues_ShouldBeMasked(string id, string flagged, bool inConfiguration, bool expected) =>
        Assert.Equal(expected, Masking.FlagsSecretValue(id, flagged, inConfiguration));

    private const string NamedFormat = "'{0}' is named like a credential and holds a hard-coded value: read it from a secret store instead";

    // The name a value is stored under is what the user must see, also where the value spells it (Password = "Password",
    // CreateAsync(user, "password")): the mask is for the value, and a secret is never its own name.
    [Theory]
    [InlineData("password", "\"password\"")]
    [InlineData("Password", "@\"Password\"")]
    public void ValueEqualToTheName_ShouldNotMaskTheName(string name, string flagged) =>
        Assert.Equal(
            "'" + name + "' is named like a credential and holds a hard-coded value: read it from a secret store instead",
            Masking.MaskMessage(string.Format(NamedFormat, name), flagged, NamedFormat));

    [Fact]
    public void ValueInsideAnArgument_ShouldStillBeMasked() =>
        Assert.Equal(
            "'Kv:*** ' is named like a credential and holds a hard-coded value: read it from a secret store instead",
            Masking.MaskMessage(string.Format(NamedFormat, "Kv:Qz7~pL2.xR9m "), "\"Qz7~pL2.xR9m\"", NamedFormat));

    [Fact]
    public void MessageNotReadAsTheFormat_ShouldMaskEveryOccurrence() =>
        Assert.Equal("Value *** is hard-coded", Masking.MaskMessage("Value 'Kp3Q~zT9.wX2' is hard-coded", "\"Kp3Q~zT9.wX2\"", NamedFormat));
}
