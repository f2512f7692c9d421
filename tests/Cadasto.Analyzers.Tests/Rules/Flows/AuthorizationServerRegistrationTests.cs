using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

/// <summary>
/// An authorization server's client registrations, seen by every flow and redirect rule at once: the server allowing a
/// flow to a client is not the application using it, so a registration gets the rule about the flow it allows (CDS2002,
/// CDS2003, CDS2004, CDS3002) and never CDS2001 (client credentials in a public client), CDS2005 (a flow the manifest does
/// not declare) or CDS3001 (a redirect URI the manifest does not register); one finding per place.
/// </summary>
public sealed class AuthorizationServerRegistrationTests
{
    private const string IdentityServerConfig = """
        using System.Collections.Generic;
        using Microsoft.Extensions.DependencyInjection;
        using IdentityServer4.Models;

        public static class Config
        {
            public static IEnumerable<Client> Clients => new List<Client>
            {
                new Client
                {
                    ClientId = "m2m",
                    AllowedGrantTypes = GrantTypes.ClientCredentials,
                    AllowedScopes = { "api1" },
                },
                new Client
                {
                    ClientId = "spa",
                    AllowedGrantTypes = {|CDS2002:GrantTypes.ImplicitAndClientCredentials|},
                    RedirectUris = { {|CDS3002:"http://spa.example.com/callback.html"|} },
                },
                new Client
                {
                    ClientId = "ro",
                    AllowedGrantTypes = { {|CDS2003:GrantType.ResourceOwnerPassword|}, GrantType.ClientCredentials },
                },
                new Client
                {
                    ClientId = "mvc",
                    AllowedGrantTypes = GrantTypes.CodeAndClientCredentials,
                    {|CDS2004:RequirePkce = false|},
                    RedirectUris = { "https://mvc.example.com/signin-oidc" },
                    PostLogoutRedirectUris = { "https://mvc.example.com/signout-callback-oidc" },
                },
            };

            public static void AddServer(IServiceCollection services) =>
                services.AddOpenIddict().AddServer(options =>
                {
                    options.AllowClientCredentialsFlow();
                    options.AllowAuthorizationCodeFlow();
                    {|CDS2003:options.AllowPasswordFlow()|};
                });
        }
        """;

    private static readonly DiagnosticAnalyzer[] Analyzers =
    {
        new SecretInPublicClientAnalyzer(),
        new ImplicitGrantAnalyzer(),
        new PasswordGrantAnalyzer(),
        new MissingPkceAnalyzer(),
        new UndeclaredFlowAnalyzer(),
        new UnregisteredRedirectUriAnalyzer(),
        new InsecureRedirectUriAnalyzer(),
    };

    [Fact]
    public Task RegistrationsInAServerWithAManifest_ShouldReportOnlyTheFlowsTheyAllow()
    {
        // The server itself is a Cadasto client that only calls an API with client credentials.
        var test = new Test { TestCode = IdentityServerConfig + AuthorizationServerStandIns.Source };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", """
            {
              "application": "identity",
              "contact": { "name": "Jane Doe", "email": "jane@example.com" },
              "clientType": "confidential",
              "flows": ["client_credentials"],
              "scopes": ["api.read"],
              "environments": { "development": { "clientId": "cad-dev-identity", "redirectUris": [] } }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RegistrationsInAProjectSaidToBePublic_ShouldNotReportClientCredentials()
    {
        var test = new Test { TestCode = IdentityServerConfig + AuthorizationServerStandIns.Source };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncadasto_client_type = public"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RegistrationsWhoseServerPackageDidNotResolve_ShouldReportFromSyntax()
    {
        // A source-only scan without IdentityServer's package (the CLI, with nothing restored): nothing below binds, but the
        // file imports IdentityServer's models and the names say what the registration allows.
        var test = new Test
        {
            TestCode = """
                using System.Collections.Generic;
                using IdentityServer4.Models;

                public static class Config
                {
                    public static IEnumerable<Client> Clients => new List<Client>
                    {
                        new Client { ClientId = "js", AllowedGrantTypes = {|CDS2002:GrantTypes.Implicit|} },
                        new Client { ClientId = "ro", AllowedGrantTypes = { {|CDS2003:GrantType.ResourceOwnerPassword|}, "client_credentials" } },
                        new Client { ClientId = "script", AllowedGrantTypes = new[] { {|CDS2003:"password"|} } },
                        new Client { ClientId = "web", AllowedGrantTypes = GrantTypes.CodeAndClientCredentials },
                    };
                }

                public sealed class Other
                {
                    public string[] AllowedGrantTypes { get; set; }
                    public static Other Make() => new Other { AllowedGrantTypes = new[] { "password" } };
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncadasto_client_type = public"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task UnboundRegistrationsUnderAnyImportOfTheModels_ShouldReportFromSyntax()
    {
        // The imports C# itself would search for the name, bound or not: a global using of another file (the SDK's
        // implicit usings, a GlobalUsings.cs), a using inside the namespace declaration, a namespace alias.
        var test = new Test
        {
            TestState =
            {
                Sources =
                {
                    "global using IdentityServer4.Models;",
                    """
                    public static class Global
                    {
                        public static Client Js => new Client { ClientId = "js", AllowedGrantTypes = {|CDS2002:GrantTypes.Implicit|} };
                    }
                    """,
                    """
                    namespace Server
                    {
                        using Models = IdentityServer4.Models;

                        public static class Aliased
                        {
                            public static Models.Client Js => new Models.Client { ClientId = "js", AllowedGrantTypes = {|CDS2002:GrantTypes.Implicit|} };
                        }
                    }
                    """,
                },
            },
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncadasto_client_type = public"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task UnboundRegistrationsWithoutAnImportOfTheModels_ShouldNotReport()
    {
        // Another package's Client, or a using static of a type of the models (it imports the type's members, not the
        // namespace): the names alone say nothing.
        var test = new Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Other.Models;

                    public static class Elsewhere
                    {
                        public static Client Js => new Client { ClientId = "js", AllowedGrantTypes = GrantTypes.Implicit };
                    }
                    """,
                    """
                    namespace Server
                    {
                        using static IdentityServer4.Models.GrantTypes;

                        public static class Static
                        {
                            public static Client Js => new Client { ClientId = "js", AllowedGrantTypes = Implicit };
                        }
                    }
                    """,
                },
            },
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncadasto_client_type = public"));
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpAnalyzerTest<ImplicitGrantAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }
}
