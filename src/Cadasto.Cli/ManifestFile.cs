using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Cli;

/// <summary>
/// The manifest a command works on: found from <c>--manifest</c> (a file, or a folder holding
/// <c>cadasto.json</c>), read by the product's own reader, with the project beside it.
/// </summary>
internal sealed class ManifestFile
{
    private ManifestFile(string path, SourceText text, ManifestParseResult result, ScanProject? project)
    {
        Path = path;
        Text = text;
        Result = result;
        Project = project;
    }

    public string Path { get; }

    public SourceText Text { get; }

    public ManifestParseResult Result { get; }

    /// <summary>The project beside the manifest (its UserSecretsId), when there is one.</summary>
    public ScanProject? Project { get; }

    public CadastoManifest? Manifest => Result.Manifest;

    /// <summary>Finds and reads the manifest; the problem in words when there is none.</summary>
    public static (ManifestFile? File, string? Problem) Load(string? location)
    {
        var path = location ?? Directory.GetCurrentDirectory();
        if (Directory.Exists(path))
        {
            path = System.IO.Path.Combine(path, CadastoOptions.DefaultManifestFileName);
        }

        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            return (null, $"no manifest at '{path}'. Create one with 'cadasto init', or name it with --manifest.");
        }

        SourceText text;
        try
        {
            using var stream = File.OpenRead(path);
            text = SourceText.From(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, $"cannot read '{path}': {ex.Message}");
        }

        var result = ManifestParser.Parse(path, text);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        ScanProject? project = null;
        var projectFile = Directory.EnumerateFiles(directory, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        if (projectFile is not null)
        {
            project = new ScanProject(System.IO.Path.GetFileNameWithoutExtension(projectFile), directory, projectFile);
            ProjectFileReader.Read(project, directory);
        }

        return (new ManifestFile(path, text, result, project), null);
    }

    /// <summary>A compiler-style line for a manifest finding: <c>cadasto.json(3,5): warning CDS9002: …</c>.</summary>
    public string Format(DiagnosticInfo info)
    {
        var message = info.Id;
        var severity = "warning";
        if (AnalyzerCatalog.Descriptors.TryGetValue(info.Id, out var descriptor))
        {
            message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), info.MessageArgs.Select(a => (object)a).ToArray());
            severity = descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "info",
            };
        }

        var start = info.Location.LineSpan.Start;
        return $"{DisplayPath}({start.Line + 1},{start.Character + 1}): {severity} {info.Id}: {message}";
    }

    /// <summary>A compiler-style line for a problem the CLI finds itself (no rule id): <c>cadasto.json(9,7): error: …</c>.</summary>
    public string FormatError(LocationInfo location, string message)
    {
        var start = location.LineSpan.Start;
        return $"{DisplayPath}({start.Line + 1},{start.Character + 1}): error: {message}";
    }

    /// <summary>A CDS9002 finding of the CLI's own (what the request needs beyond what the build checks).</summary>
    public DiagnosticInfo Incomplete(LocationInfo location, string what) =>
        DiagnosticInfo.Create(Cadasto.Analyzers.DiagnosticIds.ManifestIncomplete, location, what);

    public string DisplayPath
    {
        get
        {
            var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), Path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? Path : relative.Replace('\\', '/');
        }
    }

    /// <summary>Diagnostics that make the manifest unusable: not JSON, wrong shape, invalid values (CDS9001, CDS9003).</summary>
    public IEnumerable<DiagnosticInfo> Errors => Result.Diagnostics.Where(d => d.Id is Cadasto.Analyzers.DiagnosticIds.ManifestMalformed or Cadasto.Analyzers.DiagnosticIds.ManifestInvalidValue);
}
