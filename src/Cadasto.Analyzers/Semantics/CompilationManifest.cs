using System.Threading;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>What the manifest-comparing rules (CDS2005, CDS3001, CDS3003, CDS4001, CDS4002) start from.</summary>
internal static class CompilationManifest
{
    /// <summary>
    /// The manifest model when the compilation has a readable one; null otherwise, and then the
    /// manifest-comparing rules stay silent (a manifest that is not JSON is CDS9001's alone).
    /// </summary>
    public static CadastoManifest? Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (!ManifestProvider.TryGet(options, cancellationToken, out var result))
        {
            return null;
        }

        // A manifest of the wrong shape (CDS9001: "redirectUris" not an array, …) reads as missing parts, and
        // comparing code with it would report every URI and scope: CDS9001 says what to fix first.
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id == DiagnosticIds.ManifestMalformed)
            {
                return null;
            }
        }

        return result.Manifest;
    }

    /// <summary>The manifest's file name, for messages.</summary>
    public static string FileName(CadastoManifest manifest)
    {
        var path = manifest.FilePath;
        var slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
