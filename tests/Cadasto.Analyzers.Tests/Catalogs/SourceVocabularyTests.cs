using System.Linq;
using Cadasto.Analyzers.Catalogs;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

public sealed class SourceVocabularyTests
{
    [Theory]
    [InlineData("logger.LogDebug(options.Pass_Phrase);")]
    [InlineData("logger.LogDebug(settings.DefaultPassPhrase);")]
    [InlineData("logger.LogDebug(partner.Api_Key);")]
    [InlineData("logger.LogDebug(options.ClientSecret);")]
    public void Words_ShouldKeepEveryCredentialNameSpelling(string line)
    {
        // A file without a string literal is analysed only when it holds one of the words; a credential-named member
        // written to a log (CDS1005) needs none, so every spelling CredentialNames accepts must hold a word.
        Assert.Contains(SourceVocabulary.Words, word => line.Contains(word, System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void UserSinkNames_ShouldBeTheNamesTheRulesResolve()
    {
        // The scanner's prefilter keeps a file only when it mentions one of these: a constructor sink is used through
        // its type's name, and "(parameter)" is not part of any name in source.
        var names = SourceVocabulary.UserSinkNames(
            "Partner.Sdk.PartnerClient..ctor(signingSecret), Partner.Sdk.PartnerClient.Connect(apiSecret); Partner.Sdk.Options.SharedKey");

        Assert.Equal(new[] { "Connect", "PartnerClient", "SharedKey" }, names.OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void UserSinkNames_ShouldBeEmptyWithoutTheOption()
    {
        Assert.Empty(SourceVocabulary.UserSinkNames(null));
        Assert.Empty(SourceVocabulary.UserSinkNames("  "));
    }
}
