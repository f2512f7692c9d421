using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;

namespace Cadasto.Cli;

/// <summary><c>--format json</c>: findings (masked), notes and a summary; usable as a <c>--baseline</c>.</summary>
internal static class JsonReport
{
    public static async Task WriteAsync(TextWriter target, ScanResult result, IReadOnlyList<Finding> findings, int suppressedByBaseline)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("tool", "cadasto");
            json.WriteString("toolVersion", SarifReport.ToolVersion);
            json.WriteString("root", result.Root);
            json.WriteStartArray("findings");
            var valueHashes = ValueHash.OfAll(findings);
            foreach (var f in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("severity", f.SeverityName);
                json.WriteString("message", f.Message);
                json.WriteString("path", f.Path);
                json.WriteNumber("line", f.StartLine);
                json.WriteNumber("column", f.StartColumn);
                json.WriteNumber("endLine", f.EndLine);
                json.WriteNumber("endColumn", f.EndColumn);
                json.WriteString("project", f.Project);
                if (f.HelpUri is not null)
                {
                    json.WriteString("helpUri", f.HelpUri);
                }

                json.WriteString("fingerprint", f.Fingerprint);
                if (valueHashes[f] is { } valueHash)
                {
                    json.WriteString("valueHash", valueHash);
                }
                if (f.Commit is not null)
                {
                    json.WriteString("commit", f.Commit);
                    json.WriteBoolean("inHead", f.InHead == true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("projects", result.Projects);
            json.WriteNumber("sourceFiles", result.SourceFiles);
            json.WriteNumber("analyzedFiles", result.AnalyzedFiles);
            json.WriteNumber("configurationFiles", result.AdditionalFiles);
            json.WriteNumber("errors", findings.Count(f => f.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("warnings", findings.Count(f => f.Severity == DiagnosticSeverity.Warning));
            json.WriteNumber("infos", findings.Count(f => f.Severity == DiagnosticSeverity.Info));
            json.WriteNumber("inBaseline", suppressedByBaseline);
            json.WriteNumber("analyzerFailures", result.AnalyzerFailures.Count);
            json.WriteNumber("elapsedMilliseconds", (long)result.Elapsed.TotalMilliseconds);
            json.WriteNumber("loadMilliseconds", (long)result.LoadTime.TotalMilliseconds);
            json.WriteNumber("analysisMilliseconds", (long)result.AnalysisTime.TotalMilliseconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await target.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
        await target.FlushAsync().ConfigureAwait(false);
    }
}
