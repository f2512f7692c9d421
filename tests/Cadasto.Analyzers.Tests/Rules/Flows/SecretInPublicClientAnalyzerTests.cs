using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

public sealed class SecretInPublicClientAnalyzerTests
{
    private static Task VerifyAsync(string source, string globalConfig)
    {
        var test = new CSharpAnalyzerVerifier<SecretInPublicClientAnalyzer>.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        return test.RunAsync(CancellationToken.None);
    }

    private const string Msal = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            async Task<string> GetAsync(IConfiguration configuration)
            {
                var app = ConfidentialClientApplicationBuilder.Create(configuration["Cadasto:ClientId"])
                    .{|CDS2001:WithClientSecret(configuration["Cadasto:ClientSecret"])|}
                    .Build();
                var result = await {|CDS2001:app.AcquireTokenForClient(new[] { "api.read" })|}.ExecuteAsync();
                return result.AccessToken;
            }
        }
        """;

    [Fact]
    public Task UserSinkInPublicClient_ShouldReport() => VerifyAsync("""
        using Microsoft.Extensions.Configuration;

        namespace Partner.Sdk
        {
            public sealed class PartnerClient
            {
                public string SharedKey { get; set; } = "";
                public void Connect(string endpoint, string apiSecret) { }
            }
        }

        class Use
        {
            void Run(IConfiguration configuration)
            {
                var client = new Partner.Sdk.PartnerClient { {|CDS2001:SharedKey = configuration["Partner:Key"]|} };
                {|CDS2001:client.Connect("https://partner.example", configuration["Partner:Secret"])|};
            }
        }
        """, "build_property._SupportedPlatformList = browser\ncadasto_secret_sinks = Partner.Sdk.PartnerClient.SharedKey, Partner.Sdk.PartnerClient.Connect");

    [Theory]
    [InlineData("build_property._SupportedPlatformList = browser")]
    [InlineData("build_property.UsingMicrosoftNETSdkBlazorWebAssembly = true")]
    [InlineData("build_property.TargetFramework = net10.0-android")]
    [InlineData("build_property.TargetFramework = net9.0-ios18.0")]
    [InlineData("build_property.TargetFramework = net10.0-maccatalyst")]
    [InlineData("build_property.UseMaui = true")]
    [InlineData("build_property.UseWPF = true")]
    [InlineData("build_property.UseWindowsForms = true")]
    [InlineData("build_property.UseWinUI = true")]
    [InlineData("cadasto_client_type = public")]
    public Task MsalSecretAndClientCredentialsInPublicClient_ShouldReport(string signal) => VerifyAsync(Msal, signal);

    [Theory]
    [InlineData("build_property.UsingMicrosoftNETSdkWeb = true")]
    [InlineData("build_property.UsingMicrosoftNETSdkWorker = true")]
    [InlineData("build_property.OutputType = Exe")]
    [InlineData("build_property.TargetFramework = net10.0")]
    [InlineData("build_property.TargetFramework = net10.0-windows")]
    [InlineData("cadasto_client_type = confidential")]
    [InlineData("build_property.UseWPF = true\ncadasto_client_type = confidential")]
    public Task MsalSecretInConfidentialOrUnknownClient_ShouldNotReport(string signal) =>
        VerifyAsync(Msal.Replace("{|CDS2001:", "").Replace(")|}", ")"), signal);

    [Fact]
    public Task IdentityModelClientCredentialsInBlazorWebAssembly_ShouldReport() => VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        class CadastoClient(HttpClient http)
        {
            Task<TokenResponse> TokenAsync() => http.RequestClientCredentialsTokenAsync({|CDS2001:new ClientCredentialsTokenRequest
            {
                Address = "https://auth.cadasto.example/connect/token",
                ClientId = "cad-web",
            }|});

            Task<TokenResponse> ReuseAsync(ClientCredentialsTokenRequest request) => {|CDS2001:http.RequestClientCredentialsTokenAsync(request)|};

            Task<TokenResponse> CodeAsync(string code, string verifier, string secret) => http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
            {
                Code = code,
                CodeVerifier = verifier,
                {|CDS2001:ClientSecret = secret|},
            });
        }
        """, "build_property._SupportedPlatformList = browser");

    [Fact]
    public Task FormWithClientCredentialsGrantInMauiApp_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class CadastoClient
        {
            FormUrlEncodedContent Form(string clientId) => new(new Dictionary<string, string>
            {
                ["grant_type"] = {|CDS2001:"client_credentials"|},
                ["client_id"] = clientId,
            });

            StringContent Body(string id, string secret) => new({|CDS2001:$"grant_type=client_credentials&client_id={id}&client_secret={secret}"|});
        }
        """, "build_property.UseMaui = true");

    [Fact]
    public Task SecretMembersAndFieldsInDesktopApp_ShouldReport() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Duende.IdentityModel.OidcClient;
        using Microsoft.Identity.Client;

        class SignIn
        {
            OidcClientOptions Oidc(string secret) => new() { ClientId = "cad-desktop", {|CDS2001:ClientSecret = secret|} };

            ConfidentialClientApplicationOptions Msal(string secret) => new() { ClientId = "cad-desktop", {|CDS2001:ClientSecret = secret|} };

            FormUrlEncodedContent Exchange(string code, string secret) => new(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["client_secret"] = {|CDS2001:secret|},
            });

            Duende.IdentityModel.Client.BasicAuthenticationHeaderValue Header(string id, string secret) => {|CDS2001:new Duende.IdentityModel.Client.BasicAuthenticationHeaderValue(id, secret)|};
        }
        """, "build_property.UseWindowsForms = true");

    [Fact]
    public Task AuthorizationCodeWithPkceInPublicClient_ShouldNotReport() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        class SignIn
        {
            async Task<string> GetAsync()
            {
                var app = PublicClientApplicationBuilder.Create("cad-desktop")
                    .WithRedirectUri("http://localhost")
                    .Build();
                var result = await app.AcquireTokenInteractive(new[] { "api.read" }).ExecuteAsync();
                return result.AccessToken;
            }
        }
        """, "build_property.UseWPF = true");

    [Fact]
    public Task OpenIddictWebProviderSecretInDesktopApp_ShouldReport() => VerifyAsync("""
        namespace OpenIddict.Client.WebIntegration
        {
            // The shape of OpenIddict's generated per-provider builders (one per provider, hundreds of them).
            public sealed class GitHubBuilder
            {
                public GitHubBuilder SetClientId(string identifier) => this;
                public GitHubBuilder SetClientSecret(string secret) => this;
                public GitHubBuilder SetRedirectUri(string uri) => this;
            }
        }

        namespace Desktop
        {
            using OpenIddict.Client.WebIntegration;

            static class Providers
            {
                static void GitHub(GitHubBuilder options, string secretFromSettings)
                {
                    options.SetClientId("ddd9f6ccaaa4fc1373ed")
                           .{|CDS2001:SetClientSecret("c1eecca319ca873d8a71f4cddd1467acea224c6e")|}
                           .SetRedirectUri("com.example.desktop://callback/login/github");
                    {|CDS2001:options.SetClientSecret(secretFromSettings)|};
                    options.SetClientSecret("");
                }
            }
        }
        """, "build_property.UseWPF = true");

    [Fact]
    public Task UnboundSecretSetterInDesktopApp_ShouldNotReport()
    {
        // A source-only scan without OpenIddict.Client.WebIntegration: nothing below binds. SPEC: a member of a type that
        // does not resolve is never a sink by its name alone (the literal is CDS1002's to judge by name, as a warning).
        var test = new CSharpAnalyzerVerifier<SecretInPublicClientAnalyzer>.Test
        {
            TestCode = """
                static class Providers
                {
                    static void GitHub(Builder builder) =>
                        builder.UseWebProviders().AddGitHub(options =>
                        {
                            options.SetClientId("ddd9f6ccaaa4fc1373ed")
                                   .SetClientSecret("c1eecca319ca873d8a71f4cddd1467acea224c6e")
                                   .SetRedirectUri("com.example.desktop://callback/login/github");
                            options.SetClientSecret(null);
                        });
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.UseWindowsForms = true"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task OwnSetterNamedLikeALibrarySink_ShouldNotReport() => VerifyAsync("""
        namespace Desktop
        {
            // The product's own settings builder: resolved, not a catalogued sink, so not a client secret by its name.
            public sealed class SyncSettingsBuilder
            {
                public SyncSettingsBuilder WithClientSecret(string value) => this;
                public SyncSettingsBuilder SetClientSecret(string value) => this;
            }

            static class Sync
            {
                static void Configure(SyncSettingsBuilder builder, string fromSettings) =>
                    builder.WithClientSecret(fromSettings).SetClientSecret(fromSettings);
            }
        }
        """, "build_property.UseWPF = true");

    [Fact]
    public Task SecretSetterInWebApp_ShouldNotReport() => VerifyAsync("""
        namespace OpenIddict.Client.WebIntegration
        {
            public sealed class GitHubBuilder
            {
                public GitHubBuilder SetClientSecret(string secret) => this;
            }
        }

        static class Providers
        {
            static void GitHub(OpenIddict.Client.WebIntegration.GitHubBuilder options, string secret) => options.SetClientSecret(secret);
        }
        """, "build_property.UsingMicrosoftNETSdkWeb = true");

    [Theory]
    [InlineData("public", "build_property.UsingMicrosoftNETSdkWeb = true", true)]
    [InlineData("confidential", "build_property._SupportedPlatformList = browser", false)]
    [InlineData("confidential", "cadasto_client_type = public", false)]
    public Task ManifestClientTypeComesFirst(string manifestClientType, string globalConfig, bool reports)
    {
        var source = reports ? Msal : Msal.Replace("{|CDS2001:", "").Replace(")|}", ")");
        var test = new CSharpAnalyzerVerifier<SecretInPublicClientAnalyzer>.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", $$"""{ "application": "app", "clientType": "{{manifestClientType}}", "environments": {} }"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task EditorConfigSectionSaysPublic_ShouldReport()
    {
        var test = new CSharpAnalyzerVerifier<SecretInPublicClientAnalyzer>.Test { TestCode = Msal };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ncadasto_client_type = public\n"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void PackagePropsDeclareEveryBuildPropertyTheClientTypeReads()
    {
        var root = typeof(SecretInPublicClientAnalyzerTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var props = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "src", "Cadasto.Analyzers.Package", "build", "Cadasto.Analyzers.props"));
        foreach (var property in Cadasto.Analyzers.OAuth.ClientTypeResolver.PropertiesNeedingDeclaration)
        {
            Assert.Contains($"<CompilerVisibleProperty Include=\"{property}\" />", props);
        }
    }
}
