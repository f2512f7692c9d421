using Cadasto.Scanning;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>
/// Stand-ins for authorization-server packages the NuGet mirror does not serve (IdentityServer4, Duende
/// IdentityServer, OpenIddict's server): types with the real metadata names and member shapes, written here
/// (nothing copied). Append <see cref="Source"/> to a test source: it is block-namespaced and uses no
/// <c>using</c>, so it composes with any test code that has no file-scoped namespace.
/// </summary>
public static class AuthorizationServerStandIns
{
    /// <summary>
    /// IdentityServer4's and Duende IdentityServer's models, exactly as a scan stands in for them (the scanner's own text,
    /// <c>src/Cadasto.Scanning/IdentityServerStandInSource.cs</c>, linked into this project), and OpenIddict's server builder.
    /// </summary>
    public static readonly string Source =
        "\n" + IdentityServer(IdentityServerStandInSource.IdentityServer4) + IdentityServer(IdentityServerStandInSource.Duende) + OpenIddictServer;

    /// <summary>What a scan compiles a project that references the package against: the models and <c>HashExtensions</c>.</summary>
    public static string IdentityServer(string ns) =>
        IdentityServerStandInSource.Models(ns) + "\n" + IdentityServerStandInSource.HashExtensions(ns) + "\n";

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
