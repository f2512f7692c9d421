namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// The names of OAuth 2.0's form and query parameters that the rules read (RFC 6749, RFC 7636), one spelling each:
/// a hand-built request's dictionary key, <c>KeyValuePair</c>, anonymous member or <c>name=</c> in a query string.
/// Compared through <see cref="Semantics.KeyedValues.KeyIs"/> (trimmed, case ignored).
/// </summary>
internal static class OAuthParameters
{
    public const string GrantType = "grant_type";
    public const string ResponseType = "response_type";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string RedirectUri = "redirect_uri";
    public const string Scope = "scope";
    public const string CodeChallenge = "code_challenge";
    public const string CodeVerifier = "code_verifier";
}
