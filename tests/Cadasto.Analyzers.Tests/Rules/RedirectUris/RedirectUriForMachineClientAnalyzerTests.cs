using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Rules.RedirectUris;
using Cadasto.Analyzers.Tests.TestKit;

namespace Cadasto.Analyzers.Tests.Rules.RedirectUris;

public sealed class RedirectUriForMachineClientAnalyzerTests
{
    private static Task VerifyAsync(string manifest)
    {
        var test = new CSharpAnalyzerVerifier<RedirectUriForMachineClientAnalyzer>.Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/0/cadasto.json", manifest));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RedirectUrisForClientCredentialsOnly_ShouldReport() => VerifyAsync("""
        {
          "application": "invoice-sync",
          "clientType": "confidential",
          "flows": ["client_credentials"],
          "environments": {
            "development": { "clientId": "cad-dev", "redirectUris": [{|CDS3003:"https://localhost:5001/signin-oidc"|}] },
            "production": { "clientId": "cad-prod", "redirectUris": [] }
          }
        }
        """);

    [Fact]
    public Task RedirectUrisForInteractiveFlows_ShouldNotReport() => VerifyAsync("""
        {
          "application": "portal",
          "flows": ["client_credentials", "authorization_code"],
          "environments": {
            "production": { "clientId": "cad-prod", "redirectUris": ["https://portal.example.com/signin-oidc"] }
          }
        }
        """);
}
