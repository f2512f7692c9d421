using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.OAuth;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// The product's <c>.editorconfig</c> / <c>.globalconfig</c> options (prefix <c>cadasto_</c>) and the
/// MSBuild properties the package makes visible (<c>build_property.*</c>). One place reads them, so
/// every rule spells and splits them the same way.
/// </summary>
internal static class CadastoOptions
{
    public const string SecretSinks = "cadasto_secret_sinks";
    public const string CredentialWords = "cadasto_credential_words";
    public const string AllowedPlaceholders = "cadasto_allowed_placeholders";
    public const string ClientType = "cadasto_client_type";
    public const string Manifest = "cadasto_manifest";

    /// <summary>The default manifest file name; <c>cadasto_manifest</c> or the MSBuild property <c>CadastoManifest</c> name another.</summary>
    public const string DefaultManifestFileName = "cadasto.json";

    /// <summary>A product option for the whole compilation (<c>.globalconfig</c>, or an <c>.editorconfig</c> that applies to every file).</summary>
    public static string? GetGlobal(AnalyzerOptions options, string key) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>A product option as it applies to one file (its <c>.editorconfig</c> section), falling back to the global value.</summary>
    public static string? Get(AnalyzerOptions options, SyntaxTree tree, string key) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : GetGlobal(options, key);

    /// <summary>
    /// A product option of the whole project (<c>cadasto_secret_sinks</c>, <c>cadasto_credential_words</c>,
    /// <c>cadasto_allowed_placeholders</c>, <c>cadasto_client_type</c>): from a <c>.globalconfig</c>, or else from the
    /// <c>.editorconfig</c> section that applies to the project's C# files (<c>[*.cs]</c>) — the first file that has a
    /// value speaks for all, since the rules decide it once per compilation.
    /// </summary>
    public static string? GetForProject(Compilation compilation, AnalyzerOptions options, string key)
    {
        if (GetGlobal(options, key) is { } global)
        {
            return global;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    /// <summary>An MSBuild property made visible to analyzers (<c>CompilerVisibleProperty</c>); null when unset or empty.</summary>
    public static string? GetBuildProperty(AnalyzerConfigOptions globalOptions, string propertyName) =>
        globalOptions.TryGetValue("build_property." + propertyName, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>Splits a list option on commas, semicolons and whitespace, dropping empty entries.</summary>
    public static ImmutableArray<string> SplitList(string? value)
    {
        if (value is null)
        {
            return ImmutableArray<string>.Empty;
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            items.Add(item.Trim());
        }

        return items.ToImmutable();
    }

    /// <summary>
    /// The file name of the manifest for this compilation: <c>cadasto_manifest</c> from a <c>.globalconfig</c>, then
    /// from an <c>.editorconfig</c> section that applies to the additional files (<c>[*]</c>, <c>[*.json]</c>), then
    /// <c>CadastoManifest</c>, then <c>cadasto.json</c>.
    /// </summary>
    public static string ManifestFileName(AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        string? inSection = null;
        if (!HasValue(provider.GlobalOptions, Manifest))
        {
            foreach (var file in options.AdditionalFiles)
            {
                if ((inSection = ManifestOptionInSection(provider, file)) is not null)
                {
                    break;
                }
            }
        }

        return ManifestFileName(provider.GlobalOptions, inSection);
    }

    /// <summary>
    /// <c>cadasto_manifest</c> as an <c>.editorconfig</c> section sets it for one additional file, or null. The name is the
    /// project's: the first additional file with a value speaks for all (the generator and the rules take the same one).
    /// </summary>
    public static string? ManifestOptionInSection(AnalyzerConfigOptionsProvider provider, AdditionalText file) =>
        provider.GetOptions(file).TryGetValue(Manifest, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The same, from the global options and the value an <c>.editorconfig</c> section gives (what a generator has).</summary>
    public static string ManifestFileName(AnalyzerConfigOptions globalOptions, string? inSection = null)
    {
        var configured = (globalOptions.TryGetValue(Manifest, out var option) && !string.IsNullOrWhiteSpace(option) ? option.Trim() : null)
            ?? inSection
            ?? GetBuildProperty(globalOptions, "CadastoManifest")
            ?? DefaultManifestFileName;
        return System.IO.Path.GetFileName(configured.Replace('\\', '/'));
    }

    private static bool HasValue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value);

    private static readonly char[] ListSeparators = { ',', ';', ' ', '\t', '\r', '\n' };

    /// <summary>Case-insensitive set of an option's entries.</summary>
    public static HashSet<string> ToSet(ImmutableArray<string> items) => new(items, StringComparer.OrdinalIgnoreCase);
}
