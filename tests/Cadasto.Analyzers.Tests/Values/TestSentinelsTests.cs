using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

public sealed class TestSentinelsTests
{
    [Theory]
    [InlineData("test-signing-key-must-be-at-least-32-bytes")]
    [InlineData("root-configured-password")]
    [InlineData("unit_test_signing_secret_value")]
    [InlineData("pass")]
    [InlineData("P@ssw0rd123!")]
    public void SentinelOrPhrase_ShouldNotLookReal(string value) => Assert.False(TestSentinels.LooksReal(value));

    [Theory]
    [InlineData("k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0")]
    [InlineData("q8zxn3vr7mt2pl9wk4bh6cj1fd5sg0aye2uo")]
    [InlineData("ghp_L7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9Q")]
    [InlineData("x7-kq2-zz9w-b4r8-mn3p")] // words of letters and digits mixed: random
    public void RandomOrKnownFormat_ShouldLookReal(string value) => Assert.True(TestSentinels.LooksReal(value));
}
