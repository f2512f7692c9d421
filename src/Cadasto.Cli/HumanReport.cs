using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
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

    /// <summary>
    /// Text from the scanned tree (file names, and messages that quote it) made safe for a terminal and for tools that
    /// read the report line by line: control characters (line breaks, ESC, BEL), Unicode format characters (bidi
    /// overrides, zero-width) and line or paragraph separators are shown as <c>\uXXXX</c>.
    /// </summary>
    public static string Printable(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>History mode: which commit brought the finding, and whether rotating the secret is the only fix left.</summary>
    public static string HistorySuffix(Finding finding) => finding.Commit is null
        ? string.Empty
        : $" (introduced in {finding.Commit.Substring(0, Math.Min(12, finding.Commit.Length))}; " + (finding.InHead == true
            ? "still in HEAD: remove it, then rotate it)"
            : "no longer in HEAD: rotate it: it is in history)");

    public static void Write(IAnsiConsole console, ScanResult result, IReadOnlyList<Finding> findings, int suppressedByBaseline)
    {
        var currentDirectory = System.IO.Directory.GetCurrentDirectory();
        foreach (var finding in findings)
        {
            var colour = finding.Severity switch
            {
                DiagnosticSeverity.Error => ConsoleColor.Red,
                DiagnosticSeverity.Warning => ConsoleColor.Yellow,
                _ => ConsoleColor.Blue,
            };
            // Text, not markup, for what the scanned tree controls: markup would turn ':warning:' in a file name into
            // an emoji even when escaped, and Printable keeps line breaks and escape sequences from forging lines.
            console.Write(new Text($"{Printable(DisplayPath(result.Root, finding.Path, currentDirectory))}({finding.StartLine},{finding.StartColumn}): "));
            console.Write(new Text($"{finding.SeverityName} {finding.RuleId}", new Style(Color.FromConsoleColor(colour))));
            console.Write(new Text($": {Printable(finding.Message)}{HistorySuffix(finding)}\n"));
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
            console.Write(new Text("note:", new Style(Color.Grey)));
            console.Write(new Text(" " + Printable(note) + "\n"));
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
