using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning.Tests;

/// <summary>
/// An analysed file's bodies that cannot hold a finding are blanked before binding; every position in the file, and so
/// every finding's place and fingerprint, stays what it was.
/// </summary>
public sealed class BodyBlankerTests
{
    // A made-up value of no real account; never printed by a passing test.
    private const string Secret = "Kp3Q~zT9.wX2yV7uR4sN1mL8kJ5hG2fD0cB6aZ";

    private const string Source = """
        using MailKit;

        public sealed class Mixed
        {
            private int _count;

            public Mixed(int count) { _count = count; }

            public int Twice(int a)
            {
                var b = a * 2;
                return b + _count;
            }

            public string Named() { return "named"; }

            public void Login(MailService mail, string user) { mail.Authenticate(user, Keys.Value); }

            public int Count { get { return _count; } }

            public int Next(int a) => a + 1;

            public void Traced()
            {
        #if DEBUG
                _count++;
        #endif
            }
        }
        """;

    [Fact]
    public void BodiesWithoutLiteralWordOrSink_ShouldBecomeBlanksInPlace()
    {
        var text = SourceText.From(Source);
        var tree = CSharpSyntaxTree.ParseText(text);

        var blanked = BodyBlanker.Blank(tree, text, Source, SourcePrefilter.Default, default);

        var after = blanked.GetText().ToString();
        Assert.Equal(Source.Length, after.Length);
        Assert.Equal(text.Lines.Count, blanked.GetText().Lines.Count);
        Assert.Empty(blanked.GetDiagnostics());
        string Body(string member) => blanked.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>()
            .Single(m => m is MethodDeclarationSyntax method && method.Identifier.Text == member
                || m is ConstructorDeclarationSyntax && member == ".ctor"
                || m is PropertyDeclarationSyntax property && property.Identifier.Text == member)
            .ToFullString();

        // No literal, no word, no sink: blank between the braces, line breaks kept.
        Assert.DoesNotContain("a * 2", after);
        Assert.DoesNotContain("return _count", after);
        // A literal, a sink's name, a constructor, an expression body, a preprocessor directive: kept as written.
        Assert.Contains("return \"named\";", Body("Named"));
        Assert.Contains("mail.Authenticate(user, Keys.Value);", Body("Login"));
        Assert.Contains("_count = count;", Body(".ctor"));
        Assert.Contains("=> a + 1;", Body("Next"));
        Assert.Contains("_count++;", Body("Traced"));
        // Everything outside the blanked bodies is where it was.
        for (var i = 0; i < Source.Length; i++)
        {
            Assert.True(after[i] == Source[i] || after[i] == ' ', $"position {i} changed to '{after[i]}'");
        }
    }

    [Fact]
    public async Task BlankedBodies_ShouldLeaveEveryFindingWhereItWas()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Identity.Client" Version="4.92.0" /></ItemGroup>
            </Project>
            """);
        tree.Write("App/Keys.cs", $$"""internal static class Keys { public const string Value = "{{Secret}}"; }""");
        tree.Write("App/TokenFactory.cs", $$"""
            using Microsoft.Identity.Client;

            public static class TokenFactory
            {
                public static int Sum(int[] values)
                {
                    var total = 0;
                    foreach (var value in values) { total += value; }
                    return total;
                }

                public static IConfidentialClientApplication Create(string id)
                {
                    return ConfidentialClientApplicationBuilder.Create(id).WithClientSecret(Keys.Value).Build();
                }

                public static IConfidentialClientApplication Literal() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev").WithClientSecret("{{Secret}}").Build();
            }
            """);

        var blanked = await new Scanner().ScanAsync(tree.Root);
        var whole = await new Scanner(new ScanOptions { Prefilter = false }).ScanAsync(tree.Root);

        Assert.Equal(2, blanked.Findings.Count(f => f.Path == "App/TokenFactory.cs"));
        Assert.Equal(
            whole.Findings.Select(f => (f.RuleId, f.Path, f.StartLine, f.StartColumn, f.EndLine, f.EndColumn, f.Fingerprint)),
            blanked.Findings.Select(f => (f.RuleId, f.Path, f.StartLine, f.StartColumn, f.EndLine, f.EndColumn, f.Fingerprint)));
    }
}
