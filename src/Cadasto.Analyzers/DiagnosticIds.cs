namespace Cadasto.Analyzers;

/// <summary>
/// Every rule id the product declares. Ids are stable and never reused; ranges: 1xxx secrets,
/// 2xxx flows, 3xxx redirect URIs, 4xxx scopes, 9xxx manifest.
/// </summary>
public static class DiagnosticIds
{
    // 1xxx: secrets in code and configuration
    public const string HardcodedClientSecret = "CDS1001";
    public const string SecretInConfigurationFile = "CDS1004";

    // 2xxx: OAuth flows and client types

    // 3xxx: redirect URIs

    // 4xxx: scopes

    // 9xxx: the manifest (cadasto.json)
    public const string ManifestMalformed = "CDS9001";
    public const string ManifestIncomplete = "CDS9002";
    public const string ManifestInvalidValue = "CDS9003";
    public const string CredentialsNeedCSharp8 = "CDS9004";
}
