using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// Issue 16, fuzz run 5: Roslyn's parser took 29.6 s of CPU on 30,000 nested parentheses (a file the limit refuses
/// anyway), so code whose bracket tokens nest past the limit is refused from the lexer, before any parse.
/// </summary>
public sealed class NestingGuardTests
{
    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default;

    [Fact]
    public void BracketTokensNestedPastTheLimit_ShouldBeRefusedBeforeParsing()
    {
        var depth = NestingGuard.MaxSyntaxDepth + 10_000;
        var text = SourceText.From("class C { object O = " + new string('(', depth) + "1" + new string(')', depth) + "; }");

        Assert.True(NestingGuard.TooDeepToParse(text, Options, CancellationToken.None));
    }

    // Brackets in a string, a verbatim or raw string, an interpolated string's text, a comment or a character literal are
    // no nesting: the text nests 30,000 deep, the code does not.
    [Fact]
    public void BracketsInStringsAndComments_ShouldNotCount()
    {
        var many = new string('(', NestingGuard.MaxSyntaxDepth + 10_000);
        var text = SourceText.From(
            "class C {\n"
            + "  string A = \"" + many + "\";\n"
            + "  string B = @\"" + many + "\";\n"
            + "  string R = \"\"\"\n" + many + "\n\"\"\";\n"
            + "  string I = $\"" + many + "{A}\";\n"
            + "  // " + many + "\n"
            + "  /* " + many + " */\n"
            + "  char P = '(';\n"
            + "}\n");

        Assert.False(NestingGuard.TooDeepToParse(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), CancellationToken.None));
    }

    [Fact]
    public void NestingUnderTheLimit_ShouldBeLeftToTheParse()
    {
        var depth = NestingGuard.MaxSyntaxDepth - 1_000;
        var text = SourceText.From("class C { object O = " + new string('(', depth) + "1" + new string(')', depth) + "; }");

        Assert.False(NestingGuard.TooDeepToParse(text, Options, CancellationToken.None));
    }
}
