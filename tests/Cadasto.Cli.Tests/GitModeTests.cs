using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Cadasto.Cli.Tests;

/// <summary>The git modes (issue 15) on scratch repositories: staged changes, a pull request's files, history, the hook.</summary>
public sealed class GitModeTests
{
    private const string OtherSecret = "Vb7Nq2Lx9Rt4Wz8Kc3Hd6Jm1Pf5Gs0Ya";

    private static readonly Dictionary<string, string?> GitIdentity = new()
    {
        ["GIT_AUTHOR_NAME"] = "Test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
        ["GIT_COMMITTER_NAME"] = "Test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    /// <summary>The leaky program with the secret read from the environment instead.</summary>
    private static readonly string CleanFactory = Fixture.LeakyProgram().Replace($"\"{Fixture.Secret}\"", "System.Environment.GetEnvironmentVariable(\"CADASTO_CLIENT_SECRET\")", StringComparison.Ordinal);

    [Fact]
    public async Task Staged_ShouldScanTheIndexNotTheWorkTree()
    {
        using var fixture = await CleanRepositoryAsync();
        fixture.Write("src/Leaky/TokenFactory.cs", Fixture.LeakyProgram());
        await GitAsync(fixture, "add", "-A");
        fixture.Write("src/Leaky/TokenFactory.cs", CleanFactory);

        var staged = await CliRunner.RunAsync(fixture.Root, "scan", "--staged", "--no-progress");

        Assert.Equal(1, staged.ExitCode);
        Assert.Contains("src/Leaky/TokenFactory.cs(11,31): error CDS1001", staged.Output);
        Assert.DoesNotContain(Fixture.Secret, staged.All);

        // The other way round: the leak only in the work tree is not what would be committed.
        await GitAsync(fixture, "add", "-A");
        fixture.Write("src/Leaky/TokenFactory.cs", Fixture.LeakyProgram());
        var clean = await CliRunner.RunAsync(fixture.Root, "scan", "--staged", "--no-progress");
        Assert.Equal(0, clean.ExitCode);
        Assert.DoesNotContain("CDS1001", clean.Output);
    }

    [Fact]
    public async Task Staged_ShouldReportOnlyStagedFiles()
    {
        using var fixture = await CleanRepositoryAsync();
        fixture.Write("src/Leaky/Old.cs", Fixture.LeakyProgram().Replace("TokenFactory", "Old", StringComparison.Ordinal));
        await CommitAllAsync(fixture, "an old leak, already committed");
        fixture.Write("src/Leaky/Note.cs", "namespace Leaky; public static class Note { }");
        await GitAsync(fixture, "add", "-A");

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--staged", "--no-progress");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Old.cs", result.Output);
    }

    [Fact]
    public async Task Since_ShouldReportOnlyChangedFilesWithAFullScansFingerprints()
    {
        using var fixture = await CleanRepositoryAsync();
        fixture.Write("src/Leaky/Old.cs", Fixture.LeakyProgram().Replace("TokenFactory", "Old", StringComparison.Ordinal));
        await CommitAllAsync(fixture, "base");
        var baseCommit = (await GitAsync(fixture, "rev-parse", "HEAD")).Trim();
        fixture.Write("src/Leaky/TokenFactory.cs", Fixture.LeakyProgram());
        await CommitAllAsync(fixture, "the pull request");

        var since = await CliRunner.RunAsync(fixture.Root, "scan", "--since", baseCommit, "--format", "json");
        var full = await CliRunner.RunAsync(fixture.Root, "scan", "--format", "json");

        Assert.Equal(1, since.ExitCode);
        var changed = Findings(since.Output);
        Assert.NotEmpty(changed);
        Assert.All(changed, f => Assert.Equal("src/Leaky/TokenFactory.cs", f.Path));
        var fullForThatFile = Findings(full.Output).Where(f => f.Path == "src/Leaky/TokenFactory.cs").ToList();
        Assert.Equal(fullForThatFile.Select(f => f.Fingerprint).Order(), changed.Select(f => f.Fingerprint).Order());
        Assert.Contains(Findings(full.Output), f => f.Path == "src/Leaky/Old.cs");
    }

    [Fact]
    public async Task Since_UnknownRevision_ShouldExitTwo()
    {
        using var fixture = await CleanRepositoryAsync();

        var result = await CliRunner.RunAsync(fixture.Root, "scan", "--since", "no-such-branch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-branch", result.Error);
    }

    [Fact]
    public async Task History_ShouldReportEachSecretOnceWithItsCommitAndWhetherHeadHoldsIt()
    {
        using var fixture = await CleanRepositoryAsync();
        fixture.Write("src/Leaky/TokenFactory.cs", Fixture.LeakyProgram());
        var introduced = await CommitAllAsync(fixture, "a leak");
        // The file changes around the secret twice: still one secret.
        fixture.Write("src/Leaky/TokenFactory.cs", "// first edit\n" + Fixture.LeakyProgram());
        await CommitAllAsync(fixture, "an edit");
        fixture.Write("src/Leaky/TokenFactory.cs", "// second edit\n" + Fixture.LeakyProgram());
        await CommitAllAsync(fixture, "another edit");
        fixture.Write("src/Leaky/TokenFactory.cs", CleanFactory);
        await CommitAllAsync(fixture, "the leak removed from the tree");
        fixture.Write("src/Leaky/Current.cs", Fixture.LeakyProgram(OtherSecret).Replace("TokenFactory", "Current", StringComparison.Ordinal));
        var current = await CommitAllAsync(fixture, "a leak still in HEAD");

        var json = await CliRunner.RunAsync(fixture.Root, "scan", "--history", "--format", "json");
        var human = await CliRunner.RunAsync(fixture.Root, "scan", "--history", "--no-progress");

        Assert.Equal(1, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        var secrets = report.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "CDS1001").ToList();
        Assert.Equal(2, secrets.Count);
        var removed = Assert.Single(secrets, f => f.GetProperty("path").GetString() == "src/Leaky/TokenFactory.cs");
        Assert.Equal(introduced, removed.GetProperty("commit").GetString());
        Assert.False(removed.GetProperty("inHead").GetBoolean());
        var kept = Assert.Single(secrets, f => f.GetProperty("path").GetString() == "src/Leaky/Current.cs");
        Assert.Equal(current, kept.GetProperty("commit").GetString());
        Assert.True(kept.GetProperty("inHead").GetBoolean());
        Assert.Contains(human.Output.Split('\n'), l => l.Contains("TokenFactory.cs", StringComparison.Ordinal) && l.Contains("CDS1001", StringComparison.Ordinal) && l.Contains("rotate it: it is in history", StringComparison.Ordinal) && l.Contains(introduced[..12], StringComparison.Ordinal));
        Assert.DoesNotContain(Fixture.Secret, json.All + human.All);
        Assert.DoesNotContain(OtherSecret, json.All + human.All);
    }

    [Fact]
    public async Task Hook_ShouldBlockACommitThatLeaksEndToEnd()
    {
        using var fixture = await CleanRepositoryAsync();
        var install = await CliRunner.RunAsync(fixture.Root, "hook", "install");
        Assert.Equal(0, install.ExitCode);
        var before = (await GitAsync(fixture, "rev-list", "--count", "HEAD")).Trim();

        fixture.Write("src/Leaky/TokenFactory.cs", Fixture.LeakyProgram());
        await GitAsync(fixture, "add", "-A");
        var blocked = await CliRunner.RunProcessAsync("git", new[] { "commit", "-m", "leak" }, fixture.Root, GitIdentity);

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("CDS1001", blocked.All);
        Assert.DoesNotContain(Fixture.Secret, blocked.All);
        Assert.Equal(before, (await GitAsync(fixture, "rev-list", "--count", "HEAD")).Trim());

        fixture.Write("src/Leaky/TokenFactory.cs", "// the secret is read from the environment now\n" + CleanFactory);
        await GitAsync(fixture, "add", "-A");
        var allowed = await CliRunner.RunProcessAsync("git", new[] { "commit", "-m", "clean" }, fixture.Root, GitIdentity);
        Assert.True(allowed.ExitCode == 0, allowed.All);
    }

    [Fact]
    public async Task HookInstall_ShouldNeverOverwriteAnExistingHookWithoutForce()
    {
        using var fixture = await CleanRepositoryAsync();
        var hook = Path.Combine(fixture.Root, ".git", "hooks", "pre-commit");
        File.WriteAllText(hook, "#!/bin/sh\necho the team's own hook\n");

        var refused = await CliRunner.RunAsync(fixture.Root, "hook", "install");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal("#!/bin/sh\necho the team's own hook\n", File.ReadAllText(hook));

        var forced = await CliRunner.RunAsync(fixture.Root, "hook", "install", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("scan --staged", File.ReadAllText(hook));
        Assert.Equal("#!/bin/sh\necho the team's own hook\n", File.ReadAllText(hook + ".before-cadasto"));

        // Its own hook is replaced without --force.
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Root, "hook", "install")).ExitCode);
    }

    [Fact]
    public async Task HookInstall_OutsideARepository_ShouldExitTwo()
    {
        using var fixture = new Fixture();

        var result = await CliRunner.RunAsync(fixture.Root, new Dictionary<string, string?> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(fixture.Root) }, "hook", "install");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("git", result.Error);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task Baseline_ADifferentSecretAtABaselinedPlace_ShouldBeReportedAgain(string format)
    {
        using var fixture = Fixture.Leaky();
        var baseline = Path.Combine(Path.GetTempPath(), $"cadasto-baseline-{Guid.NewGuid():N}.{format}");
        try
        {
            Assert.Equal(1, (await CliRunner.RunAsync(fixture.Root, "scan", "--format", format, "--output", baseline)).ExitCode);
            Assert.Equal(0, (await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", baseline)).ExitCode);

            fixture.Write("src/Leaky/TokenFactory.cs", Fixture.LeakyProgram(OtherSecret));
            var rotatedInPlace = await CliRunner.RunAsync(fixture.Root, "scan", "--baseline", baseline, "--format", "json");

            Assert.Equal(1, rotatedInPlace.ExitCode);
            using var report = JsonDocument.Parse(rotatedInPlace.Output);
            var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "CDS1001");
            Assert.Equal("src/Leaky/TokenFactory.cs", finding.GetProperty("path").GetString());

            var stored = File.ReadAllText(baseline);
            Assert.Contains("pbkdf2-sha256$100000$", stored);
            Assert.DoesNotContain(Fixture.Secret, stored);
            Assert.DoesNotContain(Fixture.Secret.Substring(0, 12), stored);
            foreach (var hash in ScanCommandTests.HashesOf(Fixture.Secret))
            {
                Assert.DoesNotContain(hash, stored, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Convert.ToBase64String(Convert.FromHexString(hash)), stored);
            }
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    private sealed record JsonFinding(string Path, string RuleId, string Fingerprint);

    private static List<JsonFinding> Findings(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new JsonFinding(f.GetProperty("path").GetString()!, f.GetProperty("ruleId").GetString()!, f.GetProperty("fingerprint").GetString()!))
            .ToList();
    }

    /// <summary>A repository with one committed, clean project.</summary>
    private static async Task<Fixture> CleanRepositoryAsync()
    {
        var fixture = new Fixture();
        await GitAsync(fixture, "init", "--quiet", "--initial-branch=main");
        fixture.Write("src/Leaky/Leaky.csproj", Fixture.WebProject);
        fixture.Write("src/Leaky/TokenFactory.cs", CleanFactory);
        await CommitAllAsync(fixture, "clean start");
        return fixture;
    }

    private static async Task<string> CommitAllAsync(Fixture fixture, string message)
    {
        await GitAsync(fixture, "add", "-A");
        await GitAsync(fixture, "commit", "--quiet", "--no-verify", "-m", message);
        return (await GitAsync(fixture, "rev-parse", "HEAD")).Trim();
    }

    private static async Task<string> GitAsync(Fixture fixture, params string[] args)
    {
        var result = await CliRunner.RunProcessAsync("git", args, fixture.Root, GitIdentity);
        Assert.True(result.ExitCode == 0, $"git {string.Join(" ", args)}: {result.Error}");
        return result.Output;
    }
}
