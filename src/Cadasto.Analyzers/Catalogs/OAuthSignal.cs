
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
