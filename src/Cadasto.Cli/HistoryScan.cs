using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Scanning;

namespace Cadasto.Cli;

/// <summary>
/// <c>scan --history</c>: every version of every C# and configuration file reachable from HEAD, each blob analysed
/// once (content-addressed: a blob seen before is not read again), and each secret reported once, at the place and
/// with the commit that first brought it, saying whether HEAD still holds it.
/// </summary>
/// <remarks>
/// One <c>git log --raw</c> walks the history oldest first and gives, per commit, the blob each changed path got
/// (merges against their first parent); the first commit to bring a blob introduced it. <c>git ls-tree -r HEAD</c>
/// gives HEAD's blobs, <c>git cat-file --batch</c> the contents. Blobs are analysed without their projects (a
/// historical project file may not match them), in compilations where no path appears twice, so the versions of one
/// file never clash as duplicate types.
/// </remarks>
internal static class HistoryScan
{
    /// <summary>Files per compilation: large enough to share the reference set's cost, small enough to keep memory flat.</summary>
    private const int FilesPerCompilation = 400;

    private sealed record Blob(string Id, string Path, int Order, string Commit);

    /// <param name="log">Gets a line per group of compilations (<c>--profile</c>): how far the history is after how long.</param>
    public static async Task<ScanResult> ScanAsync(Git git, Scanner scanner, bool prefilter, IProgress<(int Done, int Total)>? progress, TextWriter? log, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var blobs = await IntroducedBlobsAsync(git, cancellationToken).ConfigureAwait(false);
        var head = await HeadBlobsAsync(git, cancellationToken).ConfigureAwait(false);
        var prefilterWords = SourcePrefilter.Default;

        // Compilations of distinct paths, formed from the blob list alone; each group of them is read from git,
        // prefiltered, analysed and let go before the next, so memory holds one group's contents, not the history's.
        var batches = new List<List<Blob>>();
        var pathsInBatch = new List<HashSet<string>>();
        foreach (var blob in blobs)
        {
            var index = pathsInBatch.FindIndex(set => set.Count < FilesPerCompilation && !set.Contains(blob.Path));
            if (index < 0)
            {
                index = batches.Count;
                batches.Add(new List<Blob>());
                pathsInBatch.Add(new HashSet<string>(StringComparer.Ordinal));
            }

            batches[index].Add(blob);
            pathsInBatch[index].Add(blob.Path);
        }

        var byProjectAndPath = new Dictionary<(string Project, string Path), Blob>();
        var results = new List<ScanResult>();
        var read = 0;
        var done = 0;
        var perGroup = Math.Max(1, Environment.ProcessorCount);
        for (var first = 0; first < batches.Count; first += perGroup)
        {
            var projects = new List<ScanProject>();
            for (var b = first; b < Math.Min(batches.Count, first + perGroup); b++)
            {
                var project = new ScanProject("history-" + (b + 1), git.TopLevel, null);
                var contents = await GitScan.CatFileAsync(git, batches[b].Select(x => x.Id).ToList(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < batches[b].Count; i++)
                {
                    var blob = batches[b][i];
                    var content = contents[i];
                    if (content is null || content.Length == 0)
                    {
                        continue;
                    }

                    read++;
                    var isSource = blob.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
                    if (isSource && prefilter && !prefilterWords.MayHoldFinding(Encoding.UTF8.GetString(content)))
                    {
                        continue;
                    }

                    var full = Path.GetFullPath(Path.Combine(git.TopLevel, blob.Path));
                    (isSource ? project.SourceFiles : project.AdditionalFiles).Add(full);
                    project.Contents[full] = content;
                    byProjectAndPath[(project.Name, full)] = blob;
                }

                projects.Add(project);
            }

            results.Add(await scanner.ScanProjectsAsync(projects, git.TopLevel, Array.Empty<string>(), null, cancellationToken).ConfigureAwait(false));
            done += projects.Count;
            progress?.Report((done, batches.Count));
            if (log is not null)
            {
                await log.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "cadasto: profile: history: {0} of {1} compilations, {2} of {3} file versions read, {4:F1} s",
                    done, batches.Count, read, blobs.Count, stopwatch.Elapsed.TotalSeconds)).ConfigureAwait(false);
            }
        }

        var result = new ScanResult
        {
            Root = git.TopLevel,
            Findings = results.SelectMany(r => r.Findings).ToList(),
            Notes = results.SelectMany(r => r.Notes).Distinct().ToList(),
            AnalyzerFailures = results.SelectMany(r => r.AnalyzerFailures).Distinct().ToList(),
            InputErrors = results.SelectMany(r => r.InputErrors).Distinct().ToList(),
            Projects = results.Sum(r => r.Projects),
            SourceFiles = results.Sum(r => r.SourceFiles),
            AnalyzedFiles = results.Sum(r => r.AnalyzedFiles),
            AdditionalFiles = results.Sum(r => r.AdditionalFiles),
            LoadTime = TimeSpan.FromTicks(results.Sum(r => r.LoadTime.Ticks)),
            AnalysisTime = TimeSpan.FromTicks(results.Sum(r => r.AnalysisTime.Ticks)),
        };

        // One report per secret: the findings of its value (or, without a value, of its rule, file and message), the
        // earliest blob's place and commit, and whether any blob of HEAD has the value.
        var located = result.Findings
            .Select(f => (Finding: f, Blob: byProjectAndPath[(f.Project, Path.GetFullPath(Path.Combine(git.TopLevel, f.Path)))]))
            .ToList();
        var valuesInHead = new HashSet<string>(
            located.Where(l => head.Contains(l.Blob.Id) && l.Finding.ValueDigest is not null).Select(l => Convert.ToHexString(l.Finding.ValueDigest!)),
            StringComparer.Ordinal);
        var reported = new List<Finding>();
        foreach (var group in located.GroupBy(l => l.Finding.ValueDigest is { } digest
                     ? l.Finding.RuleId + ":" + Convert.ToHexString(digest)
                     : l.Finding.RuleId + ":" + l.Finding.Path + ":" + l.Finding.Message))
        {
            var first = group.OrderBy(l => l.Blob.Order).ThenBy(l => l.Finding.Path, StringComparer.Ordinal).ThenBy(l => l.Finding.StartLine).First();
            var inHead = first.Finding.ValueDigest is { } value
                ? valuesInHead.Contains(Convert.ToHexString(value))
                : group.Any(l => head.Contains(l.Blob.Id));
            // The fingerprint stays the one of the version it was found in: rule, path, member or key, message.
            reported.Add(first.Finding with { Commit = first.Blob.Commit, InHead = inHead, Project = "history" });
        }

        var notes = result.Notes.ToList();
        notes.Add($"History: {blobs.Count} file version(s) reachable from HEAD, {read} read, analysed in {batches.Count} compilation(s).");
        return new ScanResult
        {
            Root = result.Root,
            Findings = reported.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.StartLine).ThenBy(f => f.StartColumn).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList(),
            Notes = notes,
            AnalyzerFailures = result.AnalyzerFailures,
            InputErrors = result.InputErrors,
            Projects = result.Projects,
            SourceFiles = result.SourceFiles,
            AnalyzedFiles = result.AnalyzedFiles,
            AdditionalFiles = result.AdditionalFiles,
            Elapsed = stopwatch.Elapsed,
            LoadTime = result.LoadTime,
            AnalysisTime = result.AnalysisTime,
            Profile = results.FirstOrDefault()?.Profile,
        };
    }

    /// <summary>The blobs of C# and configuration files in the history of HEAD, each with the first commit that brought it.</summary>
    private static async Task<List<Blob>> IntroducedBlobsAsync(Git git, CancellationToken cancellationToken)
    {
        var log = await git.OutputAsync(cancellationToken, "log", "--reverse", "--format=%x01%H", "--raw", "-z", "--no-renames", "--no-abbrev", "--diff-merges=first-parent", "HEAD").ConfigureAwait(false);
        var tokens = Encoding.UTF8.GetString(log).Split('\0');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blobs = new List<Blob>();
        string? commit = null;
        var order = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].TrimStart('\n');
            if (token.StartsWith('\u0001'))
            {
                commit = token.Substring(1);
                order++;
            }
            else if (token.StartsWith(':') && i + 1 < tokens.Length && commit is not null)
            {
                // ":<old mode> <new mode> <old id> <new id> <status>" then the path.
                var meta = token.Split(' ');
                var path = tokens[++i];
                if (meta.Length >= 5 && meta[4] != "D" && meta[1] != "160000" && IsHistoryInput(path) && seen.Add(meta[3]))
                {
                    blobs.Add(new Blob(meta[3], path, order, commit));
                }
            }
        }

        return blobs;
    }

    private static async Task<HashSet<string>> HeadBlobsAsync(Git git, CancellationToken cancellationToken)
    {
        var tree = await git.OutputAsync(cancellationToken, "ls-tree", "-r", "-z", "HEAD").ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Encoding.UTF8.GetString(tree).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> blob <id>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var meta = (tab < 0 ? entry : entry.Substring(0, tab)).Split(' ');
            if (meta.Length == 3 && meta[1] == "blob")
            {
                ids.Add(meta[2]);
            }
        }

        return ids;
    }

    /// <summary>C# files, and the configuration files the rules read (by name, as the package's globs pick them).</summary>
    private static bool IsHistoryInput(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        if (path.Split('/').Any(segment => segment is "bin" or "obj" or "node_modules"))
        {
            return false;
        }

        return name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            || ConfigurationFiles.KindOf(path, CadastoOptions.DefaultManifestFileName) != ConfigurationFileKind.None;
    }
}
