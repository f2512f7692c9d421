using System;
using System.Collections.Generic;
using System.Linq;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary>The default output: one compiler-style line per finding, a table per rule, and notes.</summary>
internal static class HumanReport
{
    /// <summary>Like the compiler: relative to the current folder when the file is under it (editors jump to it), else absolute.</summary>
    private static string DisplayPath(string root, string relativePath, string currentDirectory)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relativePath));
        var relative = System.IO.Path.GetRelativePath(currentDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? full : relative).Replace('\\', '/');
    }

    public static void Write(IAnsiConsole console, ScanResult result, IReadOnlyList<Finding> findings, int suppressedByBaseline)
    {
        var currentDirectory = System.IO.Directory.GetCurrentDirectory();
        foreach (var finding in findings)
        {
            var colour = finding.Severity switch
            {
                DiagnosticSeverity.Error => "red",
                DiagnosticSeverity.Warning => "yellow",
                _ => "blue",
            };
            console.MarkupLine(
                $"{Markup.Escape(DisplayPath(result.Root, finding.Path, currentDirectory))}({finding.StartLine},{finding.StartColumn}): [{colour}]{finding.SeverityName} {finding.RuleId}[/]: {Markup.Escape(finding.Message)}");
        }

        if (findings.Count > 0)
        {
            console.WriteLine();
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Rule").AddColumn("Severity").AddColumn(new TableColumn("Findings").RightAligned()).AddColumn("Title");
            foreach (var group in findings.GroupBy(f => (f.RuleId, f.SeverityName)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal))
            {
                var title = AnalyzerCatalog.Descriptors.TryGetValue(group.Key.RuleId, out var descriptor)
                    ? descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : string.Empty;
                table.AddRow(Markup.Escape(group.Key.RuleId), group.Key.SeverityName, group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(title));
            }

            console.Write(table);
        }

        foreach (var note in result.Notes)
        {
            console.MarkupLine("[grey]note:[/] " + Markup.Escape(note));
        }

        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var warnings = findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        var infos = findings.Count - errors - warnings;
        var baseline = suppressedByBaseline > 0 ? $", {suppressedByBaseline} already in the baseline" : string.Empty;
        console.MarkupLine(
            $"Scanned {result.Projects} project(s), {result.SourceFiles} C# file(s) ({result.AnalyzedFiles} analysed), {result.AdditionalFiles} configuration file(s) in {result.Elapsed.TotalSeconds:0.0} s: " +
            $"[{(errors > 0 ? "red" : "green")}]{errors} error(s)[/], {warnings} warning(s), {infos} info{Markup.Escape(baseline)}.");
    }
}
