using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// The string literals of a document's commented-out code: <c>// options.ClientSecret = "…";</c>, a block comment around
/// a sample (<c>/* var passwordPfx = "…"; */</c>). A comment is committed like the code around it, so a secret in it leaks
/// as one in compiled code does (gitleaks reports it). The comment's text is read with the lexer as
/// <see cref="DisabledCode"/> reads a disabled branch, so only C# string literals count and only the tokens before one
/// name it: prose (<c>// the password is …</c>) holds no literal. XML documentation comments (<c>///</c>, <c>/**</c>) are
/// documentation, with examples of what to write, and are not read.
/// </summary>
internal static class CommentedOutCode
{
    /// <summary>
    /// The string literals in the comments of <paramref name="tree"/>. A text search finds the comments that could hold one
    /// (a <c>//</c> with a quote after it on its line, a <c>/*</c>); only those are looked up in the tree and lexed.
    /// </summary>
    public static ImmutableArray<DisabledCode.Literal> LiteralsOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var starts = ListPool<int>.Rent();
        try
        {
            FindCandidates(text, starts);
            if (starts.Count == 0)
            {
                return ImmutableArray<DisabledCode.Literal>.Empty;
            }

            var root = tree.GetRoot(cancellationToken);
            var options = tree.Options as CSharpParseOptions;
            ImmutableArray<DisabledCode.Literal>.Builder? literals = null;
            var readUpTo = -1;
            foreach (var start in starts)
            {
                if (start < readUpTo)
                {
                    // A "//" inside a block comment already read.
                    continue;
                }

                var trivia = root.FindTrivia(start);
                if (trivia.SpanStart != start || !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    // Inside a string ("https://…"), or a comment that starts earlier.
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                readUpTo = trivia.Span.End;
                var comment = trivia.ToString();
                if (comment.IndexOf('"') < 0)
                {
                    continue;
                }

                DisabledCode.Read(CodeOf(comment), start, options, literals ??= ImmutableArray.CreateBuilder<DisabledCode.Literal>());
            }

            return literals?.ToImmutable() ?? ImmutableArray<DisabledCode.Literal>.Empty;
        }
        finally
        {
            ListPool<int>.Return(starts);
        }
    }

    /// <summary>The comment with its delimiters blanked, so each character keeps its position.</summary>
    private static string CodeOf(string comment)
    {
        var chars = comment.ToCharArray();
        var isBlock = chars[1] == '*';
        chars[0] = chars[1] = ' ';
        if (isBlock && chars.Length >= 4 && comment.EndsWith("*/", StringComparison.Ordinal))
        {
            chars[chars.Length - 1] = chars[chars.Length - 2] = ' ';
        }

        return new string(chars);
    }

    /// <summary>
    /// The positions of <c>//</c> followed by a quote on its line, and of <c>/*</c>; never <c>///</c> or <c>/**</c>. A superset
    /// of the comments that hold a string literal: the tree says which of them are comments.
    /// </summary>
    private static void FindCandidates(SourceText text, List<int> into)
    {
        if (SourceTextSearch.IsOneString(text, out var whole))
        {
            Scan(whole.AsSpan(), 0, isLast: true, into);
            return;
        }

        // A chunked (large) text is read in windows that overlap by the two characters a match needs after its "/".
        var buffer = new char[SourceTextSearch.WindowSize];
        for (var start = 0; ; start += buffer.Length - Lookahead)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var isLast = start + count >= text.Length;
            Scan(new ReadOnlySpan<char>(buffer, 0, count), start, isLast, into);
            if (isLast)
            {
                return;
            }
        }
    }

    private const int Lookahead = 2;

    private static void Scan(ReadOnlySpan<char> window, int offset, bool isLast, List<int> into)
    {
        // Outside the last window, a "/" in the last two characters is read again by the next one.
        var end = isLast ? window.Length - 1 : window.Length - Lookahead;
        for (var i = 0; i < end; i++)
        {
            if (window[i] != '/')
            {
                continue;
            }

            var next = window[i + 1];
            var third = i + 2 < window.Length ? window[i + 2] : '\0';
            if (next == '*' && third != '*')
            {
                into.Add(offset + i);
                i++;
            }
            else if (next == '/')
            {
                if (third != '/' && QuoteBeforeLineEnd(window.Slice(i + 2), isLast))
                {
                    into.Add(offset + i);
                }

                i++;
            }
        }
    }

    /// <summary>Whether a quote comes before the line ends; true when the window ends first (the next one may hold it).</summary>
    private static bool QuoteBeforeLineEnd(ReadOnlySpan<char> rest, bool isLast)
    {
        var stop = rest.IndexOfAny('"', '\n', '\r');
        return stop >= 0 ? rest[stop] == '"' : !isLast;
    }
}
