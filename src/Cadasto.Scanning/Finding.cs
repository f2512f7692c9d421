using Microsoft.CodeAnalysis;

namespace Cadasto.Scanning;

/// <summary>One diagnostic of a scan, ready to print: masked message, position, a fingerprint that is not derived from the value.</summary>
public sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string Path,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    string? HelpUri,
    string Project,
    string Fingerprint)
{
    /// <summary>
    /// SHA-256 of the text the finding points at (the secret, for CDS1xxx), kept in memory only: reports write a
    /// salted PBKDF2 of it (a baseline notices a new value at the same place) and history mode groups one secret's
    /// findings by it. Never printed, logged or written as is.
    /// </summary>
    public byte[]? ValueDigest { get; init; }

    /// <summary>History mode: the commit that introduced the finding (full id).</summary>
    public string? Commit { get; init; }

    /// <summary>History mode: whether the tree of HEAD still holds the value.</summary>
    public bool? InHead { get; init; }

    /// <summary>The severity as SARIF and the command line name it: error, warning, note.</summary>
    public string Level => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The severity as the compiler prints it: error, warning, info, hidden.</summary>
    public string SeverityName => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
