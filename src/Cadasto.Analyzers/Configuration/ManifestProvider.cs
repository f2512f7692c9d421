using System;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// The one way analyzers get the manifest of a compilation: the additional file whose name is
/// <see cref="CadastoOptions.ManifestFileName"/> (<c>cadasto_manifest</c>, then the MSBuild property
/// <c>CadastoManifest</c>, then <c>cadasto.json</c>; compared case-insensitively), parsed once per text
/// and cached, so the several rules that read it never parse it twice.
/// </summary>
/// <remarks>
/// <para>Typical use in a compilation-start action:</para>
/// <code>
/// if (!ManifestProvider.TryGet(start.Options, start.CancellationToken, out var result) || result.Manifest is not { } manifest)
/// {
///     return; // no manifest (or not readable JSON): the manifest-comparing rules stay silent
/// }
/// </code>
/// <para>
/// Diagnostics about the manifest itself (CDS9001–CDS9003, in <see cref="ManifestParseResult.Diagnostics"/>)
/// are reported by the CDS900x analyzers, or by the credentials generator where it runs (never both); other
/// rules use the model and never report them.
/// </para>
/// </remarks>
internal static class ManifestProvider
{
    // Keyed by the text, which the compiler (and the IDE, until an edit) hands out as the same instance:
    // an edit makes a new SourceText, so a stale entry can never be returned, and the table lets go of
    // texts nobody holds any more.
    private static readonly ConditionalWeakTable<SourceText, Entry> Cache = new();

    /// <summary>
    /// Finds and reads the manifest among <paramref name="options"/>' additional files.
    /// False when the compilation has no manifest (or its text cannot be read).
    /// </summary>
    public static bool TryGet(AnalyzerOptions options, CancellationToken cancellationToken, out ManifestParseResult result)
    {
        var file = FindManifestFile(options);
        if (file is null)
        {
            result = null!;
            return false;
        }

        return TryGet(file, cancellationToken, out result);
    }

    /// <summary>Reads (or takes from the cache) the manifest in <paramref name="file"/>; false when its text cannot be read.</summary>
    public static bool TryGet(AdditionalText file, CancellationToken cancellationToken, out ManifestParseResult result)
    {
        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            text = null;
        }

        if (text is null)
        {
            result = null!;
            return false;
        }

        result = Get(file.Path, text, cancellationToken);
        return true;
    }

    /// <summary>Reads (or takes from the cache) the manifest whose text is <paramref name="text"/>.</summary>
    public static ManifestParseResult Get(string path, SourceText text, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(text, out var entry) && entry.Path == path)
        {
            return entry.Result;
        }

        var parsed = ManifestParser.Parse(path, text, cancellationToken);
        var created = new Entry(path, parsed);
        try
        {
            Cache.Add(text, created);
        }
        catch (ArgumentException)
        {
            // Another rule cached the same text meanwhile (or under another path): the parse is the same.
        }

        return parsed;
    }

    /// <summary>Whether <paramref name="file"/> is this compilation's manifest.</summary>
    public static bool IsManifestFile(AdditionalText file, AnalyzerOptions options) =>
        IsManifestPath(file.Path, CadastoOptions.ManifestFileName(options));

    /// <summary>Whether <paramref name="path"/> names the manifest <paramref name="manifestFileName"/> (file name only, case-insensitive).</summary>
    public static bool IsManifestPath(string path, string manifestFileName)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var fileName = path;
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        if (slash >= 0)
        {
            fileName = path.Substring(slash + 1);
        }

        return string.Equals(fileName, manifestFileName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The manifest among the additional files, or null. With several, the one with the shortest path (nearest the project).</summary>
    public static AdditionalText? FindManifestFile(AnalyzerOptions options)
    {
        var name = CadastoOptions.ManifestFileName(options);
        AdditionalText? found = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (IsManifestPath(file.Path, name) && (found is null || file.Path.Length < found.Path.Length))
            {
                found = file;
            }
        }

        return found;
    }

    /// <summary>The manifest's findings of one rule, as diagnostics.</summary>
    public static ImmutableArray<Diagnostic> DiagnosticsFor(ManifestParseResult result, DiagnosticDescriptor descriptor)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var info in result.Diagnostics)
        {
            if (info.Id == descriptor.Id)
            {
                diagnostics.Add(info.ToDiagnostic(descriptor));
            }
        }

        return diagnostics.ToImmutable();
    }

    private sealed class Entry
    {
        public Entry(string path, ManifestParseResult result)
        {
            Path = path;
            Result = result;
        }

        public string Path { get; }

        public ManifestParseResult Result { get; }
    }
}
