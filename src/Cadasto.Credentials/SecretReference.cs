using System;

namespace Cadasto.Credentials;

/// <summary>
/// Where a secret lives: a store and the key, variable, path or vault secret name in it. A reference
/// is all that generated code compiles in; the value is read at run time through the store.
/// </summary>
public sealed class SecretReference : IEquatable<SecretReference>
{
    /// <summary>Creates a reference; prefer the factory methods.</summary>
    public SecretReference(string store, string name, string? vault = null)
    {
        Store = string.IsNullOrWhiteSpace(store) ? throw new ArgumentException("A secret reference names its store.", nameof(store)) : store;
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A secret reference names its key.", nameof(name)) : name;
        Vault = vault;
    }

    /// <summary>The store, one of <see cref="SecretStoreNames"/>.</summary>
    public string Store { get; }

    /// <summary>The key (user-secrets, configuration), variable (environment), path (file) or secret name (vault).</summary>
    public string Name { get; }

    /// <summary>The vault URI, for <see cref="SecretStoreNames.AzureKeyVault"/>.</summary>
    public string? Vault { get; }

    /// <summary>An environment variable.</summary>
    public static SecretReference Environment(string variable) => new(SecretStoreNames.Environment, variable);

    /// <summary>A user-secrets key, e.g. <c>Cadasto:ClientSecret</c>.</summary>
    public static SecretReference UserSecrets(string key) => new(SecretStoreNames.UserSecrets, key);

    /// <summary>A key of the application's configuration.</summary>
    public static SecretReference Configuration(string key) => new(SecretStoreNames.Configuration, key);

    /// <summary>A mounted secret file.</summary>
    public static SecretReference File(string path) => new(SecretStoreNames.File, path);

    /// <summary>An Azure Key Vault secret.</summary>
    public static SecretReference AzureKeyVault(string vault, string name) =>
        new(SecretStoreNames.AzureKeyVault, name, string.IsNullOrWhiteSpace(vault) ? throw new ArgumentException("A Key Vault reference names its vault.", nameof(vault)) : vault);

    /// <summary>What the name is called in this store: key, variable, path or secret.</summary>
    public string NameKind => Store switch
    {
        SecretStoreNames.Environment => "variable",
        SecretStoreNames.File => "path",
        SecretStoreNames.AzureKeyVault => "secret",
        _ => "key",
    };

    /// <summary>A description without any value, e.g. <c>user-secrets key "Cadasto:ClientSecret"</c>.</summary>
    public override string ToString() =>
        Vault is null ? $"{Store} {NameKind} \"{Name}\"" : $"{Store} {NameKind} \"{Name}\" in {Vault}";

    /// <inheritdoc />
    public bool Equals(SecretReference? other) =>
        other is not null
        && string.Equals(Store, other.Store, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Vault, other.Vault, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretReference);

    /// <inheritdoc />
    public override int GetHashCode() =>
        (StringComparer.OrdinalIgnoreCase.GetHashCode(Store) * 397) ^ StringComparer.Ordinal.GetHashCode(Name);
}
