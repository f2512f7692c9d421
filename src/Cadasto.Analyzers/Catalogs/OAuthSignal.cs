
namespace Cadasto.Analyzers.Catalogs;

/// <summary>What a piece of code shows about the OAuth flow the application uses.</summary>
internal enum OAuthSignal
{
    /// <summary>A client secret is handed to an OAuth library (a CDS1001 sink, or a <c>client_secret</c> field).</summary>
    ClientSecret,

    /// <summary>The client-credentials grant (RFC 6749 §4.4): machine to machine, confidential clients only.</summary>
    ClientCredentialsGrant,

    /// <summary>The resource-owner password grant (RFC 6749 §4.3), forbidden by RFC 9700 §2.4.</summary>
    PasswordGrant,

    /// <summary>The implicit grant (RFC 6749 §4.2): a response type that includes <c>token</c>, forbidden by RFC 9700 §2.1.2.</summary>
    ImplicitGrant,

    /// <summary>The authorization-code grant (RFC 6749 §4.1).</summary>
    AuthorizationCodeGrant,

    /// <summary>The refresh-token grant (RFC 6749 §6).</summary>
    RefreshTokenGrant,

    /// <summary>The device authorization grant (RFC 8628).</summary>
    DeviceCodeGrant,
}

/// <summary>How a catalogued member shows its signal.</summary>
internal enum SignalSite
{
    /// <summary>Calling the method.</summary>
    Invocation,

    /// <summary>Creating an instance of the type (the member name is ignored).</summary>
    ObjectCreation,

    /// <summary>
    /// Reading the static property as the value of a server's client registration (IdentityServer's
    /// <c>AllowedGrantTypes = GrantTypes.Implicit</c>); read anywhere else it shows nothing.
    /// </summary>
    RegistrationValue,
}

/// <summary>Whose flow a signal is.</summary>
internal enum OAuthParty
{
    /// <summary>The application itself uses the flow (it is an OAuth client).</summary>
    Client,

    /// <summary>
    /// An authorization server allows one of its clients the flow (OpenIddict's server builder, an IdentityServer
    /// <c>Client</c> registration): not a flow this application uses, so never CDS2001 or CDS2005.
    /// </summary>
    Server,
}

/// <summary>What a member of an authorization server's client registration holds.</summary>
internal enum RegistrationSetting
{
    /// <summary>The grant types the server allows the client (a collection of <c>grant_type</c> values).</summary>
    AllowedGrantTypes,

    /// <summary>Whether the server requires PKCE from the client (a <see langword="bool"/>).</summary>
    RequirePkce,
}

/// <summary>
/// One row of the catalogue: <paramref name="TypeMetadataName"/>'s <paramref name="MemberName"/> shows <paramref name="Signal"/>,
/// for <paramref name="Party"/>.
/// </summary>
internal sealed record OAuthSignalMember(string TypeMetadataName, string MemberName, SignalSite Site, OAuthSignal Signal, OAuthParty Party = OAuthParty.Client)
{
    /// <summary>The short name shown in messages, e.g. <c>AcquireTokenForClient</c> or <c>PasswordTokenRequest</c>.</summary>
    public string DisplayName
    {
        get
        {
            if (Site == SignalSite.Invocation)
            {
                return MemberName;
            }

            var lastDot = TypeMetadataName.LastIndexOf('.');
            return lastDot < 0 ? TypeMetadataName : TypeMetadataName.Substring(lastDot + 1);
        }
    }
}

/// <summary>
/// A member of an authorization server's client registration (<paramref name="TypeMetadataName"/>'s property
/// <paramref name="MemberName"/>) and what it holds; <paramref name="ValuePrefix"/> is what the server writes before a
/// grant type in that collection (OpenIddict's permissions: <c>gt:implicit</c>).
/// </summary>
internal sealed record RegistrationMember(string TypeMetadataName, string MemberName, RegistrationSetting Setting, string ValuePrefix = "");
