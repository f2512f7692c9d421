using System;
using System.Collections.Generic;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// CDS1002's screen of the value stored under a credential name: what is never a credential even there
/// (placeholders, key names such as <c>"Cadasto:ClientSecret"</c>, UI labels and messages, URLs and paths,
/// format templates). Allocation-free.
/// </summary>
internal static class CredentialValueShape
{
    /// <summary>Whether <paramref name="text"/> could be a credential at all.</summary>
    public static bool CanBeACredential(string text) => CanBe(text, describedIsMadeUp: true);

    /// <summary>
    /// Whether <paramref name="text"/> could be a key whose bytes a sink takes (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>):
    /// as <see cref="CanBeACredential"/>, but a phrase that describes itself (<c>TheSigningKeyOfOrdersThatMustBeLong</c>) is
    /// the key there whatever it says, as a value at a client-secret sink is.
    /// </summary>
    public static bool CanBeAKey(string text) => CanBe(text, describedIsMadeUp: false);

    private static bool CanBe(string text, bool describedIsMadeUp)
    {
        // Every test here is a pure judgement of the text, so their order changes no answer: the shapes that cost one pass
        // over the text come first, and the placeholder vocabulary (fourteen judgements, a hash) is asked last, of the few
        // literals that pass them (most literals are messages: prose).
        if (text.Length < 3 || text.Length > 16384)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (IsUrl(trimmed)
            || trimmed.StartsWith("/", StringComparison.Ordinal)
            || trimmed.StartsWith("~/", StringComparison.Ordinal)
            || trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            // A URL with a password in it is CDS1003's; an endpoint or a path is not a credential.
            return false;
        }

        if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (IsShortHexNumber(trimmed))
        {
            // MULTICODEC_PRIVATE_KEY = "0x1305", a register or a type code: a number of at most 32 bits spelled in hex, a tag
            // that says what a key is, never key material or a password.
            return false;
        }

        if (trimmed.Length < 8 && !HasLetterOrDigit(trimmed))
        {
            // An operator or a delimiter ("!==", "=>", "{{"): what a lexer's Token property returns, not a credential.
            return false;
        }

        return !IsProse(trimmed) && !IsFormatTemplate(trimmed) && !PatternSyntax.IsWildcardPattern(trimmed) && !IsMediaType(trimmed)
               && !CssClassLists.IsIconClassList(trimmed)
               && !SecretValueHeuristics.IsNotASecret(text) && !(describedIsMadeUp && SecretValueHeuristics.IsDescriptiveFake(text));
    }

    // IANA's top-level media types and the structured-syntax suffixes (RFC 6838 §4.2.8) a token type is written with.
    private static readonly string[] MediaTopLevelTypes = { "application", "text", "image", "audio", "video", "multipart", "message", "model", "font" };

    private static readonly string[] MediaSuffixes = { "jwt", "json", "xml", "cbor", "jose", "zip", "gzip", "der", "ber" };

    /// <summary>
    /// <c>application/jose+json</c>, <c>at+jwt</c> (RFC 9068's access-token <c>typ</c>), <c>logout+jwt</c>: a media type, or its
    /// short form with a structured-syntax suffix, names a format a token is written in — a published identifier under a
    /// token's name (<c>JsonWebTokenTypes.AccessToken</c>), not a credential.
    /// </summary>
    private static bool IsMediaType(string text)
    {
        var slash = text.IndexOf('/');
        var plus = text.LastIndexOf('+');
        string? suffix = null;
        if (slash > 0)
        {
            if (Array.IndexOf(MediaTopLevelTypes, text.Substring(0, slash)) < 0 || slash == text.Length - 1)
            {
                return false;
            }
        }
        else if (plus >= 2 && plus < text.Length - 1)
        {
            suffix = text.Substring(plus + 1);
            if (Array.IndexOf(MediaSuffixes, suffix) < 0)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        for (var i = slash + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (!((c >= 'a' && c <= 'z') || char.IsDigit(c) || c is '.' or '+' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>0x8026</c>, <c>0X1F</c>: <c>0x</c> and one to eight hex digits, a number as C# and JSON write one in hex.</summary>
    private static bool IsShortHexNumber(string text)
    {
        if (text.Length is < 3 or > 10 || text[0] != '0' || text[1] is not ('x' or 'X'))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!Uri.IsHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLetterOrDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>scheme://…</c> (<c>https</c>, <c>amqp</c>, <c>redis</c>, <c>postgresql</c>, …): an endpoint. One with a password in it
    /// is a credential shape, which CDS1003 reports.
    /// </summary>
    /// <summary>
    /// <c>https://api.example.com/v2/user/login</c>: an http(s) URL with no user information and no credential-named query
    /// parameter is an endpoint, whatever name holds it (<c>URLAccessToken = URLAPI + "user/login"</c>); a URL carrying
    /// <c>?access_token=…</c> or <c>user:pw@</c> is not one.
    /// </summary>
    public static bool IsEndpointUrl(string text, CredentialNames names)
    {
        var trimmed = text.Trim();
        var scheme = trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
        if (scheme == 0 || trimmed.Length == scheme)
        {
            return false;
        }

        var authorityEnd = trimmed.IndexOfAny(AuthorityEnds, scheme);
        if (trimmed.IndexOf('@', scheme, (authorityEnd < 0 ? trimmed.Length : authorityEnd) - scheme) >= 0)
        {
            return false;
        }

        var query = trimmed.IndexOf('?');
        if (query < 0)
        {
            return true;
        }

        foreach (var pair in ConnectionStrings.Pairs(trimmed.Substring(query + 1), QuerySeparators))
        {
            if (names.TryMatch(pair.Keyword, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly char[] AuthorityEnds = { '/', '?', '#' };

    private static readonly char[] QuerySeparators = { '&', '#' };

    private static bool IsUrl(string text)
    {
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0 || separator > 20 || !char.IsLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < separator; i++)
        {
            if (!(char.IsLetterOrDigit(text[i]) || text[i] is '+' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A key or label rather than a value: the name of a key (<see cref="KeyNames.IsCredentialKeyName"/>), a compound
    /// name that itself ends with a credential word (<c>X-Api-Key</c>, <c>ClientSecret</c>), or the symbol's own name
    /// (<c>Password = "Password"</c>, <c>LogoutToken = "logout_token"</c>), or a JSON document of names and settings
    /// (<see cref="JsonDocuments.IsDocumentWithoutAValue"/>).
    /// </summary>
    public static bool IsNameOrLabel(string text, string symbolName, CredentialNames names)
    {
        var trimmed = text.Trim();
        if (JsonDocuments.IsDocumentWithoutAValue(trimmed))
        {
            // ClaimsWithAccessToken = "{\"access_token\":{\"essential\":true}}": a document about a credential, not one.
            return true;
        }

        if (IsMarkedWord(trimmed))
        {
            // const SlackToken = "-@slack" (a data dictionary's key), string token = ".part_" (a file-name suffix split on).
            return true;
        }

        if (IsMyOwnName(trimmed, symbolName, names))
        {
            // SecretToken = "MySecretToken", RpcPassword = "my_password": "my" before the name or its credential word is a
            // demo value someone chose (the SPEC's my_client_secret), never a key's or a field's name.
            return false;
        }

        var lowerCaseWords = IsLowerCaseWords(trimmed);
        if (lowerCaseWords && (Array.IndexOf(ProtocolNames, trimmed) >= 0 || IsVaultSecretName(trimmed, symbolName)))
        {
            return true;
        }

        if (lowerCaseWords || IsLettersWithIndex(trimmed) || IsKeywordWords(trimmed) || IsMarkedIdentifier(trimmed))
        {
            // A bare `token` (a parameter, field or property so named) is a lexer's, a template's or a form field's token as
            // often as a bearer token, and a bearer token is issued, never spelled as a word: FieldToken(…, token: "clientName"),
            // Token = "extension", token: "url2" (the second of a template's url tokens) name the token a template replaces;
            // AppendToken("CONTENT:STRING") writes a script's keyword; Token = "@CurrentUserId" marks the name a query template
            // replaces with the current user's id.
            if (trimmed.Length <= 40 && names.TryMatch(symbolName, out var bare) && bare == "token" && CredentialNames.SplitWordCount(symbolName) == 1)
            {
                return true;
            }
        }

        if (NamesAnIssuedCredential(symbolName, names) && (IsShortWord(trimmed) || PatternSyntax.IsRegularExpression(trimmed)))
        {
            // normalizedToken = "Shift", new Format3DRule(token: "sbs3d"), new ExtraRule(…, token: "- trailer", …),
            // new FileStackRule(token: @"^(?<name>.*?)…"): a token, a private key, an access key or a credential object is
            // machine-made, never a short word or a pattern; under such a name on its own these are a lexer's or a naming
            // rule's tokens, or a setting's mode (EmptyCredentials = "windows"). A chosen word (a credential word, a common
            // password: Token = "secret") is a demo value and stays a finding, as does anything with the marks of an issued
            // value (mixed case, digits).
            return true;
        }

        if (IsInitialsOf(trimmed, symbolName))
        {
            // OneTimePassword = "otp" (an AMR value, RFC 8176): the name's own initials are the keyword it stands for.
            return true;
        }

        if (IsReservedItemKey(trimmed))
        {
            // ViewDataAccessKey = "__CurrentViewDataDictionary": the same marker before a name of words.
            return true;
        }

        if (SeparatorInsensitiveText.Equals(trimmed, symbolName))
        {
            // ApiKey = "__apikey", Token = "$token": a leading separator marks a reserved key (a request item, a form
            // field), spelled so that it cannot clash with a user's key; nobody sets a credential to its own name so.
            if (!char.IsLetterOrDigit(trimmed[0]))
            {
                return true;
            }

            // Password = "Password" labels itself; AdminPassword = "admin_password" is what a sample sets as the password. A
            // token is issued, never chosen: LogoutToken = "logout_token" names a protocol parameter or a token type.
            return !lowerCaseWords || NamesAnIssuedCredential(symbolName, names);
        }

        if (SpellsOwnNameInWords(trimmed, symbolName) && NamesAnIssuedCredential(symbolName, names))
        {
            // BackchannelIdentityToken = "backchannel_id_token" (a word shortened), CodeIdToken = "rst:code id_token" (a
            // namespace prefix, words apart): the same reading of a token's own name as above.
            return true;
        }

        if (KeyNames.IsCredentialKeyName(trimmed, names) || KeyNames.IsConnectionStringName(trimmed) || KeyNames.IsRegistryKeyPath(trimmed, names))
        {
            return true;
        }

        if (IsTheNamesOtherWords(trimmed, symbolName, names) || IsDottedNameOfItsWords(trimmed, symbolName, names))
        {
            return true;
        }

        if (!KeyNames.IsIdentifierLike(trimmed, allowSlash: true) || !char.IsLetter(trimmed[trimmed.Length - 1]) || !names.IsCredentialName(trimmed))
        {
            return false;
        }

        // "Cadasto:ClientSecret", "X-Api-Key", "CLIENT_SECRET", "ClientSecret" (a compound name), or a credential word
        // alone ("password" as a grant type, "token" as a field name); a longer single word ("supersecret") is a value,
        // and so is one written in lower case with separators ("my_client_secret", "admin-password"): it reads like a
        // name, but no key, variable or header is spelled so — it is what a sample sets as the secret (the SPEC).
        return (CredentialNames.SplitWordCount(trimmed) >= 2 && !lowerCaseWords && !IsIntensifiedChosenWord(trimmed, names))
               || (IsCredentialWordItself(trimmed, names) && !IsDemoSecret(trimmed, symbolName, names));
    }

    /// <summary>
    /// <c>superSecret</c>, <c>TopSecret</c>: only intensifiers (<see cref="SecretVocabulary.Intensifiers"/>)
    /// before the word of a credential a person chooses (a password, a secret, a passphrase, an API key; not what is issued),
    /// in one word run together: how much of a secret it is, said by whoever chose it — a demo value, not a name.
    /// </summary>
    private static bool IsIntensifiedChosenWord(string text, CredentialNames names)
    {
        if (!names.TryMatch(text, out var word) || SecretVocabulary.IssuedCredentialWords.Contains(word))
        {
            return false;
        }

        var words = CredentialNames.SplitWords(text);
        var credentialParts = word.Split(' ').Length;
        if (words.Count <= credentialParts)
        {
            return false;
        }

        for (var i = 0; i < words.Count - credentialParts; i++)
        {
            if (!SecretVocabulary.Intensifiers.Contains(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>-@slack</c>, <c>.part_</c>, <c>--password</c>, <c>:token</c>: a short value led by a separator (<c>.</c>, <c>-</c>,
    /// <c>_</c>, <c>:</c>) around one word of letters and nothing but punctuation — a data key's marker, a file-name suffix, a
    /// command-line option: what a value is found by, not a value. A short password dressed in symbols leads with a letter or
    /// with a symbol that stands for one (<c>@dmin</c>, <c>$ecret</c>, <c>!Secret</c>), or carries a digit (<c>-Passw0rd</c>),
    /// and stays a value.
    /// </summary>
    private static bool IsMarkedWord(string text)
    {
        if (text.Length is < 4 or > 16 || text[0] is not ('.' or '-' or '_' or ':'))
        {
            return false;
        }

        int start = -1, end = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                if (end >= 0)
                {
                    return false; // a second word
                }

                start = start < 0 ? i : start;
            }
            else if (char.IsLetterOrDigit(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
            else if (start >= 0 && end < 0)
            {
                end = i;
            }
        }

        end = end < 0 ? text.Length : end;
        return start >= 0 && end - start >= 3 && TestSentinels.IsPronounceable(text, start, end);
    }

    /// <summary>
    /// <c>"MySecretToken"</c> for <c>SecretToken</c>, <c>"my_password"</c> or <c>"myRpcPassword"</c> for <c>RpcPassword</c>:
    /// "my" (any case, perhaps followed by <c>_</c> or <c>-</c>) before the symbol's name or the credential word it ends
    /// with (case and separators aside) — how a sample or a settings default spells a value of one's own.
    /// </summary>
    private static bool IsMyOwnName(string text, string symbolName, CredentialNames names)
    {
        if (text.Length < 4 || text.Length > 64 || !text.StartsWith("my", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text.Substring(text[2] is '_' or '-' ? 3 : 2);
        if (rest.Length == 0 || !char.IsLetter(rest[0]) || (text[2] is not ('_' or '-') && char.IsLower(text[2]) && char.IsUpper(text[0])))
        {
            return false; // "Mystery…": no word boundary after "My"
        }

        return SeparatorInsensitiveText.Equals(rest, symbolName)
               || (names.TryMatch(symbolName, out var word) && SeparatorInsensitiveText.Equals(rest, word));
    }

    /// <summary>
    /// <c>"user_secret"</c> for <c>UserSecret</c>, <c>"roles"</c> for <c>Roles</c>, <c>"xms_password"</c> for <c>Password</c>: the
    /// value spells the symbol's name (case and separators aside), perhaps behind a <paramref name="prefix"/> of two to eight
    /// lower-case letters ending with <c>_</c> or <c>:</c> (empty when there is none); or it shortens the name
    /// (<see cref="ShortensItsName"/>: <c>"pass"</c> for <c>Password</c>). Whether that makes it a name is the caller's
    /// question (a list of such names beside it; <see cref="IsNameOrLabel"/> for what is issued).
    /// </summary>
    public static bool SpellsItsName(string value, string symbolName, out string prefix)
    {
        prefix = "";
        var text = value.Trim();
        if (text.Length == 0 || text.Length > 80)
        {
            return false;
        }

        if (SeparatorInsensitiveText.Equals(text, symbolName) || ShortensItsName(text, symbolName))
        {
            return true;
        }

        var end = 0;
        while (end < text.Length && end <= 8 && text[end] is >= 'a' and <= 'z')
        {
            end++;
        }

        if (end is < 2 or > 8 || end + 1 >= text.Length || text[end] is not ('_' or ':')
            || !SpellsNameOrPlural(text.Substring(end + 1), symbolName))
        {
            return false;
        }

        prefix = text.Substring(0, end + 1);
        return true;
    }

    /// <summary>
    /// <c>ClientSecrets</c> for <c>ClientSecret</c> behind a prefix (<c>csids_ClientSecrets</c>): a table, collection or
    /// schema name is the plural of the entity it holds. Asked only behind a prefix, where the list's other names share it.
    /// </summary>
    private static bool SpellsNameOrPlural(string text, string symbolName) =>
        SeparatorInsensitiveText.Equals(text, symbolName)
        || (text.Length > 1 && text[text.Length - 1] == 's' && SeparatorInsensitiveText.Equals(text.Substring(0, text.Length - 1), symbolName));

    /// <summary>
    /// <c>"pass"</c> for <c>Password</c>, <c>"capkey"</c> for <c>CaptchaKey</c>: three or more lower-case letters, shorter than the
    /// name, that are the start of each of its words in order (every word kept, none empty) — how a form or a protocol
    /// shortens a field's name. A demo password named after its user (<c>AdminPassword = "admin"</c>) drops the credential
    /// word and is no such shortening.
    /// </summary>
    private static bool ShortensItsName(string text, string symbolName)
    {
        if (text.Length < 3 || text.Length >= symbolName.Length || !IsLowerLetters(text, 0, text.Length))
        {
            return false;
        }

        var words = CredentialNames.SplitWords(symbolName);
        return words.Count <= text.Length && AbbreviatesWords(text, 0, words, 0);
    }

    /// <summary>
    /// <c>__CurrentViewDataDictionary</c>, <c>__RequestItemKey</c>: two underscores before an identifier of two words or more in
    /// PascalCase or camelCase, each a pronounceable word of letters — a key reserved for an item bag or a form, spelled so
    /// that it cannot clash with a user's. A random value so marked splits into no words; one underscore or a <c>$</c>
    /// (<c>$uperSecret</c>) is no such marker.
    /// </summary>
    private static bool IsReservedItemKey(string text)
    {
        if (text.Length < 6 || text[0] != '_' || text[1] != '_')
        {
            return false;
        }

        var name = text.Substring(2);
        foreach (var c in name)
        {
            if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        var words = CredentialNames.SplitWords(name);
        if (words.Count < 2)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word.Length < 2 || !TestSentinels.IsPronounceable(word, 0, word.Length))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the symbol names something issued, never chosen (<see cref="SecretVocabulary.IssuedCredentialWords"/>).</summary>
    private static bool NamesAnIssuedCredential(string symbolName, CredentialNames names) =>
        names.TryMatch(symbolName, out var word) && SecretVocabulary.IssuedCredentialWords.Contains(word);

    /// <summary>
    /// <c>backchannel_id_token</c> for <c>BackchannelIdentityToken</c>, <c>rst:code id_token</c> for <c>CodeIdToken</c>: lower-case
    /// words apart (<c>_</c>, <c>-</c>, <c>.</c>, a space), after at most one short lower-case prefix ending with <c>:</c>, that
    /// spell the symbol's words in order, each the word itself or its start (two letters or more: <c>id</c> for
    /// <c>Identity</c>), perhaps leaving some out but ending with its last (<c>user_token</c> for <c>UserAccessToken</c>); or, behind such a prefix, the words' starts run together (<c>tkn_lft:act</c> for <c>AccessToken</c>).
    /// Asked only where the plain comparison failed.
    /// </summary>
    private static bool SpellsOwnNameInWords(string text, string symbolName)
    {
        if (text.Length > 80)
        {
            return false;
        }

        var colon = text.IndexOf(':');
        var words = CredentialNames.SplitWords(symbolName);
        if (colon >= 0)
        {
            if (colon < 2 || colon > 8 || !IsLowerLetters(text.Replace('_', 'a'), 0, colon))
            {
                return false;
            }

            text = text.Substring(colon + 1);

            // TokenLifetimes.AccessToken = "tkn_lft:act": behind a namespace, the name's words each cut to their start.
            if (words.Count >= 2 && text.Length <= 12 && IsLowerLetters(text, 0, text.Length) && AbbreviatesWords(text, 0, words, 0))
            {
                return true;
            }
        }

        var parts = text.Split('_', '-', '.', ' ');
        if (parts.Length < 2 || parts.Length > words.Count)
        {
            return false;
        }

        // UserAccessToken = "user_token": the value may leave some of the name's words out, never the last one (the
        // credential word): a preferences or storage key named after what it holds.
        var word = 0;
        foreach (var part in parts)
        {
            if (part.Length == 0 || !IsLowerLetters(part, 0, part.Length))
            {
                return false;
            }

            while (word < words.Count && !(part == words[word] || (part.Length >= 2 && words[word].StartsWith(part, StringComparison.Ordinal))))
            {
                word++;
            }

            if (word == words.Count)
            {
                return false;
            }

            word++;
        }

        return word == words.Count;
    }

    /// <summary>
    /// <c>CONTENT:STRING</c>, <c>end-of-line</c>, <c>Block.End</c>: words of letters, each in one case (or capitalised), joined
    /// by punctuation, no digit: a keyword of a script or a grammar. An issued token mixes cases and digits at random.
    /// </summary>
    private static bool IsKeywordWords(string text)
    {
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is ':' or '_' or '-' or '.')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                i++;
            }

            if (i == start || !IsOneCaseWord(text, start + 1, i))
            {
                return false;
            }

            words++;
        }

        return words >= 2;
    }

    // The letters after a word's first: all lower case or all upper case.
    private static bool IsOneCaseWord(string text, int from, int to)
    {
        bool lower = false, upper = false;
        for (var i = from; i < to; i++)
        {
            lower |= char.IsLower(text[i]);
            upper |= char.IsUpper(text[i]);
        }

        return !(lower && upper);
    }

    /// <summary>
    /// <c>@CurrentUserId</c>, <c>$TenantId</c>, <c>#OrderNumber</c>: one sigil before an identifier of two words or more in
    /// PascalCase or camelCase, letters only — a template's or a query's token, as <c>{CurrentUserId}</c> is. Asked only
    /// under a bare <c>token</c> name (a bearer token is issued, never spelled in words).
    /// </summary>
    private static bool IsMarkedIdentifier(string text)
    {
        if (text.Length < 4 || text.Length > 40 || text[0] is not ('@' or '$' or '#' or '%' or ':'))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return CredentialNames.SplitWordCount(text.Substring(1)) >= 2;
    }

    /// <summary>
    /// <c>Shift</c>, <c>windows</c>, <c>sbs3d</c>, <c>- trailer</c>, <c>.sample</c>: one word of at most twelve letters in one
    /// case (or capitalised), perhaps with one digit inside or at its end, perhaps behind or before a marker of punctuation
    /// and blanks — no issued value is so short and so plain. Not a credential word nor a common password
    /// (<see cref="SecretVocabulary.CommonPasswords"/>): <c>Token = "secret"</c> is what a sample logs in with.
    /// </summary>
    private static bool IsShortWord(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && (char.IsPunctuation(text[start]) || text[start] == ' '))
        {
            start++;
        }

        while (end > start && (char.IsPunctuation(text[end - 1]) || text[end - 1] == ' '))
        {
            end--;
        }

        if (end - start is < 2 or > 12 || !char.IsLetter(text[start]))
        {
            return false;
        }

        var digits = 0;
        var upper = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                upper++;
            }
            else if (c is not (>= 'a' and <= 'z'))
            {
                return false;
            }
        }

        var letters = end - start - digits;
        var oneCase = upper == 0 || upper == letters || (upper == 1 && char.IsUpper(text[start]));
        if (digits > 1 || !oneCase)
        {
            return false;
        }

        foreach (var common in SecretVocabulary.CommonPasswords)
        {
            if (SpellsWord(text, start, end, common))
            {
                return false;
            }
        }

        foreach (var credentialWord in SecretVocabulary.CredentialWords)
        {
            if (SpellsWord(text, start, end, credentialWord))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether text[start..end) is <paramref name="word"/>, case and the word's blanks aside.</summary>
    private static bool SpellsWord(string text, int start, int end, string word)
    {
        var at = start;
        foreach (var c in word)
        {
            if (c == ' ')
            {
                continue;
            }

            if (at == end || char.ToLowerInvariant(text[at]) != c)
            {
                return false;
            }

            at++;
        }

        return at == end;
    }

    /// <summary>Letters only, perhaps followed by one or two digits (<c>url2</c>: which of its kind).</summary>
    private static bool IsLettersWithIndex(string text)
    {
        var letters = text.Length;
        while (letters > 0 && letters > text.Length - 2 && char.IsDigit(text[letters - 1]))
        {
            letters--;
        }

        for (var i = 0; i < letters; i++)
        {
            if (text[i] is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return letters > 0;
    }

    /// <summary>Whether text[at..] is a non-empty start of each of words[word..], in order, and nothing else.</summary>
    private static bool AbbreviatesWords(string text, int at, List<string> words, int word)
    {
        if (word == words.Count)
        {
            return at == text.Length;
        }

        for (var length = 1; length <= words[word].Length && at + length <= text.Length && text[at + length - 1] == words[word][length - 1]; length++)
        {
            if (AbbreviatesWords(text, at + length, words, word + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLowerLetters(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>otp</c> for <c>OneTimePassword</c>: lower-case letters, one per word of a name of at least three words.</summary>
    private static bool IsInitialsOf(string text, string symbolName)
    {
        if (text.Length < 3 || text.Length > 8)
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

        var words = CredentialNames.SplitWords(symbolName);
        if (words.Count != text.Length)
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i][0] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>"ApiName": "rs_ordersApi"</c> beside <c>"ApiSecret": "ordersSecret"</c>, <c>"resource": "billing-app"</c> beside
    /// <c>"secret": "billing-app-secret"</c>: a value made of a run of the words of a name given beside it (the client's or
    /// the API's) followed by one credential word is the demo secret registered for that client — it reads like a name,
    /// which the SPEC calls a secret in code and configuration alike, and no key or label is spelled from a client's name.
    /// Asked where the value would otherwise pass as a label (<see cref="IsNameOrLabel"/>), in C# and in configuration.
    /// </summary>
    public static bool IsSpelledFromName(string value, string name, CredentialNames names)
    {
        var trimmed = value.Trim();
        if (name.Length < 3 || string.Equals(trimmed, name.Trim(), StringComparison.Ordinal)
            || !KeyNames.IsIdentifierLike(trimmed, allowSlash: false) || trimmed.IndexOf(':') >= 0 || !names.TryMatch(trimmed, out var word))
        {
            return false;
        }

        var valueWords = CredentialNames.SplitWords(trimmed);
        var nameWords = CredentialNames.SplitWords(name);
        var credential = word.Replace(" ", "");

        // The value's last words spell the credential word (secret; api + key or apikey), the others the stem.
        var stemLength = valueWords.Count - 1;
        var tail = valueWords[stemLength];
        while (stemLength > 0 && tail.Length < credential.Length)
        {
            stemLength--;
            tail = valueWords[stemLength] + tail;
        }

        if (stemLength == 0 || tail != credential)
        {
            return false;
        }

        var stemCharacters = 0;
        for (var i = 0; i < stemLength; i++)
        {
            stemCharacters += valueWords[i].Length;
        }

        if (stemCharacters < 3)
        {
            return false;
        }

        for (var start = 0; start + stemLength <= nameWords.Count; start++)
        {
            var matches = true;
            for (var i = 0; i < stemLength && matches; i++)
            {
                matches = valueWords[i] == nameWords[start + i];
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>ClientSecret = "secret"</c>, <c>ApiSecret = "secret"</c>: the word <c>secret</c> in lower case under a name whose
    /// credential word is a secret is the sample servers' demo secret, live where they register it (the SPEC's own example),
    /// not a label; <c>password</c> and <c>token</c> alone stay labels (a grant type, a field name).
    /// </summary>
    private static bool IsDemoSecret(string text, string symbolName, CredentialNames names) =>
        string.Equals(text, "secret", StringComparison.Ordinal)
        && names.TryMatch(symbolName, out var word)
        && word.EndsWith("secret", StringComparison.Ordinal);

    /// <summary>
    /// <c>_emailToken = "email"</c>, <c>AccountKeyToken = "AccountKey="</c>, <c>EnforceMultiFactorToken =
    /// "enforce_mf"</c>: a value spelled from the name's own words before its credential word (a word, or the initials of a
    /// run of words), in order, is the lookup key or protocol keyword the symbol stands for. Not under a password word: a
    /// password equal to the user's name (<c>AdminPassword = "admin"</c>) is a demo value that works; nor a value that
    /// spells the credential word itself (<c>ClientSecret = "secret"</c>), which the SPEC keeps a secret.
    /// </summary>
    private static bool IsTheNamesOtherWords(string text, string symbolName, CredentialNames names)
    {
        var value = text.Length > 1 && text[text.Length - 1] is '=' or ':' ? text.Substring(0, text.Length - 1) : text;
        if (!KeyNames.IsIdentifierLike(value, allowSlash: false) || !names.TryMatch(symbolName, out var credentialWord)
            || IsPasswordWord(credentialWord))
        {
            return false;
        }

        var valueWords = CredentialNames.SplitWords(value);
        var nameWords = CredentialNames.SplitWords(symbolName);

        // The credential word (its last part, at least) is the name's last word: the value must end before it.
        var available = nameWords.Count - 1;
        for (var start = 0; start < available && valueWords.Count > 0; start++)
        {
            if (SpellsFrom(valueWords, nameWords, start, available))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>NotificationsAccessKey = "sm.notifications.all"</c>: a dotted name of three lower-case segments or more (a permission's
    /// or a setting's system name), one of which is a word of the symbol's name before its credential word, is the name of
    /// what the credential word guards, not a credential. Not under a password word, for the reason
    /// <see cref="IsTheNamesOtherWords"/> gives.
    /// </summary>
    private static bool IsDottedNameOfItsWords(string text, string symbolName, CredentialNames names)
    {
        if (text.Length > 80 || text.IndexOf('.') < 0 || !names.TryMatch(symbolName, out var credentialWord) || IsPasswordWord(credentialWord))
        {
            return false;
        }

        var segments = text.Split('.');
        if (segments.Length < 3)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || !IsLowerLetters(segment, 0, segment.Length))
            {
                return false;
            }
        }

        var nameWords = CredentialNames.SplitWords(symbolName);
        for (var i = 0; i < nameWords.Count - 1; i++)
        {
            if (nameWords[i].Length >= 4 && credentialWord.IndexOf(nameWords[i], StringComparison.Ordinal) < 0 && Array.IndexOf(segments, nameWords[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the value's words spell consecutive name words from <paramref name="start"/>, each as itself or as initials.</summary>
    private static bool SpellsFrom(List<string> valueWords, List<string> nameWords, int start, int end)
    {
        var next = start;
        foreach (var word in valueWords)
        {
            if (next >= end)
            {
                return false;
            }

            if (word == nameWords[next])
            {
                next++;
                continue;
            }

            // "mfa" for multi-factor-authentication: one letter per name word, at least two.
            if (word.Length < 2 || next + word.Length > end)
            {
                return false;
            }

            for (var i = 0; i < word.Length; i++)
            {
                if (nameWords[next + i].Length == 0 || nameWords[next + i][0] != word[i])
                {
                    return false;
                }
            }

            next += word.Length;
        }

        return true;
    }

    // OAuth's own parameter and grant names ("refresh_token" as a grant type, "client_secret_basic" as an auth method).
    private static readonly string[] ProtocolNames =
    {
        "access_token", "refresh_token", "id_token", "client_credentials", "client_secret", "client_secret_basic",
        "client_secret_post", "client_secret_jwt", "private_key_jwt", "client_assertion", "token_type_hint",
        "api_key", "access_key", "auth_token",
    };

    /// <summary>
    /// <c>ClientSecret = "cadasto-client-secret"</c>, <c>KeyVaultSecret = "cadasto-client-secret"</c>: a Key Vault secret's
    /// name (letters, digits and hyphens only) that ends with the symbol's own name, or under a symbol that names a vault,
    /// names where the secret is kept.
    /// </summary>
    private static bool IsVaultSecretName(string text, string symbolName)
    {
        if (text.IndexOf('_') >= 0)
        {
            return false;
        }

        if (symbolName.IndexOf("vault", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var compact = new System.Text.StringBuilder(symbolName.Length);
        foreach (var c in symbolName)
        {
            if (char.IsLetterOrDigit(c))
            {
                compact.Append(char.ToLowerInvariant(c));
            }
        }

        return compact.Length >= 6 && SeparatorInsensitiveText.EndsWith(text, compact.ToString());
    }

    /// <summary>
    /// <c>KeyVaultSecrets.DefaultAppSecret = "MSAL-App-Default"</c>: in a type whose name names a vault
    /// (<paramref name="containerName"/>), a value in the shape of a Key Vault secret's name — two words or more joined by
    /// hyphens, each letters only or a short acronym of capitals and digits (<c>S2S</c>) — names an entry of the vault, as
    /// the type's other constants do; a generated value mixes cases and digits inside its parts.
    /// </summary>
    public static bool NamesAVaultEntry(string text, string containerName)
    {
        if (text.Length is < 3 or > 127 || containerName.IndexOf("vault", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length < 2)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || !(IsLettersWithIndex(part) && !char.IsDigit(part[part.Length - 1]) || IsAcronym(part)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>S2S</c>, <c>CCA</c>: capitals and digits, at most five, starting with a capital.</summary>
    private static bool IsAcronym(string part)
    {
        if (part.Length > 5 || part[0] is < 'A' or > 'Z')
        {
            return false;
        }

        foreach (var c in part)
        {
            if (c is not (>= 'A' and <= 'Z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>my_client_secret</c>, <c>admin-password</c>: lower-case words joined by <c>_</c> or <c>-</c>, nothing else.</summary>
    private static bool IsLowerCaseWords(string text)
    {
        var separated = false;
        foreach (var c in text)
        {
            if (c is '_' or '-')
            {
                separated = true;
            }
            else if (!(char.IsLower(c) || char.IsDigit(c)))
            {
                return false;
            }
        }

        return separated;
    }

    /// <summary>
    /// <c>options.Password = "password"</c>, <c>new InMemoryUser { Password = "secret" }</c>: a word of a credential a person
    /// chooses (password, secret, passphrase…: not a token, a key or a credential object, which are issued) given as the
    /// value of a chosen credential's symbol. Declared as a constant it names a form field or a grant type (<c>const string
    /// Password = "password"</c>); set on an object it is the demo password that object logs in with, as the same value
    /// under <c>"AdminPassword"</c> in <c>appsettings.json</c> is (the caller tells the two apart). Written in lower case:
    /// <c>"Password"</c> is the label a login page shows.
    /// </summary>
    /// <remarks>
    /// One judgement for code and configuration (the SPEC: the same value, the same verdict): a value set on an object in C#
    /// and a value under a key of <c>appsettings.json</c> ask it alike. Its own word run together in lower case is the same
    /// word (<c>ApiKey = "apikey"</c>). Not where another field beside is spelled as its own name too
    /// (<paramref name="fieldsBeside"/>: <c>Username = "username", Password = "password"</c>): every field of a template
    /// filled with its name, a label, not a login.
    /// </remarks>
    public static bool IsChosenWordSetAsValue(string text, string symbolName, CredentialNames names, IEnumerable<(string? Name, string Text)>? fieldsBeside = null)
    {
        if (!names.TryMatch(symbolName, out var own) || SecretVocabulary.IssuedCredentialWords.Contains(own))
        {
            return false;
        }

        if (string.Equals(text, own, StringComparison.Ordinal) || string.Equals(text, own.Replace(" ", ""), StringComparison.Ordinal))
        {
            return fieldsBeside is null || !HasFieldSpelledAsItsName(fieldsBeside, names);
        }

        return IsChosenCredentialWord(text);
    }

    /// <summary>
    /// Whether a field that holds no credential holds its own name as its value (<c>Username = "username"</c>, <c>Host =
    /// "host"</c>). A credential's field so spelled (<c>Token = "token"</c>) is no evidence: it names where an issued value goes.
    /// </summary>
    private static bool HasFieldSpelledAsItsName(IEnumerable<(string? Name, string Text)> fields, CredentialNames names)
    {
        foreach (var (name, text) in fields)
        {
            if (name is { Length: > 0 } && !names.IsCredentialName(name)
                && text.Length > 0 && char.IsLetter(text[0]) && SeparatorInsensitiveText.Equals(text, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>_clientSecret = "password"</c>, <c>o.ClientSecret = "password"</c>: the word of another chosen credential, in lower case,
    /// as the value of a chosen credential's symbol. A label or a field name spells its own symbol's word (<c>const string Password
    /// = "password"</c>, <c>PasswordSecret = "password"</c>: a kind of secret); a secret set to the word <c>password</c> is the demo
    /// value the sample logs in with, wherever it is declared and whether or not its type resolves.
    /// </summary>
    public static bool IsAnotherChosenWordAsValue(string text, string symbolName, CredentialNames names)
    {
        if (!IsChosenCredentialWord(text) || !names.TryMatch(symbolName, out var own) || SecretVocabulary.IssuedCredentialWords.Contains(own)
            || SeparatorInsensitiveText.Equals(text, own) || (IsPasswordWord(text) && IsPasswordWord(own)))
        {
            // Password = "pwd", Passphrase = "password": another spelling of the symbol's own word, a field's or keyword's name.
            return false;
        }

        foreach (var word in CredentialNames.SplitWords(symbolName))
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a credential word names a password (<see cref="SecretVocabulary.PasswordPrefix"/>).</summary>
    private static bool IsPasswordWord(string word) =>
        word.StartsWith(SecretVocabulary.PasswordPrefix, StringComparison.Ordinal) || word == SecretVocabulary.PasswordAbbreviation;

    private static bool IsChosenCredentialWord(string text)
    {
        foreach (var word in SecretVocabulary.CredentialWords)
        {
            if (string.Equals(text, word, StringComparison.Ordinal) && word.IndexOf(' ') < 0
                && !SecretVocabulary.IssuedCredentialWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCredentialWordItself(string text, CredentialNames names) =>
        names.TryMatch(text, out var word) && SeparatorInsensitiveText.Equals(text, word);

    /// <summary>
    /// Text for people or machines rather than a credential: two words of letters (<c>Enter password</c>), or three
    /// or more words at least half of which are words of letters (a message, a label, a SQL statement).
    /// Credentials are single tokens; only a passphrase has spaces, and that is the rare case given up here.
    /// </summary>
    internal static bool IsProse(string text)
    {
        // Four groups of four letters may read as words, but one shape of them is a credential Google issues.
        if (CredentialShapes.IsGoogleAppPassword(text))
        {
            return false;
        }

        var words = 0;
        var letterWords = 0;
        var wide = false;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var letters = 0;
            var others = 0;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                wide |= text[i] >= '\u2018';
                if (char.IsLetter(text[i]))
                {
                    letters++;
                }
                else if (text[i] is not ('.' or ',' or ':' or ';' or '!' or '?' or '\'' or '"' or '(' or ')'))
                {
                    others++;
                }

                i++;
            }

            words++;
            if (letters >= 1 && others == 0)
            {
                letterWords++;
            }
        }

        return (words == 2 ? letterWords == 2 : words >= 3 && letterWords * 2 >= words) || (wide && IsCjkProse(text));
    }

    /// <summary>
    /// <c>用户已经设置了密码。</c>, <c>パスワードが違います。</c>: text in Chinese, Japanese or Korean writes words without spaces, so
    /// <see cref="IsProse"/>'s word count cannot see it; two or more CJK letters with a CJK or full-width punctuation mark
    /// (<c>。</c>, <c>，</c>, <c>：</c>, <c>“”</c>) are a sentence, a message or a label for people; so are two or more CJK
    /// letters with no ASCII letter or digit beside them (<c>当前小程序秘钥</c>, "the current mini-program's secret": a
    /// placeholder that describes the value in words). Generated credentials are ASCII.
    /// </summary>
    private static bool IsCjkProse(string text)
    {
        var letters = 0;
        var punctuation = false;
        var asciiLetterOrDigit = false;
        foreach (var c in text)
        {
            asciiLetterOrDigit |= c < '\u0080' && char.IsLetterOrDigit(c);
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
                or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF'))
            {
                letters++; // Han ideographs, kana, Hangul syllables
            }
            else if (c is (>= '\u3001' and <= '\u303F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20')
                     or '\uFF5E' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u2026')
            {
                punctuation = true; // 、。「」【】, ！（），：；？～, quotation marks, …
            }
        }

        return letters >= 2 && (punctuation || !asciiLetterOrDigit);
    }

    /// <summary>
    /// <c>"{0}"</c>, <c>"Bearer {token}"</c>: a composite format or message template; also a whole value that is one naming
    /// token with spaces in it (<c>"{Series Title}"</c>, a file-name template's token).
    /// </summary>
    private static bool IsFormatTemplate(string text)
    {
        var open = text.IndexOf('{');
        if (open < 0)
        {
            return false;
        }

        var close = text.IndexOf('}', open + 1);
        if (close <= open + 1)
        {
            return false;
        }

        var whole = open == 0 && close == text.Length - 1 && char.IsLetter(text[1]);
        for (var i = open + 1; i < close; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c is '_' or ':' or ',' or '@' or '.' || (whole && c is ' ' or '-')))
            {
                return false;
            }
        }

        return true;
    }
}
