using System.Linq;
using Cadasto.Analyzers.Catalogs;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

public sealed class SourceVocabularyTests
{
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
