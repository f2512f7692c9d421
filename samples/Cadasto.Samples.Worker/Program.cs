using Cadasto.Samples.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<InvoiceExportWorker>();

var host = builder.Build();
host.Run();
