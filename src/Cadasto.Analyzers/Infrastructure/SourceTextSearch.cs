using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>Words searched for, and how they compare: one argument of <see cref="SourceTextSearch.ContainsAny(SourceText, SearchedWords[])"/>.</summary>
internal readonly struct SearchedWords
{
    public SearchedWords(IEnumerable<string> words, StringComparison comparison)
    {
        Words = words;
        Comparison = comparison;
    }

    public IEnumerable<string> Words { get; }

    public StringComparison Comparison { get; }
}

/// <summary>
/// The one text search of the product: whether a text holds any of some words (a substring, ordinal or ignoring case),
/// for the rules' prefilters (a document's <see cref="SourceText"/>) and for the scanner's (a file's or a body's
/// characters). A document's text is never made a string when it is not one already: the compiler reads a file of more
/// than 40K characters into a text of chunks, whose <see cref="SourceText.ToString()"/> copies the whole file on every
/// call (in a sampled profile on Newtonsoft.Json, those copies were most of the rules' text checks). A smaller text is
/// searched as the string it already is (<see cref="SourceText.ToString()"/> of a text read from a string or a small
/// file copies nothing). A large text is copied, in windows of 8,192 characters, into one buffer reused for the whole
/// search and read as a span (<see cref="Windows"/>); the windows overlap by the longest word less one, so no occurrence
/// is missed at a seam. <see cref="IdentifierSearch"/> reads the same windows for whole names.
/// </summary>
/// <remarks>
/// Spans come from System.Memory, which Microsoft.CodeAnalysis 4.8.0 itself depends on for netstandard2.0: every host
/// that loads Roslyn has it (docs/architecture.md). On .NET the span searches are the runtime's vectorized ones.
/// </remarks>
internal static class SourceTextSearch
{
    /// <summary>The characters a large text is copied in at a time (a buffer that stays off the large-object heap).</summary>
    public const int WindowSize = 8192;

    // Roslyn's SourceText.From makes a chunked text only above 40K characters; below, a text is one string (and any copy
    // of it stays off the large-object heap).
    private const int WholeTextLimit = 40 * 1024;

    /// <summary>The text as the one string it already is (a text of at most 40K characters), or false for a chunked text.</summary>
    public static bool IsOneString(SourceText text, out string whole)
    {
        whole = text.Length <= WholeTextLimit ? text.ToString() : string.Empty;
        return text.Length <= WholeTextLimit;
    }

    /// <summary>What a window of the text is asked: whether it holds what is searched for.</summary>
    public delegate bool WindowTest<TState>(ReadOnlySpan<char> window, bool isLast, TState state);

    /// <summary>Whether <paramref name="text"/> holds <paramref name="value"/>.</summary>
    public static bool Contains(SourceText text, string value, StringComparison comparison) =>
        ContainsAny(text, new SearchedWords(new[] { value }, comparison));

    /// <summary>Whether <paramref name="text"/> holds any word of any of <paramref name="words"/>.</summary>
    public static bool ContainsAny(SourceText text, StringComparison comparison, params IEnumerable<string>[] words)
    {
        var searches = new SearchedWords[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            searches[i] = new SearchedWords(words[i], comparison);
        }

        return ContainsAny(text, searches);
    }

    /// <summary>Whether <paramref name="text"/> holds any word of any of <paramref name="searches"/>, in one pass over the text.</summary>
    public static bool ContainsAny(SourceText text, params SearchedWords[] searches)
    {
        var longest = Longest(searches);
        return longest >= 0 && Windows(text, Math.Max(longest - 1, 0), static (window, _, searches) => ContainsAny(window, searches), searches);
    }

    /// <summary>Whether <paramref name="text"/> holds any word of any of <paramref name="searches"/>.</summary>
    public static bool ContainsAny(ReadOnlySpan<char> text, params SearchedWords[] searches)
    {
        foreach (var search in searches)
        {
            foreach (var word in search.Words)
            {
                if (text.IndexOf(word.AsSpan(), search.Comparison) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Asks <paramref name="test"/> about <paramref name="text"/>, window by window, until it answers true: the whole text
    /// at once when it is one string already, otherwise windows of at least 8,192 characters copied into one reused
    /// buffer, each starting <paramref name="overlap"/> characters before the previous one ended.
    /// </summary>
    public static bool Windows<TState>(SourceText text, int overlap, WindowTest<TState> test, TState state)
    {
        if (IsOneString(text, out var whole))
        {
            return test(whole.AsSpan(), true, state);
        }

        var window = Math.Max(WindowSize, 2 * (overlap + 1));
        var buffer = new char[window];
        for (var start = 0; ; start += window - overlap)
        {
            var count = Math.Min(window, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var isLast = start + count >= text.Length;
            if (test(new ReadOnlySpan<char>(buffer, 0, count), isLast, state))
            {
                return true;
            }

            if (isLast)
            {
                return false;
            }
        }
    }

    private static int Longest(SearchedWords[] searches)
    {
        var longest = -1;
        foreach (var search in searches)
        {
            foreach (var word in search.Words)
            {
                longest = Math.Max(longest, word.Length);
            }
        }

        return longest;
    }
}
