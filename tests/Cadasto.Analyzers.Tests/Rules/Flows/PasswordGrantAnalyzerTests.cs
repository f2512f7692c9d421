using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.TestKit;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Flows.PasswordGrantAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

public sealed class PasswordGrantAnalyzerTests
{
    [Fact]
    public Task IdentityModelPasswordRequest_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class Login(HttpClient http)
        {
            Task<TokenResponse> SignInAsync(string user, string password) =>
                http.RequestPasswordTokenAsync({|CDS2003:new PasswordTokenRequest
                {
                    Address = "https://auth.cadasto.example/connect/token",
                    ClientId = "cad-app",
                    UserName = user,
                    Password = password,
                }|});

            Task<TokenResponse> AgainAsync(PasswordTokenRequest request) => {|CDS2003:http.RequestPasswordTokenAsync(request)|};
        }
        """);

    // A hole that adds numbers is one run-time part of the text, not a string to split again (it once recursed forever).
    [Fact]
    public Task GrantTypePasswordInInterpolationWithNumericHole_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class Login
        {
            StringContent Body(string user, string password, int attempt) =>
                new({|CDS2003:$"grant_type=password&username={user}&password={password}&attempt={attempt + 1}"|});
        }
        """);

    [Fact]
    public Task GrantTypePasswordInFormAndTokenRequest_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Duende.IdentityModel;
        using Duende.IdentityModel.Client;

        class Login
        {
            FormUrlEncodedContent Form(string user, string password) => new(new[]
            {
                new KeyValuePair<string, string>("grant_type", {|CDS2003:"password"|}),
                new KeyValuePair<string, string>("username", user),
                new KeyValuePair<string, string>("password", password),
            });

            TokenRequest Request() => new TokenRequest { {|CDS2003:GrantType = OidcConstants.GrantTypes.Password|}, ClientId = "cad-app" };

            StringContent Body(string user, string password) => new({|CDS2003:"grant_type=password&username=" + user + "&password=" + password|});
        }
        """);

    [Fact]
    public Task GrantTypePasswordInDictionaryAndInterpolation_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Duende.IdentityModel;
        using Duende.IdentityModel.Client;

        class Login
        {
            FormUrlEncodedContent Form(string user, string password) => new(new Dictionary<string, string>
            {
                { "grant_type", {|CDS2003:"password"|} },
                { "username", user },
                { "password", password },
            });

            Dictionary<string, string> Indexed(string user, string password) => new()
            {
                ["grant_type"] = {|CDS2003:OidcConstants.GrantTypes.Password|},
                ["username"] = user,
                ["password"] = password,
            };

            StringContent Body(string user, string password) => new({|CDS2003:$"grant_type=password&username={user}&password={password}"|});

            TokenRequest Request() => new TokenRequest { {|CDS2003:GrantType = "password"|}, ClientId = "cad-app" };
        }
        """);

    [Fact]
    public Task MsalUsernamePassword_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class Login
        {
            #pragma warning disable CS0618 // obsolete: the point of the rule
            Task<AuthenticationResult> SignInAsync(IPublicClientApplication app, string user, string password) =>
                {|CDS2003:app.AcquireTokenByUsernamePassword(new[] { "api.read" }, user, password)|}.ExecuteAsync();
        }
        """);

    [Fact]
    public Task OtherGrantsAndPasswordWords_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class Settings
        {
            Dictionary<string, string> Form() => new() { { "grant_type", "client_credentials" }, { "scope", "api.read" } };
            string Message() => "Use grant_type=client_credentials; the password grant is not supported";
            string Field() => "password";
        }
        """);

    [Fact]
    public Task GrantMentionedInMessages_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class GrantPolicy
        {
            void Reject(ILogger logger, string client)
            {
                logger.LogWarning("Rejected token request: grant_type=password is disabled for {Client}", client);
                Console.WriteLine($"grant_type=password refused for {client}");
                throw new InvalidOperationException("grant_type=password is not allowed");
            }
        }
        """);

    [Fact]
    public Task GrantInABodyBesideAMessage_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Microsoft.Extensions.Logging;

        class Login
        {
            StringContent Body(ILogger logger, string user, string password)
            {
                logger.LogDebug("Requesting a token for {User}", user);
                var legacy = string.Format({|CDS2003:"grant_type=password&username={0}&password={1}"|}, user, password);
                return new StringContent({|CDS2003:"grant_type=password&username=" + user + "&password=" + password|});
            }
        }
        """);

    [Fact]
    public Task OpenIddictPasswordFlow_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        static class Setup
        {
            public static void Add(IServiceCollection services) =>
                services.AddOpenIddict().AddClient(options => {|CDS2003:options.AllowPasswordFlow()|});
        }
        """);

    [Fact]
    public Task IdentityServerClientAllowingPassword_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using IdentityServer4.Models;

        public static class Config
        {
            public static IEnumerable<Client> Clients => new List<Client>
            {
                new Client
                {
                    ClientId = "ro.client",
                    AllowedGrantTypes = {|CDS2003:GrantTypes.ResourceOwnerPassword|},
                    AllowedScopes = { "api1" },
                },
                new Client
                {
                    ClientId = "ro.service",
                    AllowedGrantTypes = {|CDS2003:GrantTypes.ResourceOwnerPasswordAndClientCredentials|},
                },
                new Client
                {
                    ClientId = "mobile",
                    AllowedGrantTypes = {|CDS2003:GrantTypes.ResourceOwnerPassword|}.Union(GrantTypes.DeviceFlow).ToList(),
                },
                new Client
                {
                    ClientId = "desktop",
                    AllowedGrantTypes = { {|CDS2003:GrantType.ResourceOwnerPassword|}, "refresh_token" },
                },
                new Client
                {
                    ClientId = "script",
                    AllowedGrantTypes = new[] { {|CDS2003:"password"|} },
                },
            };
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task DuendeClientAllowingPassword_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Duende.IdentityServer.Models;

        public static class Clients
        {
            public static Client Ropc() => new()
            {
                ClientId = "ropc",
                AllowedGrantTypes = {|CDS2003:GrantTypes.ResourceOwnerPassword|},
                RequireClientSecret = false,
            };
        }
        """ + AuthorizationServerStandIns.Source);

    [Fact]
    public Task OpenIddictServerAllowingPassword_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using OpenIddict.Abstractions;
        using static OpenIddict.Abstractions.OpenIddictConstants;

        static class Setup
        {
            public static void Add(IServiceCollection services) =>
                services.AddOpenIddict().AddServer(options =>
                {
                    options.SetTokenEndpointUris("connect/token");
                    {|CDS2003:options.AllowPasswordFlow()|};
                    options.AllowRefreshTokenFlow();
                });

            public static Task SeedAsync(IOpenIddictApplicationManager manager) => manager.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = "console",
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    {|CDS2003:Permissions.GrantTypes.Password|},
                    Permissions.GrantTypes.RefreshToken,
                },
            }).AsTask();
        }
        """ + AuthorizationServerStandIns.Source);

    // One pair policy for every rule (KeyedValues): a key names the next argument only in a real key/value pair, and a
    // call that answers a question about a key (a bool result) stores nothing. Asking whether a request carries the
    // password grant, or labelling a form field, is no use of the grant.
    [Fact]
    public Task GrantTypeInAPredicateOrANonPair_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class Audit
        {
            static bool HasField(IDictionary<string, string> form, string name, string value) =>
                form.TryGetValue(name, out var actual) && actual == value;

            static string Describe(string fieldName, string label) => fieldName + ": " + label;

            public bool IsLegacy(IDictionary<string, string> form) => HasField(form, "grant_type", "password");

            public string Caption() => Describe("grant_type", "password");
        }
        """);

    [Fact]
    public Task GrantTypeInKeyValueCalls_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class Login
        {
            static void SetField(IDictionary<string, string> form, string name, string value) => form[name] = value;

            public Dictionary<string, string> Form()
            {
                var form = new Dictionary<string, string>();
                form.Add("grant_type", {|CDS2003:"password"|});
                form.TryAdd("grant_type", {|CDS2003:"password"|});
                SetField(form, "grant_type", {|CDS2003:"password"|});
                return form;
            }
        }
        """);

    [Fact]
    public Task ServerAuditEventOfThePasswordGrant_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public class TokenIssuedEvent
        {
            public string ClientId { get; set; } = "";
            public IEnumerable<string> Scopes { get; set; } = new List<string>();
            public string GrantType { get; set; } = "";
            public string Tenant { get; set; } = "";
        }

        public interface IEventBus { Task Publish<T>(T message); }

        // The authorization server's own handler of the grant records each token it issued: no client asks for the grant here.
        public class PasswordGrantHandler
        {
            public const string GRANT_TYPE = "password";
            private readonly IEventBus _bus;

            public PasswordGrantHandler(IEventBus bus) => _bus = bus;

            public Task Issued(string clientId, IEnumerable<string> scopes, string tenant) =>
                _bus.Publish(new TokenIssuedEvent { GrantType = GRANT_TYPE, ClientId = clientId, Scopes = scopes, Tenant = tenant });
        }
        """);

    [Fact]
    public Task OwnTokenRequestOfThePasswordGrant_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public class TokenForm
        {
            public string GrantType { get; set; } = "";
            public string UserName { get; set; } = "";
            public string Password { get; set; } = "";
        }

        public class ExtensibleTokenForm
        {
            public string GrantType { get; set; } = "";
            public Dictionary<string, string> Extra { get; } = new();
        }

        class SignIn
        {
            TokenForm Form(string user, string password) => new TokenForm { {|CDS2003:GrantType = "password"|}, UserName = user, Password = password };

            ExtensibleTokenForm Extensible(string user, string password)
            {
                var form = new ExtensibleTokenForm { {|CDS2003:GrantType = "password"|} };
                form.Extra["username"] = user;
                form.Extra["password"] = password;
                return form;
            }
        }
        """);
}
