using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// What is never a secret, whatever receives it: empty text, placeholders a team writes where the
/// real value goes, template tokens that a build or deployment substitutes, and masks. The one judgement for C#
/// (CDS1001, CDS1002, CDS1003, CDS1005) and configuration files (CDS1004), so a value gets the same verdict in both.
/// </summary>
internal static class SecretValueHeuristics
{
    /// <summary>Whether <paramref name="value"/> cannot be a real secret.</summary>
    public static bool IsNotASecret(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        // The placeholder vocabulary (shared with the manifest's placeholder check), then what only a secret's value can be:
        // a reference to a store, a provider's published test value, an encrypted envelope, a reader's "your …" marker,
        // an instruction where the value goes.
        return IsPlaceholderText(text) || IsMarkedPlaceholder(text) || IsYourPlaceholder(text) || IsReference(text)
               || IsProviderTestValue(text) || IsPaymentReference(text) || IsCiphertextEnvelope(text) || PasswordHashes.IsPasswordHash(text)
               || IsDocumentationExample(text) || IsObviousFake(text, acceptDescriptive: false) || IsSpelledWithFakeMarkers(text)
               || IsEmphasizedLabel(text)
               || (text.IndexOf(' ') > 0 && CredentialValueShape.IsProse(text))
               || IsInstruction(text)
               || IsEncodedPlaceholder(text)
               || IsPublishedExample(text, PublishedExampleValues.Rows)
               || IsPublicLoginPassword(text);
    }

    /// <summary>The password of a public login (<see cref="SecretVocabulary.PublicLoginPasswords"/>: anonymous FTP's).</summary>
    private static bool IsPublicLoginPassword(string text)
    {
        foreach (var word in SecretVocabulary.PublicLoginPasswords)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [ThreadStatic]
    private static SHA256? t_sha256;

    /// <summary>
    /// A value a specification publishes as its example (RFC 6749's client secret and tokens, RFC 7636's code verifier,
    /// OpenID Connect Core's tokens; <see cref="PublishedExampleValues"/>), matched by length, then by SHA-256.
    /// </summary>
    internal static bool IsPublishedExample(string text, ImmutableArray<PublishedExampleValue> rows)
    {
        var lengthMatches = false;
        foreach (var row in rows)
        {
            lengthMatches |= row.Length == text.Length;
        }

        if (!lengthMatches)
        {
            return false;
        }

        // One hash object per thread: creating one (a native digest context) cost more than hashing the short text.
        var sha256 = t_sha256 ??= SHA256.Create();
        var digest = ConfigurationValueShapes.Hex(sha256.ComputeHash(Encoding.UTF8.GetBytes(text)));

        foreach (var row in rows)
        {
            if (row.Length == text.Length && string.Equals(row.Sha256, digest, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Q0hBTkdFX01F…</c>: the base64 of text that is itself no secret (a placeholder, an instruction), as a template writes
    /// a key that must be base64. The decoded text is judged, once; bytes that are not printable text are a value.
    /// </summary>
    private static bool IsEncodedPlaceholder(string text)
    {
        if (!Base64Text.TryDecode(text, 512, out var decoded))
        {
            return false;
        }

        var plain = decoded.Trim();
        return plain.Length >= 4 && (IsPlaceholderText(plain) || IsYourPlaceholder(plain) || IsInstruction(plain) || IsObviousFake(plain, acceptDescriptive: false));
    }

    /// <summary>
    /// As <see cref="IsNotASecret(string)"/>, and also a value the team declared a placeholder
    /// (<c>cadasto_allowed_placeholders</c>, compared whole and ignoring case).
    /// </summary>
    public static bool IsNotASecret(string value, HashSet<string>? allowedPlaceholders) =>
        IsNotASecret(value) || IsAllowedPlaceholder(value, allowedPlaceholders);

    /// <summary>Whether the team declared <paramref name="value"/> a placeholder (<c>cadasto_allowed_placeholders</c>).</summary>
    public static bool IsAllowedPlaceholder(string value, HashSet<string>? allowedPlaceholders) =>
        allowedPlaceholders is { Count: > 0 } && allowedPlaceholders.Contains(value.Trim());

    /// <summary>
    /// Whether <paramref name="value"/> is a placeholder: what a team writes where the real value goes (<c>REPLACE_ME</c>,
    /// <c>changeme</c>, <c>&lt;client-id&gt;</c>, <c>YOUR_CLIENT_ID</c>, <c>${VAR}</c>, <c>xxx</c>, <c>...</c>). The one
    /// vocabulary the product has, for secrets in C# and configuration files and for the manifest's client ids and
    /// authorities alike. Empty text is not a placeholder (it is missing).
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        return text.Length > 0 && IsPlaceholderText(text);
    }

    private static bool IsPlaceholderText(string text) =>
        IsTemplateToken(text) || IsMask(text) || IsMaskedAfterPrefix(text) || IsElided(text) || IsPlaceholderWord(text) || IsYourMarker(text)
        || IsTemplateMarker(text) || IsBracketedText(text);

    /// <summary>
    /// <c>YOUR_CLIENT_ID</c>, <c>YOUR-TENANT</c>, <c>YourClientId</c>: "your" as a template's marker (SPEC: <c>YOUR_…</c>),
    /// in capitals before a separator, or joined in PascalCase or camelCase. In lower case (<c>your-app</c>, <c>yourapp</c>)
    /// it may be a real name and is judged like any other word, unless it ends with a credential word
    /// (<see cref="IsRunTogetherYourCredential"/>).
    /// </summary>
    private static bool IsYourMarker(string text) =>
        text.Length > 5
        && ((text.StartsWith("YOUR", StringComparison.Ordinal) && text[4] is '_' or '-')
            || (text.StartsWith("your", StringComparison.OrdinalIgnoreCase) && char.IsUpper(text[4]) && IsJoinedName(text))
            || IsRunTogetherYourCredential(text));

    /// <summary>
    /// Whether "your" joined in PascalCase or camelCase makes a name (<c>YourClientId</c>, <c>yourApiKey2</c>): letters and
    /// digits only. Punctuation inside (<c>yourStrong(!)Passw0rd</c>, <c>YourPass@word1</c>) is what a password policy asks
    /// of a value that is set and works — a local demo password, not a marker for the reader to replace.
    /// </summary>
    private static bool IsJoinedName(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>yourdbpassword</c>, <c>yourdatabaseuserpassword</c>, <c>yourstoragekey</c>: "your", words run together in lower case,
    /// and a credential word last — the reader's placeholder, as the listed <c>yourpassword</c> and <c>yourkey</c> are, with
    /// what the value is for between (a connection string's template writes <c>Server=yourservername;…;Pwd=yourdbpassword</c>).
    /// A name in lower case that ends otherwise (<c>yourapp</c>) is judged as any other word.
    /// </summary>
    private static bool IsRunTogetherYourCredential(string text)
    {
        if (text.Length < 8 || text.Length > 48 || !text.StartsWith("your", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        foreach (var word in RunTogetherCredentialEnds)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The credential words (SecretVocabulary.CredentialWords) run together, and "key", the last word of the configuration's
    // (signing key, account key): what a "your…" placeholder ends with.
    private static readonly string[] RunTogetherCredentialEnds = BuildRunTogetherCredentialEnds();

    private static string[] BuildRunTogetherCredentialEnds()
    {
        var ends = new List<string> { "key" };
        foreach (var word in SecretVocabulary.CredentialWords)
        {
            ends.Add(word.Replace(" ", ""));
        }

        return ends.ToArray();
    }

    /// <summary>
    /// <c>&lt;your-secret&gt;</c>, <c>${VAR}</c>, <c>$(Var)</c>, <c>%VAR%</c>, <c>{{var}}</c>, <c>#{var}#</c> (Azure DevOps'
    /// replace-tokens), <c>#{Var}</c> (Octopus), <c>[secret]</c>, <c>{Var}</c>.
    /// </summary>
    private static bool IsTemplateToken(string text) =>
        Wrapped(text, "<", ">")
        || Wrapped(text, "${", "}")
        || Wrapped(text, "$(", ")")
        || Wrapped(text, "%", "%")
        || Wrapped(text, "{{", "}}")
        || Wrapped(text, "#{", "}#")
        || (Wrapped(text, "#{", "}") && text.IndexOf('}') == text.Length - 1)
        || Wrapped(text, "__", "__")
        || (Wrapped(text, "[", "]") && text.IndexOf(' ') < 0 && text.Length <= 64)
        || IsNamedFormatItem(text)
        || IsDescribedHole(text);

    /// <summary>
    /// <c>{access key}</c>, <c>{app name}</c>, <c>{Your Storage Key}</c>: words between single braces, what documentation
    /// writes where a value goes (Azure's portal-copied connection strings among them). Words only: a braced GUID or
    /// JSON object has other characters, and one word is <see cref="IsNamedFormatItem"/>'s.
    /// </summary>
    private static bool IsDescribedHole(string text)
    {
        if (text.Length < 5 || text.Length > 64 || text[0] != '{' || text[text.Length - 1] != '}')
        {
            return false;
        }

        var words = 1;
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == ' ' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            {
                words++;
            }
            else if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return words >= 2;
    }

    /// <summary>
    /// <c>{ClientSecret}</c>, <c>{client_secret}</c>, <c>{0}</c>, <c>{**slug}</c>: a format item or a named hole a template fills in
    /// (a name, perhaps dotted or with a colon; a braced GUID or JSON has other characters and stays a value).
    /// </summary>
    private static bool IsNamedFormatItem(string text)
    {
        if (text.Length < 3 || text.Length > 64 || text[0] != '{' || text[text.Length - 1] != '}')
        {
            return false;
        }

        // {*slug}, {**path}: an ASP.NET Core route template's catch-all parameter.
        var first = text[1] != '*' ? 1 : text[2] == '*' ? 3 : 2;
        if (first >= text.Length - 1 || !char.IsLetterOrDigit(text[first]))
        {
            return false;
        }

        for (var i = first; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c is '_' or ':' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Wrapped(string text, string open, string close) =>
        text.Length > open.Length + close.Length
        && text.StartsWith(open, StringComparison.Ordinal)
        && text.EndsWith(close, StringComparison.Ordinal);

    /// <summary><c>...</c>, <c>… only from configuration</c>: a value left out on purpose, as documentation writes it.</summary>
    private static bool IsElided(string text) =>
        text.StartsWith("...", StringComparison.Ordinal) || text.StartsWith("\u2026", StringComparison.Ordinal)
        || text.EndsWith("..", StringComparison.Ordinal) || text.EndsWith("\u2026", StringComparison.Ordinal)

        // sk-...a1b2, ghp_\u2026Xy9: a value shown with its middle left out (a display, not the value).
        || (text.Length <= 40 && text.IndexOf(' ') < 0 && (text.IndexOf("...", StringComparison.Ordinal) > 0 || text.IndexOf('\u2026') > 0));

    /// <summary>
    /// A value made only of plain words (letters, perhaps a short trailing number) that says it is made up: one word
    /// marks it (<c>dummy-secret</c>, <c>someSecret</c>, <c>invalid-secret-that-will-fail</c>; not <c>test_secret</c> nor
    /// <c>demo-secret</c>, which name the test or demo they work in: test code screens those as sentinels), or it describes what it stands
    /// for with a credential word among other words (<c>valid-token</c>, <c>user-token-1</c>). A random word anywhere
    /// (<c>sk_test_mk5ssIswiymVOa2MPE8BwZX5</c>) makes it a value again; a credential word alone (<c>secret</c>) stays a value.
    /// </summary>
    /// <summary>
    /// Whether a value stored under a credential name only describes itself (<c>valid-token</c>, <c>user-token-1</c>,
    /// <c>refresh-token-value</c>). Not used at client-secret sinks, where the value is the secret whatever it says.
    /// </summary>
    public static bool IsDescriptiveFake(string value) => IsObviousFake(value.Trim(), acceptDescriptive: true);

    /// <summary>
    /// Test code's reading of the same words: there a value marked with what it is for (<c>test_secret</c>,
    /// <c>multisig-setup@test.com</c>) is made up for the test, as a <see cref="SecretVocabulary.FakeMarkers"/> word makes
    /// it anywhere (asked by <see cref="TestSentinels"/> only).
    /// </summary>
    public static bool IsMadeUpForATest(string value) => IsObviousFake(value.Trim(), acceptDescriptive: false, demoMarks: true);

    private static bool IsObviousFake(string text, bool acceptDescriptive, bool demoMarks = false)
    {
        var marked = false;
        var descriptive = false;
        var qualified = false;
        var lastIsCredentialWord = false;
        var trailingNumber = false;
        var letterWords = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            // One word: letters (a capital may start it), then at most three digits.
            var start = i;
            i++;
            while (i < text.Length && char.IsLetter(text[i]) && !CredentialNames.CaseStartsWord(text, i))
            {
                i++;
            }

            var letters = i - start;
            var digits = 0;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
                digits++;
            }

            if (digits > 3 || (letters > 0 && char.IsDigit(text[start]) && i < text.Length && char.IsLetter(text[i])))
            {
                return false;
            }

            // Digits only as the very last word ("user-token-1"); inside ("Kq8~xZ.client-credentials") they make a value.
            if ((digits > 0 || char.IsDigit(text[start])) && HasLetterFrom(text, i))
            {
                return false;
            }

            if (i < text.Length && char.IsLetterOrDigit(text[i]) && !char.IsUpper(text[i]))
            {
                // Letters after digits inside one word ("a1b2"): random, not a word.
                return false;
            }

            if (letters > 0 && char.IsLetter(text[start]))
            {
                letterWords++;
                marked |= digits == 0 && (IsOneOf(text, start, letters, SecretVocabulary.FakeMarkers)
                    || (demoMarks && IsOneOf(text, start, letters, SecretVocabulary.DemoMarkers)));
                lastIsCredentialWord = IsOneOf(text, start, letters, SecretVocabulary.DescriptiveWords);
                descriptive |= lastIsCredentialWord;
                qualified |= IsOneOf(text, start, letters, SecretVocabulary.DescribingQualifiers);
                trailingNumber = digits > 0;
            }
            else
            {
                trailingNumber = true;
            }
        }

        // "my_client_secret", "admin_password": words that end with the credential word read like a name, and the SPEC
        // holds such a value a secret (in C# as in configuration); a qualifier ("valid-token"), a number after it
        // ("user-token-1") or a word after it ("refresh-token-value") makes it a description of a value.
        var readsLikeAName = lastIsCredentialWord && !trailingNumber && !qualified;
        return marked || (acceptDescriptive && descriptive && letterWords >= 2 && !readsLikeAName);
    }

    private static bool HasLetterFrom(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(string text, int start, int length, ImmutableArray<string> words)
    {
        foreach (var word in words)
        {
            if (length == word.Length && string.Compare(text, start, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>AccountKey=dummyDUMMYdummy…==</c>: a key-shaped value padded out with a word that says it is made up, as tests and
    /// samples fill a field that must parse as base64. At least two of the marker words, making a quarter of the value or
    /// more: a real random key holds one by chance at most, and never that much of it.
    /// </summary>
    private static bool IsSpelledWithFakeMarkers(string text)
    {
        if (text.Length < 12)
        {
            return false;
        }

        var occurrences = 0;
        var covered = 0;
        foreach (var marker in SecretVocabulary.PaddingMarkers)
        {
            var from = 0;
            int index;
            while ((index = text.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                occurrences++;
                covered += marker.Length;
                from = index + marker.Length;
            }
        }

        return occurrences >= 2 && covered * 4 >= text.Length;
    }

    /// <summary>
    /// <c>*API Key*</c>, <c>**Password**</c>: a credential's name set off with asterisks, as a page shows where a value would
    /// be when there is none — a label, not the value.
    /// </summary>
    private static bool IsEmphasizedLabel(string text)
    {
        if (text.Length < 5 || text[0] != '*' || text[text.Length - 1] != '*')
        {
            return false;
        }

        var inner = text.Trim('*').Trim();
        if (inner.Length == 0)
        {
            return false;
        }

        foreach (var c in inner)
        {
            if (!(char.IsLetter(c) || c is ' ' or '-' or '_'))
            {
                return false;
            }
        }

        return CredentialNames.Default.IsCredentialName(inner);
    }

    /// <summary>
    /// <c>xxx</c>, <c>*****</c>, <c>•••••</c>, <c>****-****-1234</c>: one character repeated, or a value that is
    /// mostly masking characters.
    /// </summary>
    private static bool IsMask(string text)
    {
        var first = char.ToLowerInvariant(text[0]);
        var repeated = first is 'x' or '0' || !char.IsLetterOrDigit(first);
        var masking = 0;
        foreach (var c in text)
        {
            if (char.ToLowerInvariant(c) != first)
            {
                repeated = false;
            }

            if (c is '*' or '\u2022' or '\u25CF')
            {
                masking++;
            }
        }

        return repeated || masking * 2 >= text.Length || IsOneCharacterRun(text);
    }

    /// <summary>
    /// <c>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</c> (the base64 of an all-zero key), <c>1111111111111111</c>: one letter or
    /// digit repeated sixteen times or more, base64 padding aside, has no entropy: filler where a key goes, as <c>xxx</c> is.
    /// </summary>
    private static bool IsOneCharacterRun(string text)
    {
        var end = text.Length;
        while (end > 0 && text.Length - end < 2 && text[end - 1] == '=')
        {
            end--;
        }

        if (end < 16 || !char.IsLetterOrDigit(text[0]))
        {
            return false;
        }

        for (var i = 1; i < end; i++)
        {
            if (text[i] != text[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>ghp_xxxxxxxxxxxxxxxxxxxx</c>, <c>sk_live_XXXXXXXXXXXX</c>, <c>AKIA****************</c>: a token's prefix followed
    /// by filler to the end (at least eight characters and half the value) shows the format, not a token; so does a prefix
    /// followed by a counting run of sixteen or more (<c>sk_live_1234567890abcdef</c>, <see cref="TestSentinels.IsCountingRun"/>;
    /// a shorter one ends many a weak password that works: <c>Welcome-12345678</c>).
    /// </summary>
    private static bool IsMaskedAfterPrefix(string text)
    {
        var separator = text.LastIndexOfAny(PrefixSeparators);
        if (separator > 0 && text.Length - separator - 1 >= 16 && (text.Length - separator - 1) * 2 >= text.Length
            && TestSentinels.IsCountingRun(text, separator + 1, text.Length))
        {
            return true;
        }

        var filler = text[text.Length - 1];
        if (filler is not ('x' or 'X' or '*' or '#' or '\u2022' or '\u25CF'))
        {
            return false;
        }

        var run = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == filler; i--)
        {
            run++;
        }

        return run >= 8 && run * 2 >= text.Length;
    }

    /// <summary>
    /// Keys documentation publishes as examples, which mark themselves with <c>EXAMPLE</c> in upper case
    /// (AWS: <c>AKIAIOSFODNN7EXAMPLE</c>, <c>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</c>). Only a token-like value:
    /// a connection string or URL that names a host <c>EXAMPLE</c> is judged by its parts.
    /// </summary>
    private static bool IsDocumentationExample(string text) =>
        text.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 && text.IndexOfAny(CompositeSeparators) < 0;

    // What ends a token format's prefix (sk_live_, glpat-).
    private static readonly char[] PrefixSeparators = { '_', '-' };

    // What joins the parts of a connection string, a URL or prose.
    private static readonly char[] CompositeSeparators = { ';', ' ', '@', ':', ',', '&', '?' };

    /// <summary>
    /// A credential word written in capitals as a template's marker: <c>SECRET</c>, <c>PASSWORD</c>, <c>APIKEY</c>,
    /// <c>TOKEN</c> (letters only; a lower-case <c>secret</c> handed to a sink is a live demo value and stays a secret); and
    /// the word <c>VALUE</c> so written at the end of capital words (<c>DEV_VALUE</c>): a marker saying a value goes there.
    /// </summary>
    private static bool IsTemplateMarker(string text)
    {
        if (text.Length > 32)
        {
            return false;
        }

        var underscores = 0;
        foreach (var c in text)
        {
            if (c == '_')
            {
                underscores++;
            }
            else if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return underscores == 0
            ? CredentialNames.Default.IsCredentialName(text)
            : underscores <= 2 && text[0] != '_' && text.IndexOf("__", StringComparison.Ordinal) < 0
              && text.EndsWith("_VALUE", StringComparison.Ordinal);
    }

    /// <summary><c>YOUR_CLIENT_SECRET</c>, <c>your-api-key</c>, <c>YourTenantKey</c>: the value the reader is to put there.</summary>
    private static bool IsYourPlaceholder(string text) =>
        text.Length > 5
        && text.StartsWith("your", StringComparison.OrdinalIgnoreCase)
        && (text[4] is '_' or '-' or '.' or ' ' || (char.IsUpper(text[4]) && text[0] == 'Y' && IsJoinedName(text)))
        && text.IndexOf(' ') is < 0 or > 4;

    /// <summary><c>[Enter the client secret here]</c>, <c>[secret]</c>: bracketed text, an instruction where the value goes.</summary>
    private static bool IsBracketedText(string text) =>
        text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']' && text.IndexOf(']') == text.Length - 1 && text.Length <= 200;

    /// <summary>An App Service Key Vault reference (<c>@Microsoft.KeyVault(SecretUri=…)</c>): where the secret is, not the secret.</summary>
    private static bool IsReference(string text) => text.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Identifiers payment providers publish as public test values: Stripe's test payment methods and card tokens
    /// (<c>pm_card_visa</c>, <c>tok_mastercard</c>, <c>pm_card_chargeDeclined</c>) — words, not random bodies.
    /// </summary>
    private static bool IsProviderTestValue(string text)
    {
        var prefix = text.StartsWith("pm_card_", StringComparison.Ordinal) ? 8 : text.StartsWith("tok_", StringComparison.Ordinal) ? 4 : 0;
        if (prefix == 0 || text.Length == prefix)
        {
            return false;
        }

        for (var i = prefix; i < text.Length; i++)
        {
            if (!(char.IsLetter(text[i]) || text[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A payment provider's reference id for one payment or approval (<see cref="PaymentReferenceFormats"/>: PayPal's
    /// <c>EC-</c> + 17 upper-case letters and digits), often kept under a <c>token</c> name: it names a transaction, it is
    /// no credential. Letters and digits both, so a prefix before a word or a number is not one.
    /// </summary>
    internal static bool IsPaymentReference(string text)
    {
        foreach (var format in PaymentReferenceFormats.Rows)
        {
            if (text.Length != format.Prefix.Length + format.BodyLength || !text.StartsWith(format.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            bool letters = false, digits = false;
            for (var i = format.Prefix.Length; i < text.Length; i++)
            {
                var c = text[i];
                if (c is >= 'A' and <= 'Z')
                {
                    letters = true;
                }
                else if (c is >= '0' and <= '9')
                {
                    digits = true;
                }
                else
                {
                    return false;
                }
            }

            return letters && digits;
        }

        return false;
    }

    /// <summary>
    /// Ciphertext, not a secret: an encrypted-string envelope (<c>2.&lt;iv&gt;|&lt;data&gt;|&lt;mac&gt;</c>: a type digit,
    /// a dot, base64 parts joined by <c>|</c>, or one padded base64 part: <c>7.AOs4…A==</c>) or an ASP.NET Core
    /// data-protection payload (<c>CfDJ8…</c>), also behind the name of its purpose (<c>InviteToken_CfDJ8…</c>).
    /// </summary>
    private static bool IsCiphertextEnvelope(string text)
    {
        var payload = text.IndexOf("CfDJ8", StringComparison.Ordinal);
        if (payload >= 0 && text.Length - payload > 40 && text.IndexOf(' ') < 0 && IsPurposePrefix(text, payload))
        {
            return true;
        }

        if (text.Length < 8 || !char.IsDigit(text[0]) || text[1] != '.')
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '/' or '=' or '|'))
            {
                return false;
            }
        }

        // One part: only base64 that is padded says what it is; a password may start with a digit and a dot.
        return text.IndexOf('|') > 0 || (text.EndsWith("=", StringComparison.Ordinal) && (text.Length - 2) % 4 == 0 && text.Length - 2 >= 16);
    }

    /// <summary>Nothing before a data-protection payload, or the name of what it protects (<c>OrgInviteToken_</c>).</summary>
    private static bool IsPurposePrefix(string text, int payload)
    {
        if (payload == 0)
        {
            return true;
        }

        if (text[payload - 1] is not ('_' or ':' or '.' or '-') || !char.IsLetter(text[0]))
        {
            return false;
        }

        for (var i = 0; i < payload - 1; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A placeholder written as an instruction or a name: <c>your-client-secret-here</c>, <c>Enter your password</c>,
    /// <c>YOUR_API_KEY_HERE</c>, <c>INSERT_TOKEN</c> — it starts with an instruction word (or is upper-case
    /// words joined by <c>_</c>) and mentions a credential word.
    /// </summary>
    private static bool IsInstruction(string value)
    {
        var text = value.Trim();
        if (text.Length > 200 || (text.Length > 64 && text.IndexOf(' ') < 0))
        {
            return false;
        }

        if (IsInstructionWords(text))
        {
            return true;
        }

        var lower = text.ToLowerInvariant();
        var mentionsCredential = false;
        foreach (var word in SecretVocabulary.CredentialNouns)
        {
            if (lower.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                mentionsCredential = true;
                break;
            }
        }

        if (!mentionsCredential)
        {
            return false;
        }

        foreach (var start in SecretVocabulary.InstructionStarts)
        {
            if (lower.StartsWith(start, StringComparison.Ordinal) && lower.Length > start.Length && !char.IsLetterOrDigit(lower[start.Length]))
            {
                return true;
            }

            // "YourClientSecret", "yourApiKey": the instruction word joined in PascalCase or camelCase (a name: a password
            // policy's punctuation inside makes a value that is set, IsJoinedName).
            if (lower.StartsWith(start, StringComparison.Ordinal) && lower.Length > start.Length && char.IsUpper(text[start.Length])
                && IsJoinedName(text))
            {
                return true;
            }
        }

        if (IsDescription(lower))
        {
            return true;
        }

        // UPPER_SNAKE words only, one of them a credential word: a variable name or a placeholder.
        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c == '_'))
            {
                return false;
            }
        }

        return text.IndexOf('_') > 0;
    }

    /// <summary>
    /// <c>SetYourDataHere</c>, <c>PutYourValueHere</c>, <c>enter_value_here</c>, <c>your-value-here</c>: three to ten words of
    /// letters only (PascalCase, camelCase or separated), the first an instruction word, with "your" among them or "here"
    /// last — an instruction to the reader whatever it names, so no credential word is needed. In capitals, "here" last is
    /// enough (<c>SIGNATURE_WILL_BE_HERE</c>, <c>TOKEN_HERE</c>): a template's marker for where the value goes.
    /// </summary>
    private static bool IsInstructionWords(string text)
    {
        if (text.Length > 64)
        {
            return false;
        }

        var words = 0;
        var firstIsInstruction = false;
        var hasYour = false;
        var lastIsHere = false;
        var capitals = true;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is '_' or '-' or '.' or ' ')
            {
                i++;
                continue;
            }

            if (!char.IsLetter(text[i]))
            {
                return false;
            }

            // One word: letters up to where a change of case starts the next (UPPER_SNAKE words are capitals only).
            var start = i++;
            var upper = char.IsUpper(text[start]);
            while (i < text.Length && char.IsLetter(text[i]) && !CredentialNames.CaseStartsWord(text, i))
            {
                upper &= char.IsUpper(text[i]);
                i++;
            }

            if (i < text.Length && !char.IsLetter(text[i]) && text[i] is not ('_' or '-' or '.' or ' '))
            {
                return false;
            }

            var length = i - start;
            words++;
            capitals &= upper;
            if (words == 1)
            {
                firstIsInstruction = IsOneOf(text, start, length, SecretVocabulary.InstructionStarts);
            }

            hasYour |= length == 4 && string.Compare(text, start, "your", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;
            lastIsHere = length == 4 && string.Compare(text, start, "here", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;
        }

        return (words is >= 3 and <= 10 && firstIsInstruction && (hasYour || lastIsHere)) || (words is >= 2 and <= 10 && capitals && lastIsHere);
    }

    /// <summary>
    /// <c>secret-from-the-portal</c>, <c>the api key goes here</c>, <c>secret_for_local_run</c>: three or more words of
    /// letters only, one a credential word and one a connective — a description of the value. A preposition alone
    /// describes only what follows the credential word: <c>cc_for_api_secret</c>, which ends with it, reads like a name,
    /// and a value that reads like a name is a secret (the SPEC).
    /// </summary>
    private static bool IsDescription(string lower)
    {
        var words = lower.Split(new[] { '-', '_', ' ', '.' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
        {
            return false;
        }

        var hasConnective = false;
        var hasPreposition = false;
        foreach (var word in words)
        {
            foreach (var c in word)
            {
                if (c is < 'a' or > 'z')
                {
                    return false;
                }
            }

            hasConnective |= SecretVocabulary.InstructionConnectives.Contains(word);
            hasPreposition |= SecretVocabulary.InstructionPrepositions.Contains(word);
        }

        return hasConnective || (hasPreposition && !SecretVocabulary.CredentialNouns.Contains(words[words.Length - 1]));
    }

    /// <summary>
    /// <c>changeme!</c>, <c>placeholder-credential!</c>, <c>placeholder-password</c>: a placeholder word followed by a mark
    /// (<c>!</c>, <c>.</c>, <c>?</c>), or followed by the one credential word it stands for — the same placeholder. Asked
    /// for secrets only (the manifest's placeholder check keeps its exact vocabulary).
    /// </summary>
    private static readonly char[] MarkEnd = { '!', '.', '?' };

    private static readonly char[] WordSeparators = { '-', '_', ' ', '.' };

    private static bool IsMarkedPlaceholder(string text)
    {
        var bare = text.TrimEnd(MarkEnd);
        if (bare.Length == 0)
        {
            return false;
        }

        if (bare.Length < text.Length && IsPlaceholderText(bare))
        {
            return true;
        }

        // Two words (one separator): asked of every literal, so no split unless there are exactly two.
        var separator = bare.IndexOfAny(WordSeparators);
        if (separator < 0 || bare.IndexOfAny(WordSeparators, separator + 1) >= 0 || !IsPlaceholderWord(bare.Substring(0, separator)))
        {
            return false;
        }

        var second = bare.Substring(separator + 1);
        foreach (var noun in SecretVocabulary.CredentialNouns)
        {
            if (string.Equals(second, noun, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlaceholderWord(string text)
    {
        if (text.Length > 40)
        {
            return false;
        }

        foreach (var word in SecretVocabulary.PlaceholderWords)
        {
            if (SeparatorInsensitiveText.Equals(text, word))
            {
                return true;
            }
        }

        return false;
    }
}
