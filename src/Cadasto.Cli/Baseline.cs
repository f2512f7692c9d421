using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Cadasto.Scanning;

namespace Cadasto.Cli;

/// <summary>
/// Reads the fingerprints of a previous report: <c>--format json</c> (<c>findings[].fingerprint</c>)
/// or <c>--format sarif</c> (<c>runs[].results[].partialFingerprints</c>). Fingerprints name a
/// finding by rule, file, enclosing member or key, and message: never by the secret's value.
/// Each entry may carry a value check (<see cref="ValueHash"/>): a different value at the same place is new.
/// Anything else — a folder, an unreadable file, JSON of another shape — is a usage error, said before the scan.
/// </summary>
internal static class Baseline
{
    public static (Dictionary<string, string?> Fingerprints, string? Problem) Read(string path)
    {
        var fingerprints = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Directory.Exists(path))
        {
            return (fingerprints, $"baseline '{path}' is a folder, not a report.");
        }

        if (!File.Exists(path))
        {
            return (fingerprints, $"baseline '{path}' does not exist.");
        }

        var read = InputFiles.Read(path, $"baseline '{path}'");
        if (read.Content is not { } content)
        {
            return (fingerprints, read.Error ?? read.Skipped);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var problem = Collect(document.RootElement, fingerprints);
            return (fingerprints, problem is null ? null : $"baseline '{path}' is not a 'cadasto scan --format json' or SARIF report: {problem}.");
        }
        catch (JsonException ex)
        {
            return (fingerprints, $"baseline '{path}' is not valid JSON ({ex.Message}).");
        }
    }

    /// <summary>
    /// The findings a baseline does not hold, in their order: a fingerprint it lacks, or a value that no longer gives the
    /// entry's hash. The value checks run on every core (each costs ~0.03 s of CPU: one at a time, the 454 baselined
    /// secrets of DuendeSoftware/Samples kept one core busy for 14 s after the scan).
    /// </summary>
    public static IReadOnlyList<Finding> NotIn(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string?> baseline)
    {
        var held = new bool[findings.Count];
        System.Threading.Tasks.Parallel.For(0, findings.Count, i =>
            held[i] = baseline.TryGetValue(findings[i].Fingerprint, out var stored) && ValueHash.Matches(findings[i], stored));
        var reported = new List<Finding>(findings.Count);
        for (var i = 0; i < findings.Count; i++)
        {
            if (!held[i])
            {
                reported.Add(findings[i]);
            }
        }

        return reported;
    }

    private static string? ValueHashOf(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null;

    /// <summary>Collects the fingerprints, or says where the report has an unexpected shape.</summary>
    private static string? Collect(JsonElement root, Dictionary<string, string?> fingerprints)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "its root is not an object";
        }

        if (root.TryGetProperty("findings", out var findings))
        {
            if (findings.ValueKind != JsonValueKind.Array)
            {
                return "'findings' is not an array";
            }

            var index = 0;
            foreach (var finding in findings.EnumerateArray())
            {
                if (finding.ValueKind != JsonValueKind.Object
                    || !finding.TryGetProperty("fingerprint", out var value)
                    || value.ValueKind != JsonValueKind.String)
                {
                    return $"findings[{index}] has no 'fingerprint' string";
                }

                fingerprints[value.GetString()!] = ValueHashOf(finding, "valueHash");
                index++;
            }

            return null;
        }

        if (root.TryGetProperty("runs", out var runs))
        {
            if (runs.ValueKind != JsonValueKind.Array)
            {
                return "'runs' is not an array";
            }

            var runIndex = 0;
            foreach (var run in runs.EnumerateArray())
            {
                if (run.ValueKind != JsonValueKind.Object)
                {
                    return $"runs[{runIndex}] is not an object";
                }

                if (run.TryGetProperty("results", out var results))
                {
                    if (results.ValueKind != JsonValueKind.Array)
                    {
                        return $"runs[{runIndex}].results is not an array";
                    }

                    var resultIndex = 0;
                    foreach (var result in results.EnumerateArray())
                    {
                        if (result.ValueKind != JsonValueKind.Object
                            || !result.TryGetProperty("partialFingerprints", out var partial)
                            || partial.ValueKind != JsonValueKind.Object
                            || !partial.TryGetProperty(SarifReport.FingerprintKey, out var value)
                            || value.ValueKind != JsonValueKind.String)
                        {
                            return $"runs[{runIndex}].results[{resultIndex}] has no partialFingerprints['{SarifReport.FingerprintKey}'] string";
                        }

                        fingerprints[value.GetString()!] = result.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                            ? ValueHashOf(properties, "cadasto/valueHash")
                            : null;
                        resultIndex++;
                    }
                }

                runIndex++;
            }

            return null;
        }

        return "it has neither 'findings' nor 'runs'";
    }
}
