namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>
/// Stand-ins for authorization-server packages the NuGet mirror does not serve (IdentityServer4, Duende
/// IdentityServer, OpenIddict's server): types with the real metadata names and member shapes, written here
/// (nothing copied). Append <see cref="Source"/> to a test source: it is block-namespaced and uses no
/// <c>using</c>, so it composes with any test code that has no file-scoped namespace.
/// </summary>
public static class AuthorizationServerStandIns
{
    /// <summary>IdentityServer4's and Duende IdentityServer's client model, and OpenIddict's server builder.</summary>
    public static readonly string Source =
        "\n" + IdentityServerModels("IdentityServer4.Models") + IdentityServerModels("Duende.IdentityServer.Models") + OpenIddictServer;

    private static string IdentityServerModels(string ns) => $$"""
        namespace {{ns}}
        {
            public static class GrantType
            {
                public const string Implicit = "implicit";
                public const string Hybrid = "hybrid";
                public const string AuthorizationCode = "authorization_code";
                public const string ClientCredentials = "client_credentials";
                public const string ResourceOwnerPassword = "password";
                public const string DeviceFlow = "urn:ietf:params:oauth:grant-type:device_code";
            }

            public class GrantTypes
            {
                public static System.Collections.Generic.ICollection<string> Implicit => Of(GrantType.Implicit);
                public static System.Collections.Generic.ICollection<string> ImplicitAndClientCredentials => Of(GrantType.Implicit, GrantType.ClientCredentials);
                public static System.Collections.Generic.ICollection<string> Code => Of(GrantType.AuthorizationCode);
                public static System.Collections.Generic.ICollection<string> CodeAndClientCredentials => Of(GrantType.AuthorizationCode, GrantType.ClientCredentials);
                public static System.Collections.Generic.ICollection<string> Hybrid => Of(GrantType.Hybrid);
                public static System.Collections.Generic.ICollection<string> HybridAndClientCredentials => Of(GrantType.Hybrid, GrantType.ClientCredentials);
                public static System.Collections.Generic.ICollection<string> ClientCredentials => Of(GrantType.ClientCredentials);
                public static System.Collections.Generic.ICollection<string> ResourceOwnerPassword => Of(GrantType.ResourceOwnerPassword);
                public static System.Collections.Generic.ICollection<string> ResourceOwnerPasswordAndClientCredentials => Of(GrantType.ResourceOwnerPassword, GrantType.ClientCredentials);
                public static System.Collections.Generic.ICollection<string> DeviceFlow => Of(GrantType.DeviceFlow);

                private static System.Collections.Generic.ICollection<string> Of(params string[] grants) => new System.Collections.Generic.List<string>(grants);
            }

            public class Client
            {
                public string ClientId { get; set; }
                public string ClientName { get; set; }
                public bool RequireClientSecret { get; set; } = true;
                public System.Collections.Generic.ICollection<string> AllowedGrantTypes { get; set; } = new System.Collections.Generic.HashSet<string>();
                public bool RequirePkce { get; set; } = true;
                public bool AllowPlainTextPkce { get; set; }
                public bool AllowAccessTokensViaBrowser { get; set; }
                public bool AllowOfflineAccess { get; set; }
                public System.Collections.Generic.ICollection<string> RedirectUris { get; set; } = new System.Collections.Generic.HashSet<string>();
                public System.Collections.Generic.ICollection<string> PostLogoutRedirectUris { get; set; } = new System.Collections.Generic.HashSet<string>();
                public string FrontChannelLogoutUri { get; set; }
                public System.Collections.Generic.ICollection<string> AllowedCorsOrigins { get; set; } = new System.Collections.Generic.HashSet<string>();
                public System.Collections.Generic.ICollection<string> AllowedScopes { get; set; } = new System.Collections.Generic.HashSet<string>();
            }
        }

        """;

    private const string OpenIddictServer = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public sealed class OpenIddictServerBuilder
            {
                public OpenIddictServerBuilder AllowAuthorizationCodeFlow() => this;
                public OpenIddictServerBuilder AllowClientCredentialsFlow() => this;
                public OpenIddictServerBuilder AllowDeviceAuthorizationFlow() => this;
                public OpenIddictServerBuilder AllowImplicitFlow() => this;
                public OpenIddictServerBuilder AllowPasswordFlow() => this;
                public OpenIddictServerBuilder AllowRefreshTokenFlow() => this;
                public OpenIddictServerBuilder RequireProofKeyForCodeExchange() => this;
                public OpenIddictServerBuilder SetAuthorizationEndpointUris(params string[] uris) => this;
                public OpenIddictServerBuilder SetTokenEndpointUris(params string[] uris) => this;
            }

            public static class OpenIddictServerExtensions
            {
                public static OpenIddictBuilder AddServer(this OpenIddictBuilder builder, System.Action<OpenIddictServerBuilder> configuration) => builder;
            }
        }

        """;
}
