using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>A name <see cref="IdentifierSearch"/> looks for, and how it counts.</summary>
/// <param name="Name">An identifier (letters, digits, underscores).</param>
/// <param name="IgnoreCase">Whether <c>GRANT_TYPE</c> counts for <c>grant_type</c> (form keys); C# names keep their case.</param>
/// <param name="InUsingDirectives">Whether a <c>using</c> directive counts (a namespace word); a member's name there names a namespace.</param>
internal readonly record struct SearchedName(string Name, bool IgnoreCase, bool InUsingDirectives);

/// <summary>
/// Whether a source text spells any of a set of names as a whole identifier-like run (letters, digits, underscores),
/// in one pass over the text whatever the number of names: code, comments and strings alike, so the answer may say
/// yes where no code uses the name, never no where some does. Used to decide at compilation start what a compilation
/// can hold (<see cref="Semantics.CompilationContents"/>). The text is read as <see cref="SourceTextSearch"/> reads it: as
/// the string it is when it is one, otherwise copied into one reused buffer, never into a string of the whole file; here a
/// window ends after its last line break, so that no name and no <c>using</c> line is cut in two.
/// </summary>
internal sealed class IdentifierSearch
{
    // Candidates by length: a run is compared only with the names of its length.
    private readonly SearchedName[]?[] _byLength;

    private IdentifierSearch(SearchedName[]?[] byLength) => _byLength = byLength;

    public static IdentifierSearch Create(IEnumerable<SearchedName> names)
    {
        var lists = new List<List<SearchedName>?>();
        foreach (var name in names)
        {
            while (lists.Count <= name.Name.Length)
            {
                lists.Add(null);
            }

            (lists[name.Name.Length] ??= new List<SearchedName>()).Add(name);
        }

        var byLength = new SearchedName[]?[lists.Count];
        for (var i = 0; i < lists.Count; i++)
        {
            byLength[i] = lists[i]?.ToArray();
        }

        return new IdentifierSearch(byLength);
    }

    /// <summary>Whether <paramref name="text"/> spells one of the names that <paramref name="counts"/> accepts.</summary>
    public bool FoundIn(SourceText text, Func<SearchedName, bool> counts)
    {
        if (SourceTextSearch.IsOneString(text, out var whole))
        {
            return FoundIn(whole.AsSpan(), counts);
        }

        var buffer = new char[SourceTextSearch.WindowSize];
        for (var start = 0; start < text.Length;)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);

            // End the window after its last line break (or, in a line longer than the window, its last non-identifier
            // character), so that no run is cut in two and a window starts a line.
            var end = count;
            if (start + count < text.Length)
            {
                var cut = Array.LastIndexOf(buffer, '\n', count - 1, count);
                if (cut < 0)
                {
                    cut = count - 1;
                    while (cut > 0 && IsIdentifierPart(buffer[cut]))
                    {
                        cut--;
                    }
                }

                end = cut + 1;
            }

            if (FoundIn(new ReadOnlySpan<char>(buffer, 0, end), counts))
            {
                return true;
            }

            start += end;
        }

        return false;
    }

    private bool FoundIn(ReadOnlySpan<char> buffer, Func<SearchedName, bool> counts)
    {
        var length = buffer.Length;
        for (var i = 0; i < length;)
        {
            if (!IsIdentifierPart(buffer[i]))
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < length && IsIdentifierPart(buffer[i]))
            {
                i++;
            }

            var runLength = i - runStart;
            if (runLength < _byLength.Length && _byLength[runLength] is { } candidates)
            {
                foreach (var candidate in candidates)
                {
                    if (Matches(buffer, runStart, candidate) && (candidate.InUsingDirectives || !OnUsingDirective(buffer, runStart, length)) && counts(candidate))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Matches(ReadOnlySpan<char> buffer, int start, SearchedName candidate)
    {
        var name = candidate.Name;
        for (var k = 0; k < name.Length; k++)
        {
            var c = buffer[start + k];
            if (c != name[k] && (!candidate.IgnoreCase || char.ToUpperInvariant(c) != char.ToUpperInvariant(name[k])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierPart(char c) =>
        c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : char.IsLetterOrDigit(c);

    // using A.B.C; global using static A.B; using X = A.B; — not using (…), using var x = …, which are statements.
    private static bool OnUsingDirective(ReadOnlySpan<char> buffer, int index, int length)
    {
        var lineStart = index;
        while (lineStart > 0 && buffer[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        while (lineStart < index && char.IsWhiteSpace(buffer[lineStart]))
        {
            lineStart++;
        }

        if (StartsWith(buffer, lineStart, index, "global "))
        {
            lineStart += 7;
        }

        if (!StartsWith(buffer, lineStart, index, "using ") || StartsWith(buffer, lineStart + 6, index, "var "))
        {
            return false;
        }

        for (var i = lineStart + 6; i < length && buffer[i] != '\n'; i++)
        {
            switch (buffer[i])
            {
                case ';':
                    return true;
                case '(' or '{':
                    return false;
            }
        }

        return false;
    }

    private static bool StartsWith(ReadOnlySpan<char> buffer, int start, int limit, string prefix)
    {
        if (start + prefix.Length > limit)
        {
            return false;
        }

        for (var k = 0; k < prefix.Length; k++)
        {
            if (buffer[start + k] != prefix[k])
            {
                return false;
            }
        }

        return true;
    }
}
