using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>The configuration files <c>cadasto scan</c> reads: those a build hands the rules, and no copies.</summary>
public sealed class ConfigurationFileScanTests
{
    [Fact]
    public async Task AppSettingsInSubFolders_ShouldBeRead_ButNeverTheCopiesInBinOrObj()
    {
        using var fixture = new Fixture();
        fixture.Write("src/App/App.csproj", Fixture.WebProject);
        fixture.Write("src/App/Program.cs", "System.Console.WriteLine();");
        var settings = $$"""{ "AzureAd": { "ClientId": "cad-dev-app", "ClientSecret": "{{Fixture.Secret}}" } }""";
        fixture.Write("src/App/Config/appsettings.Shared.json", settings);
        fixture.Write("src/App/Deploy/Production/appsettings.Production.json", settings);
        fixture.Write("src/App/bin/Debug/net10.0/Config/appsettings.Shared.json", settings);
        fixture.Write("src/App/obj/Debug/net10.0/appsettings.json", settings);
        fixture.Write("src/App/Config/obj/appsettings.json", settings);

        var result = await CliRunner.RunAsync(fixture.Root, "scan", ".", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        var paths = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "CDS1004")
            .Select(f => f.GetProperty("path").GetString())
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[] { "src/App/Config/appsettings.Shared.json", "src/App/Deploy/Production/appsettings.Production.json" }, paths);
        Assert.DoesNotContain(Fixture.Secret, result.All);
    }
    [Fact]
    public async Task SyntaxError_ShouldBeANoteNamingTheFileAndPosition_WhileTheSecretsAroundItAreStillFound()
    {
        using var fixture = new Fixture();
        fixture.Write("src/App/App.csproj", Fixture.WebProject);
        fixture.Write("src/App/Program.cs", "System.Console.WriteLine();");
        fixture.Write("src/App/appsettings.json", $$"""
            {
              "AzureAd": { "ClientId": "cad-dev-app", "ClientSecret": "{{Fixture.Secret}}" }
              "Logging": { "LogLevel": { "Default": "Warning" } }
            }
            } trailing text
            """);

        var json = await CliRunner.RunAsync(fixture.Root, "scan", ".", "--format", "json");
        var human = await CliRunner.RunAsync(fixture.Root, "scan", ".");

        Assert.Equal(1, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CDS1004", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        const string Note = "src/App/appsettings.json(3,3): appsettings.json is not valid JSON here (Expected ',' or '}' after a property value)";
        Assert.Contains(report.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith(Note, System.StringComparison.Ordinal));
        Assert.Equal(1, human.ExitCode);
        Assert.Contains("note: " + Note, human.Output);
        Assert.DoesNotContain(Fixture.Secret, json.All + human.All);
    }
}
