using Cadasto.Credentials;
using Cadasto.Samples.Worker;

var builder = Host.CreateApplicationBuilder(args);

// Generated from cadasto.json: picks the environment from DOTNET_ENVIRONMENT, binds the client secret through
// the store the manifest names, re-reads it when it is rotated, and stops start-up with a clear message when it
// is missing.
builder.Services.AddCadastoCredentials(builder.Configuration, builder.Environment);

// Every request of this client carries an access token from the environment's authority (client credentials).
builder.Services
    .AddHttpClient<InvoiceApiClient>(http => http.BaseAddress = new Uri(builder.Configuration["InvoiceApi:BaseAddress"] ?? "https://api.cadasto.example/"))
    .AddCadastoClientCredentials();
builder.Services.AddHostedService<InvoiceExportWorker>();

var host = builder.Build();
host.Run();
