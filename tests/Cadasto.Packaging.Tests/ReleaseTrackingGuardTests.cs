using System;
using System.IO;

namespace Cadasto.Packaging.Tests;

/// <summary>Release tracking switches itself off silently when a file is missing; our build refuses instead.</summary>
public sealed class ReleaseTrackingGuardTests
{
    [Fact]
    public void AnalyzerProject_WithoutUnshippedFile_FailsWithAClearError()
    {
        var root = Directory.CreateTempSubdirectory("cadasto-release-").FullName;
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "global.json", "AnalyzerReleases.Shipped.md" })
            {
                File.Copy(Path.Combine(PackedProduct.RepositoryRoot, file), Path.Combine(root, file));
            }

            CopySources(Path.Combine(PackedProduct.RepositoryRoot, "src", "Cadasto.Analyzers"), Path.Combine(root, "src", "Cadasto.Analyzers"));
            var (exitCode, output) = DotnetCli.Run(root, null, "build", Path.Combine(root, "src", "Cadasto.Analyzers", "Cadasto.Analyzers.csproj"));

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Release tracking needs both AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
