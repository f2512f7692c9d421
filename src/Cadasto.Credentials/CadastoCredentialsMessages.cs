using System;
using System.Collections.Generic;
using System.Globalization;

namespace Cadasto.Credentials;

/// <summary>
/// The messages of a credentials failure. Each names the application, the environment, the store
/// and the key or secret name, says how to fix it, and never holds a secret's value (none is ever
/// passed in).
/// </summary>
public static class CadastoCredentialsMessages
{
    /// <summary>The host's environment has no entry in the manifest.</summary>
    public static string UnknownEnvironment(string application, string? environmentName, IEnumerable<string> knownEnvironments) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "Cadasto credentials for application '{0}': the environment '{1}' is not in cadasto.json. Known environments: {2}. Add it under \"environments\" in cadasto.json, or run the application in one of the known environments (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT).",
            application,
            environmentName ?? "(null)",
            string.Join(", ", knownEnvironments));

    /// <summary>The store holds no value for the reference.</summary>
    public static string Missing(CadastoEnvironment environment, string? userSecretsId = null, string? resolvedLocation = null) =>
        Prefix(environment) + $"the client secret is missing: the {Describe(environment.Secret!, resolvedLocation)} holds no value. " + HowToSet(environment.Secret!, userSecretsId, resolvedLocation);

    /// <summary>The store holds an empty value.</summary>
    public static string Empty(CadastoEnvironment environment, string? userSecretsId = null, string? resolvedLocation = null) =>
        Prefix(environment) + $"the client secret is empty: the {Describe(environment.Secret!, resolvedLocation)} holds an empty value. " + HowToSet(environment.Secret!, userSecretsId, resolvedLocation);

    /// <summary>No store of the reference's name is registered.</summary>
    public static string StoreNotRegistered(CadastoEnvironment environment)
    {
        var secret = environment.Secret!;
        var fix = SecretStoreNames.TryGetPackage(secret.Store, out var package, out var registration)
            ? $"Add the package {package} to the project and call {registration} before AddCadastoCredentials."
            : $"Register an {nameof(ISecretStore)} whose {nameof(ISecretStore.StoreName)} is '{secret.Store}', or use a store cadasto.json knows (environment, user-secrets, configuration, file, azure-key-vault).";
        return Prefix(environment) + $"the client secret lives in the '{secret.Store}' store ({secret.NameKind} \"{secret.Name}\"), which is not registered. " + fix;
    }

    /// <summary>The store could not be read.</summary>
    public static string StoreFailed(CadastoEnvironment environment, Exception exception) =>
        Prefix(environment) + $"reading the client secret from the {Describe(environment.Secret!, null)} failed ({exception.GetType().Name}: {exception.Message}).";

    /// <summary>The command or step that puts a value in the store: the value itself is left as <c>&lt;value&gt;</c>.</summary>
    public static string HowToSet(SecretReference secret, string? userSecretsId = null, string? resolvedLocation = null)
    {
        switch (secret.Store)
        {
            case SecretStoreNames.UserSecrets:
                var set = $"dotnet user-secrets set \"{secret.Name}\" <value>";
                return userSecretsId is null
                    ? $"The project has no UserSecretsId: in the project folder run dotnet user-secrets init, then {set}"
                    : $"Set it from the project folder with: {set}";
            case SecretStoreNames.Environment:
                var variable = Stores.EnvironmentSecretStore.VariableName(secret.Name);
                return $"Set the environment variable {variable} (e.g. export {variable}=<value>).";
            case SecretStoreNames.Configuration:
                return $"Provide the configuration key \"{secret.Name}\" through a configuration source the application registers (e.g. the environment variable {Stores.EnvironmentSecretStore.VariableName(secret.Name)}, or a vault's configuration provider).";
            case SecretStoreNames.File:
                return $"Mount the secret as the file {resolvedLocation ?? secret.Name} (a Docker or Kubernetes secret).";
            case SecretStoreNames.AzureKeyVault:
                return $"Set it with: az keyvault secret set --vault-name {VaultName(secret.Vault)} --name {secret.Name} --value <value>, and give the application's identity permission to get secrets.";
            default:
                return $"Put the secret in the '{secret.Store}' store under \"{secret.Name}\".";
        }
    }

    private static string Prefix(CadastoEnvironment environment) =>
        $"Cadasto credentials for application '{environment.Application}', environment '{environment.Name}': ";

    private static string Describe(SecretReference secret, string? resolvedLocation) =>
        secret.Store switch
        {
            SecretStoreNames.File => $"file store (path \"{resolvedLocation ?? secret.Name}\")",
            SecretStoreNames.AzureKeyVault => $"azure-key-vault store (secret \"{secret.Name}\" in {secret.Vault})",
            _ => $"{secret.Store} store ({secret.NameKind} \"{secret.Name}\")",
        };

    private static string VaultName(string? vault) =>
        Uri.TryCreate(vault, UriKind.Absolute, out var uri) ? uri.Host.Split('.')[0] : vault ?? "<vault>";
}
