using System;
using Cadasto.Analyzers.Values;

namespace Cadasto.Scanning;

/// <summary>What a source file is, as far as a scan cares, decided from its name and text before it is parsed.</summary>
public enum SourceKind
{
    /// <summary>Code someone wrote: analysed.</summary>
    Written,

    /// <summary>Generated code (<c>&lt;auto-generated&gt;</c> header, <c>*.Designer.cs</c>, <c>*.g.cs</c>): kept as declarations only, for the types it declares.</summary>
    Generated,

    /// <summary>An EF Core migration or model snapshot: left out (nothing references it; it is most of a big product's lines).</summary>
    Migration,
}

/// <summary>
/// Cheap recognition of generated code. The rules never analyse generated code (GeneratedCodeAnalysisFlags.None, as
/// the compiler decides it), but a scan used to parse and bind it anyway: on bitwarden/server, 1.35M of 1.87M lines
/// are EF Core migrations and snapshots. Those are now not parsed at all; other generated files are parsed and
/// stripped to their declarations. Text tests only, on the text the scan has read anyway.
/// </summary>
public static class GeneratedCode
{
    /// <summary>
    /// How much of a file's start <see cref="IsMigration"/> reads first: the namespace import and the class's base or
    /// attribute open every migration (on bitwarden/server's 920 migration and snapshot files both came within the first
    /// 1,320 characters), so the rest of those files, most of a big product's bytes, is never read or decoded.
    /// </summary>
    public const int MigrationHeadBytes = 8 * 1024;

    public static SourceKind Classify(string path, string text)
    {
        if (IsMigration(text))
        {
            return SourceKind.Migration;
        }

        if (GeneratedSource.IsGenerated(path, text))
        {
            return SourceKind.Generated;
        }

        return SourceKind.Written;
    }

    /// <summary>
    /// A migration (<c>: Migration</c> with <c>Up(MigrationBuilder …)</c>), its designer file or a model snapshot
    /// (<c>[Migration("…")]</c>, <c>: ModelSnapshot</c>), all in Microsoft.EntityFrameworkCore.Migrations.
    /// </summary>
    /// <remarks>
    /// Its words on a file's first <see cref="MigrationHeadBytes"/> are found on the whole file too: a head that is a
    /// migration makes the file one, as <see cref="Classify"/> would say of the whole text.
    /// </remarks>
    public static bool IsMigration(string text) =>
        text.Contains("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal)
        && (text.Contains("MigrationBuilder migrationBuilder", StringComparison.Ordinal)
            || text.Contains("[Migration(", StringComparison.Ordinal)
            || text.Contains(": ModelSnapshot", StringComparison.Ordinal));
}
