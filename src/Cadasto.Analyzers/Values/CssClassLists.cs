using System;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// <c>fa fa-key</c>, <c>glyphicon glyphicon-lock</c>, <c>fas fa-lock</c>, <c>bi bi-shield-lock text-danger</c>: a list of CSS classes
/// that draws an icon, which a theme's settings keep under the name of the field it decorates (<c>IconSets:0:Password</c>,
/// <c>CoreIconSet.Password</c>). It is a label, not a credential, in C# and in configuration alike. Allocation-free.
/// </summary>
internal static class CssClassLists
{
    // Icon fonts whose base class is not the prefix of the icon's own class: Font Awesome 5 and 6's styles, Line Awesome's.
    // A base class that is the prefix (fa fa-key, glyphicon glyphicon-lock, bi bi-lock, mdi mdi-lock) needs no row.
    private static readonly (string Base, string IconPrefix)[] IconFamilies =
    {
        ("fas", "fa-"), ("far", "fa-"), ("fal", "fa-"), ("fat", "fa-"), ("fad", "fa-"), ("fab", "fa-"),
        ("fa-solid", "fa-"), ("fa-regular", "fa-"), ("fa-light", "fa-"), ("fa-thin", "fa-"), ("fa-duotone", "fa-"),
        ("fa-brands", "fa-"), ("fa-sharp", "fa-"),
        ("las", "la-"), ("lar", "la-"), ("lab", "la-"),
    };

    /// <summary>
    /// Whether <paramref name="text"/> is two or more space-separated lower-case class names (letters, digits, <c>-</c>, <c>_</c>,
    /// each led by a letter) of which one is an icon font's base class and another that font's icon class: the base class
    /// followed by <c>-</c> (<c>fa</c> and <c>fa-key</c>), or a base class of <see cref="IconFamilies"/> and its prefix.
    /// </summary>
    public static bool IsIconClassList(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 5 || trimmed.Length > 200 || trimmed.IndexOf(' ') < 0)
        {
            return false;
        }

        // Every class name well formed first; then look for a base class and its icon class among them.
        for (var rest = trimmed; !rest.IsEmpty;)
        {
            var name = NextName(ref rest);
            if (!name.IsEmpty && !IsClassName(name))
            {
                return false;
            }
        }

        for (var rest = trimmed; !rest.IsEmpty;)
        {
            var name = NextName(ref rest);
            if (!name.IsEmpty && HasIconClassFor(name, trimmed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasIconClassFor(ReadOnlySpan<char> baseClass, ReadOnlySpan<char> list)
    {
        var familyPrefix = ReadOnlySpan<char>.Empty;
        foreach (var (familyBase, prefix) in IconFamilies)
        {
            if (baseClass.SequenceEqual(familyBase.AsSpan()))
            {
                familyPrefix = prefix.AsSpan();
                break;
            }
        }

        for (var rest = list; !rest.IsEmpty;)
        {
            var name = NextName(ref rest);
            if (name.Length > baseClass.Length + 1 && name.StartsWith(baseClass) && name[baseClass.Length] == '-')
            {
                return true;
            }

            if (!familyPrefix.IsEmpty && name.Length > familyPrefix.Length && name.StartsWith(familyPrefix) && !name.SequenceEqual(baseClass))
            {
                return true;
            }
        }

        return false;
    }

    // The next space-separated name; empty between two spaces.
    private static ReadOnlySpan<char> NextName(ref ReadOnlySpan<char> rest)
    {
        var space = rest.IndexOf(' ');
        var name = space < 0 ? rest : rest.Slice(0, space);
        rest = space < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(space + 1);
        return name;
    }

    private static bool IsClassName(ReadOnlySpan<char> name)
    {
        if (name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
