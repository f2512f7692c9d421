using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Cadasto.Scanning;

namespace Cadasto.Cli;

/// <summary>
/// The value check of a baseline entry: PBKDF2-HMAC-SHA256 (the BCL's <see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>),
/// 100,000 iterations, over the SHA-256 of the flagged text, salted with the finding's fingerprint (unique per entry,
/// stable across runs: a baseline written twice from the same tree is the same file). A different secret at a
/// baselined place no longer matches and is reported again. What it protects against is in docs/cli.md
/// ("Baselines: threat model").
/// </summary>
internal static class ValueHash
{
    public const string Scheme = "pbkdf2-sha256";

    public const int Iterations = 100_000;

    private const int HashBytes = 32;

    /// <summary>The stored form: <c>pbkdf2-sha256$100000$&lt;base64 hash&gt;</c>; null for a finding without a secret value.</summary>
    public static string? Of(Finding finding) =>
        ChecksValue(finding) ? $"{Scheme}${Iterations}${Convert.ToBase64String(Derive(finding.ValueDigest!, finding.Fingerprint, Iterations))}" : null;

    /// <summary>
    /// Whether the finding's place holds a secret whose change must be noticed: the secret rules (CDS1xxx) and a secret in a
    /// public client (CDS2001). The others point at names the message already shows (a scope, a flow, a redirect URI), and
    /// each check costs ~0.05–0.1 s of CPU: the fuzz run of docs/robustness.md found a manifest with 1,000 declared scopes
    /// (1,000 CDS4002) whose JSON report took over a minute, spent hashing scope names.
    /// </summary>
    public static bool ChecksValue(Finding finding) =>
        finding.ValueDigest is not null && (finding.RuleId.StartsWith("CDS1", StringComparison.Ordinal) || finding.RuleId == "CDS2001");

    /// <summary>The stored forms of many findings, computed in parallel (each costs ~0.1 s of CPU).</summary>
    public static IReadOnlyDictionary<Finding, string?> OfAll(IReadOnlyList<Finding> findings)
    {
        var hashes = new string?[findings.Count];
        Parallel.For(0, findings.Count, i => hashes[i] = Of(findings[i]));
        var result = new Dictionary<Finding, string?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            result[findings[i]] = hashes[i];
        }

        return result;
    }

    /// <summary>
    /// Whether a finding is the one a baseline entry recorded. An entry without a value check (an older baseline) or
    /// a finding without a secret value matches on the fingerprint alone.
    /// </summary>
    public static bool Matches(Finding finding, string? stored)
    {
        if (stored is null || !ChecksValue(finding))
        {
            return true;
        }

        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations is < 1 or > 10_000_000)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, Derive(finding.ValueDigest!, finding.Fingerprint, iterations));
    }

    private static byte[] Derive(byte[] digest, string fingerprint, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(digest, Encoding.UTF8.GetBytes("cadasto/baseline/v1/" + fingerprint), iterations, HashAlgorithmName.SHA256, HashBytes);
}
