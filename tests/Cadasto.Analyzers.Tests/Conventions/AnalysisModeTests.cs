using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.Ide;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Tests.Conventions;

/// <summary>
/// <c>CadastoAnalysisMode</c> (Default, All, None): the package's targets hand the compiler one
/// <c>.globalconfig</c> per mode. Each names every rule, with the severity the README promises, and the
/// compiler applies it.
/// </summary>
public sealed class AnalysisModeTests
{
    private const string ConfigFolder = "src/Cadasto.Analyzers.Package/build/config/";

    [Theory]
    [InlineData("All")]
    [InlineData("None")]
    public void ModeFile_NamesEveryRule_WithTheModesSeverity(string mode)
    {
        var text = Repository.ReadText(ConfigFolder + $"Cadasto.AnalysisMode.{mode}.globalconfig");
        Assert.Matches(new Regex(@"^is_global = true$", RegexOptions.Multiline), text);
        var entries = Regex.Matches(text, @"^dotnet_diagnostic\.(CDS\d{4})\.severity = (\w+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

        Assert.Equal(Repository.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), entries.Keys.OrderBy(id => id, StringComparer.Ordinal));
        foreach (var descriptor in Repository.Descriptors)
        {
            var expected = mode == "None" ? "none" : descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
            Assert.True(entries[descriptor.Id] == expected, $"{descriptor.Id} is {entries[descriptor.Id]} in {mode}, expected {expected}");
        }
    }

    [Fact]
    public void Targets_ChooseTheModeFile_AndRejectAnUnknownMode()
    {
        var targets = Repository.ReadText("src/Cadasto.Analyzers.Package/build/Cadasto.Analyzers.targets");
        Assert.Contains("'$(CadastoAnalysisMode)' == 'All'\">$(MSBuildThisFileDirectory)config/Cadasto.AnalysisMode.All.globalconfig", targets, StringComparison.Ordinal);
        Assert.Contains("'$(CadastoAnalysisMode)' == 'None'\">$(MSBuildThisFileDirectory)config/Cadasto.AnalysisMode.None.globalconfig", targets, StringComparison.Ordinal);
        Assert.Contains("<EditorConfigFiles Include=\"$(_CadastoAnalysisModeConfig)\" />", targets, StringComparison.Ordinal);
        Assert.Contains("use Default, All or None", targets, StringComparison.Ordinal);
        Assert.Contains("CadastoAnalysisMode", Repository.ReadText("README.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Default", "CDS1001:Error CDS1002:Warning CDS3003:Info")]
    [InlineData("All", "CDS1001:Error CDS1002:Warning CDS3003:Warning")]
    [InlineData("None", "")]
    public async Task ModeFile_SetsTheSeverityTheCompilerReports(string mode, string expected)
    {
        var project = new IdeProject("App");
        project.Documents["Program.cs"] = """
            using Microsoft.Identity.Client;

            static class Program
            {
                const string PartnerApiKey = "pk_9f8e7d6c5b4a39281706";

                static IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("cad-dev-orders").WithClientSecret("ord~Xq7.Lp2Mn8Rv4Tw1").Build();
            }
            """;
        // CDS3003: redirect URIs registered for an application whose flows are all machine-to-machine (info by default).
        project.AdditionalFiles["cadasto.json"] = """
            {
              "application": "orders-sync",
              "contact": { "name": "Orders team", "email": "orders@example.com" },
              "flows": ["client_credentials"],
              "environments": {
                "development": { "clientId": "cad-dev-orders", "redirectUris": ["https://localhost:5001/signin-oidc"] }
              }
            }
            """;
        if (mode != "Default")
        {
            project.GlobalConfig.AddRange(Repository.ReadText(ConfigFolder + $"Cadasto.AnalysisMode.{mode}.globalconfig")
                .Split('\n').Where(line => line.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)));
        }

        using var ide = IdeSolution.Create(project);
        var build = await IdeSolution.BuildAsync(ide.Project("App"));
        var reported = string.Join(" ", build.Where(d => d.Id is "CDS1001" or "CDS1002" or "CDS3003")
            .OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => $"{d.Id}:{d.Severity}"));
        Assert.Equal(expected, reported);
    }
}
