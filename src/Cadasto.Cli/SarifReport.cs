using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;

namespace Cadasto.Cli;

/// <summary>
/// <c>--format sarif</c>: a SARIF 2.1.0 log written with System.Text.Json (Sarif.Sdk is not served).
/// Results carry <c>partialFingerprints["cadasto/v1"]</c>: stable across line moves, never derived
/// from a secret. Paths are relative to <c>%SRCROOT%</c>, the scanned folder.
/// </summary>
internal static class SarifReport
{
    public const string FingerprintKey = "cadasto/v1";

    public static string ToolVersion { get; } =
        typeof(SarifReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static async Task WriteAsync(TextWriter target, ScanResult result, IReadOnlyList<Finding> findings)
    {
        // Every rule the tool knows, so that a viewer shows titles and help even for rules without results.
        var rules = AnalyzerCatalog.Descriptors.Values
            .Concat(findings.Select(f => f.RuleId).Distinct().Where(id => !AnalyzerCatalog.Descriptors.ContainsKey(id))
                .Select(id => new DiagnosticDescriptor(id, id, id, "Security", DiagnosticSeverity.Warning, true)))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "cadasto");
            json.WriteString("version", ToolVersion);
            json.WriteString("semanticVersion", ToolVersion);
            json.WriteString("informationUri", "https://github.com/cadasto/Cadasto.Analyzers");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", Name(rule));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
                var description = rule.Description.ToString(CultureInfo.InvariantCulture);
                if (description.Length > 0)
                {
                    json.WriteStartObject("fullDescription");
                    json.WriteString("text", description);
                    json.WriteEndObject();
                }

                if (!string.IsNullOrEmpty(rule.HelpLinkUri))
                {
                    json.WriteString("helpUri", rule.HelpLinkUri);
                }

                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteBoolean("enabled", rule.IsEnabledByDefault);
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category);
                json.WriteStartArray("tags");
                json.WriteStringValue("security");
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", result.AnalyzerFailures.Count == 0);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var note in result.Notes)
            {
                json.WriteStartObject();
                json.WriteStartObject("message");
                json.WriteString("text", note);
                json.WriteEndObject();
                json.WriteString("level", result.AnalyzerFailures.Contains(note) ? "error" : "note");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("SRCROOT");
            json.WriteString("uri", new Uri(result.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            var valueHashes = ValueHash.OfAll(findings);
            foreach (var f in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.RuleId);
                json.WriteNumber("ruleIndex", ruleIndex[f.RuleId]);
                json.WriteString("level", f.Level);
                json.WriteStartObject("message");
                json.WriteString("text", f.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", RelativeUri(f.Path));
                json.WriteString("uriBaseId", "SRCROOT");
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", f.StartLine);
                json.WriteNumber("startColumn", f.StartColumn);
                json.WriteNumber("endLine", f.EndLine);
                json.WriteNumber("endColumn", f.EndColumn);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString(FingerprintKey, f.Fingerprint);
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("project", f.Project);
                if (valueHashes[f] is { } valueHash)
                {
                    json.WriteString("cadasto/valueHash", valueHash);
                }

                if (f.Commit is not null)
                {
                    json.WriteString("commit", f.Commit);
                    json.WriteBoolean("inHead", f.InHead == true);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        await target.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
        await target.FlushAsync().ConfigureAwait(false);
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>A PascalCase name from the title ("Client secret is hard-coded" → ClientSecretIsHardCoded).</summary>
    private static string Name(DiagnosticDescriptor rule)
    {
        var title = rule.Title.ToString(CultureInfo.InvariantCulture);
        var words = title.Split(new[] { ' ', '-', '_', '.', ',', '(', ')', '/', '\'', '`' }, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
        return name.Length == 0 ? rule.Id : name;
    }

    private static string RelativeUri(string path) =>
        string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
}
