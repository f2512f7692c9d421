using System.Linq;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Values;
using Cadasto.Scanning;
using Xunit;

namespace Cadasto.Analyzers.Tests.Catalogs;

/// <summary>One list of credential words for the C# rules, the configuration rule and the scanner's prefilter.</summary>
public sealed class SecretVocabularyTests
{
    public static TheoryData<string> CredentialWords() => new(SecretVocabulary.CredentialWords);

    [Theory]
    [MemberData(nameof(CredentialWords))]
    public void CredentialWord_ShouldNameACredentialInCodeAndConfiguration(string word)
    {
        var pascal = string.Concat(word.Split(' ').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
        Assert.True(CredentialNames.Default.IsCredentialName("Partner" + pascal));
        Assert.True(CredentialNames.Default.IsCredentialName("PARTNER_" + word.Replace(' ', '_').ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(CredentialWords))]
    public void FileNamingOnlyACredentialWord_ShouldPassThePrefilter(string word)
    {
        // No string literal, so only the vocabulary can keep the file: a member named for the credential.
        var pascal = string.Concat(word.Split(' ').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
        var source = $"public sealed class SigningOptions {{ public byte[]? {pascal} {{ get; init; }} }}";

        Assert.True(SourcePrefilter.Default.MayHoldFinding(source));
    }
}
