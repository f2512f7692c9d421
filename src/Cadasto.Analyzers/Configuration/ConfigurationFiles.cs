using System;
using System.Collections.Generic;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Configuration;

/// <summary>A string value of a configuration file and where it is.</summary>
internal readonly record struct ConfigurationValue(string Key, string Value, Location Location);

/// <summary>What a configuration file is, by its name: the one test the rules, the generator and the CLI share.</summary>
internal enum ConfigurationFileKind
{
    /// <summary>Not a file the rules read.</summary>
    None,

    /// <summary><c>appsettings.json</c>, <c>appsettings.{Environment}.json</c>, in any folder of the project.</summary>
    AppSettings,

    /// <summary><c>launchSettings.json</c> (the package adds <c>Properties/launchSettings.json</c>).</summary>
    LaunchSettings,

    /// <summary>The manifest: <c>cadasto.json</c>, or the file <c>cadasto_manifest</c> / <c>CadastoManifest</c> names.</summary>
    Manifest,
}

/// <summary>
/// Which configuration file a path is, and the OAuth settings of <c>appsettings*.json</c>, read with the
/// shared JSON reader in the configuration provider's dialect (comments, trailing commas): redirect URIs
/// (<c>RedirectUri</c>, <c>CallbackPath</c>, in any style, at any depth) and requested scopes (<c>Scope</c>, <c>Scopes</c>).
/// Files are recognised by name, so the CLI, which has no MSBuild, sees the same; copies under the project's
/// <c>bin/</c> and <c>obj/</c> are never read (the build copies <c>appsettings.json</c> there: findings would double).
/// </summary>
internal static class ConfigurationFiles
{
    /// <summary>The folders a build writes into; a configuration file under one of them is a copy.</summary>
    private static readonly string[] BuildOutputFolders = { "bin", "obj" };

    /// <summary>What <paramref name="path"/> is, by its file name alone (any folder).</summary>
    public static ConfigurationFileKind KindOf(string path, string manifestFileName)
    {
        var name = FileName(path);
        if (name.Equals(manifestFileName, StringComparison.OrdinalIgnoreCase)
            || name.Equals(CadastoOptions.DefaultManifestFileName, StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFileKind.Manifest;
        }

        if (name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationFileKind.LaunchSettings;
        }

        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ConfigurationFileKind.AppSettings
            : ConfigurationFileKind.None;
    }

    /// <summary>
    /// What a file the build hands over is: <see cref="ConfigurationFileKind.None"/> for a copy under <c>bin/</c> or
    /// <c>obj/</c> of the project (<paramref name="projectDirectory"/>, <c>build_property.ProjectDir</c>), which a
    /// hand-written <c>**/appsettings*.json</c> glob picks up on the second build.
    /// </summary>
    public static ConfigurationFileKind KindOf(string path, string manifestFileName, string? projectDirectory)
    {
        var kind = KindOf(path, manifestFileName);
        return kind != ConfigurationFileKind.None && IsInBuildOutput(path, projectDirectory) ? ConfigurationFileKind.None : kind;
    }

    /// <summary>The project folder the build names (<c>build_property.ProjectDir</c>), or null (the CLI's loose files, tests).</summary>
    public static string? ProjectDirectory(AnalyzerOptions options) =>
        CadastoOptions.GetBuildProperty(options.AnalyzerConfigOptionsProvider.GlobalOptions, "ProjectDir");

    /// <summary>Whether the file is <c>appsettings*.json</c> by name (any folder).</summary>
    public static bool IsAppSettings(string path) => KindOf(path, CadastoOptions.DefaultManifestFileName) == ConfigurationFileKind.AppSettings;

    /// <summary>Whether an additional file is <c>appsettings*.json</c> of the project (any folder but <c>bin/</c> and <c>obj/</c>).</summary>
    public static bool IsAppSettings(AdditionalText file, AnalyzerOptions options) =>
        IsAppSettings(file.Path) && !IsInBuildOutput(file.Path, ProjectDirectory(options));

    /// <summary>
    /// Whether <paramref name="path"/> lies in a <c>bin</c> or <c>obj</c> folder: below <paramref name="projectDirectory"/>
    /// when the path is inside it (folders above the project are the user's business), anywhere in the path otherwise.
    /// </summary>
    public static bool IsInBuildOutput(string path, string? projectDirectory)
    {
        var relative = path.Replace('\\', '/');
        if (projectDirectory is { Length: > 0 })
        {
            var root = projectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            if (relative.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                relative = relative.Substring(root.Length);
            }
        }

        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            foreach (var folder in BuildOutputFolders)
            {
                if (segments[i].Equals(folder, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The file name of a path written with either separator.</summary>
    public static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    /// <summary>
    /// Every string under a property whose name is one of <paramref name="keys"/> in any style (<c>RedirectUri</c>,
    /// <c>redirectUri</c>, <c>redirect_uri</c>, <c>redirect-uri</c>: case and separators ignored), arrays included, read
    /// past a syntax error as far as it can be. A value that is a secret (<c>https://user:pw@host/cb</c>) is left out: it is
    /// CDS1004's alone, so that one secret never gets a second finding (the SPEC), nor its text a second message.
    /// </summary>
    public static List<ConfigurationValue> Read(AdditionalText file, string[] keys, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var values = new List<ConfigurationValue>();
        Microsoft.CodeAnalysis.Text.SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException or System.IO.InvalidDataException)
        {
            return values;
        }

        if (text is null || JsonReader.Parse(text, JsonReaderOptions.Configuration, cancellationToken).Root is not { } root)
        {
            return values;
        }

        var found = new List<(string Key, JsonString Value)>();
        Walk(root, null, keys, found);
        if (found.Count == 0)
        {
            return values;
        }

        // Judged with the compilation's words and placeholders, as CDS1004 judges them; only for files with such keys.
        var secretSpans = new HashSet<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var secret in ConfigurationFileSecrets.Find(root, ConfigurationSecrets.Create(compilation, options), isManifest: false))
        {
            secretSpans.Add(secret.Value.Span);
        }

        foreach (var (key, value) in found)
        {
            if (!secretSpans.Contains(value.Span))
            {
                values.Add(new ConfigurationValue(key, value.Value, new LocationInfo(file.Path, value.Span, value.LineSpan).ToLocation()));
            }
        }

        return values;
    }

    private static void Walk(JsonNode node, string? key, string[] keys, List<(string Key, JsonString Value)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.Properties)
                {
                    Walk(property.Value, property.Name, keys, found);
                }

                break;
            case JsonArray array:
                foreach (var item in array.Items)
                {
                    Walk(item, key, keys, found);
                }

                break;
            case JsonString text when key is not null && Array.Exists(keys, k => SeparatorInsensitiveText.Equals(k, key)):
                found.Add((key, text));
                break;
        }
    }
}
