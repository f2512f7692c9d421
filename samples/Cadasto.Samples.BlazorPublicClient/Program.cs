using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Identity.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

// Wrong on purpose: everything below is downloaded to the browser. The secret is readable by anyone who
// opens the developer tools, and the client-credentials grant is for confidential (server-side) clients only.
// CDS2001 fails the build on both lines; sign users in with AddOidcAuthentication (code + PKCE) instead.
var cadasto = ConfidentialClientApplicationBuilder.Create(builder.Configuration["Cadasto:ClientId"])
    .WithClientSecret(builder.Configuration["Cadasto:ClientSecret"])
    .WithAuthority("https://auth.cadasto.example")
    .Build();
var token = await cadasto.AcquireTokenForClient(new[] { "api.read" }).ExecuteAsync();
Console.WriteLine($"Token expires {token.ExpiresOn:O}");

await builder.Build().RunAsync();
