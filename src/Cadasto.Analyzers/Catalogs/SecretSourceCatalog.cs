using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>Which reads of a secret source CDS1005 takes for a secret.</summary>
internal enum SecretSourceKey
{
    /// <summary>Every read: what it returns is a secret whatever it is called (<c>SecretValue.Reveal()</c>, a connection string).</summary>
    Any,

    /// <summary>A read whose key (the row's parameter) is a constant credential name (<c>GetEnvironmentVariable("CLIENT_SECRET")</c>).</summary>
    CredentialNamed,
}

/// <summary>
/// CDS1005's secret sources, as data: the members that read a value from a secret store, which the rule follows to an
/// output sink (<see cref="OutputSinkCatalog"/>). A row's parameter is the argument that names what is read; the rule
/// judges its constant as a credential name where the row says so. A row of an interface's member (the configuration's
/// indexer) also stands for the member of a class that implements it (<c>ConfigurationManager</c>, what
/// <c>builder.Configuration</c> is).
/// </summary>
internal static class SecretSourceCatalog
{
    private const string Configuration = "Microsoft.Extensions.Configuration.";

    public static readonly ImmutableArray<SecretSource> Members = ImmutableArray.Create(
        // configuration["Cadasto:ClientSecret"], section["ApiKey"]
        new SecretSource(Configuration + "IConfiguration", "this[]", SinkKind.IndexerArgument, "key", SecretSourceKey.CredentialNamed),

        // configuration.GetValue<string>("Cadasto:ClientSecret")
        new SecretSource(Configuration + "ConfigurationBinder", "GetValue", SinkKind.MethodArgument, "key", SecretSourceKey.CredentialNamed),

        // configuration.GetConnectionString("Default"): a connection string may hold a password, whatever its name.
        new SecretSource(Configuration + "ConfigurationExtensions", "GetConnectionString", SinkKind.MethodArgument, Meaning: SecretSourceKey.Any),
        new SecretSource("System.Environment", "GetEnvironmentVariable", SinkKind.MethodArgument, "variable", SecretSourceKey.CredentialNamed),

        // The runtime library's own secret: Reveal() is the value.
        new SecretSource("Cadasto.Credentials.SecretValue", "Reveal", SinkKind.MethodArgument, Meaning: SecretSourceKey.Any));
}
