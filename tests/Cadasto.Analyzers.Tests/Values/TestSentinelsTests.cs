using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

public sealed class TestSentinelsTests
{
    [Theory]
    [InlineData("test-signing-key-must-be-at-least-32-bytes")]
    [InlineData("root-configured-password")]
    [InlineData("unit_test_signing_secret_value")]
    [InlineData("pass")]
    [InlineData("P@ssw0rd123!")]
    [InlineData("user2_password")] // a numbered user's password
    [InlineData("valid-backup-code-12345")] // a phrase padded with a counting run
    [InlineData("test-pricing-key-0123456789abcdef")]
    [InlineData("CurrentP@ss!")] // a qualifier dressed up
    [InlineData("{\"Key1\":\"WebauthnToken\"}")] // a JSON fixture of names
    [InlineData("321Pa$$word!")] // digits before a dressed-up word
    [InlineData("Whatever99!")] // a word that says it is made up
    [InlineData("unit-test-signing-key-that-is-at-least-32-chars-long!!")] // a sentence with its punctuation
    [InlineData("hook-test-secret-9c2e")] // a phrase with a short tag
    [InlineData("valid-backup-code-67890")] // a keyboard row's digits
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.invalid")] // a JWT's form, deliberately unsigned
    [InlineData("ewogICJ0eXAiOiAiSldUIiwKICAiYWxnIjogIlJTMjU2Igp9.ewogICJuYW1lIjogIlRlc3QiCn0=.")] // a JWT's form, its header with whitespace, unsigned
    [InlineData("38323A4B-6CB2-41B8-B457-1951987CB383")] // a GUID: what a test makes up for every id and token
    [InlineData("{5f0c2a8e-1b7d-4c3e-9a6f-2d8b4e1c7a90}")]
    [InlineData("/contosoOptionsClientSecret")] // an option's own name in camelCase words, as a test of option merging spells it
    [InlineData("FabrikamSignInPolicyId")] // PascalCase words and a short tag
    [InlineData("Lab-App-SVCRUNNER")] // words in capitals
    [InlineData("t4-tenant-token")] // which mock token it is: short tags among words
    [InlineData("pooled-token-b2c3")]
    [InlineData("thisismysecret0123456789")] // a sentence run together, padded with a counting run
    [InlineData("longenoughtosatisfythekeysizerequirement!")] // a sentence run together, with its punctuation
    [InlineData("t3-refresh-b2")]
    [InlineData("Definitelynotmypassword1234")] // a deliberately wrong password: a sentence run together, capitalised, counted
    [InlineData("unknownsession1234567890abc")] // padded with a count that runs on into the alphabet
    [InlineData("64b7f3a2c91e4d0012ab34ce")] // MongoDB's ObjectId: an id
    [InlineData("64B7F3A2C91E4D0012AB34CF")]
    [InlineData(@"abcde12345!@#$%/\")] // runs of keys in order: the alphabet, the digit row, the same row shifted
    [InlineData("qwerty123456!@#$")]
    [InlineData("refreshed1_refresh_token")] // a fixture's own name, numbered for the test's second refresh
    [InlineData("rotated2-client-secret")]
    public void SentinelOrPhrase_ShouldNotLookReal(string value) => Assert.False(TestSentinels.LooksReal(value));

    [Theory]
    [InlineData("k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0")]
    [InlineData("q8zxn3vr7mt2pl9wk4bh6cj1fd5sg0aye2uo")]
    [InlineData("ghp_L7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9Q")]
    [InlineData("x7-kq2-zz9w-b4r8-mn3p")] // words of letters and digits mixed: random
    [InlineData("{\"apiKey\":\"q8ZxN3vR7mT2pL9wK4bH6cJ1\"}")] // a JSON fixture holding a random key
    [InlineData("Summer2024Dog!x")] // digits between words that are no sentinel words
    [InlineData("hJqWkLmNbVcXzRtYpQsD")] // random letters of both cases split into no words
    [InlineData("QmXvLp/RzWnBtYcHdF")]
    [InlineData("5TqwNorbeyWWelik")] // random, yet two of its pieces can be pronounced
    [InlineData("XAMO-RUTE-BILK-QUNA-TEVO")] // random four-letter groups, pronounceable by chance
    [InlineData("a3f9-beca-77d1-0e2c-dabe")] // hex groups, some of them letters only
    [InlineData("Qk9xLm2R.vT8wZp4N.c7Hd5Fj1")] // dotted random segments: the first decodes to no JSON
    [InlineData("qzxvkwtrhmplnbdjgfscw!")] // lower-case letters and a symbol, unreadable: random
    [InlineData("xkqvbnmtrwpzlhgd0123456789")] // a counting run after random letters
    [InlineData("thisismysecret8f3k2q9x")] // words, then random letters and digits
    [InlineData("Qzxvkwtrhmplnbdjgfsc1234")] // a capital, then unreadable letters: random
    [InlineData("unknownsession8f3k2q9x7m")] // words, then no count
    [InlineData("9f3e7a1c5b2d8e4f6a0c3b7d9e1f5a2c")] // 32 hex digits: a key's length, not an ObjectId's
    [InlineData("64b7f3A2c91e4d0012aB34ce")] // 24 hex digits in both cases: no ObjectId as written
    [InlineData("qwerty8f3k2q9x!Zr7")] // a keyboard run, then random characters
    [InlineData("107f80e222f828767efc2f91624a8940")] // 32 hex digits with repeats (3.4 bits each): an API key's length, random
    public void RandomOrKnownFormat_ShouldLookReal(string value) => Assert.True(TestSentinels.LooksReal(value));

    [Theory]
    [InlineData("!QAZ2wsx#EDC")] // keyboard columns from a digit down, dressed with symbols
    [InlineData("1qaz2wsx3edc")]
    [InlineData("!QAZ2wsxsomeshop")] // a keyboard column and words: short of a key's length
    [InlineData("2048thisisfortysixcharsbutnotavalidkeyforyou57")] // words counted to a key's length
    [InlineData("QEMTXEQ5UU6UZDD4AMK57TQ46I==")] // a key's length, but its characters repeat: under four bits each
    [InlineData("9f3e7a1c5b2d8e4f6a0c")] // 20 hex digits: short of a hex key
    public void ProbeInADataRow_ShouldNotLookReal(string value) => Assert.False(TestSentinels.LooksRealInADataRow(value));

    [Theory]
    [InlineData("Tq8Lm2Xv9Rw4Kp7Ns1Bd5Hg3Jf6=")] // a base64 key of 20 bytes
    [InlineData("oy2kqvmzr7xtwpln4bdjcfh9sg3qzxvkwt8rmpld6nbc2q")] // a provider's key of one case: runs of consonants
    [InlineData("9f3e7a1c5b2d8e4f6a0c3b7d9e1f5a2c")] // 32 hex digits
    [InlineData("ghp_L7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9Q")] // a known format
    public void KeyInADataRow_ShouldLookReal(string value) => Assert.True(TestSentinels.LooksRealInADataRow(value));
}
