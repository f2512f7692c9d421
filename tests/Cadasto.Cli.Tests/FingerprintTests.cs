using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Cadasto.Scanning;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Cli.Tests;

/// <summary>The key path that fingerprints a finding in a JSON file.</summary>
public sealed class FingerprintTests
{
    [Fact]
    public void JsonContext_ShouldNameTheKeyPath()
    {
        var text = SourceText.From("""{ "AzureAd": { "ClientSecret": "x", "Scopes": ["a", { "Name": "b" }] }, "Other": 1 }""");
        var content = text.ToString();

        Assert.Equal("AzureAd.ClientSecret", Fingerprints.JsonContext(text, content.IndexOf("\"x\"", StringComparison.Ordinal)));
        Assert.Equal("AzureAd.Scopes", Fingerprints.JsonContext(text, content.IndexOf("\"a\"", StringComparison.Ordinal)));
        Assert.Equal("AzureAd.Scopes.[1].Name", Fingerprints.JsonContext(text, content.IndexOf("\"b\"", StringComparison.Ordinal)));
        Assert.Equal("Other", Fingerprints.JsonContext(text, content.IndexOf('1', content.IndexOf("Other", StringComparison.Ordinal))));
    }

    [Fact]
    public void JsonContext_OfManyFindingsInOneLargeFile_ShouldNotRereadTheFileForEach()
    {
        // Found by the fuzz run (docs/robustness.md): 20,000 redirect URIs gave 20,000 CDS3003, and each finding's
        // context was computed by reading the 700 KB file from its start: 30 s of CPU for one manifest.
        var json = new StringBuilder("""{ "environments": { "production": { "redirectUris": [""");
        var positions = new int[20_000];
        for (var i = 0; i < positions.Length; i++)
        {
            json.Append(i == 0 ? "\n  " : ",\n  ");
            positions[i] = json.Length;
            json.Append("\"https://app.example/signin-oidc/").Append(new string('x', 8)).Append('"');
        }

        var text = SourceText.From(json.Append("] } } }").ToString());

        var stopwatch = Stopwatch.StartNew();
        var contexts = positions.Select(p => Fingerprints.JsonContext(text, p)).ToList();

        Assert.All(contexts, c => Assert.Equal("environments.production.redirectUris", c));
        // Linear: ~0.1 s here on a loaded machine; reading from the start each time took over 20 s.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }
}
