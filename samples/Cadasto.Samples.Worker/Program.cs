using Cadasto.Samples.Worker;

var builder = Host.CreateApplicationBuilder(args);

// Generated from cadasto.json: picks the environment from DOTNET_ENVIRONMENT, binds the client secret
// through the store the manifest names, and stops start-up with a clear message when it is missing.
builder.Services.AddCadastoCredentials(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<InvoiceExportWorker>();

var host = builder.Build();
host.Run();
