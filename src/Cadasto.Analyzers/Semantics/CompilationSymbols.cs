using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Everything a rule resolves against a compilation, resolved once and shared by every rule of that compilation:
/// well-known types (the only place that calls <see cref="Compilation.GetTypeByMetadataName"/>) and the catalogue
/// indexes. Every analyzer's compilation-start action asks <see cref="Get"/>; the first builds, the others share.
/// </summary>
internal sealed class CompilationSymbols
{
    private static readonly PerCompilation<CompilationSymbols> Cache = new();

    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(System.StringComparer.Ordinal);

    // The sink index depends on the user's cadasto_secret_sinks, read from the options: one per distinct value
    // (a build has one; a host that analyses with other options gets its own).
    private readonly ConcurrentDictionary<string, System.Lazy<SecretSinkIndex>> _secretSinks = new(System.StringComparer.Ordinal);

    private CatalogIndex<OAuthSignal>? _oauthSignals;
    private CatalogIndex<RedirectUriKind>? _redirectUriSinks;
    private CatalogIndex<PkceRequirement>? _pkceSites;
    private CatalogIndex<OutputTarget>? _outputSinks;
    private CatalogIndex<SecretSourceKey>? _secretSources;
    private CatalogIndex<ServerRegistration>? _serverRegistrations;

    private readonly System.Func<string, INamedTypeSymbol?> _resolve;
    private readonly Compilation _compilation;

    // Whether any source document of the compilation spells a text (a form key): one scan per text per compilation.
    // Not a Lazy: a cancelled scan must not be remembered; two rules racing on the first scan both get the same answer.
    private readonly ConcurrentDictionary<string, bool> _mentions = new(System.StringComparer.Ordinal);

    // The same for a search of names (IdentifierSearch instances are kept for the process, so known by reference).
    private readonly ConcurrentDictionary<IdentifierSearch, bool> _spelled = new();

    private readonly System.Lazy<bool> _everyReferenceInGlobalNamespace;
    private readonly System.Func<string, INamedTypeSymbol?> _resolveChecked;

    private CompilationSymbols(Compilation compilation)
    {
        _compilation = compilation;
        _resolveChecked = Resolve;
        _everyReferenceInGlobalNamespace = new System.Lazy<bool>(() => compilation.References.All(r => r.Properties.Aliases.IsDefaultOrEmpty || r.Properties.Aliases.Contains("global")));
#pragma warning disable RS0030 // The symbol cache is the one place that looks types up by name.
        _resolve = compilation.GetTypeByMetadataName;
#pragma warning restore RS0030
    }

    /// <summary>The compilation's shared symbols.</summary>
    public static CompilationSymbols Get(Compilation compilation) => Cache.Get(compilation, static c => new CompilationSymbols(c));

    /// <summary>A type by metadata name (<c>System.Text.StringBuilder</c>, <c>Namespace.Generic`1</c>); null when the compilation cannot see it.</summary>
    public INamedTypeSymbol? Type(string metadataName) =>
        _types.GetOrAdd(metadataName, _resolveChecked);

    /// <remarks>
    /// <see cref="Compilation.GetTypeByMetadataName"/> asks every referenced assembly (hundreds in an SDK project) for every
    /// catalogue row, and most rows name a library the project does not use. A type cannot resolve where its namespace does
    /// not exist, which the compilation's merged global namespace answers in a few lookups; the answer is then the same
    /// null. A reference with an <c>extern alias</c> is not part of the global namespace but is searched by
    /// GetTypeByMetadataName: with one, every name is looked up as before.
    /// </remarks>
    private INamedTypeSymbol? Resolve(string metadataName) =>
        _everyReferenceInGlobalNamespace.Value && !NamespaceExists(metadataName, NamespaceLength(metadataName)) ? null : _resolve(metadataName);

    /// <summary>
    /// Whether a namespace (<c>OpenIddict</c>) may hold types: false only when the compilation's merged global namespace
    /// has no such namespace and no reference hides behind an <c>extern alias</c>.
    /// </summary>
    public bool MayHaveNamespace(string name) =>
        !_everyReferenceInGlobalNamespace.Value || NamespaceExists(name, name.Length);

    // "A.B.C`1+Nested": the namespace is "A.B".
    private static int NamespaceLength(string metadataName)
    {
        var end = metadataName.IndexOf('+');
        return metadataName.LastIndexOf('.', end < 0 ? metadataName.Length - 1 : end);
    }

    private bool NamespaceExists(string metadataName, int lastDot)
    {
        var current = _compilation.GlobalNamespace;
        for (var start = 0; start < lastDot;)
        {
            var dot = metadataName.IndexOf('.', start);
            var name = metadataName.Substring(start, (dot < 0 || dot > lastDot ? lastDot : dot) - start);
            // Looked up by name (the merged namespace's own table), not by listing every member of each level.
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(name))
            {
                if (member is INamespaceSymbol found)
                {
                    next = found;
                    break;
                }
            }

            if (next is null)
            {
                return false;
            }

            current = next;
            start = start + name.Length + 1;
        }

        return true;
    }

    /// <summary>
    /// Whether the text of any source document of the compilation holds <paramref name="text"/>, case ignored (as
    /// <see cref="KeyedValues.KeyIs"/> compares keys): a constant of one document that spells a form key can be the key
    /// a call of another document uses. Scanned once per text per compilation.
    /// </summary>
    public bool SourceMentions(string text, CancellationToken cancellationToken)
    {
        if (!_mentions.TryGetValue(text, out var mentioned))
        {
            mentioned = ScanSources(text, cancellationToken);
            _mentions.TryAdd(text, mentioned);
        }

        return mentioned;
    }

    /// <summary>
    /// Whether any source document spells a name <paramref name="search"/> looks for and <paramref name="counts"/> accepts
    /// (the same function for the same search: the answer is kept per search, one pass per compilation).
    /// </summary>
    public bool SourceSpells(IdentifierSearch search, System.Func<SearchedName, bool> counts, CancellationToken cancellationToken)
    {
        if (!_spelled.TryGetValue(search, out var spelled))
        {
            spelled = false;
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (search.FoundIn(tree.GetText(cancellationToken), counts))
                {
                    spelled = true;
                    break;
                }
            }

            _spelled.TryAdd(search, spelled);
        }

        return spelled;
    }

    private bool ScanSources(string text, CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (SourceTextSearch.Contains(tree.GetText(cancellationToken), text, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The secret sinks: the catalogue's and the user's <c>cadasto_secret_sinks</c>.</summary>
    public SecretSinkIndex SecretSinks(AnalyzerOptions options)
    {
        var option = CadastoOptions.GetForProject(_compilation, options, CadastoOptions.SecretSinks);
        return string.IsNullOrWhiteSpace(option) ? DefaultSecretSinks : SinksFor(option!);
    }

    /// <summary>The secret sinks the catalogue knows, without the user's.</summary>
    public SecretSinkIndex DefaultSecretSinks => SinksFor(string.Empty);

    /// <summary>The OAuth flow signals (CDS2001–CDS2005), with the same secret sinks as CDS1001 (the user's included).</summary>
    public OAuthSignalIndex OAuthSignals(AnalyzerOptions options) => new(
        LazyInitializer.EnsureInitialized(ref _oauthSignals, () => CatalogIndex<OAuthSignal>.Create(this, OAuthSignalCatalog.Members))!,
        SecretSinks(options),
        ServerRegistrations);

    /// <summary>What authorization servers' APIs say about the flows they allow their clients (CDS2002–CDS2004).</summary>
    public CatalogIndex<ServerRegistration> ServerRegistrations =>
        LazyInitializer.EnsureInitialized(ref _serverRegistrations, () => CatalogIndex<ServerRegistration>.Create(this, ServerRegistrationCatalog.Members))!;

    /// <summary>The members that take a redirect URI (CDS3001, CDS3002).</summary>
    public CatalogIndex<RedirectUriKind> RedirectUriSinks =>
        LazyInitializer.EnsureInitialized(ref _redirectUriSinks, () => CatalogIndex<RedirectUriKind>.Create(this, RedirectUriCatalog.Members))!;

    /// <summary>The authorization-code calls and creations that need PKCE evidence (CDS2004).</summary>
    public CatalogIndex<PkceRequirement> PkceSites =>
        LazyInitializer.EnsureInitialized(ref _pkceSites, () => CatalogIndex<PkceRequirement>.Create(this, PkceCatalog.Members))!;

    /// <summary>The methods that write what they are given to a log, the console or the debug output (CDS1005).</summary>
    public CatalogIndex<OutputTarget> OutputSinks =>
        LazyInitializer.EnsureInitialized(ref _outputSinks, () => CatalogIndex<OutputTarget>.Create(this, OutputSinkCatalog.Members))!;

    /// <summary>The members that read a value from a secret store (CDS1005): configuration, the environment, <c>SecretValue</c>.</summary>
    public CatalogIndex<SecretSourceKey> SecretSources =>
        LazyInitializer.EnsureInitialized(ref _secretSources, () => CatalogIndex<SecretSourceKey>.Create(this, SecretSourceCatalog.Members))!;

    private SecretSinkIndex SinksFor(string option) =>
        _secretSinks.GetOrAdd(option, o => new System.Lazy<SecretSinkIndex>(
            () => SecretSinkIndex.Create(this, o.Length == 0 ? ImmutableArray<SecretSink>.Empty : SecretSinkCatalog.ParseUserSinks(o)),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
