using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

using Cadasto.Analyzers.Infrastructure;

namespace Cadasto.Scanning;

/// <summary>
/// The options the compiler would pass for a project: <c>.editorconfig</c> / <c>.globalconfig</c>
/// sections per file (<c>cadasto_*</c> keys and anything else) and the MSBuild properties the package
/// makes visible as <c>build_property.*</c> global options. Asked to analyse generated code
/// (<c>--include-generated</c>), it says <c>generated_code = false</c> for every file, which is how the compiler's
/// analyzer driver is told a file is no generated code.
/// </summary>
internal sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet? _set;
    private readonly DictionaryOptions _global;
    private readonly Dictionary<string, AnalyzerConfigOptions> _cache = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ConfigOptionsProvider(AnalyzerConfigSet? set, IReadOnlyDictionary<string, string> buildProperties)
    {
        _set = set;
        var global = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        if (set is not null)
        {
            foreach (var pair in set.GlobalConfigOptions.AnalyzerOptions)
            {
                global[pair.Key] = pair.Value;
            }
        }

        foreach (var pair in buildProperties)
        {
            global["build_property." + pair.Key] = pair.Value;
        }

        _global = new DictionaryOptions(global.ToImmutable());
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    /// <summary>Every file is written code to the rules (<c>generated_code = false</c>), whatever its name or header.</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary>
    /// The member names of <c>cadasto_secret_sinks</c> and the words of <c>cadasto_credential_words</c> that apply to
    /// any of these files (their sections, or the global options), read as the rules read them: the prefilter must
    /// keep the files that use them.
    /// </summary>
    public IEnumerable<string> UserWords(IEnumerable<string> sourceFiles)
    {
        var sinks = new HashSet<string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        Collect(_global);
        if (_set is not null)
        {
            foreach (var file in sourceFiles)
            {
                Collect(ForPath(file));
            }
        }

        return sinks.SelectMany(Cadasto.Analyzers.Catalogs.SourceVocabulary.UserSinkNames)
            .Concat(words.SelectMany(Cadasto.Analyzers.Values.CredentialNames.OptionWords))
            .Select(word => word.Trim());

        void Collect(AnalyzerConfigOptions options)
        {
            if (options.TryGetValue(CadastoOptions.SecretSinks, out var sinkList))
            {
                sinks.Add(sinkList);
            }

            if (options.TryGetValue(CadastoOptions.CredentialWords, out var wordList))
            {
                words.Add(wordList);
            }
        }
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

    private AnalyzerConfigOptions ForPath(string path)
    {
        if (_set is null || string.IsNullOrEmpty(path))
        {
            return IncludeGenerated ? DictionaryOptions.NotGenerated : DictionaryOptions.Empty;
        }

        lock (_gate)
        {
            if (!_cache.TryGetValue(path, out var options))
            {
                var values = _set.GetOptionsForSourcePath(path).AnalyzerOptions;
                options = new DictionaryOptions(IncludeGenerated ? values.SetItem(GeneratedCodeKey, "false") : values);
                _cache[path] = options;
            }

            return options;
        }
    }

    private const string GeneratedCodeKey = Cadasto.Analyzers.Values.GeneratedSource.OptionKey;

    /// <summary>Reads the configuration files; unreadable ones are left out with a note.</summary>
    public static AnalyzerConfigSet? CreateSet(ImmutableArray<string> files, List<string> notes)
    {
        if (files.IsDefaultOrEmpty)
        {
            return null;
        }

        var configs = new List<AnalyzerConfig>();
        foreach (var file in files)
        {
            // The compiler keys sections of an .editorconfig on its folder; a .globalconfig is global by name.
            var text = InputFiles.ReadAllText(file, file, out var problem);
            if (text is null)
            {
                if (problem is not null && !problem.Contains("empty, or not a regular file", StringComparison.Ordinal))
                {
                    notes.Add(problem);
                }

                continue;
            }

            if (file.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase) && !text.Contains("is_global", StringComparison.OrdinalIgnoreCase))
            {
                text = "is_global = true\n" + text;
            }

            configs.Add(AnalyzerConfig.Parse(SourceText.From(text), file));
        }

        return configs.Count == 0 ? null : AnalyzerConfigSet.Create(configs, out _);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary.Create<string, string>(KeyComparer));

        public static readonly DictionaryOptions NotGenerated = new(ImmutableDictionary.Create<string, string>(KeyComparer).Add(GeneratedCodeKey, "false"));

        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}

/// <summary>
/// <c>dotnet_diagnostic.&lt;id&gt;.severity</c> from the same configuration files, as the compiler applies
/// them: per file first, then the global configuration.
/// </summary>
internal sealed class ConfigSeverityProvider : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly Dictionary<string, AnalyzerConfigOptionsResult> _cache = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ConfigSeverityProvider(AnalyzerConfigSet set) => _set = set;

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
        ForPath(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
            ? generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated
            : GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        ForPath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);

    private AnalyzerConfigOptionsResult ForPath(string? path)
    {
        path ??= string.Empty;
        lock (_gate)
        {
            if (!_cache.TryGetValue(path, out var result))
            {
                result = _set.GetOptionsForSourcePath(path);
                _cache[path] = result;
            }

            return result;
        }
    }
}
