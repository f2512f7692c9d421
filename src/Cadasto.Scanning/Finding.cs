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
