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

// CDS1002: a partner API key kept in a credential-named constant.
const string PartnerApiKey = "pk_4f9a1c77e2b84d1f";

// CDS1003: a connection string with a password, whatever the variable is called.
var exportDatabase = "Server=sql.internal;Database=Invoices;User Id=invoice_app;Password=Tr1cky!Pass;";
System.Console.WriteLine(PartnerApiKey.Length + exportDatabase.Length);
