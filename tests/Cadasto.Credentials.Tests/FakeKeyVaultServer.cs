using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Cadasto.Credentials.AzureKeyVault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

/// <summary>
/// A loopback HTTPS server (127.0.0.1 only, a self-signed certificate made here) that speaks the
/// part of the Key Vault REST protocol the secrets client uses: <c>GET /secrets/{name}/{version}?api-version=…</c>,
/// the challenge-based authentication (401 with <c>WWW-Authenticate: Bearer authorization=…, resource=…</c>,
/// then a bearer token), 404 for an unknown secret, and whatever faults a test asks for.
/// </summary>
internal sealed class FakeKeyVaultServer : IAsyncDisposable
{
    public const string Token = "fake-bearer-token";

    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _secrets;
    private int _inFlight;
    private int _maxInFlight;
    private int _challenges;

    private FakeKeyVaultServer(WebApplication app, X509Certificate2 certificate, Dictionary<string, string> secrets)
    {
        _app = app;
        Certificate = certificate;
        _secrets = secrets;
    }

    public X509Certificate2 Certificate { get; }

    public Uri VaultUri { get; private set; } = null!;

    /// <summary>Every request as "METHOD path?query".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Time each authorised secret read takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The <c>updated</c> attribute of every secret, in Unix seconds (2026-01-15T00:00:00Z).</summary>
    public long UpdatedUnixSeconds { get; set; } = 1_768_435_200L;

    /// <summary>Secret name → how many 503 answers to give before the real one.</summary>
    public ConcurrentDictionary<string, int> FailuresBeforeSuccess { get; } = new();

    /// <summary>Secrets whose read never answers in time.</summary>
    public ConcurrentDictionary<string, bool> Hanging { get; } = new();

    public int Challenges => Volatile.Read(ref _challenges);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<FakeKeyVaultServer> StartAsync(IDictionary<string, string> secrets)
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeKeyVaultServer(app, certificate, new Dictionary<string, string>(secrets, StringComparer.OrdinalIgnoreCase));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.VaultUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Store options that reach this server: its certificate trusted (for this client only), a fake credential, challenge resource check off (the host is 127.0.0.1, not *.vault.azure.net).</summary>
    public AzureKeyVaultSecretStoreOptions StoreOptions(Action<AzureKeyVaultSecretStoreOptions>? configure = null)
    {
        var thumbprint = Certificate.Thumbprint;
        var options = new AzureKeyVaultSecretStoreOptions
        {
            Credential = new FakeTokenCredential(),
            RetryDelay = TimeSpan.FromMilliseconds(20),
            ConfigureClient = client =>
            {
                var handler = new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.Thumbprint == thumbprint,
                };
                client.Transport = new HttpClientTransport(handler);
                client.DisableChallengeResourceVerification = true;
            },
        };
        configure?.Invoke(options);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method != "GET" || segments.Length < 2 || segments[0] != "secrets" || !request.Query.ContainsKey("api-version"))
        {
            // Listing (/secrets), anything else: not what the store may ask for.
            context.Response.StatusCode = 400;
            await WriteError(context, "BadParameter", "This fake vault serves GET /secrets/{name} only.");
            return;
        }

        if (request.Headers.Authorization != "Bearer " + Token)
        {
            Interlocked.Increment(ref _challenges);
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", resource=\"https://vault.azure.net\"";
            return;
        }

        var name = segments[1];
        var now = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, context.RequestAborted);
            }

            if (Hanging.ContainsKey(name))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            if (FailuresBeforeSuccess.TryGetValue(name, out var failures) && failures > 0)
            {
                FailuresBeforeSuccess[name] = failures - 1;
                context.Response.StatusCode = 503;
                await WriteError(context, "ServiceUnavailable", "Try again.");
                return;
            }

            if (!_secrets.TryGetValue(name, out var value))
            {
                context.Response.StatusCode = 404;
                await WriteError(context, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
                return;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["value"] = value,
                ["id"] = $"{VaultUri}secrets/{name}/4387e9f3d6e14c459867679a90fd0f79",
                ["attributes"] = new Dictionary<string, object> { ["enabled"] = true, ["created"] = 1_764_000_000L, ["updated"] = UpdatedUnixSeconds, ["recoveryLevel"] = "Recoverable+Purgeable" },
            }));
        }
        catch (OperationCanceledException)
        {
            // The client gave up (timeout): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static Task WriteError(HttpContext context, string code, string message)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>Hands out the token the server expects, as a real credential would after signing in.</summary>
    private sealed class FakeTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
