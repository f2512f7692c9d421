using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// The words the secret rules judge names and values by, data only: one list each for the C# rules (CDS1001–CDS1005),
/// the configuration rule (CDS1004) and the scanner's prefilter (through <see cref="SourceVocabulary"/>). All lower case.
/// </summary>
internal static class SecretVocabulary
{
    /// <summary>
    /// The SPEC's credential words, parts separated by a space: a symbol or key whose name ends with one holds a credential
    /// (<c>ClientSecret</c>, <c>partner_api_key</c>). A word of two parts also matches written as one (<c>apikey</c>).
    /// </summary>
    public static readonly ImmutableArray<string> CredentialWords = ImmutableArray.Create(
        "secret", "password", "passwd", "pwd", "passphrase", "api key", "access key", "token", "credential", "private key");

    /// <summary>
    /// How a name spells a password: a word that starts with <see cref="PasswordPrefix"/> (<c>password</c>, <c>passwd</c>,
    /// <c>passphrase</c>) or the abbreviation <see cref="PasswordAbbreviation"/>. Asked of a credential word (is it a
    /// password's?) and of a member's name (can this type carry a password?).
    /// </summary>
    public const string PasswordPrefix = "pass";

    /// <inheritdoc cref="PasswordPrefix"/>
    public const string PasswordAbbreviation = "pwd";

    /// <summary>
    /// Credential words of what is issued or generated, never chosen by a person: a token, a private key, an access key, a
    /// credential object. One spelled as its own symbol's name in lower-case words (<c>LogoutToken = "logout_token"</c>,
    /// <c>CertWithoutPrivateKey = "cert_without_private_key"</c>) names a protocol parameter, a token type or an error code;
    /// a password or a secret is chosen, and one spelled so (<c>AdminPassword = "admin_password"</c>) is what a sample sets
    /// (<c>Values/CredentialValueShape.IsNameOrLabel</c>).
    /// </summary>
    public static readonly ImmutableArray<string> IssuedCredentialWords = ImmutableArray.Create(
        "token", "private key", "access key", "credential");

    /// <summary>
    /// Credential words also written as two words, the first spelling being the catalogue's: ABP's
    /// <c>StringEncryption:DefaultPassPhrase</c> and <c>pass_phrase</c> name a passphrase; <c>PassWord</c>,
    /// <c>HangfirePassWord</c>, <c>pass_word</c> a password.
    /// </summary>
    public static readonly ImmutableArray<(string Word, string Spelling)> CredentialSpellings = ImmutableArray.Create(
        ("passphrase", "pass phrase"), ("password", "pass word"));

    /// <summary>
    /// Words a test's made-up credentials are made of (<c>P@ssw0rd!</c>, <c>letmein123</c>, <c>MySecretToken</c>): in test
    /// code, a value whose letters are only these (after undoing leetspeak) is a sentinel (<c>Values/TestSentinels</c>).
    /// </summary>
    public static readonly ImmutableArray<string> TestSentinelWords = ImmutableArray.Create(
        "password", "passwd", "pass", "pwd", "secret", "admin", "administrator", "user", "root", "welcome", "letmein",
        "qwerty", "abc", "test", "token", "key", "api", "demo", "default", "login", "master", "super", "hello", "world",
        "my", "the", "new", "old", "valid", "good", "strong", "weak", "client", "app", "dev", "local", "temp", "guest",
        "sample", "example", "dummy", "fake", "foo", "bar", "baz", "qux", "code", "otp", "pin", "changeme", "access",
        "secure", "previous", "very", "long", "short");

    /// <summary>
    /// The passwords people choose most (seeded administrators, defaults of admin frameworks): a hex digest of one of them
    /// (MD5, SHA-1, SHA-256) is a stored password hash, as a seed's <c>LoginPWD</c> holds it, never the password itself.
    /// </summary>
    public static readonly ImmutableArray<string> CommonPasswords = ImmutableArray.Create(
        "123456", "12345678", "123456789", "1234567890", "1234", "12345", "111111", "000000", "123123", "666666", "888888",
        "password", "password1", "passw0rd", "p@ssw0rd", "admin", "admin123", "admin888", "root", "qwerty", "abc123",
        "letmein", "welcome", "1q2w3e4r", "123qwe", "secret", "changeme", "test", "test123", "demo", "guest");

    /// <summary>Plural spellings that name the same credential (<c>Credentials</c>).</summary>
    public static readonly ImmutableArray<string> CredentialPlurals = ImmutableArray.Create("credentials");

    /// <summary>
    /// Key words that name a secret in configuration beyond <see cref="CredentialWords"/>: the JWT signing and encryption
    /// keys and account keys that ASP.NET Core and Azure samples keep there.
    /// </summary>
    public static readonly ImmutableArray<string> ConfigurationCredentialWords = ImmutableArray.Create(
        "secret key", "signing key", "encryption key", "client key", "master key", "shared key",
        "account key", "subscription key", "shared access key", "sas token");

    /// <summary>
    /// Words that, anywhere in a name whose last word is <c>key</c> (<c>CacheKey</c>, <c>PartitionKey</c>,
    /// <c>ThumbprintKey</c>, <c>extPubKey</c>, <c>ConsumerKey</c>), make it a lookup key, an id, a digest, a public key or a
    /// public client identifier rather than key material: such a name never holds a key by its name alone
    /// (<c>Secrets/KeyMaterialLiterals</c>). Whole words, compared ignoring case.
    /// </summary>
    public static readonly ImmutableArray<string> NonSecretKeyQualifiers = ImmutableArray.Create(
        // Digests and what identifies a key rather than being one.
        "hash", "hashed", "digest", "thumbprint", "fingerprint", "checksum", "id", "name", "version", "kid",

        // Public halves and public identifiers (OAuth 1.0's consumer key is its client id, a publishable or reCAPTCHA site key
        // is sent to browsers; a session key is issued per user).
        "public", "pub", "xpub", "publishable", "site", "verification", "verify", "consumer", "session",

        // Lookup keys of stores, caches, maps, resources and routes.
        "cache", "caching", "resource", "resources", "storage", "registry", "idempotency", "partition", "sort", "row",
        "primary", "foreign", "composite", "unique", "index", "lookup", "dictionary", "map", "route", "routing", "localization",
        "translation", "resx", "message", "label", "text", "setting", "settings", "config", "configuration", "option",
        "options", "property", "field", "column", "table", "entity", "item", "query", "search", "group", "header", "cookie",
        "claim", "state", "tempdata", "viewdata", "metadata", "meta", "instrumentation", "telemetry", "event", "hot",
        "shortcut", "sequence", "correlation", "dedup", "deduplication", "lock", "path", "file", "folder",
        "bucket", "object", "blob", "queue", "topic", "channel", "type", "kind", "category", "prefix", "suffix", "format");

    /// <summary>
    /// Words before <c>token</c> (<c>CancellationToken</c>, <c>continuation_token</c>, <c>AntiforgeryToken</c>) that make it a
    /// cursor, a cancellation signal, an anti-forgery value or a parser's token, not a credential. Whole words, or written
    /// together with <c>token</c>, compared ignoring case (<c>Values/CredentialNames</c>).
    /// </summary>
    public static readonly ImmutableArray<string> NonCredentialTokenQualifiers = ImmutableArray.Create(
        "cancellation", "continuation", "page", "paging", "pagination", "cursor", "resume", "sync",
        "antiforgery", "csrf", "xsrf", "verification", "lexer", "syntax", "json", "parser",

        // "PublicKeyToken" written as one word, and an assembly's token (FxAssemblyToken, assembly_token): a strong name's
        // public key token, published with every assembly.
        "publickey", "assembly");

    /// <summary>
    /// Words before a credential word that make the name describe a state or an error code rather than hold a credential
    /// (<c>InvalidClientSecret = "AADSTS7000215"</c>, <c>B2CForgottenPassword = "AADB2C90118"</c>, <c>ExpiredToken</c>).
    /// Whole words, compared ignoring case (<c>Values/CredentialNames</c>).
    /// </summary>
    public static readonly ImmutableArray<string> StateQualifiers = ImmutableArray.Create(
        "invalid", "expired", "missing", "forgotten", "forgot", "wrong", "bad", "revoked", "incorrect", "unknown", "reset",

        // Ciphertext or a digest under a credential name (EncryptedPrivateKey, HashedPassword, WrappedKey…PrivateKey): the
        // SPEC's "not a secret" list; the key that decrypts it is what needs guarding.
        "encrypted", "hashed", "wrapped", "protected");

    /// <summary>
    /// Placeholders a team writes where the value goes, compared ignoring case and separators (<c>REPLACE_ME</c>,
    /// <c>replace-me</c> and <c>ReplaceMe</c> are one word). Not the JDK keystore's <c>changeit</c> nor RabbitMQ's default
    /// <c>guest</c>: beside the committed <c>.p12</c> it opens, or on the broker that still has its default account, each is
    /// a short demo value that works, which the SPEC calls a secret (in test code both stay sentinels: dictionary words).
    /// </summary>
    public static readonly ImmutableArray<string> PlaceholderWords = ImmutableArray.Create(
        "changeme", "replaceme", "yoursecret", "yourclientsecret", "yourpassword", "yourapikey", "yourkey",
        "yourtoken", "placeholder", "todo", "tbd", "fixme", "insertsecrethere", "secrethere", "notset", "none", "null",
        "redacted", "replace", "replacethis", "replacewithyourown", "notconfigured", "unset",

        // What a page or a tool shows instead of a value it hides ("ClientSecret": "obfuscated").
        "obfuscated", "masked", "hidden", "censored", "withheld", "omitted",

        // A state word given where a feature is off (configuration["…:ClientSecret"] ?? "disabled"): it switches, not opens.
        "disabled", "notused");

    /// <summary>
    /// The password of a published public login, which any client sends and no server checks: anonymous FTP's
    /// (RFC 1635, <c>new NetworkCredential("anonymous", "anonymous")</c>). Compared whole, ignoring case.
    /// </summary>
    public static readonly ImmutableArray<string> PublicLoginPasswords = ImmutableArray.Create("anonymous");

    /// <summary>
    /// Words of a parser's error message (<c>Unexpected token {token}</c>, <c>Error parsing …, missing '{token}'</c>): the
    /// token it writes is a lexer's, not a credential. Matched as parts of the message's words.
    /// </summary>
    public static readonly ImmutableArray<string> ParserMessageWords = ImmutableArray.Create(
        "parse", "parsing", "syntax", "expected", "lexer", "tokeniz");

    /// <summary>Words that start an instruction to the reader (<c>your-client-secret-here</c>, <c>Enter your password</c>).</summary>
    public static readonly ImmutableArray<string> InstructionStarts = ImmutableArray.Create(
        "your", "enter", "insert", "put", "add", "paste", "set", "replace", "provide", "use");

    /// <summary>Small words that make a run of words a sentence about the value (<c>the api key goes here</c>).</summary>
    public static readonly ImmutableArray<string> InstructionConnectives = ImmutableArray.Create(
        "here", "your", "the", "goes", "this", "that", "see", "go");

    /// <summary>
    /// Prepositions: a sentence about the value when the credential word comes before them (<c>secret-from-portal</c>,
    /// <c>secret_for_local_run</c>), but the joints of a name when it comes last (<c>cc_for_api_secret</c>,
    /// <c>api_in_protected_zone_secret</c>: what a sample registers as the demo secret of that client).
    /// </summary>
    public static readonly ImmutableArray<string> InstructionPrepositions = ImmutableArray.Create(
        "from", "of", "for", "to", "in", "with");

    /// <summary>
    /// Words that mark a value as made up, not meant to work (<c>dummy-secret</c>, <c>someSecret</c>,
    /// <c>invalid-secret-that-will-fail</c>): no secret anywhere. Not the words of <see cref="DemoMarkers"/>.
    /// </summary>
    public static readonly ImmutableArray<string> FakeMarkers = ImmutableArray.Create(
        "mock", "mocked", "fake", "dummy", "example", "stub", "invalid",
        "blah", "foo", "bar", "baz", "ignored", "some", "bogus", "unused", "wrong", "payload", "something", "whatever", "anything",

        // Values a test uses to be refused ("not_valid", "nonexistent", "expired-token"): they say what they fail at.
        "not", "nonexistent", "nonexisting", "unknown", "missing", "expired", "revoked", "incorrect", "bad");

    /// <summary>
    /// Words that name what a value is for, a test or a demo (<c>test_secret</c>, <c>demo-password</c>): such a value is
    /// registered where it is used and works, a short demo value that works, which the SPEC calls a secret outside test
    /// code; in test code it is a sentinel (<c>Values/TestSentinels</c>).
    /// </summary>
    public static readonly ImmutableArray<string> DemoMarkers = ImmutableArray.Create(
        "test", "tests", "testing", "demo", "sample");

    /// <summary>
    /// Words a made-up key is padded with to have a key's length and alphabet (<c>dummydummy…</c>): repeated, they make
    /// a value no secret (<c>SecretValueHeuristics</c>).
    /// </summary>
    public static readonly ImmutableArray<string> PaddingMarkers = ImmutableArray.Create(
        "dummy", "fake", "sample", "example", "bogus", "mock", "test", "placeholder");

    /// <summary>A credential word among other plain words names what a value stands for (<c>valid-token</c>).</summary>
    public static readonly ImmutableArray<string> DescriptiveWords = ImmutableArray.Create(
        "token", "secret", "password", "passwd", "pwd", "key", "apikey", "credential", "credentials", "assertion", "passphrase");

    /// <summary>Words that say which value of several a description stands for (<c>valid-token</c>, <c>expected-secret</c>).</summary>
    public static readonly ImmutableArray<string> DescribingQualifiers = ImmutableArray.Create(
        "valid", "correct", "good", "right", "expected", "actual", "current", "other", "another", "new", "old", "first",
        "second", "generated", "stored", "cached", "original", "updated", "refreshed", "issued");

    /// <summary>
    /// Words that only say how much (<c>superSecret</c>, <c>TopSecret</c>): before a chosen credential's word they make the demo
    /// value a sample logs in with, never a key's, a field's or a header's name (<c>Values/CredentialValueShape.IsNameOrLabel</c>).
    /// </summary>
    public static readonly ImmutableArray<string> Intensifiers = ImmutableArray.Create(
        "super", "top", "very", "ultra", "mega", "extra");

    /// <summary>
    /// The last part of every credential word (<c>secret</c>, <c>key</c>, <c>token</c>, …): what an instruction mentions
    /// (<c>YOUR_API_KEY_HERE</c>, <c>insert-token</c>).
    /// </summary>
    public static ImmutableArray<string> CredentialNouns { get; } = LastParts(CredentialWords);

    private static ImmutableArray<string> LastParts(ImmutableArray<string> words)
    {
        var nouns = ImmutableArray.CreateBuilder<string>();
        foreach (var word in words)
        {
            var noun = word.Substring(word.LastIndexOf(' ') + 1);
            if (!nouns.Contains(noun))
            {
                nouns.Add(noun);
            }
        }

        return nouns.ToImmutable();
    }
}
