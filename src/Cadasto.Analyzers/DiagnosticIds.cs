using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers;

/// <summary>
/// Every rule id the product declares. Ids are stable and never reused; ranges: 1xxx secrets,
/// 2xxx flows, 3xxx redirect URIs, 4xxx scopes, 9xxx manifest.
/// </summary>
public static class DiagnosticIds
{
    // 1xxx: secrets in code and configuration
    public const string HardcodedClientSecret = "CDS1001";
    public const string HardcodedCredential = "CDS1002";
    public const string CredentialShapedLiteral = "CDS1003";
    public const string SecretInConfigurationFile = "CDS1004";
    public const string SecretWrittenToOutput = "CDS1005";

    // 2xxx: OAuth flows and client types
    public const string SecretInPublicClient = "CDS2001";
    public const string ImplicitGrant = "CDS2002";
    public const string PasswordGrant = "CDS2003";
    public const string MissingPkce = "CDS2004";
    public const string UndeclaredFlow = "CDS2005";

    // 3xxx: redirect URIs
    public const string UnregisteredRedirectUri = "CDS3001";
    public const string InsecureRedirectUri = "CDS3002";
    public const string RedirectUriForMachineClient = "CDS3003";

    // 4xxx: scopes
    public const string UndeclaredScope = "CDS4001";
    public const string UnusedScope = "CDS4002";

    // 9xxx: the manifest (cadasto.json)
    public const string ManifestMalformed = "CDS9001";
    public const string ManifestIncomplete = "CDS9002";
    public const string ManifestInvalidValue = "CDS9003";
    public const string CredentialsNeedCSharp8 = "CDS9004";
}
