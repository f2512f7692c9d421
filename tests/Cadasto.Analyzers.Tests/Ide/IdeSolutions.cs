namespace Cadasto.Analyzers.Tests.Ide;

/// <summary>
/// The solutions the IDE-shaped tests open: three projects as a team writes them, with every rule's findings
/// marked where they land (<c>{|CDS1001:…|}</c>): a web API with a manifest, a worker, a machine-to-machine job with its own
/// manifest, one with a broken manifest, a Blazor WebAssembly client.
/// Secrets sit in <c>const</c> and <c>static readonly</c> fields used in the same document and in others.
/// </summary>
internal static class IdeSolutions
{
    public const string Manifest = """
        {
          "application": "orders-api",
          "contact": { "name": "Orders team", "email": "orders@example.com" },
          "clientType": "confidential",
          "flows": ["client_credentials", "authorization_code"],
          "scopes": ["api.read", "api.write"],
          "environments": {
            "development": {
              "clientId": "cad-dev-orders",
              "authority": "https://auth.dev.cadasto.example",
              "redirectUris": ["https://localhost:5001/signin-oidc"],
              "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" }
            }
          }
        }
        """;

    /// <summary>Markup sources of the web API project (a manifest, an <c>appsettings.json</c>, constants in their own files).</summary>
    public static IdeProject Api()
    {
        var project = new IdeProject("Api");
        project.BuildProperties["UsingMicrosoftNETSdkWeb"] = "true";
        project.AdditionalFiles["cadasto.json"] = Manifest;
        project.AdditionalFiles["appsettings.json"] = """
            {
              "AzureAd": { "ClientId": "cad-dev-orders", "ClientSecret": {|CDS1004:"Zk4f~Q8v.Wn2xR7tL1pD9sB3hJ6mC0yE5aG"|} }
            }
            """;
        project.Documents["Secrets.cs"] = """
            namespace Orders.Api;

            public static class Secrets
            {
                public const string Orders = "ord~Xq7.Lp2Mn8Rv4Tw1";
                public static readonly string Billing = "bil~Hk5.Jd9Fs3Ga7Qe2";
            }
            """;
        project.Documents["Endpoints.cs"] = """
            namespace Orders.Api;

            public static class Endpoints
            {
                public const string Callback = "https://orders.example.com/unregistered-callback";
                public const string Plain = "http://orders.example.com/signin-oidc";
                public const string Admin = "api.admin";
            }
            """;
        project.Documents["Auth/TokenClients.cs"] = """
            using Microsoft.Identity.Client;

            namespace Orders.Api.Auth;

            public sealed class TokenClients
            {
                private const string Reporting = {|CDS1001:"rep~Zz5.Jd9Fs3Ga7Qe2"|};

                public IConfidentialClientApplication Orders() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-orders").WithClientSecret({|CDS1001:Secrets.Orders|}).Build();

                public IConfidentialClientApplication OrdersAgain() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-orders").WithClientSecret(Secrets.Orders).Build();

                public IConfidentialClientApplication Billing() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-orders").WithClientSecret({|CDS1001:Secrets.Billing|})
                        .WithRedirectUri({|CDS3001:Endpoints.Callback|}).Build();

                public IConfidentialClientApplication Report() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-orders").WithClientSecret(Reporting).Build();

                public System.Threading.Tasks.Task<AuthenticationResult> Admin(IConfidentialClientApplication app) =>
                    app.AcquireTokenForClient(new[] { {|CDS4001:Endpoints.Admin|} }).ExecuteAsync();

                public System.Threading.Tasks.Task<AuthenticationResult> Read(IConfidentialClientApplication app) =>
                    app.AcquireTokenForClient(new[] { "api.read", "api.write" }).ExecuteAsync();
            }
            """;
        project.Documents["Auth/Options.cs"] = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Identity.Client;

            namespace Orders.Api.Auth;

            public static class Options
            {
                private const string Local = {|CDS3001:{|CDS3002:"http://orders.example.com/local"|}|};

                public static ConfidentialClientApplicationOptions Msal() =>
                    new() { ClientId = "cad-dev-orders", ClientSecret = {|CDS1001:Secrets.Orders|}, RedirectUri = {|CDS3001:{|CDS3002:Endpoints.Plain|}|} };

                public static void Oidc(OpenIdConnectOptions options)
                {
                    options.ClientSecret = {|CDS1001:"oidc~Hk5.Jd9Fs3Ga7Qe2"|};
                    {|CDS2004:options.UsePkce = false|};
                }

                public static ConfidentialClientApplicationOptions Other() => new() { ClientId = "x", RedirectUri = Local };
            }
            """;
        project.Documents["Partners.cs"] = """
            namespace Orders.Api;

            public sealed class Partners
            {
                public const string PartnerApiKey = {|CDS1002:"pk_9f8e7d6c5b4a39281706"|};
            }
            """;
        return project;
    }

    /// <summary>A worker: a secret used in the document that declares it, a credential-shaped literal, the implicit grant.</summary>
    public static IdeProject Worker()
    {
        var project = new IdeProject("Worker");
        project.BuildProperties["UsingMicrosoftNETSdkWorker"] = "true";
        project.Documents["Sync.cs"] = """
            using Duende.IdentityModel.Client;

            namespace Orders.Worker;

            public sealed class Sync
            {
                private static readonly string ClientSecret = {|CDS1001:"wrk~Pq4.Xz7Wv1Nb6Rk2Lm9"|};

                public ClientCredentialsTokenRequest Request() => new()
                {
                    Address = "https://auth.dev.cadasto.example/connect/token",
                    ClientId = "cad-dev-orders",
                    ClientSecret = ClientSecret,
                };

                public PasswordTokenRequest Password() => {|CDS2003:new() { UserName = "svc", Password = Secret() }|};

                private static string Secret() => System.Environment.GetEnvironmentVariable("SVC_PASSWORD") ?? "";

                public const string Sample = {|CDS1003:"ghp_Zk4fQ8vWn2xR7tL1pD9sB3hJ6mC0yE5aGq1w"|};
            }
            """;
        project.Documents["Portal.cs"] = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            namespace Orders.Ops;

            public static class Portal
            {
                public static void Configure(OpenIdConnectOptions options) => {|CDS2002:options.ResponseType = "id_token token"|};
            }
            """;
        return project;
    }

    /// <summary>
    /// A machine-to-machine job with its own manifest: the rules that land in <c>cadasto.json</c> (CDS3003, CDS9002,
    /// CDS9003) and those that compare code with it (CDS2005), and a secret written to the console (CDS1005).
    /// </summary>
    public static IdeProject Ops()
    {
        var project = new IdeProject("Ops");
        project.BuildProperties["UsingMicrosoftNETSdkWorker"] = "true";
        project.AdditionalFiles["cadasto.json"] = """
            {
              "application": "ops-sync",
              "contact": { "name": "Ops team", "email": "ops@example.com" },
              "clientType": "confidential",
              "flows": ["client_credentials"],
              "scopes": ["ops.read"],
              "environments": {
                "development": {
                  "clientId": "cad-dev-ops",
                  "authority": "https://auth.dev.cadasto.example",
                  "redirectUris": [{|CDS3003:"https://localhost:5002/signin-oidc"|}],
                  "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" }
                },
                "staging": {
                  "clientId": {|CDS9003:"REPLACE_ME"|},
                  "authority": "https://auth.staging.cadasto.example",
                  "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" }
                },
                {|CDS9002:"production"|}: {
                  "authority": "https://auth.cadasto.example",
                  "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" }
                }
              }
            }
            """;
        project.Documents["Jobs.cs"] = """
            using System;
            using System.Threading.Tasks;
            using Duende.IdentityModel.Client;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Identity.Client;

            namespace Orders.Ops;

            public sealed class Jobs
            {
                public Task<AuthenticationResult> ServiceAsync(IConfidentialClientApplication app) =>
                    app.AcquireTokenForClient(new[] { "ops.read" }).ExecuteAsync();

                public Task<AuthenticationResult> DeviceAsync(IPublicClientApplication app) =>
                    {|CDS2005:app.AcquireTokenWithDeviceCode(new[] { "ops.read" }, code => Task.CompletedTask)|}.ExecuteAsync();

                public void Trace(ClientCredentialsTokenRequest request) => Console.WriteLine({|CDS1005:request.ClientSecret|});
            }
            """;
        return project;
    }

    /// <summary>A project whose manifest lost a comma: CDS9001 where the JSON breaks, and no other manifest rule.</summary>
    public static IdeProject Broken()
    {
        var project = new IdeProject("Broken");
        project.AdditionalFiles["cadasto.json"] = """
            {
              "application": "broken-sync"
              {|CDS9001:"|}flows": ["client_credentials"]
            }
            """;
        project.Documents["Job.cs"] = """
            namespace Orders.Broken;

            public static class Job
            {
                public const string Name = "broken-sync";
            }
            """;
        return project;
    }

    /// <summary>A Blazor WebAssembly client: a secret there is public, and gets CDS2001 alone.</summary>
    public static IdeProject Wasm()
    {
        var project = new IdeProject("Wasm");
        project.BuildProperties["_SupportedPlatformList"] = "browser";
        project.BuildProperties["UsingMicrosoftNETSdkBlazorWebAssembly"] = "true";
        project.Documents["Client.cs"] = """
            using Microsoft.Identity.Client;

            namespace Orders.Wasm;

            public static class Client
            {
                public static IConfidentialClientApplication Build() =>
                    {|CDS2001:ConfidentialClientApplicationBuilder.Create("cad-dev-orders").WithClientSecret("wasm~Pq4.Xz7Wv1Nb6Rk2")|}.Build();
            }
            """;
        return project;
    }
}
