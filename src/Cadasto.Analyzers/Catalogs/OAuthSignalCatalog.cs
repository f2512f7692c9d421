using System.Collections.Immutable;

using Cadasto.Analyzers.OAuth;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// The library members that show which OAuth flow an application uses, as data: adding a library
/// is adding rows. Both IdentityModel namespaces are listed (Duende and the legacy package share type
/// names). Members whose library a compilation does not reference drop out when the index is built.
/// Grant and response-type values written as text (<c>grant_type=password</c>, <c>ResponseType = "token"</c>)
/// are read by <see cref="OAuthSignalFinder"/> through <see cref="OAuthText"/>.
/// </summary>
internal static class OAuthSignalCatalog
{
    private const string Msal = "Microsoft.Identity.Client.";
    private const string OpenIddictClient = "OpenIddict.Client.";
    private const string OpenIddictBuilders = "Microsoft.Extensions.DependencyInjection.";

    public static readonly ImmutableArray<OAuthSignalMember> Members = Build();

    /// <summary>The <c>grant_type</c> values of RFC 6749 and RFC 8628, and the signal each shows.</summary>
    public static readonly ImmutableDictionary<string, OAuthSignal> GrantTypes = ImmutableDictionary.CreateRange(
        System.StringComparer.Ordinal,
        new[]
        {
            Pair("client_credentials", OAuthSignal.ClientCredentialsGrant),
            Pair("password", OAuthSignal.PasswordGrant),
            Pair("authorization_code", OAuthSignal.AuthorizationCodeGrant),
            Pair("refresh_token", OAuthSignal.RefreshTokenGrant),
            Pair("urn:ietf:params:oauth:grant-type:device_code", OAuthSignal.DeviceCodeGrant),
        });

    private static ImmutableArray<OAuthSignalMember> Build()
    {
        var rows = ImmutableArray.CreateBuilder<OAuthSignalMember>();

        // MSAL.NET
        Call(rows, Msal + "IConfidentialClientApplication", "AcquireTokenForClient", OAuthSignal.ClientCredentialsGrant);
        Call(rows, Msal + "ConfidentialClientApplication", "AcquireTokenForClient", OAuthSignal.ClientCredentialsGrant);
        Call(rows, Msal + "IPublicClientApplication", "AcquireTokenByUsernamePassword", OAuthSignal.PasswordGrant);
        Call(rows, Msal + "PublicClientApplication", "AcquireTokenByUsernamePassword", OAuthSignal.PasswordGrant);
        Call(rows, Msal + "IByUsernameAndPassword", "AcquireTokenByUsernamePassword", OAuthSignal.PasswordGrant);
        Call(rows, Msal + "ConfidentialClientApplication", "AcquireTokenByUsernamePassword", OAuthSignal.PasswordGrant);
        Call(rows, Msal + "IConfidentialClientApplication", "AcquireTokenByAuthorizationCode", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, Msal + "ConfidentialClientApplication", "AcquireTokenByAuthorizationCode", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, Msal + "IPublicClientApplication", "AcquireTokenInteractive", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, Msal + "PublicClientApplication", "AcquireTokenInteractive", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, Msal + "IConfidentialClientApplication", "GetAuthorizationRequestUrl", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, Msal + "ConfidentialClientApplication", "GetAuthorizationRequestUrl", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, Msal + "IByRefreshToken", "AcquireTokenByRefreshToken", OAuthSignal.RefreshTokenGrant);
        Call(rows, Msal + "IPublicClientApplication", "AcquireTokenWithDeviceCode", OAuthSignal.DeviceCodeGrant);
        Call(rows, Msal + "PublicClientApplication", "AcquireTokenWithDeviceCode", OAuthSignal.DeviceCodeGrant);

        // IdentityModel (Duende and legacy): token requests and the HttpClient extensions that send them.
        foreach (var ns in new[] { "Duende.IdentityModel.Client.", "IdentityModel.Client." })
        {
            New(rows, ns + "ClientCredentialsTokenRequest", OAuthSignal.ClientCredentialsGrant);
            New(rows, ns + "PasswordTokenRequest", OAuthSignal.PasswordGrant);
            New(rows, ns + "AuthorizationCodeTokenRequest", OAuthSignal.AuthorizationCodeGrant);
            New(rows, ns + "RefreshTokenRequest", OAuthSignal.RefreshTokenGrant);
            New(rows, ns + "DeviceTokenRequest", OAuthSignal.DeviceCodeGrant);
            foreach (var type in new[] { ns + "HttpClientTokenRequestExtensions", ns + "TokenClient" })
            {
                Call(rows, type, "RequestClientCredentialsTokenAsync", OAuthSignal.ClientCredentialsGrant);
                Call(rows, type, "RequestPasswordTokenAsync", OAuthSignal.PasswordGrant);
                Call(rows, type, "RequestAuthorizationCodeTokenAsync", OAuthSignal.AuthorizationCodeGrant);
                Call(rows, type, "RequestRefreshTokenAsync", OAuthSignal.RefreshTokenGrant);
                Call(rows, type, "RequestDeviceTokenAsync", OAuthSignal.DeviceCodeGrant);
            }
        }

        // IdentityModel 3.x, still common in older samples: TokenClient's first generation of names.
        Call(rows, "IdentityModel.Client.TokenClient", "RequestResourceOwnerPasswordAsync", OAuthSignal.PasswordGrant);
        Call(rows, "IdentityModel.Client.TokenClient", "RequestClientCredentialsAsync", OAuthSignal.ClientCredentialsGrant);
        Call(rows, "IdentityModel.Client.TokenClient", "RequestAuthorizationCodeAsync", OAuthSignal.AuthorizationCodeGrant);

        // Duende OidcClient: always authorization code with PKCE.
        Call(rows, "Duende.IdentityModel.OidcClient.OidcClient", "LoginAsync", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, "Duende.IdentityModel.OidcClient.OidcClient", "PrepareLoginAsync", OAuthSignal.AuthorizationCodeGrant);
        Call(rows, "Duende.IdentityModel.OidcClient.OidcClient", "RefreshTokenAsync", OAuthSignal.RefreshTokenGrant);

        // OpenIddict: the client's flows (a server allowing one is ServerRegistrationCatalog's).
        foreach (var builder in new[] { OpenIddictBuilders + "OpenIddictClientBuilder" })
        {
            Call(rows, builder, "AllowImplicitFlow", OAuthSignal.ImplicitGrant);
            Call(rows, builder, "AllowPasswordFlow", OAuthSignal.PasswordGrant);
            Call(rows, builder, "AllowClientCredentialsFlow", OAuthSignal.ClientCredentialsGrant);
            Call(rows, builder, "AllowAuthorizationCodeFlow", OAuthSignal.AuthorizationCodeGrant);
            Call(rows, builder, "AllowRefreshTokenFlow", OAuthSignal.RefreshTokenGrant);
            Call(rows, builder, "AllowDeviceAuthorizationFlow", OAuthSignal.DeviceCodeGrant);
        }

        Call(rows, OpenIddictClient + "OpenIddictClientService", "AuthenticateWithPasswordAsync", OAuthSignal.PasswordGrant);
        Call(rows, OpenIddictClient + "OpenIddictClientService", "AuthenticateWithClientCredentialsAsync", OAuthSignal.ClientCredentialsGrant);
        Call(rows, OpenIddictClient + "OpenIddictClientService", "AuthenticateWithRefreshTokenAsync", OAuthSignal.RefreshTokenGrant);
        Call(rows, OpenIddictClient + "OpenIddictClientService", "AuthenticateWithDeviceAsync", OAuthSignal.DeviceCodeGrant);
        Call(rows, OpenIddictClient + "OpenIddictClientService", "ChallengeUsingDeviceAsync", OAuthSignal.DeviceCodeGrant);
        Call(rows, OpenIddictClient + "OpenIddictClientService", "ChallengeInteractivelyAsync", OAuthSignal.AuthorizationCodeGrant);

        return rows.ToImmutable();
    }

    private static void Call(ImmutableArray<OAuthSignalMember>.Builder rows, string type, string member, OAuthSignal signal) =>
        rows.Add(new OAuthSignalMember(type, member, SinkKind.MethodArgument, Meaning: signal));

    private static void New(ImmutableArray<OAuthSignalMember>.Builder rows, string type, OAuthSignal signal) =>
        rows.Add(new OAuthSignalMember(type, OAuthSignalMember.Constructor, SinkKind.ConstructorArgument, Meaning: signal));

    private static System.Collections.Generic.KeyValuePair<string, OAuthSignal> Pair(string key, OAuthSignal value) => new(key, value);
}
