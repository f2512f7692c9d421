using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// The string literals of a document's disabled code: an <c>#if</c>, <c>#elif</c> or <c>#else</c> branch that this build's
/// symbols do not select (<c>#if MYSQL</c> beside the <c>#if PGSQL</c> a project defines, a file kept for another target
/// framework). The compiler keeps such a branch as text, with no syntax or operation, yet it is committed like the rest:
/// a secret in it leaks as one in compiled code does. Read with the lexer alone, so only what the tokens say is known:
/// the literal, and the name it is stored under where the tokens before it spell one (<c>Password = "…"</c>,
/// <c>password: "…"</c>, <c>["ApiKey"] = "…"</c>, <c>Add("ApiKey", "…")</c>, <c>SetClientSecret("…")</c>). No sink resolves
/// there, so nothing in it is a client secret by its sink (CDS1001); names (CDS1002) and shapes (CDS1003) are judged as in
/// compiled code.
/// </summary>
internal static class DisabledCode
{
    /// <summary>A string literal of disabled code: where it is, its value, and the name the tokens before it store it under.</summary>
    public readonly struct Literal
    {
        public Literal(TextSpan span, string text, string? name)
        {
            Span = span;
            Text = text;
            Name = name;
        }

        public TextSpan Span { get; }

        public string Text { get; }

        public string? Name { get; }
    }

    /// <summary>The string literals of every disabled branch of <paramref name="tree"/>; empty (and cheap) without directives.</summary>
    public static ImmutableArray<Literal> LiteralsOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (!root.ContainsDirectives)
        {
            return ImmutableArray<Literal>.Empty;
        }

        // Only the nodes that hold a directive are entered (a flag of the green tree): asking each directive for the next
        // one walked every token between them, the whole file of a document full of #if (Newtonsoft.Json).
        ImmutableArray<Literal>.Builder? literals = null;
        var previous = default(SyntaxTrivia);
        foreach (var trivia in root.DescendantTrivia(static node => node.ContainsDirectives))
        {
            // The text the compiler skipped is the trivia right after the directive that opened the branch.
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia) && OpensABranch(previous) && previous.Token == trivia.Token)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Read(trivia.ToString(), trivia.SpanStart, tree.Options as CSharpParseOptions, literals ??= ImmutableArray.CreateBuilder<Literal>());
            }

            previous = trivia;
        }

        return literals?.ToImmutable() ?? ImmutableArray<Literal>.Empty;
    }

    private static bool OpensABranch(SyntaxTrivia trivia) =>
        trivia.Kind() is SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia or SyntaxKind.ElseDirectiveTrivia;

    /// <summary>Reads the string literals of <paramref name="text"/> (code, as the lexer sees it) starting at <paramref name="start"/>.</summary>
    internal static void Read(string text, int start, CSharpParseOptions? options, ImmutableArray<Literal>.Builder into)
    {
        if (text.IndexOf('"') < 0)
        {
            // Every string literal token has a quote.
            return;
        }

        // A literal is judged once the token after it is read; only the few tokens before it are kept (a branch can be a
        // whole file: a list of all its tokens cost more than lexing them).
        var tokens = new List<SyntaxToken>(KeptTokens);
        foreach (var token in SyntaxFactory.ParseTokens(text, initialTokenPosition: start, options: options))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken))
            {
                break;
            }

            tokens.Add(token);
            if (tokens.Count >= 2)
            {
                Judge(tokens, tokens.Count - 2, into);
            }

            if (tokens.Count == KeptTokens)
            {
                tokens.RemoveRange(0, KeptTokens - TokensLookedAt);
            }
        }

        if (tokens.Count >= 1)
        {
            Judge(tokens, tokens.Count - 1, into);
        }
    }

    // NameBefore looks at most four tokens back, Judge one ahead.
    private const int TokensLookedAt = 6;
    private const int KeptTokens = 32;

    private static void Judge(List<SyntaxToken> tokens, int i, ImmutableArray<Literal>.Builder into)
    {
        var token = tokens[i];
        if (!IsStringLiteral(token)
            || Kind(tokens, i - 1) == SyntaxKind.PlusToken || Kind(tokens, i + 1) == SyntaxKind.PlusToken)
        {
            // A part of a concatenation is a fragment, as in compiled code (only wholly constant values are judged whole,
            // and the lexer cannot tell a constant from a run-time part).
            return;
        }

        into.Add(new Literal(token.Span, token.ValueText, NameBefore(tokens, i)));
    }

    /// <summary>The name the tokens before the literal at <paramref name="i"/> store it under, or null.</summary>
    private static string? NameBefore(List<SyntaxToken> tokens, int i)
    {
        switch (Kind(tokens, i - 1))
        {
            case SyntaxKind.EqualsToken when Kind(tokens, i - 2) == SyntaxKind.IdentifierToken:
                // Password = "…" (a declarator, an assignment, an initializer's member, an attribute's named argument)
                return tokens[i - 2].ValueText;
            case SyntaxKind.EqualsToken when Kind(tokens, i - 2) == SyntaxKind.CloseBracketToken && IsStringLiteral(tokens, i - 3)
                                             && Kind(tokens, i - 4) == SyntaxKind.OpenBracketToken:
                // ["ApiKey"] = "…"
                return tokens[i - 3].ValueText;
            case SyntaxKind.EqualsGreaterThanToken when Kind(tokens, i - 2) == SyntaxKind.IdentifierToken:
                // string ApiKey => "…";
                return tokens[i - 2].ValueText;
            case SyntaxKind.ColonToken when Kind(tokens, i - 2) == SyntaxKind.IdentifierToken
                                            && Kind(tokens, i - 3) is SyntaxKind.OpenParenToken or SyntaxKind.CommaToken:
                // Login(user: "svc", password: "…")
                return tokens[i - 2].ValueText;
            case SyntaxKind.CommaToken when IsStringLiteral(tokens, i - 2) && Kind(tokens, i + 1) is SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken
                                            && (Kind(tokens, i - 3) == SyntaxKind.OpenBraceToken
                                                || (Kind(tokens, i - 3) == SyntaxKind.OpenParenToken && i >= 4 && tokens[i - 4].ValueText is "Add" or "TryAdd")):
                // { "ApiKey", "…" }, headers.Add("ApiKey", "…")
                return tokens[i - 2].ValueText;
            case SyntaxKind.OpenParenToken when Kind(tokens, i - 2) == SyntaxKind.IdentifierToken && Kind(tokens, i + 1) == SyntaxKind.CloseParenToken:
                // options.SetClientSecret("…"): the member a one-argument setter stores it under.
                return SecretLiteralClassifier.SetterStoredName(tokens[i - 2].ValueText);
            default:
                return null;
        }
    }

    private static SyntaxKind Kind(List<SyntaxToken> tokens, int i) =>
        i >= 0 && i < tokens.Count ? tokens[i].Kind() : SyntaxKind.None;

    private static bool IsStringLiteral(List<SyntaxToken> tokens, int i) => i >= 0 && i < tokens.Count && IsStringLiteral(tokens[i]);

    private static bool IsStringLiteral(SyntaxToken token) =>
        token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken;
}
