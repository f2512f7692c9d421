using Cadasto.Analyzers.Infrastructure;

namespace Cadasto.Analyzers.Generators.Credentials.Models;

/// <summary>
/// The manifest as the generated code needs it: names, identifiers and secret references, without
/// positions. A whitespace-only edit of <c>cadasto.json</c> moves every position but leaves this equal,
/// so nothing downstream runs again.
/// </summary>
/// <param name="Application">The application's name.</param>
/// <param name="Environments">The environments, in file order.</param>
/// <param name="SecretIsOptional">True when some environment has no secret (a public client): <c>ClientSecret</c> is then nullable.</param>
internal sealed record CredentialsSpec(
    string Application,
    EquatableArray<EnvironmentSpec> Environments,
    bool SecretIsOptional);

/// <summary>One environment.</summary>
/// <param name="Name">The name as the manifest spells it.</param>
/// <param name="Identifier">The C# identifier of its class (<c>development</c> → <c>Development</c>), unique in the manifest.</param>
/// <param name="ClientId">The public client id.</param>
/// <param name="Authority">The authorization server, or null.</param>
/// <param name="Scopes">The scopes it requests (its own, else the manifest's default).</param>
/// <param name="RedirectUris">The registered redirect URIs.</param>
/// <param name="AllowedOrigins">The allowed CORS origins.</param>
/// <param name="Secret">Where its secret lives, or null (public client).</param>
internal sealed record EnvironmentSpec(
    string Name,
    string Identifier,
    string ClientId,
    string? Authority,
    EquatableArray<string> Scopes,
    EquatableArray<string> RedirectUris,
    EquatableArray<string> AllowedOrigins,
    SecretReferenceSpec? Secret);

/// <summary>A secret reference: the store's manifest name, the key, variable, path or secret name, and the vault.</summary>
internal sealed record SecretReferenceSpec(string Store, string Name, string? Vault);
