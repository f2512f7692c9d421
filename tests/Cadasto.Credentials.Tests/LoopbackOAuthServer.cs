using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

/// <summary>
/// An authorization server and an API on 127.0.0.1 only, for one test: discovery, JWKS, the authorize endpoint
/// (code flow, S256 PKCE required), the token endpoint (client credentials and authorization code, the client's secret
/// checked), and <c>/api/invoices</c>, which wants a bearer token this server issued and did not revoke. Bounded: small
/// request bodies, stopped and disposed by the test.
/// </summary>
internal sealed class LoopbackOAuthServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri, string? Nonce)> _codes = new(StringComparer.Ordinal);
    private int _tokenRequests;
    private int _apiCalls;
    private int _issued;

    private LoopbackOAuthServer(WebApplication app, string clientId, string secret)
    {
        _app = app;
        ClientId = clientId;
        Secret = secret;
    }

    public string ClientId { get; }

    /// <summary>The secret the server accepts now (a test rotates it).</summary>
    public string Secret { get; set; }

    public string Authority { get; private set; } = string.Empty;

    /// <summary>The lifetime of issued tokens, in seconds.</summary>
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>How long the token endpoint takes to answer.</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>When set, the API answers 401 to every token (a revoked client).</summary>
    public bool RejectAllTokens { get; set; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int ApiCalls => Volatile.Read(ref _apiCalls);

    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    /// <summary>The query strings the authorize endpoint received.</summary>
    public ConcurrentQueue<string> AuthorizeQueries { get; } = new();

    public static async Task<LoopbackOAuthServer> StartAsync(string clientId, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 64 * 1024;
        });
        var app = builder.Build();
        var server = new LoopbackOAuthServer(app, clientId, secret);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Authority = new Uri(address).GetLeftPart(UriPartial.Authority);
        return server;
    }

    /// <summary>Revokes every token issued so far: the API answers 401 to them.</summary>
    public void RevokeIssuedTokens()
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = Authority,
            authorization_endpoint = Authority + "/connect/authorize",
            token_endpoint = Authority + "/connect/token",
            jwks_uri = Authority + "/jwks",
            end_session_endpoint = Authority + "/connect/endsession",
            response_types_supported = new[] { "code" },
            subject_types_supported = new[] { "public" },
            id_token_signing_alg_values_supported = new[] { "RS256" },
            code_challenge_methods_supported = new[] { "S256" },
            grant_types_supported = new[] { "authorization_code", "client_credentials" },
        }));

        app.MapGet("/jwks", () =>
        {
            var parameters = _key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } });
        });

        app.MapGet("/connect/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query;
            AuthorizeQueries.Enqueue(context.Request.QueryString.Value ?? string.Empty);
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
            {
                return Results.BadRequest(new { error = "invalid_request" });
            }

            var code = "code-" + Guid.NewGuid().ToString("N");
            _codes[code] = (query["code_challenge"]!, query["redirect_uri"]!, query["nonce"]);
            var fields = new[] { ("code", code), ("state", (string)query["state"]!), ("iss", Authority) };
            if (query["response_mode"] == "form_post")
            {
                var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Item1}\" value=\"{WebUtility.HtmlEncode(f.Item2)}\"/>"));
                return Results.Content($"<html><body><form method=\"post\" action=\"{WebUtility.HtmlEncode(query["redirect_uri"])}\">{inputs}</form></body></html>", "text/html");
            }

            return Results.Redirect(query["redirect_uri"] + "?" + string.Join("&", fields.Select(f => f.Item1 + "=" + Uri.EscapeDataString(f.Item2))));
        });

        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            if (TokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(TokenDelay);
            }

            var form = await context.Request.ReadFormAsync();
            var (id, secret) = ClientAuthentication(context.Request, form);
            if (id != ClientId || secret != Secret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            switch ((string?)form["grant_type"])
            {
                case "client_credentials":
                    RequestedScopes.Enqueue((string?)form["scope"] ?? string.Empty);
                    return Results.Json(new { access_token = Issue(), token_type = "Bearer", expires_in = ExpiresIn });
                case "authorization_code":
                    if (!_codes.TryRemove((string?)form["code"] ?? string.Empty, out var grant)
                        || grant.RedirectUri != form["redirect_uri"]
                        || grant.Challenge != Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes((string?)form["code_verifier"] ?? string.Empty))))
                    {
                        return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
                    }

                    return Results.Json(new { access_token = Issue(), id_token = IdToken(grant.Nonce), token_type = "Bearer", expires_in = ExpiresIn });
                default:
                    return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            }
        });

        app.MapMethods("/api/invoices", new[] { "GET", "POST" }, (HttpContext context) =>
        {
            Interlocked.Increment(ref _apiCalls);
            var header = (string?)context.Request.Headers.Authorization ?? string.Empty;
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header.Substring(7) : string.Empty;
            return !RejectAllTokens && _tokens.TryGetValue(token, out var valid) && valid
                ? Results.Json(new[] { "INV-1", "INV-2" })
                : Results.StatusCode(401);
        });
    }

    private static (string? Id, string? Secret) ClientAuthentication(HttpRequest request, IFormCollection form)
    {
        var header = (string?)request.Headers.Authorization;
        if (header is not null && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6)));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(decoded.Substring(0, colon)), Uri.UnescapeDataString(decoded.Substring(colon + 1)));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string Issue()
    {
        var token = "at-" + Interlocked.Increment(ref _issued) + "-" + Guid.NewGuid().ToString("N");
        _tokens[token] = true;
        return token;
    }

    private string IdToken(string? nonce)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = "k1", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iss = Authority, aud = ClientId, sub = "user-42", name = "Jane Doe", nonce, iat = now, nbf = now, exp = now + 600 }));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
