using System;
using System.Collections.Generic;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Configuration;

/// <summary>A string value of a configuration file and where it is.</summary>
internal readonly record struct ConfigurationValue(string Key, string Value, Location Location);

/// <summary>
/// The OAuth settings of <c>appsettings*.json</c> (and <c>wwwroot/appsettings*.json</c>), read with the
/// shared JSON reader in the configuration provider's dialect (comments, trailing commas): redirect URIs
/// (<c>RedirectUri</c>, <c>CallbackPath</c>, in any style, at any depth) and requested scopes (<c>Scope</c>, <c>Scopes</c>).
/// Files are recognised by name, so the CLI, which has no MSBuild, sees the same.
/// </summary>
internal static class ConfigurationFiles
{
    public static bool IsAppSettings(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var name = slash < 0 ? path : path.Substring(slash + 1);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every string under a property whose name is one of <paramref name="keys"/> in any style (<c>RedirectUri</c>,
    /// <c>redirectUri</c>, <c>redirect_uri</c>, <c>redirect-uri</c>: case and separators ignored), arrays included.
    /// </summary>
    public static List<ConfigurationValue> Read(AdditionalText file, string[] keys, CancellationToken cancellationToken)
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

        Walk(root, null, file.Path, keys, values);
        return values;
    }

    private static void Walk(JsonNode node, string? key, string path, string[] keys, List<ConfigurationValue> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.Properties)
                {
                    Walk(property.Value, property.Name, path, keys, values);
                }

                break;
            case JsonArray array:
                foreach (var item in array.Items)
                {
                    Walk(item, key, path, keys, values);
                }

                break;
            case JsonString text when key is not null && Array.Exists(keys, k => SeparatorInsensitiveText.Equals(k, key)):
                values.Add(new ConfigurationValue(key, text.Value, new LocationInfo(path, text.Span, text.LineSpan).ToLocation()));
                break;
        }
    }
}
