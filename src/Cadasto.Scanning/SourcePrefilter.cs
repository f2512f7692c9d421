using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning;

/// <summary>
/// A cheap text test that decides whether a source file is worth binding. Every file stays in the
/// compilation (so the types it declares resolve for the others); only the files that pass are
/// handed to the analyzers, so the method bodies of the rest are never bound.
/// </summary>
/// <remarks>
/// The criterion: a file is analysed when its text contains a string literal delimiter (<c>"</c>),
/// or any of <see cref="Words"/> (case-insensitive), or a word the user configured
/// (<c>cadasto_secret_sinks</c> member names, <c>cadasto_credential_words</c>). Every Cadasto
/// finding in C# lands on a string literal (CDS1001–CDS1003, CDS2002, CDS3xxx, CDS4001) or on an
/// OAuth call, creation or member (CDS1005, CDS2001–CDS2005) whose name, or the name of what feeds
/// it, holds one of the words: <c>AcquireTokenForClient</c>, <c>PasswordTokenRequest</c>,
/// <c>UsePkce</c>, <c>AllowImplicitFlow</c>, <c>ResponseType</c>, <c>ClientSecret</c>, a secret read
/// from <c>Environment</c> or <c>IConfiguration</c>. A file with neither cannot hold a finding.
/// <c>cadasto scan --no-prefilter</c> turns it off; a test compares scans with and without it.
/// </remarks>
public sealed class SourcePrefilter
{
    /// <summary>The built-in words (lower case) that keep a file without string literals in the analysis.</summary>
    public static readonly IReadOnlyList<string> Words = Cadasto.Analyzers.Catalogs.SourceVocabulary.Words;

    /// <summary>
    /// The names of the secret sinks (a member's name, a constructor's type name): a constant declared elsewhere is
    /// reported at the sink's argument, so a body that calls one is analysed even when it holds no literal and no word.
    /// </summary>
    private static readonly SearchedWords SinkNames = new(
        SecretSinkCatalog.Default
            .Select(sink => sink.SpelledName)
            .Distinct(StringComparer.Ordinal)
            .ToArray(),
        StringComparison.Ordinal);

    // The search is the rules' own (SourceTextSearch): one text search in the product.
    private readonly SearchedWords[] _words;

    private readonly SearchedWords[] _wordsAndSinkNames;

    public SourcePrefilter(IEnumerable<string>? extraWords = null)
    {
        var words = Words.Concat(extraWords ?? Array.Empty<string>())
            .Where(w => w.Length >= 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        _words = new[] { new SearchedWords(words, StringComparison.OrdinalIgnoreCase) };
        _wordsAndSinkNames = new[] { _words[0], SinkNames };
    }

    /// <summary>The prefilter with only the built-in words.</summary>
    public static SourcePrefilter Default { get; } = new();

    /// <summary>True when the file may hold a finding and must be analysed.</summary>
    public bool MayHoldFinding(string text) => MayHoldFinding(text.AsSpan());

    /// <summary>True when one body of an analysed file may hold a finding (or hand a constant to a sink) and must be bound.</summary>
    internal bool BodyMayHoldFinding(ReadOnlySpan<char> body) => body.Contains('"') || SourceTextSearch.ContainsAny(body, _wordsAndSinkNames);

    private bool MayHoldFinding(ReadOnlySpan<char> text) => text.Contains('"') || SourceTextSearch.ContainsAny(text, _words);
}

/// <summary>
/// Blanks the bodies of an analysed file that cannot hold a finding: a method, operator or accessor body without a
/// string literal delimiter, a word of <see cref="SourcePrefilter"/> or a sink's name keeps its braces and line breaks,
/// and everything between them becomes spaces, so the compiler never binds it while every position in the file (every
/// finding's line, column and fingerprint) stays what it was. The per-file test left 16 % of the analysed body text of
/// bitwarden/server in bodies like these (docs/performance.md).
/// </summary>
/// <remarks>
/// Constructor bodies are kept: the tracer reads them to tell a constant field from one a constructor reassigns.
/// Expression bodies are kept (blanking <c>=&gt; x</c> would not parse), and so is a body with a preprocessor
/// directive or a syntax error. What a kept body needs from a blanked one is its declaration only, which stays.
/// </remarks>
internal static class BodyBlanker
{
    public static SyntaxTree Blank(SyntaxTree tree, SourceText text, string content, SourcePrefilter prefilter, CancellationToken cancellationToken)
    {
        List<TextChange>? changes = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is not BlockSyntax))
        {
            if (node is not BlockSyntax { Parent: MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or AccessorDeclarationSyntax } body
                || body.ContainsDirectives || body.ContainsDiagnostics)
            {
                continue;
            }

            var inner = TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart);
            var innerText = content.AsSpan(inner.Start, inner.Length);
            if (innerText.IsWhiteSpace() || prefilter.BodyMayHoldFinding(innerText))
            {
                continue;
            }

            var blanks = innerText.ToArray();
            for (var i = 0; i < blanks.Length; i++)
            {
                if (!SyntaxFacts.IsNewLine(blanks[i]))
                {
                    blanks[i] = ' ';
                }
            }

            (changes ??= new List<TextChange>()).Add(new TextChange(inner, new string(blanks)));
        }

        return changes is null ? tree : tree.WithChangedText(text.WithChanges(changes));
    }
}

/// <summary>
/// Turns a file the prefilter set aside into its declarations: every method, constructor, accessor,
/// operator and local function body becomes empty (<c>{ }</c> or <c>=&gt; throw null</c>). Types,
/// members, constants, field and property initializers and attributes stay, so everything it
/// declares still resolves for the analysed files, while nothing in it is left to bind: a
/// whole-compilation analysis (compilation-end rules included) then costs the analysed files only.
/// </summary>
/// <remarks>
/// Measured on DuendeSoftware/Samples, stripping the bodies of analysed files that fail the same test
/// removed only 2% of body text (identity code is full of strings), and would move positions; files
/// are therefore kept or stripped whole.
/// </remarks>
internal sealed class BodyStripper : Microsoft.CodeAnalysis.CSharp.CSharpSyntaxRewriter
{
    private static readonly Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax EmptyBlock = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Block();

    private static readonly Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax ThrowNull =
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ArrowExpressionClause(
            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ThrowExpression(
                Microsoft.CodeAnalysis.CSharp.SyntaxFactory.LiteralExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression)));

    public static readonly BodyStripper All = new();

    public override SyntaxNode? VisitBlock(Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax node) =>
        IsBody(node)
            ? EmptyBlock.WithLeadingTrivia(node.GetLeadingTrivia()).WithTrailingTrivia(node.GetTrailingTrivia())
            : base.VisitBlock(node);

    public override SyntaxNode? VisitArrowExpressionClause(Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax node) =>
        IsBody(node)
            ? ThrowNull.WithLeadingTrivia(node.GetLeadingTrivia()).WithTrailingTrivia(node.GetTrailingTrivia())
            : base.VisitArrowExpressionClause(node);

    private static bool IsBody(SyntaxNode node) =>
        node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax;
}
