using Microsoft.Identity.Client;

// Everything below is what the Cadasto rules exist to stop. The values are fake.
const string ClientId = "cad-dev-invoice-sync";

var application = ConfidentialClientApplicationBuilder
    .Create(ClientId)
    .WithAuthority("https://auth.dev.cadasto.example", validateAuthority: false)
    .WithClientSecret("Xq8Q~vL2.pR7sT9uW1yZ3aB5cD7eF9gH1jK3mN5")
    .Build();

var result = await application.AcquireTokenForClient(new[] { "api.read" }).ExecuteAsync();
System.Console.WriteLine(result.ExpiresOn);
