using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Values;
using Cadasto.Credentials;
using Cadasto.Credentials.AzureKeyVault;
using Cadasto.Credentials.Stores;
using Microsoft.Extensions.Configuration;

namespace Cadasto.Cli;

/// <summary>
/// <c>cadasto check --env NAME</c>: whether the environment's secret reference resolves in its store —
/// present, missing or empty — through the same stores the runtime library uses, and the secret's age where the
/// store knows it (a file's time), against the manifest's <c>rotation.maxAgeDays</c>. Never prints a value, and
/// shows every URI with its user information masked. A store that cannot be read (a FIFO or folder where the
/// secret file should be, a secrets.json nested past the JSON depth limit, an http vault) is named with the reason.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var environment = new Option<string>("--env", "-e")
        {
            Description = "The environment whose secret reference to check (case-insensitive).",
            Required = true,
        };
        var manifest = RequestCommand.ManifestOption();
        var command = new Command("check", "Check that an environment's secret resolves in its store (present, missing or empty), without printing it.")
        {
            environment, manifest,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(manifest), parseResult.GetValue(environment)!, output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? manifestPath, string environmentName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (file, problem) = ManifestFile.Load(manifestPath);
        if (file is null)
        {
            await error.WriteLineAsync("cadasto: " + problem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (file.Manifest is not { } manifest)
        {
            foreach (var info in file.Errors)
            {
                await error.WriteLineAsync(file.Format(info)).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        var environment = manifest.FindEnvironment(environmentName);
        if (environment is null)
        {
            await error.WriteLineAsync($"cadasto: the manifest has no environment '{environmentName}'; it has: {string.Join(", ", manifest.Environments.Select(e => e.Name.Value))}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var secret = environment.Secret;
        if (secret is null)
        {
            if (manifest.IsConfidential)
            {
                await output.WriteLineAsync($"{environment.Name.Value}: no secret reference: missing (a confidential client needs 'secret' outside development, CDS9002)").ConfigureAwait(false);
                return ExitCodes.Findings;
            }

            await output.WriteLineAsync($"{environment.Name.Value}: no secret (public client): nothing to check").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (secret.Store == SecretStoreKind.Unknown || secret.Reference is null)
        {
            await output.WriteLineAsync($"{environment.Name.Value}: store '{secret.StoreName}': missing (the reference is incomplete or names an unknown store, CDS9003)").ConfigureAwait(false);
            return ExitCodes.Findings;
        }

        if (secret.Store == SecretStoreKind.AzureKeyVault && VaultProblem(secret.Vault?.Value ?? string.Empty) is { } vaultProblem)
        {
            await output.WriteLineAsync(Mask($"{environment.Name.Value}: azure-key-vault secret \"{secret.Reference}\" in {secret.Vault?.Value}: invalid ({vaultProblem}; CDS9003)")).ConfigureAwait(false);
            return ExitCodes.Findings;
        }

        var reference = secret.Store == SecretStoreKind.AzureKeyVault
            ? SecretReference.AzureKeyVault(secret.Vault?.Value ?? string.Empty, secret.Reference)
            : new SecretReference(secret.StoreName, secret.Reference);
        var userSecretsId = file.Project?.Properties.TryGetValue("UserSecretsId", out var id) == true ? id : null;
        var directory = Path.GetDirectoryName(file.Path)!;

        string status;
        string? detail = null;
        string? age = null;
        var overdue = false;
        try
        {
            var store = CreateStore(secret.Store, directory, userSecretsId, environment.Name.Value);
            var value = await store.GetSecretAsync(reference, cancellationToken).ConfigureAwait(false);
            status = value is null ? "missing" : value.IsEmpty ? "empty" : "present";
            if (value is null && secret.Store == SecretStoreKind.UserSecrets && userSecretsId is null)
            {
                detail = "the project beside the manifest has no UserSecretsId; run 'dotnet user-secrets init'";
            }
            else if (value is null || value.IsEmpty)
            {
                detail = Hint(secret.Store, reference);
            }
            else
            {
                // Where the store knows when the secret was last set (file time, secrets.json time, Key Vault's updated).
                var changed = store is ISecretAgeSource ages ? await ages.GetLastChangedAsync(reference, cancellationToken).ConfigureAwait(false) : null;
                (age, overdue) = Age(reference, changed, manifest.MaxAgeDays, DateTimeOffset.UtcNow);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            status = "unreachable";
            detail = Unreadable(ex);
        }

        var line = $"{environment.Name.Value}: {reference}: {status}";
        line = age is null ? line : $"{line}, {age}";
        await output.WriteLineAsync(Mask(detail is null ? line : $"{line} ({detail})")).ConfigureAwait(false);
        return status == "present" && !overdue ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>Why a vault URI cannot be read, before any request: Key Vault speaks https only, and a URI with user information is a manifest error.</summary>
    private static string? VaultProblem(string vault) =>
        UriUserInfo.Contains(vault) ? "the vault URI holds user information, which belongs in no manifest"
        : !ManifestUris.IsValidVaultUri(vault) ? "Azure Key Vault needs an https vault URI, such as https://my-vault.vault.azure.net/"
        : null;

    /// <summary>Every URI's user information masked: a password in a vault or path URI is a secret too.</summary>
    private static string Mask(string text) => UriUserInfo.MaskIn(text);

    /// <summary>
    /// Why a store could not be read. The stores' own messages name the file and the reason, never a value; other
    /// exceptions are named by type, with what they mean here.
    /// </summary>
    private static string Unreadable(Exception exception) => exception switch
    {
        CadastoCredentialsException known => known.Message,
        InvalidDataException or FormatException or System.Text.Json.JsonException =>
            $"{exception.GetType().Name}: a JSON file the store reads is not valid JSON, or nests deeper than System.Text.Json's limit of 64 levels",
        _ => $"{exception.GetType().Name}: the store could not be read",
    };

    /// <summary>
    /// The secret's age where its store knows it (<see cref="ISecretAgeSource"/>: the file store's file time, the
    /// user-secrets file's time, Key Vault's <c>updated</c>) against <c>rotation.maxAgeDays</c>; "overdue" when older.
    /// A store that keeps no date (environment, configuration) says so when the manifest states a period.
    /// </summary>
    internal static (string? Text, bool Overdue) Age(SecretReference reference, DateTimeOffset? changed, int? maxAgeDays, DateTimeOffset now)
    {
        if (changed is not { } written)
        {
            return (maxAgeDays is null ? null : $"age unknown (the {reference.Store} store keeps no date; rotation.maxAgeDays {maxAgeDays} not checked)", false);
        }

        var days = Math.Max(0, (int)Math.Floor((now - written).TotalDays));
        var text = days == 1 ? "1 day old" : $"{days} days old";
        if (maxAgeDays is not { } limit)
        {
            return (text, false);
        }

        return days > limit
            ? ($"{text}: overdue, rotation.maxAgeDays is {limit}; rotate the secret", true)
            : ($"{text}, within rotation.maxAgeDays {limit}", false);
    }

    private static ISecretStore CreateStore(SecretStoreKind kind, string directory, string? userSecretsId, string environmentName) => kind switch
    {
        SecretStoreKind.Environment => new EnvironmentSecretStore(),
        SecretStoreKind.UserSecrets => new UserSecretsSecretStore(userSecretsId),
        SecretStoreKind.File => new FileSecretStore(directory),
        SecretStoreKind.Configuration => new ConfigurationSecretStore(HostLikeConfiguration(directory, userSecretsId, environmentName)),
        SecretStoreKind.AzureKeyVault => new AzureKeyVaultSecretStore(new AzureKeyVaultSecretStoreOptions()),
        _ => throw new InvalidOperationException("Unknown store."),
    };

    /// <summary>The configuration a default host builds: appsettings.json, appsettings.{Environment}.json, user secrets, environment variables.</summary>
    private static IConfiguration HostLikeConfiguration(string directory, string? userSecretsId, string environmentName)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(directory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        var environmentFile = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "appsettings.*.json")
                .FirstOrDefault(f => string.Equals(Path.GetFileName(f), $"appsettings.{environmentName}.json", StringComparison.OrdinalIgnoreCase))
            : null;
        if (environmentFile is not null)
        {
            builder.AddJsonFile(Path.GetFileName(environmentFile), optional: true, reloadOnChange: false);
        }

        if (userSecretsId is not null && UserSecretsSecretStore.DefaultRoot() is { } root)
        {
            builder.AddJsonFile(Path.Combine(root, userSecretsId, "secrets.json"), optional: true, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    private static string Hint(SecretStoreKind store, SecretReference reference) => store switch
    {
        SecretStoreKind.UserSecrets => $"set it with: dotnet user-secrets set \"{reference.Name}\" <value>",
        SecretStoreKind.Environment => $"set the variable {EnvironmentSecretStore.VariableName(reference.Name)}",
        SecretStoreKind.File => "mount the secret file at that path",
        SecretStoreKind.Configuration => "add the key to a configuration provider the application registers",
        SecretStoreKind.AzureKeyVault => "add the secret to the vault",
        _ => "set it in its store",
    };
}
