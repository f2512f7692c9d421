using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>What a redirect sink takes.</summary>
internal enum RedirectUriKind
{
    /// <summary>An absolute redirect URI (<c>https://app.example.com/callback</c>, <c>http://127.0.0.1</c>, <c>com.example.app:/cb</c>).</summary>
    Absolute,

    /// <summary>A redirect URI the library resolves against the app's own origin when relative (Blazor WebAssembly, OpenIddict's client in ASP.NET Core).</summary>
    AbsoluteOrRelative,

    /// <summary>A path (<c>CallbackPath</c>): scheme and host come from the request; compared with the registered URIs' paths.</summary>
    CallbackPath,

    /// <summary>
    /// An absolute URI an authorization server registers for one of its clients (IdentityServer's <c>Client.RedirectUris</c>):
    /// judged for safety (CDS3002), never compared with this application's manifest (CDS3001).
    /// </summary>
    ServerRegistered,
}

/// <summary>The members that take a redirect URI (CDS3001, CDS3002), as data.</summary>
internal static class RedirectUriCatalog
{
    public static readonly ImmutableArray<RedirectUriSink> Members = ImmutableArray.Create(
        new RedirectUriSink("Microsoft.Identity.Client.AbstractApplicationBuilder`1", "WithRedirectUri", SinkKind.MethodArgument, "redirectUri", RedirectUriKind.Absolute),
        new RedirectUriSink("Microsoft.Identity.Client.ApplicationOptions", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),
        new RedirectUriSink("Duende.IdentityModel.OidcClient.OidcClientOptions", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),
        new RedirectUriSink("IdentityModel.OidcClient.OidcClientOptions", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),
        new RedirectUriSink("Duende.IdentityModel.Client.AuthorizationCodeTokenRequest", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),
        new RedirectUriSink("IdentityModel.Client.AuthorizationCodeTokenRequest", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),
        new RedirectUriSink("Duende.IdentityModel.Client.RequestUrlExtensions", "CreateAuthorizeUrl", SinkKind.MethodArgument, "redirectUri", RedirectUriKind.Absolute),
        new RedirectUriSink("IdentityModel.Client.RequestUrlExtensions", "CreateAuthorizeUrl", SinkKind.MethodArgument, "redirectUri", RedirectUriKind.Absolute),
        new RedirectUriSink("Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions", "CallbackPath", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.CallbackPath),
        new RedirectUriSink("Microsoft.AspNetCore.Components.WebAssembly.Authentication.OidcProviderOptions", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.AbsoluteOrRelative),
        new RedirectUriSink("Microsoft.Maui.Authentication.WebAuthenticatorOptions", "CallbackUrl", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),
        new RedirectUriSink("OpenIddict.Client.OpenIddictClientRegistration", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.AbsoluteOrRelative),
        new RedirectUriSink("Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectMessage", "RedirectUri", SinkKind.PropertyAssignment, Meaning: RedirectUriKind.Absolute),

        // Authorization servers registering their clients' redirect and post-logout URIs (each element of the collection).
        new RedirectUriSink("IdentityServer4.Models.Client", "RedirectUris", SinkKind.CollectionElement, Meaning: RedirectUriKind.ServerRegistered),
        new RedirectUriSink("IdentityServer4.Models.Client", "PostLogoutRedirectUris", SinkKind.CollectionElement, Meaning: RedirectUriKind.ServerRegistered),
        new RedirectUriSink("Duende.IdentityServer.Models.Client", "RedirectUris", SinkKind.CollectionElement, Meaning: RedirectUriKind.ServerRegistered),
        new RedirectUriSink("Duende.IdentityServer.Models.Client", "PostLogoutRedirectUris", SinkKind.CollectionElement, Meaning: RedirectUriKind.ServerRegistered),
        new RedirectUriSink("OpenIddict.Abstractions.OpenIddictApplicationDescriptor", "RedirectUris", SinkKind.CollectionElement, Meaning: RedirectUriKind.ServerRegistered),
        new RedirectUriSink("OpenIddict.Abstractions.OpenIddictApplicationDescriptor", "PostLogoutRedirectUris", SinkKind.CollectionElement, Meaning: RedirectUriKind.ServerRegistered));

    /// <summary>
    /// The <c>redirect_uri</c> field of a hand-built authorize or token request: a dictionary entry (<c>Add</c>,
    /// collection initializer, indexer), a <c>KeyValuePair</c>, a tuple, an anonymous-object member. The name is
    /// OAuth's own, so no library needs to be referenced; the value must be absolute (RFC 6749 §3.1.2).
    /// </summary>
    public static readonly RedirectUriSink FormField = new("System.Collections.Generic.IDictionary`2", OAuthParameters.RedirectUri, SinkKind.MethodArgument, Meaning: RedirectUriKind.Absolute);
}
