
namespace Cadasto.Analyzers.Values;

/// <summary>
/// Comparisons of names written in any style (<c>ClientSecret</c>, <c>client_secret</c>, <c>client-secret</c>,
/// <c>Cadasto:ClientSecret</c>): letters and digits only, case-insensitive, without allocating.
/// </summary>
internal static class SeparatorInsensitiveText
{
    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> spell the same letters and digits.</summary>
    public static bool Equals(string left, string right)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < left.Length && !char.IsLetterOrDigit(left[i]))
            {
                i++;
            }

            while (j < right.Length && !char.IsLetterOrDigit(right[j]))
            {
                j++;
            }

            if (i == left.Length || j == right.Length)
            {
                return i == left.Length && j == right.Length;
            }

            if (char.ToLowerInvariant(left[i]) != char.ToLowerInvariant(right[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>Whether the letters and digits of <paramref name="name"/> end with <paramref name="lowerCaseWord"/>.</summary>
    public static bool EndsWith(string name, string lowerCaseWord)
    {
        var matched = lowerCaseWord.Length;
        for (var i = name.Length - 1; i >= 0 && matched > 0; i--)
        {
            if (!char.IsLetterOrDigit(name[i]))
            {
                continue;
            }

            if (char.ToLowerInvariant(name[i]) != lowerCaseWord[--matched])
            {
                return false;
            }
        }

        return matched == 0;
    }
}
