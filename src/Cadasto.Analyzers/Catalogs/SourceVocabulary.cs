using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// The words (lower case) a C# file must hold for a Cadasto rule to find something in it without a string literal:
/// every finding in C# lands on a literal, or on an OAuth call, creation or member whose name, or the name of what
/// feeds it, holds one of these (<c>AcquireTokenForClient</c>, <c>PasswordTokenRequest</c>, <c>UsePkce</c>,
/// <c>ResponseType</c>, <c>ClientSecret</c>, a secret read from <c>Environment</c> or <c>IConfiguration</c>). The
/// scanner's prefilter reads it, with the names the user's options add (<see cref="UserNames"/>).
/// </summary>
internal static class SourceVocabulary
{
    public static readonly ImmutableArray<string> Words = CredentialWordsAsWritten().AddRange(
        "api_key", "pkce", "grant", "flow", "authoriz",
        "oauth", "oidc", "openid", "identity", "authority", "scope", "redirect", "callback", "responsetype",
        "cadasto", "environment", "configuration", "vault");

    /// <summary>
    /// The credential words as a name holds them in lower case (<c>api key</c> as <c>apikey</c>; <c>pass_phrase</c> by
    /// its <c>phrase</c>).
    /// </summary>
    private static ImmutableArray<string> CredentialWordsAsWritten()
    {
        var words = ImmutableArray.CreateBuilder<string>();
        foreach (var word in SecretVocabulary.CredentialWords)
        {
            words.Add(word.Replace(" ", ""));
        }

        // A word also written as two (pass_phrase): its last part, which every such name holds.
        foreach (var (_, spelling) in SecretVocabulary.CredentialSpellings)
        {
            words.Add(spelling.Substring(spelling.LastIndexOf(' ') + 1));
        }

        return words.ToImmutable();
    }

    /// <summary>
    /// The names a file must mention to reach a sink of <c>cadasto_secret_sinks</c> (a member's name, a constructor's
    /// type name), read as the rules read the option (<see cref="SecretSinkCatalog.ParseUserSinks"/>).
    /// </summary>
    public static IEnumerable<string> UserSinkNames(string? secretSinksOption)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sink in SecretSinkCatalog.ParseUserSinks(secretSinksOption))
        {
            names.Add(sink.MemberName == SecretSink.Constructor ? sink.TypeName : sink.MemberName);
        }

        return names;
    }
}
