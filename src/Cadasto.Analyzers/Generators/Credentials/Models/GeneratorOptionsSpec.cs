using Cadasto.Analyzers.Configuration;

namespace Cadasto.Analyzers.Generators.Credentials.Models;

/// <summary>
/// What the build tells the generator, as plain values: the namespace to generate into, the project's
/// <c>UserSecretsId</c> (for the user-secrets store and its messages), the manifest's file name, and
/// whether generation is switched off.
/// </summary>
/// <param name="RootNamespace"><c>build_property.RootNamespace</c>.</param>
/// <param name="NamespaceOverride"><c>build_property.CadastoCredentialsNamespace</c>: another namespace for the generated types.</param>
/// <param name="UserSecretsId"><c>build_property.UserSecretsId</c>.</param>
/// <param name="ManifestFileName">The manifest's file name (<c>cadasto_manifest</c>, <c>CadastoManifest</c>, or <c>cadasto.json</c>).</param>
/// <param name="Disabled"><c>build_property.CadastoGenerateCredentials</c> is <c>false</c>.</param>
internal sealed record GeneratorOptionsSpec(
    string? RootNamespace,
    string? NamespaceOverride,
    string? UserSecretsId,
    string ManifestFileName,
    bool Disabled);
