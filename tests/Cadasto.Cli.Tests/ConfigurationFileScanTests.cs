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
}
