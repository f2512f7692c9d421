using System;

namespace Cadasto.Analyzers.Values;

/// <summary>The classes of character a value holds: lower-case letters, capitals, digits, anything else.</summary>
[Flags]
internal enum CharacterClass
{
    None = 0,
    Lower = 1,
    Upper = 2,
    Digit = 4,
    Symbol = 8,

    /// <summary>A letter of no case (CJK, Arabic): a letter, but none of the four classes a key's randomness counts.</summary>
    UncasedLetter = 16,

    /// <summary>Any letter.</summary>
    Letter = Lower | Upper | UncasedLetter,
}

/// <summary>
/// Which classes of character a value mixes (<see cref="CharacterClass"/>): the one count that the "random enough to be a
/// key" judgements share (<c>TestSentinels</c>' long and random values, <c>KeyMaterialLiterals.IsRandomKey</c>,
/// <c>ConfigurationValueShapes</c>' generated-looking values).
/// </summary>
internal static class CharacterClasses
{
    /// <summary>The classes <paramref name="text"/> holds.</summary>
    public static CharacterClass Of(string text)
    {
        var classes = CharacterClass.None;
        foreach (var c in text)
        {
            classes |= char.IsLower(c) ? CharacterClass.Lower
                : char.IsUpper(c) ? CharacterClass.Upper
                : char.IsDigit(c) ? CharacterClass.Digit
                : char.IsLetter(c) ? CharacterClass.UncasedLetter
                : CharacterClass.Symbol;
        }

        return classes;
    }

    /// <summary>How many of the four classes lower, upper, digit and symbol are in <paramref name="classes"/> (0 to 4).</summary>
    public static int Count(this CharacterClass classes)
    {
        var count = 0;
        for (var bits = (int)(classes & ~CharacterClass.UncasedLetter); bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether every class of <paramref name="required"/> is in <paramref name="classes"/>.</summary>
    public static bool HasAll(this CharacterClass classes, CharacterClass required) => (classes & required) == required;

    /// <summary>Whether any class of <paramref name="wanted"/> is in <paramref name="classes"/>.</summary>
    public static bool HasAny(this CharacterClass classes, CharacterClass wanted) => (classes & wanted) != 0;
}
