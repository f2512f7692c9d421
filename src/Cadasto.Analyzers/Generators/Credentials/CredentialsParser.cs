using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Generators.Credentials.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Generators.Credentials;

/// <summary>
/// Turns the generator's inputs (build options, the parsed manifest, the compilation) into its
/// equatable models. Never throws on bad input: a manifest that cannot describe the credentials gives
/// no model, and the manifest rules (CDS9001–CDS9003) say why.
/// </summary>
internal static class CredentialsParser
{
    /// <summary>MSBuild property that puts the generated types in another namespace.</summary>
    public const string NamespaceProperty = "CadastoCredentialsNamespace";

    /// <summary>MSBuild property that, set to <c>false</c>, switches generation off.</summary>
    public const string GenerateProperty = "CadastoGenerateCredentials";

    /// <summary>The runtime assembly whose presence turns generation on.</summary>
    public const string RuntimeAssemblyName = "Cadasto.Credentials";

    // Members of the generated CadastoEnvironments class an environment's nested class must not hide.
    private static readonly HashSet<string> ReservedIdentifiers = new(StringComparer.Ordinal)
    {
        "Application", "All", "Names", "For", "Find", "CadastoEnvironments",
        // ...and the members of an environment's own class (CS0542: a member cannot share its type's name).
        "Name", "ClientId", "Authority", "Scopes", "RedirectUris", "AllowedOrigins", "Secret", "Environment", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone",
    };

    /// <summary>The build's options for the generator.</summary>
    public static GeneratorOptionsSpec ParseOptions(AnalyzerConfigOptionsProvider provider, string? manifestNameInSection = null)
    {
        var global = provider.GlobalOptions;
        return new GeneratorOptionsSpec(
            CadastoOptions.GetBuildProperty(global, "RootNamespace"),
            CadastoOptions.GetBuildProperty(global, NamespaceProperty),
            CadastoOptions.GetBuildProperty(global, "UserSecretsId"),
            CadastoOptions.ManifestFileName(global, manifestNameInSection),
            string.Equals(CadastoOptions.GetBuildProperty(global, GenerateProperty), "false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What the generator needs to know about the compilation: cheap to compute, equal across edits.</summary>
    public static CompilationFactsSpec ParseCompilation(Compilation compilation)
    {
        var referencesRuntime = false;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (string.Equals(assembly.Name, RuntimeAssemblyName, StringComparison.Ordinal))
            {
                referencesRuntime = true;
                break;
            }
        }

        var version = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : LanguageVersion.Default;
        return new CompilationFactsSpec(referencesRuntime, version.ToDisplayString(), version >= LanguageVersion.CSharp8);
    }

    /// <summary>
    /// Whether the generator, not the CDS9001–CDS9003 analyzers, reports the manifest's findings: in a project that
    /// references the runtime with generation on. There the user's code names generated types, and when the manifest
    /// is broken the command-line compiler stops at the declaration errors (CS0246) before any analyzer runs; generator
    /// diagnostics are reported before that. One side reports, so a finding never appears twice.
    /// </summary>
    public static bool ReportsManifestFindings(GeneratorOptionsSpec options, CompilationFactsSpec facts) =>
        facts.ReferencesRuntime && !options.Disabled;

    /// <summary>The same decision, as the CDS900x analyzers make it from their compilation and options.</summary>
    public static bool ReportsManifestFindings(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
        ReportsManifestFindings(ParseOptions(options), ParseCompilation(compilation));

    /// <summary>
    /// The findings the generator reports for the manifests among the additional files (every file of the manifest's
    /// name, as the analyzers do): the parser's, and those that depend on the project's client type when the manifest
    /// has no <c>clientType</c>. Empty when the analyzers report them (see <see cref="ReportsManifestFindings(GeneratorOptionsSpec, CompilationFactsSpec)"/>).
    /// </summary>
    public static EquatableArray<DiagnosticInfo> ManifestFindings(
        ImmutableArray<ManifestParseResult?> manifests, ClientTypeInfo project, GeneratorOptionsSpec options, CompilationFactsSpec facts)
    {
        if (!ReportsManifestFindings(options, facts))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var findings = new List<DiagnosticInfo>();
        foreach (var result in manifests)
        {
            if (result is null)
            {
                continue;
            }

            findings.AddRange(result.Diagnostics);
            if (result.Manifest is { ClientType: ManifestClientType.Unspecified } manifest)
            {
                findings.AddRange(ManifestClientTypeFindings.For(manifest, project));
            }
        }

        return findings.ToEquatableArray();
    }

    /// <summary>
    /// The model of a manifest, or null when it cannot describe the credentials: unreadable, an
    /// invalid value (CDS9001/CDS9003), or missing what the generated code needs (CDS9002 on
    /// <c>application</c>, <c>environments</c>, a <c>clientId</c>, a confidential client's secret).
    /// A missing <c>contact</c> or <c>description</c> does not stop generation: the code does not use them.
    /// </summary>
    public static CredentialsSpec? ParseManifest(ManifestParseResult? result)
    {
        if (result is null || !result.IsValid || result.Manifest is not { } manifest)
        {
            return null;
        }

        var application = manifest.Application?.Value;
        if (application is null || application.Trim().Length == 0 || manifest.Environments.IsEmpty)
        {
            return null;
        }

        var environments = new List<EnvironmentSpec>(manifest.Environments.Length);
        // Case-insensitive: hint names (one file per environment) are compared that way, so StagingEu and Stagingeu must differ more.
        var identifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var secretIsOptional = false;
        foreach (var environment in manifest.Environments)
        {
            var clientId = environment.ClientId?.Value;
            if (clientId is null || clientId.Trim().Length == 0)
            {
                return null;
            }

            SecretReferenceSpec? secret = null;
            if (environment.Secret is { } reference)
            {
                if (reference.Store == SecretStoreKind.Unknown || reference.Reference is not { } name || name.Trim().Length == 0)
                {
                    return null;
                }

                var vault = reference.Vault?.Value;
                if (reference.Store == SecretStoreKind.AzureKeyVault && (vault is null || vault.Trim().Length == 0))
                {
                    return null;
                }

                secret = new SecretReferenceSpec(ManifestVocabulary.StoreName(reference.Store), name, reference.Store == SecretStoreKind.AzureKeyVault ? vault : null);
            }
            else if (manifest.IsConfidential)
            {
                return null; // CDS9002: a confidential client needs a secret outside development
            }
            else
            {
                secretIsOptional = true;
            }

            environments.Add(new EnvironmentSpec(
                environment.Name.Value,
                UniqueIdentifier(environment.Name.Value, identifiers),
                clientId,
                environment.Authority?.Value,
                Values(manifest.ScopesOf(environment)),
                Values(environment.RedirectUris),
                Values(environment.AllowedOrigins),
                secret));
        }

        return new CredentialsSpec(application, environments.ToEquatableArray(), secretIsOptional);
    }

    /// <summary>The namespace to generate into: the override, else the root namespace, each made a valid dotted name; empty for the global namespace.</summary>
    public static string Namespace(GeneratorOptionsSpec options)
    {
        var chosen = ValidNamespace(options.NamespaceOverride);
        return chosen.Length > 0 ? chosen : ValidNamespace(options.RootNamespace);
    }

    /// <summary>
    /// A C# identifier for a manifest name: words in PascalCase (<c>staging-eu</c> → <c>StagingEu</c>), a leading digit
    /// prefixed with <c>_</c>, at most <see cref="GeneratedNames.MaxIdentifierLength"/> characters. Formatting characters
    /// (zero-width space, soft hyphen, direction marks) are dropped: the compiler ignores them in identifiers
    /// (C# spec §6.4.3), so <c>Sta​ging</c> would be the same name as <c>Staging</c> to it and different to us.
    /// </summary>
    public static string ToIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (SyntaxFacts.IsIdentifierPartCharacter(c) && c != '_')
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0)
        {
            return "Environment";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var identifier = GeneratedNames.LimitLength(builder.ToString(), GeneratedNames.MaxIdentifierLength);
        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
    }

    private static string UniqueIdentifier(string name, HashSet<string> taken)
    {
        var identifier = ToIdentifier(name);
        if (ReservedIdentifiers.Contains(identifier))
        {
            identifier += "Environment";
        }

        var candidate = identifier;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = identifier + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string ValidNamespace(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (var part in value.Split('.'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var builder = new StringBuilder(trimmed.Length);
            foreach (var c in trimmed)
            {
                builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
            }

            if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
            {
                builder.Insert(0, '_');
            }

            var identifier = builder.ToString();
            parts.Add(SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier);
        }

        return string.Join(".", parts);
    }

    private static EquatableArray<string> Values(EquatableArray<ManifestValue> values)
    {
        var strings = new List<string>(values.Length);
        foreach (var value in values)
        {
            strings.Add(value.Value);
        }

        return strings.ToEquatableArray();
    }
}
