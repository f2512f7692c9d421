using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Cadasto.Analyzers.Generators.Credentials;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>
/// Identifiers and hint names the generator makes from environment names: always valid C#, unique, within the
/// metadata limit (CS7013 at 1,024 UTF-8 bytes) and short enough to be a file name when the build writes
/// generated files to disk (<c>EmitCompilerGeneratedFiles</c>: CS0016 past 255 bytes).
/// </summary>
public sealed class GeneratedNamesTests
{
    /// <summary>What the file system of every supported platform takes as one file name, in UTF-8 bytes.</summary>
    private const int FileNameLimit = 255;

    private static string PublicManifest(params string[] environments) =>
        "{ \"application\": \"x\", \"contact\": { \"email\": \"ops@example.com\" }, \"clientType\": \"public\", \"environments\": { "
        + string.Join(", ", environments.Select((name, i) => $"\"{name}\": {{ \"clientId\": \"c{i}\" }}"))
        + " } }";

    [Theory]
    [InlineData(1_100, "Sample")]
    [InlineData(230, "Sample")]
    [InlineData(230, "Company.Products.Billing.InvoiceSynchronisation.Worker.Background.Services.Hosting.Cadasto.Credentials")]
    [InlineData(400, "本番.環境")]
    public void LongEnvironmentNames_ShouldGenerateCodeThatEmitsAndFilesThatCanBeWritten(int length, string rootNamespace)
    {
        var longName = string.Concat(Enumerable.Repeat("本番production", length / 12 + 1)).Substring(0, length);
        var manifest = PublicManifest(longName, longName.Substring(0, length - 1) + "x", "development");

        var (_, result, output, diagnostics) = GeneratorHarness.Run(manifest, new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

        Assert.Null(result.Exception);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(3 + 3, result.GeneratedSources.Length);
        using var peStream = new MemoryStream();
        var emitted = output.Emit(peStream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(5)));

        // Each hint name becomes a file name under obj/…/generated/: it must fit, and be writable.
        var folder = Path.Combine(Path.GetTempPath(), "cadasto-hint-names", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var source in result.GeneratedSources)
            {
                Assert.True(Encoding.UTF8.GetByteCount(source.HintName) <= FileNameLimit, source.HintName);
                File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString());
            }

            Assert.Equal(result.GeneratedSources.Length, Directory.GetFiles(folder).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("sta\u200Bging", "Staging")]
    [InlineData("\u200Eproduction", "Production")]
    [InlineData("pro\u00ADduction", "Production")]
    [InlineData("\u2060", "Environment")]
    public void FormattingCharacters_ShouldNotReachIdentifiers(string name, string identifier) =>
        Assert.Equal(identifier, CredentialsParser.ToIdentifier(name));

    [Fact]
    public void NamesThatDifferOnlyByAnInvisibleCharacter_ShouldGetDistinctIdentifiersThatCompile()
    {
        // The compiler ignores formatting characters in identifiers (C# spec §6.4.3): Sta\u200Bging and Staging are one name to it.
        var manifest = PublicManifest("staging", "sta\\u200Bging", "STAGING\\u200C");

        var (_, result, output, _) = GeneratorHarness.Run(manifest, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Sample" });

        Assert.Null(result.Exception);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var hintNames = result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(hintNames, n => n.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format));
    }
}
