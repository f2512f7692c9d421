using System;
using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// What a connection string's keywords mean, for every rule that reads one: CDS1003 on a literal in code and CDS1004
/// on a value in a configuration file give the same verdict on the same string.
/// </summary>
internal static class ConnectionStringCatalog
{
    /// <summary>Keywords whose value is a credential (compared ignoring case, blanks and underscores: <c>Account Key</c>, <c>Shared_Access_Key</c>).</summary>
    public static readonly ImmutableArray<string> SecretKeywords = ImmutableArray.Create(
        "password", "pwd", "accountkey", "sharedaccesskey", "sharedaccesssignature", "accesskey", "secretkey");

    /// <summary>The keywords of <see cref="SecretKeywords"/> whose value is a password (the others hold keys).</summary>
    public static readonly ImmutableArray<string> PasswordKeywords = ImmutableArray.Create("password", "pwd");

    /// <summary>The Azurite storage emulator's account: a connection string naming it is a local emulator's.</summary>
    public const string DevelopmentStorageAccountName = "devstoreaccount1";

    /// <summary>The emulators' account keys, published in Microsoft's documentation (Azurite, the Cosmos DB emulator): not secrets.</summary>
    public static readonly ImmutableArray<string> EmulatorKeys = ImmutableArray.Create(
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==");

    /// <summary>
    /// Local emulators that accept any credential, by the loopback port they listen on: LocalStack's edge port (4566) and
    /// its former per-service ports (4567–4597). A dummy access key set beside such an endpoint unlocks nothing.
    /// (DynamoDB Local's 8000 is every other development server's port too: not known by port alone.)
    /// </summary>
    public const int AnyCredentialEmulatorFirstPort = 4566;

    /// <summary>The last port of <see cref="AnyCredentialEmulatorFirstPort"/>'s range.</summary>
    public const int AnyCredentialEmulatorLastPort = 4597;

    /// <summary>
    /// The names an emulator of <see cref="AnyCredentialEmulatorFirstPort"/> is reached by besides a loopback host (which
    /// <c>OAuth/RedirectUriMatcher.IsLoopbackHost</c> knows): LocalStack's container name and its loopback DNS name.
    /// </summary>
    public static readonly ImmutableArray<string> EmulatorHostNames = ImmutableArray.Create("localstack", "localhost.localstack.cloud");

    /// <summary>Whether <paramref name="keyword"/> (as written before <c>=</c>) is one of <see cref="SecretKeywords"/>.</summary>
    public static bool IsSecretKeyword(string keyword) => IndexOf(SecretKeywords, keyword) >= 0;

    /// <summary>Whether <paramref name="keyword"/> is one of <see cref="PasswordKeywords"/>.</summary>
    public static bool IsPasswordKeyword(string keyword) => IndexOf(PasswordKeywords, keyword) >= 0;

    /// <summary>Whether the whole string belongs to a local emulator (the Azurite account, or an emulator's published key).</summary>
    public static bool IsEmulator(string connectionString)
    {
        if (connectionString.IndexOf(DevelopmentStorageAccountName, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        foreach (var key in EmulatorKeys)
        {
            if (connectionString.IndexOf(key, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(ImmutableArray<string> keywords, string keyword)
    {
        var compact = keyword.Trim().Replace(" ", string.Empty).Replace("_", string.Empty);
        for (var i = 0; i < keywords.Length; i++)
        {
            if (string.Equals(compact, keywords[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
