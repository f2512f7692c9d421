namespace Cadasto.Cli;

/// <summary>The exit codes every command uses (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success: no error-severity finding, every secret present.</summary>
    public const int Success = 0;

    /// <summary>An error-severity finding (scan), a missing or empty secret (check), a manifest that lacks what a request needs (request).</summary>
    public const int Findings = 1;

    /// <summary>Bad usage: unknown option, a path or baseline that does not exist, an unreadable manifest, a manifest value that must be replaced (request).</summary>
    public const int Usage = 2;
}
