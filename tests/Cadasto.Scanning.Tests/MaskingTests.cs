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
}
