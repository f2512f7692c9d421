using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

/// <summary>Text in a pattern language: what a value is matched against, never the value (CDS1002, CDS1003, CDS1004).</summary>
public sealed class PatternSyntaxTests
{
    [Theory]
    [InlineData("Password=([^;]+?);")] // cut at its own ';' the pair's value would be "([^"
    [InlineData("(?i)password=(?<pwd>.*?)(;|$)")]
    [InlineData("password='([^']*)'")]
    [InlineData(@"Pwd=\S+;Server")]
    [InlineData("AccountKey=[A-Za-z0-9+/=]{40,};")]
    [InlineData("Password=.*;")]
    public void IsRegexCapture_ShouldReadAPatternAfterTheKeyword(string text) =>
        Assert.True(PatternSyntax.IsRegexCapture(text, text.IndexOf('=') + 1));

    [Theory]
    [InlineData("Password=Tr1cky#Pass;")]
    [InlineData("Password=(Tr1cky#Pass);")] // a bracket first, but no pattern construct after it
    [InlineData("Password=Qv7.*kL2;")] // a construct, but the value opens with a letter: a password may hold symbols
    [InlineData("Password=[Qv7!kL2#xR9m];")]
    [InlineData("Password=(")]
    [InlineData("Password=")]
    public void IsRegexCapture_ShouldLeaveAValue(string text) =>
        Assert.False(PatternSyntax.IsRegexCapture(text, text.IndexOf('=') + 1));

    [Theory]
    [InlineData("[^0]*")]
    [InlineData("*.?")]
    [InlineData("[0-9]+")]
    public void IsWildcardPattern_ShouldReadAPattern(string text) => Assert.True(PatternSyntax.IsWildcardPattern(text));

    [Theory]
    [InlineData("Qv7!kL2#xR9m")]
    [InlineData("abc*def")]
    public void IsWildcardPattern_ShouldLeaveAValue(string text) => Assert.False(PatternSyntax.IsWildcardPattern(text));
}
