using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// Members that an older major version of a shipped library had and today's no longer has, with the names of the
/// parameters that took text, by position: data only. Code written against the old version (an old-style project's
/// <c>packages.config</c> pins IdentityModel 1.9) and compiled against today's (a source-only scan ships today's) does
/// not bind — the type resolves, the overload does not — so its arguments have no parameter; these names are what the
/// old version called them, which is all CDS1002 asks of a positional argument (a name-based match, never a sink). A
/// build against the old version binds the call and needs no row.
/// </summary>
internal static class LegacySignatureCatalog
{
    private const string Ctor = CatalogMember<bool>.Constructor;

    public static readonly ImmutableArray<LegacySignature> Default = ImmutableArray.Create(
        // IdentityModel 1.x–3.x (removed in 4.0): the client's credentials went to the clients' constructors, the user's
        // password and a refresh token to TokenClient's requests (extension methods of TokenClientExtensions). Only types
        // today's package still declares are listed (TokenRevocationClient and the 1.x UserInfoClient(endpoint, token) are
        // gone): a shipped package's row needs its type to resolve.
        new LegacySignature("IdentityModel.Client.TokenClient", Ctor, "address", "clientId", "clientSecret"),
        new LegacySignature("IdentityModel.Client.IntrospectionClient", Ctor, "endpoint", "clientId", "clientSecret"),
        new LegacySignature("IdentityModel.Client.TokenClient", "RequestResourceOwnerPasswordAsync", "userName", "password", "scope"),
        new LegacySignature("IdentityModel.Client.TokenClient", "RequestRefreshTokenAsync", "refreshToken"),
        new LegacySignature("IdentityModel.Client.TokenClient", "RequestRefreshTokenPopAsync", "refreshToken"),

        // Thinktecture.IdentityModel.Client 1.x–3.x, IdentityModel's predecessor (2013–2015 samples): no version of it is
        // shipped, so its type never resolves; its rows match the type's name where the file imports its namespace.
        new LegacySignature("Thinktecture.IdentityModel.Client.OAuth2Client", Ctor, "address", "clientId", "clientSecret"),
        new LegacySignature("Thinktecture.IdentityModel.Client.OAuth2Client", "RequestResourceOwnerPasswordAsync", "userName", "password", "scope"),
        new LegacySignature("Thinktecture.IdentityModel.Client.OAuth2Client", "RequestRefreshTokenAsync", "refreshToken"));
}

/// <summary>
/// <paramref name="TypeMetadataName"/>'s member <paramref name="MemberName"/> (<c>.ctor</c> for a constructor) as an old
/// version declared it: the names of its leading text parameters, in order (every overload of the old version that took
/// text at a position named it so).
/// </summary>
internal sealed record LegacySignature(string TypeMetadataName, string MemberName, params string[] ParameterNames);
