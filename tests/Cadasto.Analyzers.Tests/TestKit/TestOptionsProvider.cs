using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>
/// The one options provider of the tests: global options (a <c>.globalconfig</c>'s, <c>build_property.*</c>), and what
/// an <c>.editorconfig</c> section gives every source tree and every additional file (nothing unless told).
/// </summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    private readonly AnalyzerConfigOptions _trees;
    private readonly AnalyzerConfigOptions _files;

    public TestOptionsProvider(
        IReadOnlyDictionary<string, string> global,
        IReadOnlyDictionary<string, string>? trees = null,
        IReadOnlyDictionary<string, string>? additionalFiles = null)
    {
        GlobalOptions = new Options(global);
        _trees = new Options(trees ?? None);
        _files = new Options(additionalFiles ?? None);
    }

    /// <summary>The same options for the whole build, every tree and every additional file (one <c>.editorconfig</c> at the root).</summary>
    public static TestOptionsProvider Everywhere(IReadOnlyDictionary<string, string> options) => new(options, options, options);

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _trees;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _files;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
