using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>What a member of an authorization server's API is to the flows the server allows its clients.</summary>
internal enum RegistrationRole
{
    /// <summary>
    /// Calling it (OpenIddict's server builder <c>AllowImplicitFlow()</c>) or putting it into a client's grant types
    /// (IdentityServer's named set <c>GrantTypes.Implicit</c>) allows the row's flow.
    /// </summary>
    AllowsFlow,

    /// <summary>A client registration's grant-type collection; its values are <c>grant_type</c>s after the row's prefix.</summary>
    GrantTypes,
}

/// <summary>
/// The meaning of a <see cref="ServerRegistrationCatalog"/> row: its <paramref name="Role"/>, the flow it allows
/// (<paramref name="Signal"/>, for <see cref="RegistrationRole.AllowsFlow"/>), and what the server writes before a grant
/// type in a grant-type collection (<paramref name="ValuePrefix"/>: OpenIddict's permissions, <c>gt:implicit</c>).
/// </summary>
internal sealed record ServerRegistration(RegistrationRole Role, OAuthSignal Signal = default, string ValuePrefix = "");

/// <summary>
/// Authorization servers' APIs for allowing flows to their clients, as data (CDS2002–CDS2004): OpenIddict's server
/// builder, IdentityServer4's and Duende IdentityServer's <c>Client</c> model and named grant-type sets, OpenIddict's
/// application descriptor. A server allowing a flow is not the application using it: the findings these rows give are
/// <see cref="OAuthParty.Server"/>, never CDS2001 or CDS2005.
/// </summary>
internal static class ServerRegistrationCatalog
{
    public static readonly ImmutableArray<ServerRegistrationMember> Members = Build();

    /// <summary>The grant types a client registration may hold, and the flow each is: the protocol's and the two only servers name.</summary>
    public static readonly ImmutableDictionary<string, OAuthSignal> GrantTypes = OAuthSignalCatalog.GrantTypes.AddRange(new[]
    {
        new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("implicit", OAuthSignal.ImplicitGrant),
        new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("hybrid", OAuthSignal.AuthorizationCodeGrant),
    });

    /// <summary>
    /// IdentityServer's <c>GrantType</c> constants by name and the flow each is, for code whose package did not resolve
    /// (a source-only scan with nothing restored), where a constant has no value to read.
    /// </summary>
    public static readonly ImmutableDictionary<string, OAuthSignal> UnboundGrantTypeConstants = ImmutableDictionary.CreateRange(
        System.StringComparer.Ordinal,
        new[]
        {
            new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("Implicit", OAuthSignal.ImplicitGrant),
            new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("Hybrid", OAuthSignal.AuthorizationCodeGrant),
            new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("AuthorizationCode", OAuthSignal.AuthorizationCodeGrant),
            new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("ClientCredentials", OAuthSignal.ClientCredentialsGrant),
            new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("ResourceOwnerPassword", OAuthSignal.PasswordGrant),
            new System.Collections.Generic.KeyValuePair<string, OAuthSignal>("DeviceFlow", OAuthSignal.DeviceCodeGrant),
        });

    private static ImmutableArray<ServerRegistrationMember> Build()
    {
        var rows = ImmutableArray.CreateBuilder<ServerRegistrationMember>();

        const string openIddictServer = "Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder";
        Allows(rows, openIddictServer, "AllowImplicitFlow", SinkKind.MethodArgument, OAuthSignal.ImplicitGrant);
        Allows(rows, openIddictServer, "AllowPasswordFlow", SinkKind.MethodArgument, OAuthSignal.PasswordGrant);
        Allows(rows, openIddictServer, "AllowClientCredentialsFlow", SinkKind.MethodArgument, OAuthSignal.ClientCredentialsGrant);
        Allows(rows, openIddictServer, "AllowAuthorizationCodeFlow", SinkKind.MethodArgument, OAuthSignal.AuthorizationCodeGrant);
        Allows(rows, openIddictServer, "AllowRefreshTokenFlow", SinkKind.MethodArgument, OAuthSignal.RefreshTokenGrant);
        Allows(rows, openIddictServer, "AllowDeviceAuthorizationFlow", SinkKind.MethodArgument, OAuthSignal.DeviceCodeGrant);

        // IdentityServer4 and Duende IdentityServer share type and member names. A named set that adds client
        // credentials to a user flow shows the user flow (the one the rules judge).
        foreach (var ns in new[] { "IdentityServer4.Models.", "Duende.IdentityServer.Models." })
        {
            rows.Add(new ServerRegistrationMember(ns + "Client", "AllowedGrantTypes", SinkKind.PropertyAssignment, Meaning: new ServerRegistration(RegistrationRole.GrantTypes)));
            Allows(rows, ns + "GrantTypes", "Implicit", SinkKind.PropertyAssignment, OAuthSignal.ImplicitGrant);
            Allows(rows, ns + "GrantTypes", "ImplicitAndClientCredentials", SinkKind.PropertyAssignment, OAuthSignal.ImplicitGrant);
            Allows(rows, ns + "GrantTypes", "ResourceOwnerPassword", SinkKind.PropertyAssignment, OAuthSignal.PasswordGrant);
            Allows(rows, ns + "GrantTypes", "ResourceOwnerPasswordAndClientCredentials", SinkKind.PropertyAssignment, OAuthSignal.PasswordGrant);
            Allows(rows, ns + "GrantTypes", "Code", SinkKind.PropertyAssignment, OAuthSignal.AuthorizationCodeGrant);
            Allows(rows, ns + "GrantTypes", "CodeAndClientCredentials", SinkKind.PropertyAssignment, OAuthSignal.AuthorizationCodeGrant);
            Allows(rows, ns + "GrantTypes", "Hybrid", SinkKind.PropertyAssignment, OAuthSignal.AuthorizationCodeGrant);
            Allows(rows, ns + "GrantTypes", "HybridAndClientCredentials", SinkKind.PropertyAssignment, OAuthSignal.AuthorizationCodeGrant);
            Allows(rows, ns + "GrantTypes", "ClientCredentials", SinkKind.PropertyAssignment, OAuthSignal.ClientCredentialsGrant);
            Allows(rows, ns + "GrantTypes", "DeviceFlow", SinkKind.PropertyAssignment, OAuthSignal.DeviceCodeGrant);
        }

        // OpenIddict's server: an application's permissions name its grant types as "gt:<grant_type>".
        rows.Add(new ServerRegistrationMember("OpenIddict.Abstractions.OpenIddictApplicationDescriptor", "Permissions", SinkKind.PropertyAssignment, Meaning: new ServerRegistration(RegistrationRole.GrantTypes, ValuePrefix: "gt:")));
        return rows.ToImmutable();
    }

    private static void Allows(ImmutableArray<ServerRegistrationMember>.Builder rows, string type, string member, SinkKind kind, OAuthSignal signal) =>
        rows.Add(new ServerRegistrationMember(type, member, kind, Meaning: new ServerRegistration(RegistrationRole.AllowsFlow, signal)));
}
