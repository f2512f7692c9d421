using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// Whether a document's text holds a word, without making a string of a large text: the compiler reads a file of more
/// than 40K characters into a text of chunks, whose <see cref="SourceText.ToString()"/> copies the whole file on every
/// call (in a sampled profile on Newtonsoft.Json, those copies were most of the rules' text checks). A smaller text is
/// searched as the string it already is (<see cref="SourceText.ToString()"/> of a text read from a string or a small
/// file copies nothing). A large text is copied, in windows of 8,192 characters, into one reused buffer and searched as
/// a small string of each window (never on the large-object heap); the windows overlap by the longest word less one, so
/// no occurrence is missed at a seam.
/// </summary>
internal static class SourceTextSearch
{
    private const int WindowSize = 8192;

    // Roslyn's SourceText.From makes a chunked text only above 40K characters; below, a text is one string (and any copy
    // of it stays off the large-object heap).
    private const int WholeTextLimit = 40 * 1024;

    /// <summary>Whether <paramref name="text"/> holds <paramref name="value"/>.</summary>
    public static bool Contains(SourceText text, string value, StringComparison comparison) =>
        ContainsAny(text, comparison, new[] { value });

    /// <summary>Whether <paramref name="text"/> holds any word of any of <paramref name="words"/>.</summary>
    public static bool ContainsAny(SourceText text, StringComparison comparison, params IEnumerable<string>[] words)
    {
        var longest = -1;
        foreach (var set in words)
        {
            foreach (var word in set)
            {
                longest = Math.Max(longest, word.Length);
            }
        }

        if (longest < 0)
        {
            return false;
        }

        if (text.Length <= WholeTextLimit)
        {
            return HoldsAny(text.ToString(), comparison, words);
        }

        var window = Math.Max(WindowSize, 2 * longest);
        var buffer = new char[Math.Min(window, text.Length)];
        for (var start = 0; ; start += window - Math.Max(longest - 1, 0))
        {
            // CopyTo and one string of the window: a chunked text's ToString(span) goes through a StringBuilder.
            var count = Math.Min(window, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (HoldsAny(new string(buffer, 0, count), comparison, words))
            {
                return true;
            }

            if (start + count >= text.Length)
            {
                return false;
            }
        }
    }

    private static bool HoldsAny(string chunk, StringComparison comparison, IEnumerable<string>[] words)
    {
        foreach (var set in words)
        {
            foreach (var word in set)
            {
                if (chunk.IndexOf(word, comparison) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
