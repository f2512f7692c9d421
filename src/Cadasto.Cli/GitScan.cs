using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Scanning;

namespace Cadasto.Cli;

/// <summary>What a git mode hands the scanner: the files to report on, and the contents that replace the disk's.</summary>
internal sealed record GitSelection(IReadOnlySet<string> Files, IReadOnlyDictionary<string, byte[]>? Contents, IReadOnlyList<string> Notes);

/// <summary>
/// <c>scan --staged</c> and <c>scan --since REV</c>: which files changed, and for <c>--staged</c> the index's version
/// of each. The projects that hold them are analysed whole, from the work tree otherwise (the tree's project context),
/// so a finding has the fingerprint a full scan gives it.
/// </summary>
internal static class GitScan
{
    /// <summary>The files a scan may hold findings in: C# and JSON (configuration, manifests).</summary>
    public static bool IsScannable(string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Staged files (added, copied, modified, renamed; not deleted) with their content in the index.</summary>
    public static async Task<GitSelection> StagedAsync(Git git, CancellationToken cancellationToken)
    {
        var staged = git.Paths(await git.OutputAsync(cancellationToken, "diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=d").ConfigureAwait(false))
            .Where(IsScannable)
            .ToList();
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var notes = new List<string>();
        var objects = new List<(string Path, string Spec)>();
        foreach (var path in staged)
        {
            var relative = Path.GetRelativePath(git.TopLevel, path).Replace('\\', '/');
            if (relative.Contains('\n', StringComparison.Ordinal))
            {
                notes.Add($"{HumanReport.Printable(relative)}: a staged file whose name holds a line break is scanned from the work tree.");
                continue;
            }

            objects.Add((path, ":" + relative));
        }

        var blobs = await CatFileAsync(git, objects.Select(o => o.Spec).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < objects.Count; i++)
        {
            if (blobs[i] is { } content)
            {
                contents[objects[i].Path] = content;
            }
        }

        return new GitSelection(new HashSet<string>(staged, StringComparer.Ordinal), contents, notes);
    }

    /// <summary>Files changed between a revision and the work tree, and files git does not track yet (not ignored).</summary>
    public static async Task<GitSelection> SinceAsync(Git git, string revision, CancellationToken cancellationToken)
    {
        var changed = git.Paths(await git.OutputAsync(cancellationToken, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", "--end-of-options", revision, "--").ConfigureAwait(false));
        var untracked = git.Paths(await git.OutputAsync(cancellationToken, "ls-files", "--others", "--exclude-standard", "-z").ConfigureAwait(false));
        var files = new HashSet<string>(changed.Concat(untracked).Where(IsScannable), StringComparer.Ordinal);
        return new GitSelection(files, null, Array.Empty<string>());
    }

    /// <summary>
    /// Object contents through one <c>git cat-file --batch</c>: null for an object that is missing (or not a blob).
    /// </summary>
    public static async Task<byte[]?[]> CatFileAsync(Git git, IReadOnlyList<string> objectNames, CancellationToken cancellationToken)
    {
        var result = new byte[]?[objectNames.Count];
        if (objectNames.Count == 0)
        {
            return result;
        }

        var start = new System.Diagnostics.ProcessStartInfo("git")
        {
            WorkingDirectory = git.TopLevel,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("cat-file");
        start.ArgumentList.Add("--batch");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var writer = Task.Run(
            async () =>
            {
                var input = process.StandardInput;
                foreach (var name in objectNames)
                {
                    await input.WriteAsync(name + "\n").ConfigureAwait(false);
                }

                input.Close();
            },
            cancellationToken);

        var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        for (var i = 0; i < objectNames.Count; i++)
        {
            // "<oid> <type> <size>\n<content>\n", or "<name> missing\n".
            var header = ReadLine(output);
            if (header is null)
            {
                throw new GitException("git cat-file --batch ended early: " + (await stderr.ConfigureAwait(false)).Trim());
            }

            var parts = header.Split(' ');
            if (parts.Length == 3 && long.TryParse(parts[2], out var size))
            {
                var content = new byte[size];
                await output.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
                output.ReadByte();
                if (parts[1] == "blob")
                {
                    result[i] = content;
                }
            }
        }

        await writer.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>(64);
        for (var b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
        {
            if (b == '\n')
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            bytes.Add((byte)b);
        }

        return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray());
    }
}
