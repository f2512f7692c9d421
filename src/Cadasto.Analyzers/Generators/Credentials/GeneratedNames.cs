using System.Globalization;
using System.Text;

namespace Cadasto.Analyzers.Generators.Credentials;

/// <summary>
/// Bounds on the names the generator makes from manifest text. A C# name in metadata may not pass 1,024 UTF-8
/// bytes (CS7013), and a hint name becomes a file name under <c>obj/…/generated/</c> when the build writes
/// generated files (<c>EmitCompilerGeneratedFiles</c>), where 255 bytes is the limit (CS0016). Past a bound, a
/// name keeps its start and ends with a hash of the whole, so two long names stay two names.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The longest identifier made from an environment name, in characters (at most 3 UTF-8 bytes each).</summary>
    public const int MaxIdentifierLength = 80;

    /// <summary>The longest hint name, in UTF-8 bytes: under 255 with room for what a tool adds (a <c>.bak</c>, a counter).</summary>
    public const int MaxHintNameBytes = 200;

    private const int HashLength = 8;

    /// <summary><paramref name="text"/> itself when it has at most <paramref name="maxLength"/> characters; else its start, <c>_</c> and a hash of it.</summary>
    public static string LimitLength(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        return Cut(text, maxLength - HashLength - 1, measureBytes: false) + "_" + Hash(text);
    }

    /// <summary><paramref name="stem"/> + <paramref name="extension"/> when it fits <see cref="MaxHintNameBytes"/>; else a shortened stem ending with a hash of it.</summary>
    public static string HintName(string stem, string extension)
    {
        if (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) <= MaxHintNameBytes)
        {
            return stem + extension;
        }

        var room = MaxHintNameBytes - Encoding.UTF8.GetByteCount(extension) - HashLength - 1;
        return Cut(stem, room, measureBytes: true) + "_" + Hash(stem) + extension;
    }

    /// <summary>A stable (not per-process) 32-bit FNV-1a hash of the text, as 8 hex digits.</summary>
    public static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>The longest start of <paramref name="text"/> within <paramref name="limit"/> characters or UTF-8 bytes, never half a surrogate pair.</summary>
    private static string Cut(string text, int limit, bool measureBytes)
    {
        var length = 0;
        var used = 0;
        while (length < text.Length)
        {
            var width = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var cost = measureBytes ? Encoding.UTF8.GetByteCount(text.ToCharArray(length, width)) : width;
            if (used + cost > limit)
            {
                break;
            }

            used += cost;
            length += width;
        }

        return text.Substring(0, length);
    }
}
