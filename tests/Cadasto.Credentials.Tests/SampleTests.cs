using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials.Tests;

/// <summary>
/// The samples as a user runs them (<c>dotnet Sample.dll</c>, built before this project), against a loopback
/// authorization server and API that the test starts and stops: the worker calls the API through the token handler,
/// the portal signs a user in through the generated wiring. The Cadasto section points them at the loopback server
/// (a per-deployment override); each run is bounded (60 s) and its process killed if it overruns.
/// </summary>
public sealed class SampleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Worker_CallsTheApiThroughTheTokenHandler()
    {
        const string secret = "worker-sample-secret-1";
        await using var server = await LoopbackOAuthServer.StartAsync("cad-stg-invoice-sync", secret);

        using var worker = SampleProcess.Start("Cadasto.Samples.Worker", new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Staging",
            ["CADASTO_CLIENT_SECRET"] = secret,
            ["Cadasto__Authority"] = server.Authority,
            ["InvoiceApi__BaseAddress"] = server.Authority + "/",
        });
        var exitCode = await worker.WaitForExitAsync(Bound);

        Assert.True(exitCode == 0, worker.Output);
        Assert.Contains("Cadasto environment chosen: staging", worker.Output);
        Assert.Contains("Exported 2 approved invoices: INV-1, INV-2", worker.Output);
        Assert.Equal(1, server.TokenRequests);
        Assert.Equal(new[] { "api.read api.write" }, server.RequestedScopes);
        Assert.DoesNotContain(secret, worker.Output);
        Assert.DoesNotContain("at-1-", worker.Output);
    }

    [Fact]
    public async Task Worker_WithAWrongSecret_StopsSayingWhatToDo()
    {
        await using var server = await LoopbackOAuthServer.StartAsync("cad-stg-invoice-sync", "worker-sample-secret-1");

        using var worker = SampleProcess.Start("Cadasto.Samples.Worker", new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Staging",
            ["CADASTO_CLIENT_SECRET"] = "worker-sample-stale-9",
            ["Cadasto__Authority"] = server.Authority,
            ["InvoiceApi__BaseAddress"] = server.Authority + "/",
        });
        var exitCode = await worker.WaitForExitAsync(Bound);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("answered 401 invalid_client", worker.Output);
        Assert.DoesNotContain("worker-sample-stale-9", worker.Output);
    }

    [Fact]
    public async Task WebPortal_SignsInThroughTheGeneratedWiring()
    {
        const string secret = "portal-sample-secret-1";
        await using var server = await LoopbackOAuthServer.StartAsync("cad-prod-customer-portal", secret);

        using var portal = SampleProcess.Start("Cadasto.Samples.WebPortal", new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Cadasto__ClientSecret"] = secret,
            ["Cadasto__Authority"] = server.Authority,
        });
        var address = await portal.WaitForLineAsync(new Regex(@"Now listening on: (http://127\.0\.0\.1:\d+)"), Bound);
        using var browser = new Browser();

        var (status, body) = await browser.OpenAsync(new Uri(address + "/"));

        Assert.True(status == HttpStatusCode.OK, portal.Output);
        Assert.Equal("Signed in as Jane Doe", body);
        var authorize = server.AuthorizeQueries.Single();
        Assert.Contains("client_id=cad-prod-customer-portal", authorize);
        Assert.Contains("code_challenge_method=S256", authorize);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(address + "/signin-oidc"), authorize);
        Assert.Equal(1, server.TokenRequests);
        Assert.DoesNotContain(secret, portal.Output);
    }

    /// <summary>A sample's built assembly run with <c>dotnet</c>, its output captured; killed on dispose if still running.</summary>
    private sealed class SampleProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly object _gate = new();

        private SampleProcess(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_gate)
                {
                    return _output.ToString();
                }
            }
        }

        public static SampleProcess Start(string sample, IDictionary<string, string?> environment)
        {
            var assembly = Path.Combine(RepositoryRoot(), "samples", sample, "bin", Configuration(), "net10.0", sample + ".dll");
            Assert.True(File.Exists(assembly), $"{assembly} is not built");
            var start = new ProcessStartInfo("dotnet", $"\"{assembly}\"")
            {
                WorkingDirectory = Path.GetDirectoryName(assembly)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            start.Environment["Logging__Console__FormatterName"] = "simple";
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var sampleProcess = new SampleProcess(new Process { StartInfo = start });
            sampleProcess._process.OutputDataReceived += (_, e) => sampleProcess.Append(e.Data);
            sampleProcess._process.ErrorDataReceived += (_, e) => sampleProcess.Append(e.Data);
            sampleProcess._process.Start();
            sampleProcess._process.BeginOutputReadLine();
            sampleProcess._process.BeginErrorReadLine();
            return sampleProcess;
        }

        public async Task<int> WaitForExitAsync(TimeSpan bound)
        {
            using var timeout = new CancellationTokenSource(bound);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the sample did not exit within {bound.TotalSeconds} s:\n{Output}");
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        public async Task<string> WaitForLineAsync(Regex pattern, TimeSpan bound)
        {
            var deadline = DateTime.UtcNow + bound;
            while (DateTime.UtcNow < deadline)
            {
                if (pattern.Match(Output) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }

                Assert.False(_process.HasExited, "the sample stopped:\n" + Output);
                await Task.Delay(50);
            }

            Assert.Fail($"no line matched {pattern} within {bound.TotalSeconds} s:\n{Output}");
            return string.Empty;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Cadasto.Analyzers.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (Cadasto.Analyzers.sln) is not above " + AppContext.BaseDirectory);
        }

        // bin/<Configuration>/net10.0/ of this test project: the samples are built in the same configuration.
        private static string Configuration() => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
    }
}
