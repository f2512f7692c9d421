using System;

namespace Cadasto.Scanning;

/// <summary>
/// The last line of defence for "a secret never appears in anything we print": the text a finding
/// points at (the literal or configuration value) is removed from its message before anything is
/// printed or fingerprinted. Rules already keep values out of messages; this makes sure.
/// </summary>
public static class Masking
{
    public const string Mask = "***";

    /// <summary>
    /// Whether a finding's flagged text is a secret value: a rule of the secret family (CDS1xxx) that
    /// points at a value — a string literal in C#, or a value in a configuration file. Other rules point
    /// at names the user must see (a scope, a flow, a redirect URI without credentials).
    /// </summary>
    public static bool FlagsSecretValue(string ruleId, string? flaggedText, bool inConfigurationFile) =>
        ruleId.StartsWith("CDS1", StringComparison.Ordinal)
        && !string.IsNullOrEmpty(flaggedText)
        && (inConfigurationFile || flaggedText.TrimStart()[0] is '"' or '@' or '$');

    /// <summary>Replaces the flagged text, with and without its quotes, in a message.</summary>
    public static string MaskMessage(string message, string? flaggedText)
    {
        if (string.IsNullOrEmpty(flaggedText))
        {
            return message;
        }

        foreach (var candidate in Candidates(flaggedText))
        {
            if (candidate.Length >= 4 && message.Contains(candidate, StringComparison.Ordinal))
            {
                message = message.Replace(candidate, Mask, StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static string[] Candidates(string text)
    {
        var trimmed = text.Trim();
        var inner = trimmed;
        // Strip C# string prefixes and quotes ("…", @"…", $"…", """…""", u8).
        inner = inner.TrimStart('$', '@').TrimEnd('8').TrimEnd('u');
        inner = inner.Trim('"');
        return new[] { trimmed, inner };
    }
}
