using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Corpus;

/// <summary>
/// A finding a case expects, or one the rules reported: the rule, the file (its name) and either the exact span
/// (<see cref="Start"/>, <see cref="End"/>) or, for a finding in a shared manifest, its 1-based line.
/// </summary>
internal readonly record struct CorpusFinding(string Id, string File, int Start, int End, int Line)
{
    public static CorpusFinding AtSpan(string id, string file, TextSpan span) => new(id, file, span.Start, span.End, 0);

    public static CorpusFinding AtLine(string id, string file, int line) => new(id, file, -1, -1, line);

    public override string ToString() => Line > 0 ? $"{Id} at {File}:{Line}" : $"{Id} at {File}[{Start}..{End})";
}

/// <summary>
/// One labelled case of the corpus. The one case format (<c>Corpus/*.cases</c>):
/// <code>
/// //# rules: CDS2001 CDS2002 …              (once, before the first case: the rules this file is labelled for;
///                                            findings of other rules are not counted in its cases)
/// //# case: name                            (unique in its file)
/// //# option: key = value                   (any number: .globalconfig / .editorconfig options, build_property.*)
/// //# source: Settings.g.cs                 (the C# file's name where it matters; Program.cs otherwise)
/// //# manifest: name                        (Corpus/manifests/name.json as the case's cadasto.json, shared by cases)
/// //# file: appsettings.json                (an additional file: its text runs to "//# end file", or to the end of
/// …                                          the case; labels may stand in it)
/// //# end file
/// //# expect-in: cadasto.json:7:CDS4002     (a finding in the shared manifest, by line: it cannot carry labels)
/// C# code, with each expected finding labelled at its exact span: {|CDS1001:"…"|} (labels may nest)
/// </code>
/// Lines before the first case other than <c>//# rules:</c> say where the batch came from.
/// </summary>
internal sealed class CorpusCase
{
    private static readonly Regex Open = new(@"\{\|(CDS\d{4}):", RegexOptions.Compiled);

    private CorpusCase(string file, string name, ImmutableArray<string> rules, string codeFile, string code, ImmutableDictionary<string, string> options,
        ImmutableDictionary<string, string> files, string? manifest, ImmutableHashSet<CorpusFinding> expected)
    {
        File = file;
        Name = name;
        Rules = rules;
        CodeFile = codeFile;
        Code = code;
        Options = options;
        Files = files;
        Manifest = manifest;
        Expected = expected;
    }

    /// <summary>The <c>*.cases</c> file (without extension) the case comes from.</summary>
    public string File { get; }

    public string Name { get; }

    /// <summary>The rules the case is labelled for.</summary>
    public ImmutableArray<string> Rules { get; }

    /// <summary>The C# file's name.</summary>
    public string CodeFile { get; }

    /// <summary>The C# source, labels removed (empty for a case that is only a configuration file).</summary>
    public string Code { get; }

    public ImmutableDictionary<string, string> Options { get; }

    /// <summary>Additional files by their path relative to the case's project folder, labels removed.</summary>
    public ImmutableDictionary<string, string> Files { get; }

    /// <summary>The shared manifest's name, if any (its findings are expected by line).</summary>
    public string? Manifest { get; }

    public ImmutableHashSet<CorpusFinding> Expected { get; }

    public static List<CorpusCase> LoadAll(string folder)
    {
        var cases = new List<CorpusCase>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            var lines = System.IO.File.ReadAllLines(path);
            var rules = lines.Where(l => l.StartsWith("//# rules:", StringComparison.Ordinal))
                .SelectMany(l => l.Substring("//# rules:".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToImmutableArray();
            Xunit.Assert.True(rules.Length > 0, $"{file}.cases has no '//# rules:' line.");
            var start = -1;
            var inFile = 0;
            for (var i = 0; i <= lines.Length; i++)
            {
                if (i == lines.Length || lines[i].StartsWith("//# case:", StringComparison.Ordinal))
                {
                    if (start >= 0)
                    {
                        cases.Add(Parse(folder, file, rules, lines[start].Substring("//# case:".Length).Trim(), lines.Skip(start + 1).Take(i - start - 1).ToList()));
                        inFile++;
                    }

                    start = i;
                }
            }

            Xunit.Assert.True(inFile > 0, $"{file}.cases holds no case.");
        }

        var duplicates = cases.GroupBy(c => c.File + "/" + c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Xunit.Assert.True(duplicates.Count == 0, "Duplicate case names: " + string.Join(", ", duplicates));
        return cases;
    }

    private static CorpusCase Parse(string folder, string file, ImmutableArray<string> rules, string name, List<string> lines)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>();
        var files = ImmutableDictionary.CreateBuilder<string, string>();
        var expected = ImmutableHashSet.CreateBuilder<CorpusFinding>();
        string? manifest = null;
        var codeFile = "Program.cs";
        var code = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("//# option:", StringComparison.Ordinal))
            {
                var setting = line.Substring("//# option:".Length).Split('=', 2);
                options[setting[0].Trim()] = setting[1].Trim();
            }
            else if (line.StartsWith("//# source:", StringComparison.Ordinal))
            {
                codeFile = line.Substring("//# source:".Length).Trim();
            }
            else if (line.StartsWith("//# manifest:", StringComparison.Ordinal))
            {
                manifest = line.Substring("//# manifest:".Length).Trim();
                files["cadasto.json"] = System.IO.File.ReadAllText(Path.Combine(folder, "manifests", manifest + ".json"));
            }
            else if (line.StartsWith("//# file:", StringComparison.Ordinal))
            {
                var fileName = line.Substring("//# file:".Length).Trim();
                var text = new StringBuilder();
                for (i++; i < lines.Count && lines[i] != "//# end file"; i++)
                {
                    text.Append(lines[i]).Append('\n');
                }

                var (source, labels) = Unlabel($"{file}/{name}", text.ToString().Trim());
                files[fileName] = source;
                foreach (var (id, span) in labels)
                {
                    expected.Add(CorpusFinding.AtSpan(id, Path.GetFileName(fileName), span));
                }
            }
            else if (line.StartsWith("//# expect-in:", StringComparison.Ordinal))
            {
                var parts = line.Substring("//# expect-in:".Length).Trim().Split(':');
                expected.Add(CorpusFinding.AtLine(parts[2].Trim(), parts[0].Trim(), int.Parse(parts[1])));
            }
            else
            {
                code.Add(line);
            }
        }

        var (codeText, codeLabels) = Unlabel($"{file}/{name}", string.Join("\n", code));
        foreach (var (id, span) in codeLabels)
        {
            expected.Add(CorpusFinding.AtSpan(id, codeFile, span));
        }

        return new CorpusCase(file, name, rules, codeFile, codeText, options.ToImmutable(), files.ToImmutable(), manifest, expected.ToImmutable());
    }

    /// <summary>The text without its labels, and each label's rule and span in that text (labels may nest).</summary>
    private static (string Text, List<(string Id, TextSpan Span)> Labels) Unlabel(string caseName, string markup)
    {
        var text = new StringBuilder(markup.Length);
        var labels = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        var position = 0;
        while (position < markup.Length)
        {
            var next = Open.Match(markup, position);
            var close = markup.IndexOf("|}", position, StringComparison.Ordinal);
            if (open.Count > 0 && close >= 0 && (!next.Success || close < next.Index))
            {
                text.Append(markup, position, close - position);
                var (id, start) = open.Pop();
                labels.Add((id, TextSpan.FromBounds(start, text.Length)));
                position = close + 2;
            }
            else if (next.Success)
            {
                text.Append(markup, position, next.Index - position);
                open.Push((next.Groups[1].Value, text.Length));
                position = next.Index + next.Length;
            }
            else
            {
                text.Append(markup, position, markup.Length - position);
                position = markup.Length;
            }
        }

        Xunit.Assert.True(open.Count == 0, $"{caseName}: unclosed label");
        return (text.ToString(), labels);
    }
}
