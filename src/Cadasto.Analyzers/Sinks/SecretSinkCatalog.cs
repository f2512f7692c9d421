using System.Collections.Immutable;

namespace Cadasto.Analyzers.Sinks;

/// <summary>
/// The places known to receive a client secret, as data: adding a sink is adding a row.
/// </summary>
internal static class SecretSinkCatalog
{
    public static readonly ImmutableArray<SecretSink> Default = ImmutableArray.Create(
        // MSAL
        new SecretSink("Microsoft.Identity.Client.ConfidentialClientApplicationBuilder", "WithClientSecret", SinkKind.MethodArgument, "clientSecret"));
}
