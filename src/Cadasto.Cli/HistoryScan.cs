using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
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

    /// <summary>Blobs read from git at a time.</summary>
    private const int BlobsPerRead = 2_000;

    private sealed record Blob(string Id, string Path, int Order, string Commit);

    public static async Task<ScanResult> ScanAsync(Git git, Scanner scanner, bool prefilter, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var blobs = await IntroducedBlobsAsync(git, cancellationToken).ConfigureAwait(false);
        var head = await HeadBlobsAsync(git, cancellationToken).ConfigureAwait(false);
        var prefilterWords = SourcePrefilter.Default;

        // Read the blobs in slices; keep those that may hold a finding (the scan's own prefilter), as compilations of
        // distinct paths.
        var batches = new List<ScanProject>();
        var byProjectAndPath = new Dictionary<(string Project, string Path), Blob>();
        var pathsInBatch = new List<HashSet<string>>();
        var read = 0;
        foreach (var slice in blobs.Chunk(BlobsPerRead))
        {
            var contents = await GitScan.CatFileAsync(git, slice.Select(b => b.Id).ToList(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < slice.Length; i++)
            {
                var content = contents[i];
                if (content is null || content.Length == 0)
                {
                    continue;
                }

                read++;
                var blob = slice[i];
                var isSource = blob.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
                if (isSource && prefilter && !prefilterWords.MayHoldFinding(Encoding.UTF8.GetString(content)))
                {
                    continue;
                }

                var full = Path.GetFullPath(Path.Combine(git.TopLevel, blob.Path));
                var index = pathsInBatch.FindIndex(set => set.Count < FilesPerCompilation && !set.Contains(full));
                if (index < 0)
                {
                    index = batches.Count;
                    batches.Add(new ScanProject("history-" + (index + 1), git.TopLevel, null));
                    pathsInBatch.Add(new HashSet<string>(StringComparer.Ordinal));
                }

                var project = batches[index];
                pathsInBatch[index].Add(full);
                (isSource ? project.SourceFiles : project.AdditionalFiles).Add(full);
                project.Contents[full] = content;
                byProjectAndPath[(project.Name, full)] = blob;
            }
        }

        var result = await scanner.ScanProjectsAsync(batches, git.TopLevel, Array.Empty<string>(), progress, cancellationToken).ConfigureAwait(false);

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
            || name.Equals("cadasto.json", StringComparison.OrdinalIgnoreCase)
            || name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }
}
