using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.CodeFixes;
using Cadasto.Analyzers.Rules.Flows;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.Flows;

/// <summary>CDS2001's fix removes the secret and points to authorization code with PKCE; never to configuration.</summary>
public sealed class SecretInPublicClientCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixVerifier<SecretInPublicClientAnalyzer, SecretInPublicClientCodeFix>.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property._SupportedPlatformList = browser\n"));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property._SupportedPlatformList = browser\n"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task SecretInBlazorWebAssembly_ShouldFixByRemovingIt() => VerifyAsync("""
        using Microsoft.Identity.Client;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        class Client
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev-orders")
                    .{|CDS2001:WithClientSecret("wasm~Pq4.Xz7Wv1Nb6Rk2")|}
                    .Build();

            void Configure(OpenIdConnectOptions options)
            {
                {|CDS2001:options.ClientSecret = "wasm~Hk5.Jd9Fs3Ga7Qe2"|};
                options.ClientId = "cad-dev-orders";
            }

            ConfidentialClientApplicationOptions Options() => new() { ClientId = "cad-dev-orders", {|CDS2001:ClientSecret = "wasm~Zz5.Jd9Fs3Ga7Qe2"|} };
        }
        """, """
        using Microsoft.Identity.Client;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        class Client
        {
            // Public client: no client secret (RFC 6749 §2.1). Sign users in with authorization code and PKCE.
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev-orders")
                    .Build();

            void Configure(OpenIdConnectOptions options)
            {
                // Public client: no client secret (RFC 6749 §2.1). Sign users in with authorization code and PKCE.
                options.ClientId = "cad-dev-orders";
            }

            // Public client: no client secret (RFC 6749 §2.1). Sign users in with authorization code and PKCE.
            ConfidentialClientApplicationOptions Options() => new() { ClientId = "cad-dev-orders" };
        }
        """);
}
