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

        var trimmed = flaggedText.Trim();
        // Strip C# string prefixes and quotes ("…", @"…", $"…", """…""", u8).
        var inner = trimmed.TrimStart('$', '@');
        if (inner.EndsWith("u8", StringComparison.Ordinal))
        {
            inner = inner.Substring(0, inner.Length - 2);
        }

        inner = inner.Trim('"');
        foreach (var candidate in new[] { trimmed, "\"" + inner + "\"", "'" + inner + "'" })
        {
            if (candidate.Length > 2 && message.Contains(candidate, StringComparison.Ordinal))
            {
                message = message.Replace(candidate, Mask, StringComparison.Ordinal);
            }
        }

        // A bare value only when it is long enough not to be an ordinary word of the message ("secret").
        if (inner.Length >= MinimumBareLength && message.Contains(inner, StringComparison.Ordinal))
        {
            message = message.Replace(inner, Mask, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>Values at least this long are masked even where the message does not quote them.</summary>
    public const int MinimumBareLength = 8;
}
