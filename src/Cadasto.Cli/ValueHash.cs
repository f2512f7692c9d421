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

    /// <summary>The stored form: <c>pbkdf2-sha256$100000$&lt;base64 hash&gt;</c>; null for a finding without a value.</summary>
    public static string? Of(Finding finding) =>
        finding.ValueDigest is { } digest ? $"{Scheme}${Iterations}${Convert.ToBase64String(Derive(digest, finding.Fingerprint, Iterations))}" : null;

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
    /// a finding without a value matches on the fingerprint alone.
    /// </summary>
    public static bool Matches(Finding finding, string? stored)
    {
        if (stored is null || finding.ValueDigest is null)
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

        return CryptographicOperations.FixedTimeEquals(expected, Derive(finding.ValueDigest, finding.Fingerprint, iterations));
    }

    private static byte[] Derive(byte[] digest, string fingerprint, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(digest, Encoding.UTF8.GetBytes("cadasto/baseline/v1/" + fingerprint), iterations, HashAlgorithmName.SHA256, HashBytes);
}
