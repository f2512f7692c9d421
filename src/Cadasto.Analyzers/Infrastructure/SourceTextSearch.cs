using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// Whether a document's text holds a word, without making a string of the whole text: the compiler reads a file of more
/// than ~40,000 characters into a text of chunks, whose <see cref="SourceText.ToString()"/> copies the whole file on every
/// call (in a sampled profile on Newtonsoft.Json, those copies were most of the rules' text checks). The text is read
/// in windows of 8,192 characters (small strings, never on the large-object heap) that overlap by the longest word less
/// one, so no occurrence is missed at a seam.
/// </summary>
internal static class SourceTextSearch
{
    private const int WindowSize = 8192;

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

        var window = Math.Max(WindowSize, 2 * longest);
        for (var start = 0; ; start += window - Math.Max(longest - 1, 0))
        {
            var count = Math.Min(window, text.Length - start);
            var chunk = text.ToString(new TextSpan(start, count));
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

            if (start + count >= text.Length)
            {
                return false;
            }
        }
    }
}
