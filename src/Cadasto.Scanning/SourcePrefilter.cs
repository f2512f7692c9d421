using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

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

    private readonly string[] _words;

    public SourcePrefilter(IEnumerable<string>? extraWords = null)
    {
        _words = Words.Concat(extraWords ?? Array.Empty<string>())
            .Where(w => w.Length >= 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>The prefilter with only the built-in words.</summary>
    public static SourcePrefilter Default { get; } = new();

    /// <summary>True when the file may hold a finding and must be analysed.</summary>
    public bool MayHoldFinding(string text)
    {
        if (text.Contains('"'))
        {
            return true;
        }

        foreach (var word in _words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
