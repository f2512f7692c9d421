using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Cadasto.Cli;

/// <summary>
/// Reads the fingerprints of a previous report: <c>--format json</c> (<c>findings[].fingerprint</c>)
/// or <c>--format sarif</c> (<c>runs[].results[].partialFingerprints</c>). Fingerprints name a
/// finding by rule, file, enclosing member or key, and message: never by the secret's value.
/// </summary>
internal static class Baseline
{
    public static (HashSet<string> Fingerprints, string? Problem) Read(string path)
    {
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return (fingerprints, $"baseline '{path}' does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array)
            {
                foreach (var finding in findings.EnumerateArray())
                {
                    if (finding.TryGetProperty("fingerprint", out var value) && value.GetString() is { } fingerprint)
                    {
                        fingerprints.Add(fingerprint);
                    }
                }
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("runs", out var runs) && runs.ValueKind == JsonValueKind.Array)
            {
                foreach (var run in runs.EnumerateArray())
                {
                    if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var result in results.EnumerateArray())
                    {
                        if (result.TryGetProperty("partialFingerprints", out var partial)
                            && partial.TryGetProperty(SarifReport.FingerprintKey, out var value)
                            && value.GetString() is { } fingerprint)
                        {
                            fingerprints.Add(fingerprint);
                        }
                    }
                }
            }
            else
            {
                return (fingerprints, $"baseline '{path}' is neither a 'cadasto scan --format json' nor a SARIF report.");
            }
        }
        catch (JsonException ex)
        {
            return (fingerprints, $"baseline '{path}' is not valid JSON ({ex.Message}).");
        }

        return (fingerprints, null);
    }
}
