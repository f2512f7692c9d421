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

    public static readonly ImmutableArray<CatalogMember<ImmutableArray<string>>> Default = ImmutableArray.Create(
        // IdentityModel 1.x–3.x (removed in 4.0): the client's credentials went to the clients' constructors, the user's
        // password and a refresh token to TokenClient's requests (extension methods of TokenClientExtensions). Only types
        // today's package still declares are listed (TokenRevocationClient and the 1.x UserInfoClient(endpoint, token) are
        // gone): a shipped package's row needs its type to resolve.
        Row("IdentityModel.Client.TokenClient", Ctor, SinkKind.ConstructorArgument, "address", "clientId", "clientSecret"),
        Row("IdentityModel.Client.IntrospectionClient", Ctor, SinkKind.ConstructorArgument, "endpoint", "clientId", "clientSecret"),
        Row("IdentityModel.Client.TokenClient", "RequestResourceOwnerPasswordAsync", SinkKind.MethodArgument, "userName", "password", "scope"),
        Row("IdentityModel.Client.TokenClient", "RequestRefreshTokenAsync", SinkKind.MethodArgument, "refreshToken"),
        Row("IdentityModel.Client.TokenClient", "RequestRefreshTokenPopAsync", SinkKind.MethodArgument, "refreshToken"),

        // Thinktecture.IdentityModel.Client 1.x–3.x, IdentityModel's predecessor (2013–2015 samples): no version of it is
        // shipped, so its type never resolves; its rows match the type's name where the file imports its namespace.
        Row("Thinktecture.IdentityModel.Client.OAuth2Client", Ctor, SinkKind.ConstructorArgument, "address", "clientId", "clientSecret"),
        Row("Thinktecture.IdentityModel.Client.OAuth2Client", "RequestResourceOwnerPasswordAsync", SinkKind.MethodArgument, "userName", "password", "scope"),
        Row("Thinktecture.IdentityModel.Client.OAuth2Client", "RequestRefreshTokenAsync", SinkKind.MethodArgument, "refreshToken"));

    /// <summary>
    /// A row of the one member-based row type: the type's member as the old version declared it, its meaning the names of
    /// its leading text parameters, in order (every overload of the old version that took text at a position named it so).
    /// </summary>
    private static CatalogMember<ImmutableArray<string>> Row(string typeMetadataName, string memberName, SinkKind kind, params string[] parameterNames) =>
        new(typeMetadataName, memberName, kind, Meaning: ImmutableArray.Create(parameterNames));
}
