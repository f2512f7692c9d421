using System;
using System.Collections.Generic;

namespace Cadasto.Credentials;

/// <summary>How the client-credentials token handler of one <c>HttpClient</c> gets its tokens.</summary>
public sealed class CadastoTokenOptions
{
    /// <summary>The default <see cref="RefreshBeforeExpiry"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultRefreshBeforeExpiry = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The scopes to request; null: the environment's scopes, less the protocol scopes (<c>openid</c>, <c>profile</c>,
    /// <c>offline_access</c>, …), which mean nothing to a machine-to-machine token.
    /// </summary>
    public IReadOnlyList<string>? Scopes { get; set; }

    /// <summary>
    /// The token endpoint; null: the one the authority's discovery document (<c>/.well-known/openid-configuration</c>)
    /// names, fetched once and cached.
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// How long before its expiry a cached token is replaced: 60 seconds by default; a token that lives less than twice
    /// this is replaced at half its life.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = DefaultRefreshBeforeExpiry;
}
