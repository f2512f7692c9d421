using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Tests.Conventions;

/// <summary>Every rule a user meets has a working help link, a docs page, a release entry and a README row, and reads well.</summary>
public sealed class DescriptorConventionTests
{
    private static readonly string[] StandardCategories = { DiagnosticCategories.Security, DiagnosticCategories.Usage, DiagnosticCategories.Design };

    [Fact]
    public void Descriptors_AreDeclared_WithUniqueIdsInTheProductRange()
    {
        Assert.NotEmpty(Repository.Descriptors);
        Assert.Equal(Repository.Descriptors.Length, Repository.Descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(Repository.Descriptors, d => Assert.Matches("^CDS[1-49][0-9]{3}$", d.Id));
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void HelpLink_PointsAtTheRulesDocsPage_WhichExists(string id)
    {
        var descriptor = Repository.Descriptor(id);
        Assert.Equal($"https://github.com/cadasto/Cadasto.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(Repository.Exists($"docs/rules/{id}.md"), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void DocsPage_FollowsTheTemplate(string id)
    {
        var page = Repository.ReadText($"docs/rules/{id}.md");
        var descriptor = Repository.Descriptor(id);
        Assert.StartsWith($"# {id}: {descriptor.Title}", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void ReleaseEntry_MatchesCategoryAndSeverity(string id)
    {
        var descriptor = Repository.Descriptor(id);
        var rows = Repository.ReleaseRows("AnalyzerReleases.Shipped.md")
            .Concat(Repository.ReleaseRows("AnalyzerReleases.Unshipped.md"))
            .Where(cells => cells[0] == id)
            .ToList();
        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void ReadmeRuleTable_HasARowLinkingTheDocsPage(string id)
    {
        var descriptor = Repository.Descriptor(id);
        var row = Repository.ReadText("README.md").Split('\n')
            .SingleOrDefault(line => line.StartsWith($"| [{id}](docs/rules/{id}.md) |", StringComparison.Ordinal));
        Assert.True(row is not null, $"README.md has no rule-table row for {id}");
        Assert.Contains($"| {descriptor.DefaultSeverity} |", row, StringComparison.Ordinal);
        Assert.Contains($"| {descriptor.Title} |", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Category_IsAStandardName(string id) =>
        Assert.Contains(Repository.Descriptor(id).Category, StandardCategories);

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Title_IsSentenceCase_WithoutPeriod(string id)
    {
        var title = Repository.Descriptor(id).Title.ToString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.True(char.IsUpper(title[0]), $"'{title}' starts in lower case");
        Assert.False(title.EndsWith('.'), $"'{title}' ends with a period");
        var capitalisedWords = title.Split(' ').Skip(1).Where(IsCapitalisedCommonWord).ToList();
        Assert.True(capitalisedWords.Count == 0, $"'{title}' is not sentence case: {string.Join(", ", capitalisedWords)}");
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Message_IsOneSentence_WithoutPeriod(string id)
    {
        var message = Repository.Descriptor(id).MessageFormat.ToString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.False(message.EndsWith('.'), $"'{message}' ends with a period");
        Assert.DoesNotMatch(@"[.!?]\s+[A-Z]", message);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Description_IsFullSentences(string id)
    {
        var description = Repository.Descriptor(id).Description.ToString();
        Assert.True(description.Length >= 40, $"{id} has a thin description");
        Assert.EndsWith(".", description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Descriptor_IsSupportedByExactlyOneAnalyzer_OrRaisedByTheGenerator(string id)
    {
        var supporters = Repository.AnalyzerTypes
            .Where(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Any(d => d.Id == id))
            .Select(t => t.Name)
            .ToList();
        var generatorSource = Repository.GeneratorTypes.Any();
        Assert.True(supporters.Count == 1 || (supporters.Count == 0 && generatorSource), $"{id} is supported by: {string.Join(", ", supporters)}");
    }

    /// <summary>A word such as "Secret" in a title; names (OAuth, PKCE, MSAL, Blazor…) are not common words.</summary>
    private static bool IsCapitalisedCommonWord(string word)
    {
        var letters = Regex.Replace(word, "[^A-Za-z]", string.Empty);
        return letters.Length > 1
            && char.IsUpper(letters[0])
            && letters.Skip(1).All(char.IsLower)
            && !ProperNouns.Contains(letters);
    }

    private static readonly string[] ProperNouns =
    {
        "Cadasto", "Blazor", "WebAssembly", "Azure", "Key", "Vault", "Basic", "Entra", "Windows", "Forms", "Bearer",
    };
}
