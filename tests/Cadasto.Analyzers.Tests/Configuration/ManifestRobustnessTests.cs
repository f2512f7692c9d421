using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Rules.Manifest;
using Cadasto.Analyzers.Rules.Secrets;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Cadasto.Analyzers.Tests.Configuration;

/// <summary>
/// Thousands of deterministic mutations of valid manifests (truncation at every position, deleted and
/// inserted characters, values of every wrong type, deep nesting, huge strings, byte order marks, invalid
/// UTF-8) go through the real analyzers, as the compiler runs them. None may throw (AD0001), report
/// anything but CDS9xxx, or point outside its file.
/// </summary>
public sealed class ManifestRobustnessTests
{
    private const int BatchSize = 250;

    private readonly ITestOutputHelper _output;

    public ManifestRobustnessTests(ITestOutputHelper output) => _output = output;

    private static readonly DiagnosticAnalyzer[] Analyzers =
    {
        new ManifestMalformedAnalyzer(),
        new ManifestIncompleteAnalyzer(),
        new ManifestInvalidValueAnalyzer(),
        new SecretInConfigurationFileAnalyzer(),
    };

    private const string AppSettings = """
        {
          // comments and trailing commas, as ASP.NET Core reads them
          "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
          "AzureAd": {
            "Instance": "https://login.microsoftonline.com/",
            "ClientId": "11111111-2222-3333-4444-555555555555",
            "ClientSecret": "Q~8abcdefghij.klmnopqrstuvwxyz012345",
            "ClientCredentials": [ { "SourceType": "ClientSecret", "ClientSecret": "Q~9zyxw" }, ],
          },
          "ConnectionStrings": { "Db": "Server=db;User ID=app;Password=P@ss-1;", "Emulator": "UseDevelopmentStorage=true" },
          "Cadasto": { "ClientSecret": "", "ApiKey": "${KEY}", "Url": "https://u:p4ss@host/x" },
          "AllowedHosts": "*"
        }
        """;

    internal const string PublicClient = """
        {
          "$schema": "https://raw.githubusercontent.com/cadasto/Cadasto.Analyzers/main/schema/cadasto.schema.json",
          "application": "portal",
          "contact": { "name": "Jane Doe", "email": "jane@example.com" },
          "clientType": "public",
          "flows": ["authorization_code", "refresh_token"],
          "scopes": ["openid", "api.read"],
          "environments": {
            "Development": {
              "clientId": "cad-dev-portal",
              "authority": "https://auth.dev.cadasto.example",
              "redirectUris": ["https://localhost:5001/signin-oidc", "http://127.0.0.1/callback"],
              "allowedOrigins": ["https://localhost:5001"]
            },
            "staging": { "clientId": "cad-stg-portal", "redirectUris": ["https://stg.portal.example.com/signin-oidc"] }
          }
        }
        """;

    [Fact]
    public async Task MutatedConfigurationFiles_ShouldOnlyGiveCds1004InsideTheFile()
    {
        var texts = Mutations(AppSettings).ToList();
        var exceptions = new ConcurrentBag<string>();
        var reported = 0;
        var syntaxErrors = 0;
        for (var batchStart = 0; batchStart < texts.Count; batchStart += BatchSize)
        {
            var batch = texts.Skip(batchStart).Take(BatchSize)
                .Select((text, i) => new InMemoryAdditionalText($"/mutations/{batchStart + i}/appsettings.Production.json", text))
                .ToList();
            var byPath = batch.ToDictionary(f => f.Path, f => f.GetText()!);
            foreach (var diagnostic in await RunAsync(batch, exceptions))
            {
                Assert.Equal("CDS1004", diagnostic.Id);
                var text = byPath[diagnostic.Location.GetLineSpan().Path];
                var span = diagnostic.Location.SourceSpan;
                Assert.InRange(span.End, span.Start, text.Length);
                Assert.Equal(text.Lines.GetLinePositionSpan(span), diagnostic.Location.GetLineSpan().Span);
                if (diagnostic.Descriptor.Equals(DiagnosticDescriptors.ConfigurationFileNotValidJson))
                {
                    syntaxErrors++; // where reading went wrong: any position, the end of the file included
                    continue;
                }

                // The value token: a string, quotes included, or (past a syntax error) a single-quoted or bare value.
                Assert.DoesNotContain(text[span.Start], " \t\r\n{}[],:");
                reported++;
            }
        }

        Assert.Empty(exceptions);
        Assert.True(reported > 0, "CDS1004 never reported: the mutations prove nothing about it");
        Assert.True(syntaxErrors > 0, "no syntax error reported: the mutations prove nothing about it");
        _output.WriteLine($"{texts.Count} mutated appsettings files, {reported} CDS1004 secrets, {syntaxErrors} syntax errors");
    }

    [Fact]
    public async Task MutatedManifests_ShouldOnlyGiveManifestDiagnosticsInsideTheFile()
    {
        var texts = Mutations(ManifestParserTests.SpecExample, PublicClient).ToList();
        var stopwatch = Stopwatch.StartNew();
        var exceptions = new ConcurrentBag<string>();
        var checkedDiagnostics = 0;
        var byId = new Dictionary<string, int>();

        for (var batchStart = 0; batchStart < texts.Count; batchStart += BatchSize)
        {
            var batch = texts.Skip(batchStart).Take(BatchSize)
                .Select((text, i) => new InMemoryAdditionalText($"/mutations/{batchStart + i}/cadasto.json", text))
                .ToList();
            var diagnostics = await RunAsync(batch, exceptions);
            var byPath = batch.ToDictionary(f => f.Path, f => f.GetText()!);

            foreach (var diagnostic in diagnostics)
            {
                Assert.True(diagnostic.Id.StartsWith("CDS900", StringComparison.Ordinal) || diagnostic.Id == "CDS1004", diagnostic.ToString());
                Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, diagnostic.ToString());
                var lineSpan = diagnostic.Location.GetLineSpan();
                Assert.True(byPath.TryGetValue(lineSpan.Path, out var text), "a diagnostic outside the mutated files: " + diagnostic);
                var span = diagnostic.Location.SourceSpan;
                Assert.InRange(span.Start, 0, text!.Length);
                Assert.InRange(span.End, span.Start, text.Length);
                Assert.Equal(text.Lines.GetLinePositionSpan(span), lineSpan.Span);
                checkedDiagnostics++;
                byId[diagnostic.Id] = byId.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
            }

            // A file that is not JSON gets exactly one finding: the first syntax error.
            foreach (var file in batch)
            {
                if (JsonReader.Parse(file.GetText()!).Error is not null)
                {
                    Assert.Single(diagnostics, d => d.Location.GetLineSpan().Path == file.Path && d.Id != "CDS1004");
                }
            }
        }

        Assert.Empty(exceptions);
        Assert.True(texts.Count >= 3000, $"only {texts.Count} mutations");
        _output.WriteLine($"{texts.Count} mutated manifests, {checkedDiagnostics} diagnostics ({string.Join(", ", byId.OrderBy(p => p.Key).Select(p => p.Key + ": " + p.Value))}) in {stopwatch.ElapsedMilliseconds} ms");

        // Every rule was exercised: a mutation set that never triggers one rule proves nothing about it.
        Assert.All(new[] { "CDS9001", "CDS9002", "CDS9003" }, id => Assert.True(byId.ContainsKey(id), id + " never reported"));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyList<AdditionalText> files, ConcurrentBag<string> exceptions)
    {
        var compilation = CSharpCompilation.Create(
            "Robustness",
            new[] { CSharpSyntaxTree.ParseText("class Program { static void Main() { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files.ToImmutableArray()),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers.ToImmutableArray(), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(diagnostic.ToString());
        }

        return diagnostics;
    }

    /// <summary>The mutated texts, in a fixed order (a fixed seed for the random part).</summary>
    internal static IEnumerable<SourceText> Mutations(params string[] seeds)
    {
        foreach (var seed in seeds)
        {
            yield return SourceText.From(seed);

            // Truncated at every position: a file saved half-typed.
            for (var length = 0; length < seed.Length; length++)
            {
                yield return SourceText.From(seed.Substring(0, length));
            }

            // One character deleted, every third position.
            for (var i = 0; i < seed.Length; i += 3)
            {
                yield return SourceText.From(seed.Remove(i, 1));
            }

            // Every value replaced by each wrong type (and a too-deep value).
            var root = JsonReader.Parse(SourceText.From(seed)).Root!;
            foreach (var node in Values(root).OrderByDescending(n => n.Span.Start))
            {
                foreach (var replacement in new[] { "42", "true", "null", "[]", "{}", "\"\"", "\"x\"", "[1, {}]", "{ \"store\": 1 }", new string('[', 70) + new string(']', 70) })
                {
                    yield return SourceText.From(seed.Substring(0, node.Span.Start) + replacement + seed.Substring(node.Span.End));
                }
            }

            // JSON punctuation inserted at random places (fixed seed).
            var random = new Random(20261128);
            const string Punctuation = "{}[]\",:\\ /*'\u0000\uFFFD\uD800";
            for (var i = 0; i < 600; i++)
            {
                var at = random.Next(seed.Length + 1);
                var inserted = Punctuation[random.Next(Punctuation.Length)].ToString();
                yield return SourceText.From(seed.Insert(at, inserted));
            }

            // Byte order marks: kept in the text, doubled, decoded from bytes, UTF-16 bytes read as UTF-8.
            yield return SourceText.From("\uFEFF" + seed);
            yield return SourceText.From("\uFEFF\uFEFF" + seed);
            yield return SourceText.From(seed.Insert(seed.IndexOf(':'), "\uFEFF"));
            var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(seed)).ToArray();
            yield return SourceText.From(utf8, utf8.Length, Encoding.UTF8);
            var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(seed)).ToArray();
            yield return SourceText.From(utf16, utf16.Length, new UTF8Encoding(false, false));
            yield return SourceText.From(utf16, utf16.Length, Encoding.Unicode);

            // Invalid UTF-8 bytes (lone continuation, overlong, surrogate half, 0xFF) at every 7th byte.
            var bytes = Encoding.UTF8.GetBytes(seed);
            var invalid = new[] { new byte[] { 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xE2, 0x82 } };
            for (var i = 0; i < bytes.Length; i += 7)
            {
                var mutated = bytes.Take(i).Concat(invalid[i % invalid.Length]).Concat(bytes.Skip(i)).ToArray();
                yield return SourceText.From(mutated, mutated.Length, new UTF8Encoding(false, false));
            }
        }

        // Deep nesting, open and closed, at and around the cap.
        foreach (var depth in new[] { 10, JsonReader.MaxDepth - 1, JsonReader.MaxDepth, JsonReader.MaxDepth + 1, 1_000, 100_000 })
        {
            yield return SourceText.From(new string('[', depth) + new string(']', depth));
            yield return SourceText.From(new string('[', depth));
            yield return SourceText.From(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
            yield return SourceText.From("{\"environments\": " + string.Concat(Enumerable.Repeat("{\"production\":", depth)) + "{}" + new string('}', depth) + "}");
        }

        // Huge values: a 1 MB application name, a 200 kB redirect URI, 5,000 environments, a 1 MB number.
        yield return SourceText.From(ManifestParserTests.SpecExample.Replace("\"invoice-sync\"", "\"" + new string('a', 1_000_000) + "\""));
        yield return SourceText.From(PublicClient.Replace("https://localhost:5001/signin-oidc", "https://localhost/" + new string('p', 200_000)));
        yield return SourceText.From(PublicClient.Replace("https://localhost:5001\"", "https://" + new string('h', 100_000) + ".example\""));
        var environments = string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"env{i}\": {{ \"clientId\": \"c{i}\" }}"));
        yield return SourceText.From("{ \"application\": \"a\", \"contact\": { \"email\": \"a@example.com\" }, \"environments\": { " + environments + " } }");
        yield return SourceText.From("{ \"application\": " + new string('9', 1_000_000) + " }");
        yield return SourceText.From("\"" + new string('s', 1_000_000));

        // Odd whole files.
        foreach (var odd in new[] { "", " ", "\uFEFF", "\0", "null", "true", "\"cadasto\"", "0", "-", "{", "}", "[", "{\"\":{}}", "{\"environments\":{\"\":{}}}", "\r\n\r\n", "\uD800", "\uFFFD\uFFFD" })
        {
            yield return SourceText.From(odd);
        }
    }

    private static IEnumerable<JsonNode> Values(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.Properties)
                {
                    yield return property.Value;
                    foreach (var inner in Values(property.Value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Items)
                {
                    yield return item;
                    foreach (var inner in Values(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
