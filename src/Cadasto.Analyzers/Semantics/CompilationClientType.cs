using System.Runtime.CompilerServices;
using System.Threading;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The client type of a compilation, computed once and shared by every rule that asks (the
/// manifest is read once per compilation through its own cache).
/// </summary>
internal static class CompilationClientType
{
    private static readonly PerCompilation<StrongBox<ClientTypeInfo>> Cache = new();

    public static ClientTypeInfo Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Cache.Get(compilation, (options, cancellationToken), static (c, state) => new StrongBox<ClientTypeInfo>(Resolve(c, state.options, state.cancellationToken))).Value;

    private static ClientTypeInfo Resolve(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        string? declared = null;
        var manifestFileName = CadastoOptions.ManifestFileName(options);
        if (ManifestProvider.TryGet(options, cancellationToken, out var manifest) && manifest.Manifest is { } model)
        {
            declared = model.ClientType switch
            {
                ManifestClientType.Public => "public",
                ManifestClientType.Confidential => "confidential",
                _ => null,
            };
        }

        return ClientTypeResolver.Resolve(options, declared, ConfiguredInEditorConfig(compilation, options), manifestFileName);
    }

    /// <summary>
    /// What the project says its client type is, the manifest left out (<c>cadasto_client_type</c>, then the build):
    /// what decides the manifest findings of a manifest without <c>clientType</c>. For the generator, which has the
    /// options but no additional files in an <see cref="AnalyzerOptions"/>; not cached, it reads no file.
    /// </summary>
    public static ClientTypeInfo OfProject(Compilation compilation, AnalyzerConfigOptionsProvider provider)
    {
        var options = new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, provider);
        return ClientTypeResolver.Resolve(options, manifestClientType: null, ConfiguredInEditorConfig(compilation, options));
    }

    /// <summary><c>cadasto_client_type</c> of the project (<see cref="CadastoOptions.GetForProject"/>).</summary>
    private static string? ConfiguredInEditorConfig(Compilation compilation, AnalyzerOptions options) =>
        CadastoOptions.GetForProject(compilation, options, CadastoOptions.ClientType);
}
