using System;
using Cadasto.Analyzers.Catalogs;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// Test code's own judgement (SPEC, "Not a secret"): there a dictionary word or a short, low-entropy sentinel
/// (<c>pass</c>, <c>123456</c>, <c>thisisatokentocompare</c>, <c>P@ssw0rd1!</c>, deliberately invalid credentials) is
/// not a finding, while a value that looks real — a known credential format, or long and random — still is: a real
/// secret in a test is still a leak.
/// </summary>
internal static class TestSentinels
{
    /// <summary>Whether a hard-coded value in test code looks like a real credential (and is therefore still a finding).</summary>
    public static bool LooksReal(string value)
    {
        // A connection string or URL looks real by its password, judged as test code judges it (Password=password is a
        // sentinel there); a token format by itself.
        var text = value.Trim();
        if (CredentialShapes.Classify(text, testCode: true) is not null)
        {
            return true;
        }

        // Plain words marked with what the value is for (test_secret, demo-password): outside test code they name a demo
        // value that works (a secret); here, what the test made up.
        if (SecretValueHeuristics.IsMadeUpForATest(text))
        {
            return false;
        }

        if (CredentialShapes.Classify(text) is not null)
        {
            // Shaped only by a password that is a sentinel (the rest of the string, host and port, is no secret), or an
            // unsigned token (alg none): what the test makes for a validator to refuse.
            return false;
        }

        // U2VydmljZVN0YWNrIQ==: the base64 of text looks real only as that text does (a parser test's encoded password of
        // words is a sentinel; an encoded random one still looks real).
        if (Base64Text.TryDecode(text, 512, out var decoded) && decoded.Trim().Length >= 4)
        {
            return LooksReal(decoded);
        }

        // A JSON fixture ({"Key1":"WebauthnToken"}) looks real only by what it holds: one of its strings must. A token in a
        // JWT's form that is no JWT (its signature "invalid" or empty, a header written with whitespace, a segment cut
        // short), or one whose header says it is unsigned even with its dots left out, is one a test makes to be refused
        // or parsed: a real one was classified above.
        return IsJsonFixture(text)
            ? HoldsARealLookingString(text)
            : !CredentialShapes.HasJwtForm(text) && !CredentialShapes.IsUnsignedToken(text) && !HasClaimsBetweenMadeUpParts(text)
              && !IsHyphenatedGuid(text) && !IsObjectId(text) && IsLongAndRandom(text);
    }

    /// <summary>
    /// Whether a value of a test's data row (<c>[InlineData]</c>, <c>[DataRow]</c>, <c>[TestCase]</c>, <c>[Arguments]</c>) looks
    /// like a real credential. A row feeds a theory the inputs it must accept or refuse — weak passwords for a policy
    /// (<c>!QAZ2wsx</c> and a word), keys of an illegal form for a parser —, so there the test parameter's name is weaker
    /// evidence than anywhere else: a row's value is a finding only with a known format, or at key length and random (twenty
    /// characters or more of at least four bits each; hex, whose alphabet holds four bits, at least 32 digits of 3.3), and
    /// never words run together with digits. Everything <see cref="LooksReal"/> refuses stays refused.
    /// </summary>
    public static bool LooksRealInADataRow(string value)
    {
        var text = value.Trim();
        if (CredentialShapes.Classify(text, testCode: true) is not null)
        {
            return true;
        }

        var entropy = Entropy(text);
        var keyLength = ConfigurationValueShapes.IsHex(text) ? text.Length >= 32 && entropy >= 3.3 : text.Length >= 20 && entropy >= 4.0;
        return keyLength && !IsWordsWithDigits(text) && LooksReal(text);
    }

    /// <summary>
    /// <c>0000thisis46charactersbutnotvalid</c>: letters of one case and digits, the letters mostly (three in four) in runs of
    /// four or more between the digits, every such run readable (no more than four consonants in a row), with vowels for at
    /// least a third of the letters — words padded and counted, as a test writes a value of the right length but the wrong
    /// content. A generated key of one case has a vowel for about a fifth of its letters and runs of consonants; hex breaks
    /// its letters into runs of one or two.
    /// </summary>
    private static bool IsWordsWithDigits(string text)
    {
        bool lower = false, upper = false;
        int letters = 0, vowels = 0, inWords = 0, runStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '0';
            if (char.IsLetter(c))
            {
                lower |= char.IsLower(c);
                upper |= char.IsUpper(c);
                letters++;
                vowels += char.ToLowerInvariant(c) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' ? 1 : 0;
                runStart = runStart < 0 ? i : runStart;
            }
            else if (!char.IsDigit(c))
            {
                return false;
            }
            else if (runStart >= 0)
            {
                if (i - runStart >= 4)
                {
                    if (!IsPronounceable(text, runStart, i))
                    {
                        return false;
                    }

                    inWords += i - runStart;
                }

                runStart = -1;
            }
        }

        return !(lower && upper) && letters >= 12 && vowels * 3 >= letters && inWords * 4 >= letters * 3;
    }

    /// <summary>
    /// <c>x.eyJzdWIiOiJ….x</c>: a dotted value one of whose segments is the base64 of a JSON object (a token's claims) but
    /// which is no JWT (<see cref="CredentialShapes.Classify"/> said so first): claims set between made-up parts, as a test of
    /// a claims decoder writes them. Nothing here signs it.
    /// </summary>
    private static bool HasClaimsBetweenMadeUpParts(string text)
    {
        var firstDot = text.IndexOf('.');
        if (firstDot < 0 || text.IndexOf('.', firstDot + 1) < 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(CredentialShapes.IsBase64UrlChar(c) || c is '.' or '='))
            {
                return false;
            }
        }

        foreach (var segment in text.Split('.'))
        {
            if (segment.Length >= 8 && CredentialShapes.DecodeBase64Url(segment.TrimEnd('=')) is { } json
                && json.Trim() is { Length: >= 2 } trimmed && trimmed[0] == '{' && trimmed[trimmed.Length - 1] == '}')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>5ccd0826e447ad1e78877ab4</c>: 24 hex digits in one case, MongoDB's ObjectId — the other id a test makes up by the
    /// dozen (a user's, an event's, a stored key's document), often from one pattern changed in a few digits. No credential
    /// format is 24 bare hex digits; a hex key is 32, 40 or 64 long and stays a possible key.
    /// </summary>
    private static bool IsObjectId(string text)
    {
        if (text.Length != 24)
        {
            return false;
        }

        bool lower = false, upper = false;
        foreach (var c in text)
        {
            lower |= c is >= 'a' and <= 'f';
            upper |= c is >= 'A' and <= 'F';
            if (!(char.IsDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return !(lower && upper);
    }

    /// <summary>
    /// <c>38323A4B-6CB2-…</c>: a GUID written as one (hyphens, optionally braced) is what a test makes up for every id and
    /// opaque token it needs (the SPEC's "GUIDs used as ids"); 32 hex digits without hyphens stay a possible key.
    /// </summary>
    private static bool IsHyphenatedGuid(string text) =>
        text.Length is 36 or 38 && (Guid.TryParseExact(text, "D", out _) || Guid.TryParseExact(text, "B", out _));

    private static bool IsJsonFixture(string text) =>
        text.Length >= 4 && ((text[0] == '{' && text[text.Length - 1] == '}') || (text[0] == '[' && text[text.Length - 1] == ']'))
        && text.IndexOf('"') > 0;

    private static bool HoldsARealLookingString(string json)
    {
        var i = 0;
        while ((i = json.IndexOf('"', i)) >= 0)
        {
            var end = i + 1;
            while (end < json.Length && json[end] != '"')
            {
                end += json[end] == '\\' ? 2 : 1;
            }

            if (end >= json.Length)
            {
                return IsLongAndRandom(json);
            }

            if (LooksReal(json.Substring(i + 1, end - i - 1)))
            {
                return true;
            }

            i = end + 1;
        }

        return false;
    }

    /// <summary>
    /// Twelve characters or more of at least three classes (lower, upper, digit, symbol) with some entropy, or twenty
    /// or more of two classes with more (hex and base64 keys; hex of an API key's length, 32 digits or more, a little less)
    /// — and not a sentinel word dressed up with digits and symbols.
    /// </summary>
    private static bool IsLongAndRandom(string text)
    {
        if (text.Length < 12 || text.IndexOf(' ') >= 0)
        {
            return false;
        }

        var classes = CharacterClasses.Of(text).Count();
        var entropy = Entropy(text);
        // Hex holds four bits a character at most: 32 random digits (an API key's length) reach about 3.6 bits each, rarely
        // less than 3.3, where base64 of that length reaches 4.5.
        var random = (classes >= 3 && entropy >= 3.2) || (text.Length >= 20 && classes >= 2 && entropy >= 3.5)
                     || (text.Length >= 32 && classes >= 2 && entropy >= 3.3 && ConfigurationValueShapes.IsHex(text));
        return random && !IsDressedUpSentinel(text) && !IsPhrase(text) && !IsRunTogetherPhrase(text) && !IsTaggedNumber(text)
               && !IsKeyboardRuns(text);
    }

    // The orders a person types a made-up value in: the alphabet, the digits (from 0, or from 1 as a keyboard's row), the
    // shifted digit row of a US keyboard, its three letter rows, and its columns from a digit down (1qaz, 2wsx: the
    // "1qaz2wsx" of weak-password lists).
    private static readonly string[] TypingOrders =
    {
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "1234567890", "!@#$%^&*()", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.",
    };

    /// <summary>
    /// <c>abcde12345!@#$%/\</c>, <c>qwerty123456!@#</c>: a value typed as runs of three or more keys in order (the alphabet,
    /// the digit row, the same row shifted, a letter row), two runs at least, with no more than two other characters — a
    /// test's password made to hold every kind of character, low in entropy by construction.
    /// </summary>
    private static bool IsKeyboardRuns(string text)
    {
        int runs = 0, others = 0, i = 0;
        while (i < text.Length)
        {
            var longest = 0;
            foreach (var order in TypingOrders)
            {
                var end = i + 1;
                while (end < text.Length && IsRunIn(order, text, i, end + 1))
                {
                    end++;
                }

                if (end - i >= 3 && IsRunIn(order, text, i, end))
                {
                    longest = Math.Max(longest, end - i);
                }
            }

            if (longest > 0)
            {
                runs++;
                i += longest;
            }
            else if (++others > 2)
            {
                return false;
            }
            else
            {
                i++;
            }
        }

        return runs >= 2;
    }

    /// <summary>
    /// <c>thisismysecret0123456789</c>, <c>extralongtosatisfynewrequirementsfakesigningsecret!</c>: a sentence written as one
    /// lower-case word (its first letter perhaps a capital, as a sentence starts: <c>Totallywrongpassword1234</c>), perhaps
    /// padded with a counting run (<c>invalidtoken1234567890ab</c>: on through the alphabet to the length an id has) or ended
    /// with its punctuation — the SPEC's <c>thisisatokentocompare</c> made long enough for a key-length check, or the
    /// deliberately wrong credential a test expects to be refused. Readable: twelve letters or more, a vowel in every run of
    /// five (no more than four consonants in a row) and vowels for at least three letters in ten.
    /// </summary>
    /// <remarks>
    /// Random lower-case letters pass that only by chance (one in five at twelve letters, one in three hundred at fifty),
    /// and a generated key is rarely lower-case letters only: one mixes digits or capitals through it, which this never
    /// accepts (digits only as a trailing counting run).
    /// </remarks>
    private static bool IsRunTogetherPhrase(string value)
    {
        var text = value.TrimEnd('!', '.', '?');

        // The words end where the padding starts, at the first digit.
        var letters = 0;
        while (letters < text.Length && !char.IsDigit(text[letters]))
        {
            letters++;
        }

        if (letters < 12 || (letters < text.Length && (text.Length - letters < 4 || !IsCountingRun(text, letters, text.Length))))
        {
            return false;
        }

        var vowels = 0;
        for (var i = 0; i < letters; i++)
        {
            if ((i == 0 ? char.ToLowerInvariant(text[i]) : text[i]) is < 'a' or > 'z')
            {
                return false;
            }

            vowels += text[i] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' ? 1 : 0;
        }

        return IsPronounceable(text, 0, letters) && vowels * 10 >= letters * 3;
    }

    /// <summary>
    /// <c>at-0987654321</c>, <c>rt-1234567809</c>, <c>ID_20240101</c>: a short tag of letters (four at most: which mock value
    /// it is) and one run of digits, perhaps apart by <c>-</c> or <c>_</c>. The digits are all its variety, and a run of
    /// digits is a test's sentinel (<c>123456</c>); a generated token mixes letters and digits throughout.
    /// </summary>
    private static bool IsTaggedNumber(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        if (i is 0 or > 4)
        {
            return false;
        }

        if (i < text.Length && text[i] is '-' or '_')
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        return i == text.Length && i > digitsStart;
    }

    /// <summary>
    /// <c>test-signing-key-must-be-at-least-32-bytes</c>, <c>/microsoftIdentityOptionsClientSecret</c>, <c>t1-rebuild-a1</c>:
    /// words of letters apart by <c>-</c>, <c>_</c>, <c>.</c> or <c>/</c>, or by a change of case (camelCase, PascalCase),
    /// with short tags among the separated ones (<c>t1</c>, <c>a1u1</c>, <c>32</c>: which of a test's values it is) — a name
    /// or a sentence a test made up; its length and variety of characters make it look random, not its making.
    /// </summary>
    /// <remarks>
    /// Random text almost never splits so. A change of case is where a random mixed-case key splits most (<c>3PfxLgcuymUU…</c>
    /// gives <c>Lgcuym</c>), so there every piece must be a word, or two letters with a vowel (<c>Id</c>, <c>In</c>): no digit,
    /// no lone capital, no unpronounceable pair (<c>Qm</c>). Between separators a writer chose, a tag of up to four letters
    /// and digits may stand, as long as the words outweigh the tags (<c>x7-kq2-zz9w</c> is all tags) and one word has five
    /// letters or more (four random letters can be pronounced: <c>XAMO-RUTE</c>).
    /// </remarks>
    private static bool IsPhrase(string value)
    {
        // A sentence may end with its punctuation (…-at-least-32-chars-long!!); a path starts with its separator.
        var text = value.TrimEnd('!', '.', '?');
        var i = text.Length > 0 && text[0] is '/' or '_' ? 1 : 0;
        int pieces = 0, longestWord = 0, wordLetters = 0, tagCharacters = 0;
        var afterCaseChange = false;
        while (i < text.Length)
        {
            var start = i;
            i = EndOfPiece(text, start);
            var length = i - start;
            var beforeCaseChange = i < text.Length && !IsSeparator(text[i]);
            if (length == 0 || (i == text.Length - 1 && IsSeparator(text[i])))
            {
                // Two separators in a row, or one that ends the value: no phrase.
                return false;
            }

            pieces++;
            var betweenCaseChanges = afterCaseChange || beforeCaseChange;
            switch (KindOf(text, start, i))
            {
                case PieceKind.Word:
                    longestWord = Math.Max(longestWord, length);
                    wordLetters += length;
                    break;
                case PieceKind.ShortWord when betweenCaseChanges:
                    break;
                case PieceKind.ShortWord or PieceKind.Tag when !betweenCaseChanges:
                    tagCharacters += length;
                    break;
                case PieceKind.Filler when !betweenCaseChanges:
                    break;
                default:
                    return false;
            }

            // Past the separator; a change of case separates without one.
            afterCaseChange = beforeCaseChange;
            if (!beforeCaseChange && i < text.Length)
            {
                i++;
            }
        }

        return pieces >= 2 && longestWord >= 5 && wordLetters > tagCharacters;
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or '.' or '/';

    private enum PieceKind
    {
        None,
        Word,
        ShortWord,
        Tag,
        Filler,
    }

    /// <summary>Where the piece starting at <paramref name="start"/> ends: at a separator, or where a new word of another case starts.</summary>
    private static int EndOfPiece(string text, int start)
    {
        var i = start;
        // clientSecret, Key2Value, XMLHttp: where a name's words split (a piece keeps its digits with its letters: t1, a1u1).
        while (i < text.Length && !IsSeparator(text[i]) && (i == start || !CredentialNames.CaseStartsWord(text, i)))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// A word: three letters or more, pronounceable (a vowel, no more than four consonants in a row), perhaps numbered with one
    /// or two digits at its end (<c>refreshed1</c>); a short word: two
    /// letters with a vowel (<c>Id</c>, <c>In</c>). A tag: up to four letters and digits otherwise (<c>t1</c>, <c>a1u1</c>,
    /// <c>32</c>). Filler: a counting run a test pads a phrase with to a required length (<c>0123456789abcdef</c>, <c>12345</c>).
    /// </summary>
    private static PieceKind KindOf(string text, int start, int end)
    {
        var digits = 0;
        for (var j = start; j < end; j++)
        {
            if (text[j] is >= '0' and <= '9')
            {
                digits++;
            }
            else if (text[j] is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
            {
                return PieceKind.None;
            }
        }

        var length = end - start;
        if (length >= 4 && IsCountingRun(text, start, end))
        {
            return PieceKind.Filler;
        }

        if (digits == 0 && length >= 2 && IsPronounceable(text, start, end))
        {
            return length == 2 ? PieceKind.ShortWord : PieceKind.Word;
        }

        // A word numbered by the test (refreshed1, token2, user01: the second fixture of its kind): still a word.
        if (digits is 1 or 2 && length - digits >= 3 && text[end - 1] is >= '0' and <= '9' && text[end - digits] is >= '0' and <= '9'
            && IsPronounceable(text, start, end - digits))
        {
            return PieceKind.Word;
        }

        return length <= 4 ? PieceKind.Tag : PieceKind.None;
    }

    /// <summary>A vowel, and no more than four consonants in a row (also asked for the words of a reserved key's name).</summary>
    internal static bool IsPronounceable(string text, int start, int end)
    {
        var vowel = false;
        var consonants = 0;
        for (var j = start; j < end; j++)
        {
            if (char.ToLowerInvariant(text[j]) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y')
            {
                vowel = true;
                consonants = 0;
            }
            else if (++consonants > 4)
            {
                return false;
            }
        }

        return vowel;
    }

    /// <summary>
    /// <c>0123456789abcdef</c>, <c>12345</c>, <c>abcdefgh</c>, <c>67890</c>, <c>1234567890ab</c>: each character the one after the
    /// last, in digits then letters, or in a keyboard's row of digits and on into the alphabet.
    /// </summary>
    internal static bool IsCountingRun(string text, int start, int end) =>
        IsRunIn("0123456789abcdefghijklmnopqrstuvwxyz", text, start, end) || IsRunIn("1234567890abcdefghijklmnopqrstuvwxyz", text, start, end);

    /// <summary>Whether text[start..end) is consecutive characters of <paramref name="order"/> (67890 in a keyboard's row).</summary>
    private static bool IsRunIn(string order, string text, int start, int end)
    {
        var previous = order.IndexOf(char.ToLowerInvariant(text[start]));
        for (var i = start + 1; i < end; i++)
        {
            var current = order.IndexOf(char.ToLowerInvariant(text[i]));
            if (previous < 0 || current != previous + 1)
            {
                return false;
            }

            previous = current;
        }

        return previous >= 0;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    private static double Entropy(string text)
    {
        var counts = new int[128];
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double entropy = 0;
        foreach (var count in counts)
        {
            entropy -= Term(count, text.Length);
        }

        return entropy - Term(other, text.Length);
    }

    private static double Term(int count, int length)
    {
        if (count == 0)
        {
            return 0;
        }

        var p = (double)count / length;
        return p * Math.Log(p, 2);
    }

    /// <summary>
    /// <c>P@ssw0rd123!</c>, <c>Admin#2024</c>, <c>SuperSecret!99</c>: sentinel words, leetspeak, a number and a symbol;
    /// <c>S0mEv3RY1oN9T0k3n</c> ("some very long token"): the same read with <c>1</c> as <c>l</c> and <c>9</c> as <c>g</c>.
    /// </summary>
    private static bool IsDressedUpSentinel(string text) =>
        LettersOf(text, undoLeetspeak: true) is { } leet && IsMadeOfWords(leet)
        || LettersOf(text, undoLeetspeak: true, oneIsL: true) is { } leetL && IsMadeOfWords(leetL)
        || LettersOf(text, undoLeetspeak: false) is { } numbered && IsMadeOfWords(numbered);

    /// <summary>
    /// The letters of <paramref name="text"/> in lower case, without what trails them (digits, symbols): with leetspeak
    /// undone inside (<c>P@ssw0rd</c>), or with the digits inside dropped as a number (<c>user3_password</c>); null when
    /// no letter remains or a letter outside a–z is met.
    /// </summary>
    private static string? LettersOf(string text, bool undoLeetspeak, bool oneIsL = false)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        var letters = new char[end];
        var count = 0;
        for (var i = 0; i < end; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (undoLeetspeak)
            {
                c = c switch
                {
                    '@' or '4' => 'a',
                    '0' => 'o',
                    '1' => oneIsL ? 'l' : 'i',
                    '!' => 'i',
                    '3' => 'e',
                    '9' => 'g',
                    '$' or '5' => 's',
                    '7' => 't',
                    var other => other,
                };
            }
            else
            {
                c = c switch { '@' => 'a', '$' => 's', var other => other };
            }

            if (c is >= 'a' and <= 'z')
            {
                letters[count++] = c;
            }
            else if (char.IsLetter(c) || (undoLeetspeak && char.IsDigit(c)))
            {
                return null;
            }
        }

        return count > 0 ? new string(letters, 0, count) : null;
    }

    private static void Reach(string letters, int i, System.Collections.Immutable.ImmutableArray<string> words, bool[] reachable)
    {
        foreach (var word in words)
        {
            if (i + word.Length <= letters.Length && string.CompareOrdinal(letters, i, word, 0, word.Length) == 0)
            {
                reachable[i + word.Length] = true;
            }
        }
    }

    private static bool IsMadeOfWords(string letters)
    {
        // reachable[i]: the first i letters split into sentinel words.
        var reachable = new bool[letters.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < letters.Length; i++)
        {
            if (!reachable[i])
            {
                continue;
            }

            Reach(letters, i, SecretVocabulary.TestSentinelWords, reachable);

            // CurrentP@ss!, PreviousP@ss1!, Whatever123!: which of a test's passwords a value stands for, or that it is made
            // up (SecretVocabulary's qualifiers and fake markers).
            Reach(letters, i, SecretVocabulary.DescribingQualifiers, reachable);
            Reach(letters, i, SecretVocabulary.FakeMarkers, reachable);
            Reach(letters, i, SecretVocabulary.DemoMarkers, reachable);
        }

        return reachable[letters.Length];
    }
}
