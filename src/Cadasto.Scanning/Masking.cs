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

    /// <summary>
    /// Replaces the flagged text, with and without its quotes, in a message made from <paramref name="messageFormat"/>
    /// (the descriptor's, <c>'{0}' is named like a credential…</c>), except where an argument of the format is the value
    /// itself: that argument is the name the value is stored under (<c>Password = "Password"</c>,
    /// <c>CreateAsync(user, "password")</c>), which the user must see; a secret is never its own name. Without a format, or
    /// where the message does not read as one, every occurrence is masked.
    /// </summary>
    public static string MaskMessage(string message, string? flaggedText, string? messageFormat)
    {
        if (string.IsNullOrEmpty(flaggedText) || string.IsNullOrEmpty(messageFormat) || Arguments(message, messageFormat) is not { } arguments)
        {
            return MaskMessage(message, flaggedText);
        }

        var value = Inner(flaggedText.Trim());
        var masked = new System.Text.StringBuilder(message.Length);
        var at = 0;
        foreach (var (start, length) in arguments)
        {
            masked.Append(MaskMessage(message.Substring(at, start - at), flaggedText));
            var argument = message.Substring(start, length);
            masked.Append(string.Equals(argument, value, StringComparison.Ordinal) ? argument : MaskMessage(argument, flaggedText));
            at = start + length;
        }

        masked.Append(MaskMessage(message.Substring(at), flaggedText));
        return masked.ToString();
    }

    /// <summary>
    /// Where each <c>{n}</c> of <paramref name="format"/> stands in <paramref name="message"/>, by its literal text around
    /// them; null where the message does not read as the format (another culture's text, a brace escaped).
    /// </summary>
    private static (int Start, int Length)[]? Arguments(string message, string format)
    {
        var literals = new System.Collections.Generic.List<string>();
        var from = 0;
        for (var open = format.IndexOf('{'); open >= 0; open = format.IndexOf('{', from))
        {
            var close = format.IndexOf('}', open);
            if (close < 0 || !int.TryParse(format.Substring(open + 1, close - open - 1), out _))
            {
                return null;
            }

            literals.Add(format.Substring(from, open - from));
            from = close + 1;
        }

        var tail = format.Substring(from);
        if (literals.Count == 0 || !message.StartsWith(literals[0], StringComparison.Ordinal) || !message.EndsWith(tail, StringComparison.Ordinal))
        {
            return null;
        }

        var arguments = new (int, int)[literals.Count];
        var at = literals[0].Length;
        for (var i = 0; i < literals.Count; i++)
        {
            var next = i + 1 < literals.Count ? message.IndexOf(literals[i + 1], at, StringComparison.Ordinal) : message.Length - tail.Length;
            if (next < at)
            {
                return null;
            }

            arguments[i] = (at, next - at);
            at = next + (i + 1 < literals.Count ? literals[i + 1].Length : 0);
        }

        return arguments;
    }

    private static string Inner(string trimmed)
    {
        var inner = trimmed.TrimStart('$', '@');
        if (inner.EndsWith("u8", StringComparison.Ordinal))
        {
            inner = inner.Substring(0, inner.Length - 2);
        }

        return inner.Trim('"');
    }

    /// <summary>Replaces the flagged text, with and without its quotes, in a message.</summary>
    public static string MaskMessage(string message, string? flaggedText)
    {
        if (string.IsNullOrEmpty(flaggedText))
        {
            return message;
        }

        var trimmed = flaggedText.Trim();
        // Strip C# string prefixes and quotes ("…", @"…", $"…", """…""", u8).
        var inner = Inner(trimmed);
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
