using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning;

/// <summary>
/// The depth limit for one file. Roslyn builds the IOperation tree the analyzers walk by recursion without a depth
/// guard (<c>CSharpOperationFactory.Create</c>). With the tool's 256 MB thread stacks (Cadasto.Cli.csproj) 20,000
/// nested array initializers were analysed (470 MB peak), and 100,000 overflowed the stack in that factory after the
/// binder had accepted them: a file nested deeper than <see cref="MaxSyntaxDepth"/> is refused (exit 2, named)
/// before any binding. The check walks the tree without recursion, and only for text whose brackets nest 1,000
/// deep or more: deep C# nests brackets (initializers, calls, lambdas, blocks). Not caught: thousands of chained
/// <c>?:</c> without brackets (binary operator chains are built without recursion by Roslyn).
/// </summary>
internal static class NestingGuard
{
    /// <summary>Syntax levels (about two per nested initializer, call or lambda).</summary>
    public const int MaxSyntaxDepth = 20_000;

    public const string MaxSyntaxDepthText = "20,000";

    /// <summary>The error for a refused file, the same from every loader (the source-only one and <c>--msbuild</c>'s), so a file both refuse is named once.</summary>
    public static string NotAnalysed(string displayPath) =>
        $"{displayPath}: not analysed: code nested more than {MaxSyntaxDepthText} syntax levels deep is over the limit (docs/cli.md, Limits).";

    /// <summary>Brackets nested below this cannot make a tree deeper than the limit, whatever else nests.</summary>
    private const int BracketDepthWorthChecking = 1_000;

    /// <summary>
    /// Whether the brackets of the code (tokens, not text in strings or comments) nest deeper than the limit, decided from
    /// the lexer alone, before parsing: Roslyn's parser is superlinear in nested parentheses (30,000 of them took 29.6 s of
    /// CPU to parse, Microsoft.CodeAnalysis.CSharp 5.12, fuzz run 5), and each nested bracket is at least one syntax level,
    /// so such a file would be refused after the parse anyway.
    /// </summary>
    public static bool TooDeepToParse(SourceText text, CSharpParseOptions options, CancellationToken cancellationToken)
    {
        if (BracketDepth(text) <= MaxSyntaxDepth)
        {
            return false;
        }

        int depth = 0, deepest = 0, count = 0;
        foreach (var token in SyntaxFactory.ParseTokens(text.ToString(), options: options))
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch ((SyntaxKind)token.RawKind)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    deepest = System.Math.Max(deepest, ++depth);
                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    depth = System.Math.Max(0, depth - 1);
                    break;
            }
        }

        return deepest > MaxSyntaxDepth;
    }

    public static bool TooDeep(SourceText text, SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (BracketDepth(text) < BracketDepthWorthChecking)
        {
            return false;
        }

        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((tree.GetRoot(cancellationToken), 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxSyntaxDepth)
            {
                return true;
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push((child, depth + 1));
            }
        }

        return false;
    }

    /// <summary>The deepest nesting of (, [ and { in the text (brackets in strings and comments count too: it only decides whether to look closer).</summary>
    private static int BracketDepth(SourceText text)
    {
        int depth = 0, deepest = 0;
        var buffer = new char[8192];
        for (var position = 0; position < text.Length; position += buffer.Length)
        {
            var count = System.Math.Min(buffer.Length, text.Length - position);
            text.CopyTo(position, buffer, 0, count);
            for (var i = 0; i < count; i++)
            {
                switch (buffer[i])
                {
                    case '(' or '[' or '{':
                        if (++depth > deepest)
                        {
                            deepest = depth;
                        }

                        break;
                    case ')' or ']' or '}':
                        depth = System.Math.Max(0, depth - 1);
                        break;
                }
            }
        }

        return deepest;
    }
}
