using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// Whether a symbol or key name ends with a credential word (secret, password, passwd, pwd,
/// passphrase, api key, access key, token, credential(s), private key), the SPEC's "ends-with"
/// rule: <c>ClientSecret</c>, <c>DbPassword</c>, <c>partner_api_key</c>, <c>X-Api-Key</c> and
/// <c>Cadasto:ClientSecret</c> do; <c>TokenEndpoint</c>, <c>PasswordText</c>, <c>PasswordHash</c>,
/// <c>SecretName</c> and <c>ClientSecretVariable</c> do not (the last word names something else).
/// </summary>
/// <remarks>
/// Names are split into words without allocating: camelCase and PascalCase boundaries
/// (<c>APIKey</c> is <c>API</c> + <c>Key</c>), any non-alphanumeric separator (<c>_ - . : / space</c>),
/// and letter/digit boundaries. Trailing number words are ignored (<c>Password2</c>, <c>CLIENT_SECRET_1</c>).
/// A word written without boundaries still counts when it ends with the credential word
/// (<c>clientsecret</c>, <c>APIKEY</c>). Used by CDS1002 for symbols and keys and by CDS1004 for
/// configuration keys, so it depends on nothing but the base library. The type of a symbol
/// (<c>CancellationToken</c>, enums) is the analyzer's concern; the few token words that never name a
/// credential (<c>cancellationToken</c>, <c>continuationToken</c>, <c>nextPageToken</c>, antiforgery
/// tokens) are excluded here so that string keys get the same answer as symbols.
/// </remarks>
internal sealed class CredentialNames
{
    private static readonly CredentialWord[] DefaultWords = FromCatalog();

    private readonly CredentialWord[] _words;

    private CredentialNames(CredentialWord[] words) => _words = words;

    /// <summary>The SPEC's credential words.</summary>
    public static CredentialNames Default { get; } = new(DefaultWords);

    /// <summary>
    /// The default words plus those of <c>cadasto_credential_words</c> (a comma/semicolon/space separated
    /// list; each entry is split into words like a name, so <c>signing_key</c> and <c>SigningKey</c> are the same).
    /// </summary>
    public static CredentialNames WithExtraWords(IEnumerable<string>? extraWords)
    {
        if (extraWords is null)
        {
            return Default;
        }

        var words = new List<CredentialWord>(DefaultWords);
        foreach (var extra in extraWords)
        {
            if (string.IsNullOrWhiteSpace(extra))
            {
                continue;
            }

            var parts = SplitWords(extra.Trim());
            if (parts.Count > 0)
            {
                words.Add(new CredentialWord(string.Join(" ", parts), parts.ToArray()));
            }
        }

        return words.Count == DefaultWords.Length ? Default : new CredentialNames(words.ToArray());
    }

    /// <summary>Same as <see cref="WithExtraWords(IEnumerable{string})"/> for the raw option text.</summary>
    public static CredentialNames FromOption(string? credentialWordsOption) =>
        string.IsNullOrWhiteSpace(credentialWordsOption)
            ? Default
            : WithExtraWords(OptionWords(credentialWordsOption));

    /// <summary>The words of a raw <c>cadasto_credential_words</c> value, split as the rules split it (also for the scanner's prefilter).</summary>
    public static string[] OptionWords(string? credentialWordsOption) =>
        credentialWordsOption?.Split(OptionSeparators, StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();

    private static readonly char[] OptionSeparators = { ',', ';', ' ', '\t', '\r', '\n' };

    /// <summary>Whether <paramref name="name"/> ends with a credential word.</summary>
    public bool IsCredentialName(string? name) => TryMatch(name, out _);

    /// <summary>
    /// Whether <paramref name="name"/> ends with a credential word; <paramref name="credentialWord"/> is the
    /// word, as the SPEC spells it (<c>api key</c>), for messages.
    /// </summary>
    public bool TryMatch(string? name, out string credentialWord)
    {
        credentialWord = "";
        if (name is null || name.Length < 3)
        {
            return false;
        }

        if (!LastWordNotANumber(name, out var lastStart, out var lastEnd))
        {
            return false;
        }

        foreach (var word in _words)
        {
            if (Matches(name, word.Parts, lastStart, lastEnd, out var leftmostStart)
                && !IsNonCredentialToken(name, word, leftmostStart)
                && !HasStateQualifier(name, leftmostStart)
                && !IsNamedForTheCredential(name, leftmostStart))
            {
                credentialWord = word.Display;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the last word of <paramref name="name"/> that is not a number is <c>key</c> and no word of it says the key
    /// looks something up, identifies, digests or is public (<see cref="SecretVocabulary.NonSecretKeyQualifiers"/>):
    /// <c>appKey</c>, <c>entertainmentKey</c>, <c>EncodingAESKey</c>, <c>apiV3Key</c>, <c>Key</c>; not <c>CacheKey</c>,
    /// <c>PartitionKey</c>, <c>extPubKey</c>, <c>KeyId</c>. Such a name is no credential name (the SPEC's words end with a
    /// credential word, and <c>key</c> is none): only a value that itself looks like a key counts under it
    /// (<c>Secrets/KeyMaterialLiterals</c>).
    /// </summary>
    public static bool EndsWithKeyWord(string? name)
    {
        if (name is null || name.Length < 3)
        {
            return false;
        }

        if (!LastWordNotANumber(name, out var start, out var end) || end - start != 3 || !EqualsIgnoreCase(name, start, "key"))
        {
            return false;
        }

        return !HasWordBefore(name, start, SecretVocabulary.NonSecretKeyQualifiers);
    }

    /// <summary>Whether a word of <paramref name="name"/> before <paramref name="end"/> is one of <paramref name="words"/> (ignoring case).</summary>
    private static bool HasWordBefore(string name, int end, ImmutableArray<string> words)
    {
        while ((end = PreviousWord(name, end, out var start)) > 0)
        {
            foreach (var word in words)
            {
                if (end - start == word.Length && EqualsIgnoreCase(name, start, word))
                {
                    return true;
                }
            }

            end = start;
        }

        return false;
    }

    /// <summary>Where the last word of <paramref name="name"/> that is not a number starts and ends (<c>SMTP_PASSWORD_2</c>: <c>PASSWORD</c>).</summary>
    private static bool LastWordNotANumber(string name, out int start, out int end)
    {
        end = name.Length;
        while (true)
        {
            end = PreviousWord(name, end, out start);
            if (end <= 0)
            {
                return false;
            }

            if (!char.IsDigit(name[start]))
            {
                return true;
            }

            end = start;
        }
    }

    /// <summary>
    /// The mean length of the words of letters in <paramref name="text"/>, split as a name is (<see cref="PreviousWord"/>):
    /// about 2 in random base62 (<c>Vq3LbN9xT4kR…</c>: a change of case starts a word), 4 and more in a name written in
    /// camel case (<c>ConnectorSwitch3To1PhaseSupported</c>). 0 without letters.
    /// </summary>
    public static double MeanLetterWordLength(string text)
    {
        int words = 0, letters = 0;
        var end = text.Length;
        while ((end = PreviousWord(text, end, out var start)) > 0)
        {
            if (char.IsLetter(text[start]))
            {
                words++;
                letters += end - start;
            }

            end = start;
        }

        return words == 0 ? 0 : (double)letters / words;
    }

    /// <summary>The words of a name, lower-cased (for options and tests; the hot path never allocates).</summary>
    public static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var end = name.Length;
        while (true)
        {
            end = PreviousWord(name, end, out var start);
            if (end <= 0)
            {
                break;
            }

            words.Insert(0, name.Substring(start, end - start).ToLowerInvariant());
            end = start;
        }

        return words;
    }

    /// <summary>How many words a name has (without allocating).</summary>
    public static int SplitWordCount(string name)
    {
        var count = 0;
        var end = name.Length;
        while ((end = PreviousWord(name, end, out var start)) > 0)
        {
            count++;
            end = start;
        }

        return count;
    }

    /// <summary>Matches the parts from the last word backwards; the leftmost part may end a longer word (<c>clientsecret</c>).</summary>
    private static bool Matches(string name, string[] parts, int wordStart, int wordEnd, out int leftmostStart)
    {
        leftmostStart = wordStart;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var part = parts[i];
            var length = wordEnd - wordStart;
            var matches = i == 0
                ? length >= part.Length && EqualsIgnoreCase(name, wordEnd - part.Length, part)
                : length == part.Length && EqualsIgnoreCase(name, wordStart, part);
            if (!matches)
            {
                return false;
            }

            leftmostStart = wordStart;
            if (i > 0)
            {
                wordEnd = PreviousWord(name, wordStart, out wordStart);
                if (wordEnd <= 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool HasStateQualifier(string name, int credentialStart) =>
        HasWordBefore(name, credentialStart, SecretVocabulary.StateQualifiers);

    /// <summary>
    /// <c>ScopeForAccessToken</c>, <c>AudienceForNewAccessToken</c>, <c>issuer_for_refresh_token</c>: a name whose head
    /// comes before the word <c>for</c> names that head (a scope, an audience) kept for the credential, not the credential,
    /// as <c>SecretName</c> names a name; unless the head is itself a credential (<c>TokenForAccessToken</c>).
    /// </summary>
    private bool IsNamedForTheCredential(string name, int credentialStart)
    {
        var end = credentialStart;
        while ((end = PreviousWord(name, end, out var start)) > 0)
        {
            if (end - start == 3 && EqualsIgnoreCase(name, start, "for"))
            {
                return start > 0 && PreviousWord(name, start, out _) > 0 && !TryMatch(name.Substring(0, start), out _);
            }

            end = start;
        }

        return false;
    }

    private bool IsNonCredentialToken(string name, CredentialWord word, int leftmostStart)
    {
        if (word.Parts.Length != 1 || word.Parts[0] != "token")
        {
            return false;
        }

        // "cancellationtoken" written as one word, or "cancellation" as the word before "token".
        var wordEnd = PreviousWord(name, leftmostStart, out var wordStart);
        foreach (var qualifier in SecretVocabulary.NonCredentialTokenQualifiers)
        {
            if (EndsWithIgnoreCase(name, leftmostStart, name.Length, qualifier, "token")
                || (wordEnd > 0 && wordEnd - wordStart == qualifier.Length && EqualsIgnoreCase(name, wordStart, qualifier)))
            {
                return true;
            }
        }

        // "PublicKeyToken", "public_key_token": the last 8 bytes of a strong name's public key hash, public by definition.
        if (wordEnd > 0 && wordEnd - wordStart == 3 && EqualsIgnoreCase(name, wordStart, "key"))
        {
            var previousEnd = PreviousWord(name, wordStart, out var previousStart);
            return previousEnd > 0 && previousEnd - previousStart == 6 && EqualsIgnoreCase(name, previousStart, "public");
        }

        return false;
    }

    /// <summary>Whether the single word starting at <paramref name="start"/> is <c>&lt;anything&gt;qualifier + suffix</c>.</summary>
    private static bool EndsWithIgnoreCase(string name, int start, int limit, string qualifier, string suffix)
    {
        // Find the end of this word: the suffix ends it.
        var index = IndexOfIgnoreCase(name, suffix, start, limit);
        if (index < 0)
        {
            return false;
        }

        return index - qualifier.Length >= start && EqualsIgnoreCase(name, index - qualifier.Length, qualifier);
    }

    private static int IndexOfIgnoreCase(string name, string value, int start, int limit)
    {
        for (var i = start; i + value.Length <= limit; i++)
        {
            if (EqualsIgnoreCase(name, i, value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Finds the word that ends at or before <paramref name="end"/> (exclusive); returns its end (0 when
    /// there is none) and its start. Separators are skipped; a word is a run of digits, or a run of letters up to where a
    /// change of case starts one (<see cref="CaseStartsWord"/>): a run of capitals (<c>API</c> in <c>APIKey</c>), or an
    /// optional capital followed by lower-case letters.
    /// </summary>
    internal static int PreviousWord(string name, int end, out int start)
    {
        var i = end - 1;
        while (i >= 0 && !char.IsLetterOrDigit(name[i]))
        {
            i--;
        }

        if (i < 0)
        {
            start = 0;
            return 0;
        }

        var wordEnd = i + 1;
        if (char.IsDigit(name[i]))
        {
            while (i > 0 && char.IsDigit(name[i - 1]))
            {
                i--;
            }
        }
        else
        {
            while (i > 0 && char.IsLetter(name[i - 1]) && !CaseStartsWord(name, i))
            {
                i--;
            }
        }

        start = i;
        return wordEnd;
    }

    /// <summary>
    /// The assembly's one camelCase rule: whether a change of case starts a new word at <paramref name="index"/>: a capital
    /// after a lower-case (or caseless) letter or a digit (<c>clientSecret</c>, <c>Key2Value</c>), or the last capital of a
    /// run before a lower-case letter (<c>XMLHttp</c>, <c>APIKey</c>). Everything that splits text into words splits there:
    /// the words of a name (<see cref="SplitWords"/>), the pieces of a made-up test value (<see cref="TestSentinels"/>), a
    /// configuration key's last word (<c>SMTPPass</c>: <see cref="ConfigurationKeys"/>), the words of a made-up value or an
    /// instruction (<see cref="SecretValueHeuristics"/>) and the code fix's environment variable for a key
    /// (<c>Partner:APIKey</c>: <c>PARTNER_API_KEY</c>).
    /// </summary>
    public static bool CaseStartsWord(string text, int index)
    {
        if (index <= 0 || !char.IsUpper(text[index]))
        {
            return false;
        }

        var before = text[index - 1];
        if (char.IsDigit(before) || (char.IsLetter(before) && !char.IsUpper(before)))
        {
            return true;
        }

        return char.IsUpper(before) && index + 1 < text.Length && char.IsLetter(text[index + 1]) && !char.IsUpper(text[index + 1]);
    }

    private static bool EqualsIgnoreCase(string name, int start, string lowerCaseWord)
    {
        if (start < 0 || start + lowerCaseWord.Length > name.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerCaseWord.Length; i++)
        {
            if (char.ToLowerInvariant(name[start + i]) != lowerCaseWord[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The catalogue's credential words: each as its parts and, for a word of two parts, written as one
    /// (<c>api key</c> matches <c>ApiKey</c> and <c>APIKEY</c>), its spellings in two words (<c>PassPhrase</c>), then its
    /// plural spellings.
    /// </summary>
    private static CredentialWord[] FromCatalog()
    {
        var words = new List<CredentialWord>();
        foreach (var word in SecretVocabulary.CredentialWords)
        {
            var parts = word.Split(' ');
            words.Add(new CredentialWord(word, parts));
            if (parts.Length > 1)
            {
                words.Add(new CredentialWord(word, string.Concat(parts)));
            }

            foreach (var (spelled, spelling) in SecretVocabulary.CredentialSpellings)
            {
                if (spelled == word)
                {
                    words.Add(new CredentialWord(word, spelling.Split(' ')));
                }
            }

            foreach (var plural in SecretVocabulary.CredentialPlurals)
            {
                if (plural == word + "s")
                {
                    words.Add(new CredentialWord(word, plural));
                }
            }
        }

        return words.ToArray();
    }

    private sealed class CredentialWord
    {
        public CredentialWord(string display, params string[] parts)
        {
            Display = display;
            Parts = parts;
        }

        public string Display { get; }

        /// <summary>Lower-case words, in order (<c>api</c>, <c>key</c>).</summary>
        public string[] Parts { get; }
    }
}
