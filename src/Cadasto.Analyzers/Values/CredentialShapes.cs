using System;
using Cadasto.Analyzers.Catalogs;
using System.Linq;
using System.Text;


namespace Cadasto.Analyzers.Values;

/// <summary>
/// CDS1003: literals whose shape alone says "credential": private keys (PEM blocks, JSON Web Keys with a private part,
/// .NET's RSA parameters as JSON, also wrapped in base64, and .NET's private-key XML), JWTs, well-known
/// token formats (a table: prefix, body alphabet, body length), the Entra client-secret shape,
/// connection strings with a password or key, and URLs with a password. Every format is anchored
/// (a prefix, a key name, a structure); the token bodies must also look random (a Shannon-entropy
/// floor, no <c>EXAMPLE</c>/<c>xxxx</c> filler). Nothing is flagged for being random alone, which is
/// what keeps GUIDs, SHA-1/SHA-256 hex, base64 payloads and English text out.
/// </summary>
internal static class CredentialShapes
{
    private enum Alphabet
    {
        UpperAlphanumeric,
        Alphanumeric,
        AlphanumericUnderscore,
        AlphanumericDashUnderscore,
        AlphanumericDashUnderscoreDot,
        Hex,
        SlackBody,
    }

    private sealed class TokenFormat
    {
        public TokenFormat(string kind, string prefix, Alphabet alphabet, int minBody, int maxBody, bool caseSensitive = true)
        {
            Kind = kind;
            Prefix = prefix;
            Body = alphabet;
            MinBody = minBody;
            MaxBody = maxBody;
            CaseSensitive = caseSensitive;
        }

        public string Kind { get; }
        public string Prefix { get; }
        public Alphabet Body { get; }
        public int MinBody { get; }
        public int MaxBody { get; }
        public bool CaseSensitive { get; }
    }

    // The well-known token formats. Prefixes are the vendors' documented ones; so are the lengths (a Stripe secret or restricted
    // key has at least 24 characters after its prefix: a shorter body is a made-up example).
    private static readonly TokenFormat[] TokenFormats =
    {
        new("AWS access key", "AKIA", Alphabet.UpperAlphanumeric, 16, 16),
        new("AWS access key", "ASIA", Alphabet.UpperAlphanumeric, 16, 16),
        new("GitHub token", "ghp_", Alphabet.Alphanumeric, 36, 251),
        new("GitHub token", "gho_", Alphabet.Alphanumeric, 36, 251),
        new("GitHub token", "ghu_", Alphabet.Alphanumeric, 36, 251),
        new("GitHub token", "ghs_", Alphabet.Alphanumeric, 36, 251),
        new("GitHub token", "ghr_", Alphabet.Alphanumeric, 36, 251),
        new("GitHub token", "github_pat_", Alphabet.AlphanumericUnderscore, 22, 255),
        new("GitLab token", "glpat-", Alphabet.AlphanumericDashUnderscore, 20, 255),
        new("Slack token", "xoxb-", Alphabet.SlackBody, 20, 255),
        new("Slack token", "xoxa-", Alphabet.SlackBody, 20, 255),
        new("Slack token", "xoxp-", Alphabet.SlackBody, 20, 255),
        new("Slack token", "xoxr-", Alphabet.SlackBody, 20, 255),
        new("Slack token", "xoxs-", Alphabet.SlackBody, 20, 255),
        new("Slack webhook URL", "https://hooks.slack.com/services/", Alphabet.SlackBody, 30, 255),
        new("Stripe key", "sk_live_", Alphabet.Alphanumeric, 24, 255),
        new("Stripe key", "rk_live_", Alphabet.Alphanumeric, 24, 255),
        new("Stripe key", "sk_test_", Alphabet.Alphanumeric, 24, 255),
        new("Stripe key", "rk_test_", Alphabet.Alphanumeric, 24, 255),
        new("Google API key", "AIza", Alphabet.AlphanumericDashUnderscore, 35, 35),
        new("npm token", "npm_", Alphabet.Alphanumeric, 36, 36),
        new("Twilio API key", "SK", Alphabet.Hex, 32, 32),
        new("SendGrid API key", "SG.", Alphabet.AlphanumericDashUnderscoreDot, 60, 70),
        new("OpenAI API key", "sk-proj-", Alphabet.AlphanumericDashUnderscore, 40, 255),
        new("Anthropic API key", "sk-ant-", Alphabet.AlphanumericDashUnderscore, 40, 255),
        new("Shopify token", "shpat_", Alphabet.Hex, 32, 32),
        new("Shopify token", "shpss_", Alphabet.Hex, 32, 32),
        new("Hugging Face token", "hf_", Alphabet.Alphanumeric, 34, 40),
        new("PyPI token", "pypi-AgEIcHlwaS5vcmc", Alphabet.AlphanumericDashUnderscore, 50, 255),
        new("DigitalOcean token", "dop_v1_", Alphabet.Hex, 64, 64),
        new("Google OAuth client secret", "GOCSPX-", Alphabet.AlphanumericDashUnderscore, 24, 40),
        new("Docker token", "dckr_pat_", Alphabet.AlphanumericDashUnderscore, 20, 64),
        new("GitLab token", "glrt-", Alphabet.AlphanumericDashUnderscore, 20, 255),
        new("GitLab token", "gldt-", Alphabet.AlphanumericDashUnderscore, 20, 255),
        new("Slack token", "xapp-", Alphabet.SlackBody, 20, 255),
        new("Square token", "sq0atp-", Alphabet.AlphanumericDashUnderscore, 22, 22),
        new("Square token", "sq0csp-", Alphabet.AlphanumericDashUnderscore, 43, 43),
        new("Databricks token", "dapi", Alphabet.Hex, 32, 32),
    };

    private const string JwtIoExampleSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    /// <summary>The length below which no text has a credential's shape (<see cref="Classify"/> answers null).</summary>
    public const int MinimumLength = 12;

    /// <summary>
    /// What kind of credential the literal is shaped like (for the message), or null. In <paramref name="testCode"/>, the
    /// password of a connection string or URL must itself look real (<see cref="TestSentinels"/>): <c>Password=password</c>
    /// in a settings test is a sentinel; and an unsigned JWT (<c>alg</c> <c>none</c>) is one a test makes to be refused.
    /// </summary>
    public static string? Classify(string text, bool testCode = false)
    {
        // The shortest anchored format (AKIA + 16) is 20 characters; connection strings with a password a bit less.
        if (text.Length < MinimumLength)
        {
            return null;
        }

        if (IsPemPrivateKey(text))
        {
            return "PEM private key";
        }

        if ((JsonWebKeys.PrivateKeyKind(text) ?? XmlKeys.PrivateKeyKind(text) ?? JsonWebKeys.WrappedPrivateKeyKind(text)) is { } privateKey)
        {
            return privateKey;
        }

        if (text.IndexOf("eyJ", StringComparison.Ordinal) is var jwt and >= 0 && IsJwt(text, jwt, testCode))
        {
            return "JSON Web Token";
        }

        if (MatchTokenFormat(text) is { } kind)
        {
            return kind;
        }

        if (HasEntraClientSecret(text))
        {
            return "Microsoft Entra client secret";
        }

        if (IsGoogleAppPassword(text))
        {
            return "Google app password";
        }

        // A connection string or URL that a text only shows as an example of its format is documentation; a token of a
        // known format is a token wherever it is written.
        if (IsExampleOfAFormat(text))
        {
            return null;
        }

        if (HasCredentialInConnectionString(text, testCode, out var connectionKind))
        {
            return connectionKind;
        }

        if (HasPasswordInUrl(text, testCode))
        {
            return "URL with a password";
        }

        return null;
    }

    /// <summary>
    /// Text that shows a connection string's or URL's format rather than one in use: a message that quotes an example after
    /// a sentence (<c>If you have an X server: 'type=x;server=…;password=…'</c>, as help and error messages do), or a
    /// commented-out line of a settings file a program writes (<c>#postgres=User ID=…;Password=…</c>).
    /// </summary>
    private static bool IsExampleOfAFormat(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (IsCommentedOutSetting(text, start))
        {
            return true;
        }

        // The first quote, and before it a sentence of two or more words of letters ending with ':'.
        var quote = text.IndexOfAny(Quotes, start);
        if (quote < 0)
        {
            return false;
        }

        var end = quote;
        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        if (end <= start || text[end - 1] != ':')
        {
            return false;
        }

        var words = 0;
        var inWord = false;
        for (var i = start; i < end - 1; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                words += inWord ? 0 : 1;
                inWord = true;
            }
            else if (c is ' ' or ',')
            {
                inWord = false;
            }
            else
            {
                return false;
            }
        }

        return words >= 2;
    }

    private static readonly char[] Quotes = { '\'', '"', '`' };

    /// <summary><c>#postgres=…</c>, <c>// ApiUrl=…</c>: a settings line a comment marker turns off, an example of its syntax.</summary>
    private static bool IsCommentedOutSetting(string text, int start)
    {
        var i = start;
        if (i < text.Length && text[i] == '#')
        {
            i++;
        }
        else if (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '/')
        {
            i += 2;
        }
        else
        {
            return false;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var name = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
        {
            i++;
        }

        return i > name && char.IsLetter(text[name]) && i < text.Length && text[i] == '=';
    }

    private static bool IsPemPrivateKey(string text)
    {
        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (begin < 0)
        {
            return false;
        }

        var header = text.IndexOf("PRIVATE KEY", begin, StringComparison.Ordinal);
        if (header < 0 || header - begin > 40)
        {
            return false;
        }

        var headerEnd = text.IndexOf("-----", header, StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }

        // A header alone is a marker a parser looks for; a key has a base64 body.
        var body = 0;
        for (var i = headerEnd + 5; i < text.Length && text[i] != '-'; i++)
        {
            if (char.IsLetterOrDigit(text[i]) || text[i] is '+' or '/' or '=')
            {
                body++;
            }
        }

        return body >= 64;
    }

    private static bool IsJwt(string text, int start, bool testCode)
    {
        if (start > 0 && IsBase64UrlChar(text[start - 1]))
        {
            return false;
        }

        var firstDot = text.IndexOf('.', start);
        if (firstDot < 0 || firstDot - start < 10)
        {
            return false;
        }

        var secondDot = text.IndexOf('.', firstDot + 1);
        if (secondDot < 0 || secondDot - firstDot - 1 < 10)
        {
            return false;
        }

        for (var i = start; i < secondDot; i++)
        {
            if (i != firstDot && !IsBase64UrlChar(text[i]))
            {
                return false;
            }
        }

        var signatureEnd = secondDot + 1;
        while (signatureEnd < text.Length && IsBase64UrlChar(text[signatureEnd]))
        {
            signatureEnd++;
        }

        var header = DecodeBase64Url(text.Substring(start, firstDot - start));
        if (header is null || header.IndexOf("\"alg\"", StringComparison.Ordinal) < 0 || !IsWholeObject(header))
        {
            return false;
        }

        // Header and claims are whole JSON objects (claims that start one, eyJ, must end it): a token whose segments were
        // cut short or edited by hand, as documentation and mocked responses show one, is refused by every server. (A
        // JWE's second segment is an encrypted key, no JSON: left alone.)
        if (string.CompareOrdinal(text, firstDot + 1, "eyJ", 0, 3) == 0
            && !(DecodeBase64Url(text.Substring(firstDot + 1, secondDot - firstDot - 1)) is { } claims && IsWholeObject(claims)))
        {
            return false;
        }

        // jwt.io's published example token ("John Doe", signed with "your-256-bit-secret") is documentation.
        if (string.CompareOrdinal(text, secondDot + 1, JwtIoExampleSignature, 0, JwtIoExampleSignature.Length) == 0
            && signatureEnd - secondDot - 1 == JwtIoExampleSignature.Length)
        {
            return false;
        }

        // An unsigned token (alg none) has an empty signature; a signed one a real one. In test code an unsigned token is
        // what a test makes for a validator to refuse: it grants nothing.
        var signatureLength = signatureEnd - secondDot - 1;
        if (signatureLength >= 16)
        {
            return true;
        }

        if (DeclaresNoSignature(header))
        {
            return !testCode;
        }

        // A signed token's claims, whole and of some length, with its signature left out or cut short: an issued token as a
        // response or a cache holds it (an id token, which a client reads without checking its signature), a known format
        // by its header and claims alone — in test code too (the SPEC: a known format there is still a finding). A
        // signature that is a word or one character repeated (.signature, .invalid, .XXXXXXXX) was written in by hand: the
        // token is a made-up or redacted one.
        return string.CompareOrdinal(text, firstDot + 1, "eyJ", 0, 3) == 0
               && secondDot - firstDot - 1 >= 64
               && !IsPlaceholderSignature(text, secondDot + 1, signatureEnd);
    }

    /// <summary>
    /// <c>signature</c>, <c>Invalid</c>, <c>sig</c>, <c>XXXXXXXXXX</c>: a signature segment of letters only in one case (a
    /// capital first allowed), or one character repeated — what a person writes where the signature goes.
    /// </summary>
    private static bool IsPlaceholderSignature(string text, int start, int end)
    {
        if (end == start)
        {
            return false;
        }

        bool lower = false, upper = false, same = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            same &= c == text[start];
            if (!char.IsLetter(c))
            {
                if (!same)
                {
                    return false;
                }

                continue;
            }

            lower |= char.IsLower(c);
            upper |= i > start && char.IsUpper(c);
        }

        return same || !(lower && upper);
    }

    /// <summary>
    /// <c>eyJhbGciOiJub25lIn0…</c>: a value whose first base64url segment (up to a dot, or the whole value when a test ran
    /// header and claims together) is a JOSE header with <c>"alg": "none"</c> — a token that says it is unsigned.
    /// </summary>
    public static bool IsUnsignedToken(string text)
    {
        if (!text.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return false;
        }

        var dot = text.IndexOf('.');
        var segment = dot < 0 ? text : text.Substring(0, dot);
        foreach (var c in segment)
        {
            if (!IsBase64UrlChar(c))
            {
                return false;
            }
        }

        // A segment of 4n+1 characters has a dangling last character: what a whole token run together leaves.
        return DecodeBase64Url(segment.Length % 4 == 1 ? segment.Substring(0, segment.Length - 1) : segment) is { } header
               && DeclaresNoSignature(header);
    }

    /// <summary>Whether a decoded JOSE header's <c>alg</c> is <c>none</c> (whitespace and case as a hand-written one has them).</summary>
    private static bool DeclaresNoSignature(string header)
    {
        var alg = header.IndexOf("\"alg\"", StringComparison.Ordinal);
        if (alg < 0)
        {
            return false;
        }

        var i = alg + 5;
        while (i < header.Length && (char.IsWhiteSpace(header[i]) || header[i] == ':'))
        {
            i++;
        }

        return string.Compare(header, i, "\"none", 0, 5, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>Whether decoded text is one whole JSON object: it starts with <c>{</c> and ends with <c>}</c>.</summary>
    private static bool IsWholeObject(string json)
    {
        var text = json.Trim();
        return text.Length >= 2 && text[0] == '{' && text[text.Length - 1] == '}';
    }

    /// <summary>
    /// A token in a JWT's form, whether or not it is one: two dots or more between base64 segments (padding allowed), the
    /// first of which decodes to a JSON object — compact (<c>eyJ…</c>) or with the whitespace of a hand-written header
    /// (<c>ewog…</c>). Whether it is a real token is <see cref="Classify"/>'s question (a header with <c>alg</c>, a signature).
    /// </summary>
    public static bool HasJwtForm(string text)
    {
        var firstDot = text.IndexOf('.');
        if (firstDot <= 0 || text.IndexOf('.', firstDot + 1) < 0)
        {
            return false;
        }

        if (text.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!(IsBase64UrlChar(text[i]) || text[i] is '.' or '+' or '/' or '='))
            {
                return false;
            }
        }

        return DecodeBase64Url(text.Substring(0, firstDot).TrimEnd('=')) is { } header && header.TrimStart().StartsWith("{", StringComparison.Ordinal);
    }

    /// <summary>The UTF-8 text a base64url (or base64) segment without padding decodes to, or null.</summary>
    internal static string? DecodeBase64Url(string segment) =>
        DecodeBase64Bytes(segment) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The bytes a base64url (or base64) segment decodes to, padding optional, or null.</summary>
    internal static byte[]? DecodeBase64Bytes(string segment)
    {
        var builder = new StringBuilder(segment.Length + 3);
        foreach (var c in segment.TrimEnd('='))
        {
            builder.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }

        while (builder.Length % 4 != 0)
        {
            builder.Append('=');
        }

        try
        {
            return Convert.FromBase64String(builder.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? MatchTokenFormat(string text)
    {
        foreach (var format in TokenFormats)
        {
            var from = 0;
            while (from < text.Length)
            {
                var index = text.IndexOf(format.Prefix, from, format.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    break;
                }

                from = index + format.Prefix.Length;
                if (index > 0 && char.IsLetterOrDigit(text[index - 1]))
                {
                    continue;
                }

                var end = from;
                while (end < text.Length && InAlphabet(text[end], format.Body))
                {
                    end++;
                }

                var length = end - from;
                if (length < format.MinBody || length > format.MaxBody)
                {
                    continue;
                }

                if (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    continue;
                }

                if (LooksRandom(text, from, end))
                {
                    return format.Kind;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A Google app password as Google shows it: the whole value is four groups of four lower-case letters apart by single
    /// spaces (<c>abcd efgh ijkl mnop</c>, 19 characters). The letters are random, which four English words are not: at
    /// least one group has no vowel (<c>a e i o u y</c>: four in five app passwords have one, while a four-letter word has
    /// one always — only an acronym such as <c>html</c> has none), no group repeats a letter throughout, and no group
    /// counts (<c>abcd</c>, the alphabet's run, is how documentation writes one).
    /// </summary>
    internal static bool IsGoogleAppPassword(string text)
    {
        var value = text.Trim();
        if (value.Length != 19)
        {
            return false;
        }

        var vowelless = false;
        for (var group = 0; group < 4; group++)
        {
            var start = group * 5;
            if (group > 0 && value[start - 1] != ' ')
            {
                return false;
            }

            var vowels = 0;
            var counting = true;
            var repeated = true;
            for (var i = start; i < start + 4; i++)
            {
                var c = value[i];
                if (c is < 'a' or > 'z')
                {
                    return false;
                }

                vowels += c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' ? 1 : 0;
                counting &= i == start || c == value[i - 1] + 1;
                repeated &= c == value[start];
            }

            if (counting || repeated)
            {
                return false;
            }

            vowelless |= vowels == 0;
        }

        return vowelless;
    }

    /// <summary>
    /// The Entra (Azure AD) client-secret shape: three characters, a digit, <c>Q~</c>, then 31–34 characters
    /// of <c>[A-Za-z0-9_~.-]</c> (the format Microsoft has issued since 2021).
    /// </summary>
    private static bool HasEntraClientSecret(string text)
    {
        var from = 0;
        while (true)
        {
            var q = text.IndexOf("Q~", from, StringComparison.Ordinal);
            if (q < 0)
            {
                return false;
            }

            from = q + 2;
            var start = q - 4;
            if (start < 0 || (start > 0 && IsEntraChar(text[start - 1])) || !char.IsDigit(text[q - 1]))
            {
                continue;
            }

            var ok = true;
            for (var i = start; i < q - 1; i++)
            {
                ok &= IsEntraChar(text[i]) && text[i] != '-';
            }

            var end = q + 2;
            while (end < text.Length && IsEntraChar(text[end]))
            {
                end++;
            }

            var body = end - q - 2;
            if (ok && body is >= 31 and <= 34 && LooksRandom(text, q + 2, end))
            {
                return true;
            }
        }
    }

    private static bool HasCredentialInConnectionString(string text, bool testCode, out string kind)
    {
        kind = "";
        if (text.IndexOf('=') < 0)
        {
            return false;
        }

        if (ConnectionStringCatalog.IsEmulator(text))
        {
            return false;
        }

        foreach (var pair in ConnectionStrings.Pairs(text, ConnectionStrings.CodeSeparators))
        {
            if (!ConnectionStringCatalog.IsSecretKeyword(pair.Keyword))
            {
                continue;
            }

            var value = pair.Value;
            if (value.Length == 0 || value[0] is '{' || SecretValueHeuristics.IsNotASecret(value) || ConnectionStringCatalog.EmulatorKeys.Contains(value)
                || PatternSyntax.IsRegexCapture(text, text.IndexOf('=', pair.Start) + 1) || (testCode && !TestSentinels.LooksReal(value)))
            {
                continue;
            }

            var isKey = !ConnectionStringCatalog.IsPasswordKeyword(pair.Keyword);
            // A password needs connection-string structure: another pair joined by ';' or ','. Alone it is a form field
            // (user=…&password=…) or a message ("password=letmein" as an exception a redaction test masks); pairs inside a
            // sentence ("Default credentials are: username=…, password=…") are help text.
            if (!isKey && text.IndexOf(';') < 0 && (text.IndexOf(',') < 0 || ConnectionStrings.IsProseAroundPairs(text, ConnectionStrings.CodeSeparators)))
            {
                continue;
            }

            if (isKey && value.Length < 16)
            {
                continue;
            }

            kind = isKey ? "connection string with an access key" : "connection string with a password";
            return true;
        }

        // Azure SAS tokens: sig= with sv= (a signed version) in the same query.
        var sig = text.IndexOf("sig=", StringComparison.Ordinal);
        if (sig >= 0 && (sig == 0 || text[sig - 1] is '&' or '?') && text.IndexOf("sv=", StringComparison.Ordinal) >= 0)
        {
            var end = sig + 4;
            while (end < text.Length && text[end] != '&')
            {
                end++;
            }

            if (end - sig - 4 >= 20 && !IsOnADocumentationHost(text) && !SecretValueHeuristics.IsNotASecret(text.Substring(sig + 4, end - sig - 4)))
            {
                kind = "shared access signature";
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>https://client.example.org/file.ndjson?…&amp;sig=…</c>: a URL whose host is reserved for documentation (RFC 2606:
    /// <c>example.com</c>, <c>example.net</c>, <c>example.org</c> and their subdomains, the <c>.example</c>, <c>.test</c> and
    /// <c>.invalid</c> top-level domains) reaches no service: its signature is a sample's.
    /// </summary>
    private static bool IsOnADocumentationHost(string text)
    {
        if (!TryFindAuthority(text, out var start, out var end))
        {
            return false;
        }

        // user:password@host:port — the host is after the last '@', before a port's ':'.
        var at = text.LastIndexOf('@', end - 1, end - start);
        start = at < 0 ? start : at + 1;
        var colon = text.IndexOf(':', start, end - start);
        var host = text.Substring(start, (colon < 0 ? end : colon) - start).TrimEnd('.').ToLowerInvariant();
        foreach (var reserved in DocumentationDomains)
        {
            if (host == reserved || host.EndsWith("." + reserved, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The authority of the first URL in <paramref name="text"/> (after <c>scheme://</c>, up to a path, query or fragment).</summary>
    private static bool TryFindAuthority(string text, out int start, out int end)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        start = scheme + 3;
        end = start;
        if (scheme <= 0)
        {
            return false;
        }

        while (end < text.Length && text[end] is not ('/' or '?' or '#' or ' ' or '"'))
        {
            end++;
        }

        return end > start;
    }

    private static readonly string[] DocumentationDomains = { "example.com", "example.net", "example.org", "example", "test", "invalid" };

    /// <summary><c>scheme://user:password@host</c> with a real password (also as one value of a connection string).</summary>
    public static bool HasPasswordInUrl(string text, bool testCode)
    {
        if (!TryFindAuthority(text, out var authorityStart, out var authorityEnd))
        {
            return false;
        }

        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return false;
        }

        var colon = text.IndexOf(':', authorityStart, at - authorityStart);
        if (colon < 0 || colon == at - 1)
        {
            return false;
        }

        var password = text.Substring(colon + 1, at - colon - 1);
        return !SecretValueHeuristics.IsNotASecret(password)
               && !IsDocumentationPassword(password)
               && !PatternSyntax.IsRegexCapture(text, colon + 1)
               && !(testCode && !TestSentinels.LooksReal(password))
               && password[0] is not ('{' or '$' or '%');
    }

    /// <summary>
    /// <c>user:password@</c>: the name of the URL's field written where its value goes, as documentation shows the syntax.
    /// Not a broker's default account (<c>guest:guest@</c>): that is a short demo value that works, a secret outside test
    /// code as it is as a whole value (<see cref="SecretValueHeuristics.IsNotASecret(string)"/>); test code screens it
    /// with its other sentinels.
    /// </summary>
    private static bool IsDocumentationPassword(string password) =>
        password.Equals("password", StringComparison.OrdinalIgnoreCase)
        || password.Equals("pass", StringComparison.OrdinalIgnoreCase)
        || password.Equals("secret", StringComparison.OrdinalIgnoreCase)
        || password.Equals("pwd", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The body of a token must look random: no documentation filler, no long runs, and a Shannon entropy of at
    /// least 3 bits per character (a real 36-character token has about 5; <c>aaaa…</c> or <c>0123…</c> far less).
    /// </summary>
    private static bool LooksRandom(string text, int start, int end)
    {
        var length = end - start;
        if (length <= 0)
        {
            return false;
        }

        if (IndexOfIgnoreCase(text, "example", start, end) >= 0 || IndexOfIgnoreCase(text, "xxxx", start, end) >= 0 || IndexOfIgnoreCase(text, "0000", start, end) >= 0)
        {
            return false;
        }

        // 0123456789abcdef…, 1234567890abcdef: every character distinct, so the entropy is high, but counted, not drawn.
        if (TestSentinels.IsCountingRun(text, start, end))
        {
            return false;
        }

        // Count symbol frequencies in a small table: the alphabets are ASCII.
        var counts = new int[128];
        var distinct = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i] & 0x7F;
            if (counts[c]++ == 0)
            {
                distinct++;
            }
        }

        double entropy = 0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        var floor = length >= 16 ? 3.0 : 2.5;
        return entropy >= floor && distinct >= Math.Min(10, length / 2);
    }

    private static int IndexOfIgnoreCase(string text, string value, int start, int end)
    {
        var index = text.IndexOf(value, start, end - start, StringComparison.OrdinalIgnoreCase);
        return index;
    }

    private static bool InAlphabet(char c, Alphabet alphabet) => alphabet switch
    {
        Alphabet.UpperAlphanumeric => c is >= 'A' and <= 'Z' or >= '0' and <= '9',
        Alphabet.Alphanumeric => IsAsciiLetterOrDigit(c),
        Alphabet.AlphanumericUnderscore => IsAsciiLetterOrDigit(c) || c == '_',
        Alphabet.AlphanumericDashUnderscore => IsAsciiLetterOrDigit(c) || c is '_' or '-',
        Alphabet.AlphanumericDashUnderscoreDot => IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.',
        Alphabet.Hex => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F',
        Alphabet.SlackBody => IsAsciiLetterOrDigit(c) || c is '-' or '/',
        _ => false,
    };

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    internal static bool IsBase64UrlChar(char c) => IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static bool IsEntraChar(char c) => IsAsciiLetterOrDigit(c) || c is '_' or '~' or '.' or '-';
}
