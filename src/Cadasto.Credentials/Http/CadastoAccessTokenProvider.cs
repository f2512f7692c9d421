using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials;

/// <summary>
/// Client-credentials access tokens for one <c>HttpClient</c>, from the selected environment's authority, built on
/// Duende.IdentityModel (discovery and the token request). A token is cached until shortly before it expires
/// (<see cref="CadastoTokenOptions.RefreshBeforeExpiry"/>); one request is in flight at a time, so a burst of calls on
/// a cold or expired cache makes one token request, not one per call. When the token endpoint answers
/// <c>invalid_client</c> the secret is read again from its store at once, and the request is made once more if it
/// changed. Neither the secret nor a token is ever logged or put in an exception message.
/// </summary>
public sealed class CadastoAccessTokenProvider : IDisposable
{
    private readonly CadastoSecretBinding _binding;
    private readonly Func<HttpMessageInvoker> _http;
    private readonly CadastoTokenOptions _options;
    private readonly ILogger? _logger;
    private readonly SemaphoreSlim _single = new(1, 1);
    private readonly DiscoveryCache? _discovery;
    private CachedToken? _token;

    /// <summary>
    /// Gets tokens for <paramref name="binding"/>'s environment and secret, sending token and discovery requests through
    /// the invoker <paramref name="http"/> returns.
    /// </summary>
    public CadastoAccessTokenProvider(CadastoSecretBinding binding, Func<HttpMessageInvoker> http, CadastoTokenOptions? options = null, ILogger? logger = null)
    {
        _binding = binding ?? throw new ArgumentNullException(nameof(binding));
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? new CadastoTokenOptions();
        _logger = logger;
        if (_options.TokenEndpoint is null)
        {
            var authority = binding.Environment.Authority
                ?? throw new CadastoCredentialsException(
                    $"Cadasto credentials for application '{binding.Environment.Application}', environment '{binding.Environment.Name}': there is no authority to ask for tokens: set \"authority\" in cadasto.json or the configuration key Cadasto:Authority.");
            _discovery = new DiscoveryCache(authority, _http);
        }
    }

    /// <summary>The clock (tests move it).</summary>
    internal Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>How many token requests were sent (for tests and diagnostics).</summary>
    public int TokenRequests => _tokenRequests;

    private int _tokenRequests;

    /// <summary>A valid access token: the cached one, or a new one when it is missing or about to expire.</summary>
    /// <exception cref="CadastoCredentialsException">The token endpoint refused, or cannot be reached; the message says why, never the secret.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_token is { } cached && cached.FreshAt(Now()))
        {
            return cached.Value;
        }

        await _single.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited while another caller fetched uses that caller's token.
            if (_token is { } fetched && fetched.FreshAt(Now()))
            {
                return fetched.Value;
            }

            _token = await RequestAsync(cancellationToken).ConfigureAwait(false);
            return _token.Value;
        }
        finally
        {
            _single.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (the API answered 401 to it); a newer token in the cache is kept.</summary>
    public void Invalidate(string token)
    {
        var cached = _token;
        if (cached is not null && string.Equals(cached.Value, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _token, null, cached);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _single.Dispose();

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var environment = _binding.Environment;
        var endpoint = await TokenEndpointAsync().ConfigureAwait(false);
        var scopes = _options.Scopes ?? environment.Scopes.Where(s => !CadastoOverrides.ProtocolScopes.Contains(s, StringComparer.Ordinal)).ToList();

        for (var attempt = 0; ; attempt++)
        {
            var secret = await _binding.GetSecretAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _tokenRequests);
            using var response = await _http().RequestClientCredentialsTokenAsync(
                new ClientCredentialsTokenRequest
                {
                    Address = endpoint,
                    ClientId = environment.ClientId,
                    ClientSecret = secret?.Reveal(),
                    Scope = scopes.Count == 0 ? null : string.Join(" ", scopes),
                },
                cancellationToken).ConfigureAwait(false);

            if (!response.IsError && !string.IsNullOrEmpty(response.AccessToken))
            {
                var lifetime = response.ExpiresIn > 0 ? TimeSpan.FromSeconds(response.ExpiresIn) : TimeSpan.FromMinutes(1);
                var early = lifetime < _options.RefreshBeforeExpiry + _options.RefreshBeforeExpiry
                    ? TimeSpan.FromTicks(lifetime.Ticks / 2)
                    : _options.RefreshBeforeExpiry;
                _logger?.LogDebug(
                    "Cadasto access token for client {ClientId} from {TokenEndpoint}: expires in {ExpiresIn} s, renewed {Early} s before",
                    environment.ClientId,
                    endpoint,
                    response.ExpiresIn,
                    (int)early.TotalSeconds);
                return new CachedToken(response.AccessToken!, Now() + lifetime - early);
            }

            // RFC 6749 §5.2 allows 401 for invalid_client: the error code is then in the body, not in Error.
            var error = response.TryGet("error") ?? response.Error;
            if (error == "invalid_client" && attempt == 0 && secret is not null
                && await _binding.RefreshAsync(cancellationToken).ConfigureAwait(false))
            {
                // The store holds another secret than the one just sent: a rotation. Ask once more with it.
                _logger?.LogInformation(
                    "Cadasto token endpoint {TokenEndpoint} rejected client {ClientId} (invalid_client); the secret was rotated in the {Secret}: asking again with the new one",
                    endpoint,
                    environment.ClientId,
                    environment.Secret);
                continue;
            }

            // The error code and HTTP status only: a description or body could echo what was sent.
            var why = response.ErrorType switch
            {
                ResponseErrorType.Exception => $"the token endpoint {endpoint} cannot be reached ({response.Exception?.GetType().Name})",
                _ when response.TryGet("error") is { } code => $"the token endpoint {endpoint} answered {(int)response.HttpStatusCode} {code}",
                _ => $"the token endpoint {endpoint} answered HTTP {(int)response.HttpStatusCode}",
            };
            var fix = error == "invalid_client"
                ? $" The secret in the {environment.Secret?.ToString() ?? "store"} is not the one Cadasto holds for client id {environment.ClientId}: put the current secret there (it is read again without a restart)."
                : string.Empty;
            _logger?.LogWarning("Cadasto credentials for {Application} ({Environment}): {Why}", environment.Application, environment.Name, why);
            throw new CadastoCredentialsException(
                $"Cadasto credentials for application '{environment.Application}', environment '{environment.Name}': no access token for client id {environment.ClientId}: {why}.{fix}",
                response.Exception ?? new HttpRequestException(why));
        }
    }

    private async Task<string> TokenEndpointAsync()
    {
        if (_options.TokenEndpoint is { } configured)
        {
            return configured;
        }

        var document = await _discovery!.GetAsync().ConfigureAwait(false);
        if (document.IsError || string.IsNullOrEmpty(document.TokenEndpoint))
        {
            _discovery.Refresh();
            var environment = _binding.Environment;
            throw new CadastoCredentialsException(
                $"Cadasto credentials for application '{environment.Application}', environment '{environment.Name}': the discovery document of {environment.Authority} cannot be read ({document.Error ?? "no token_endpoint"}): check the authority (cadasto.json or Cadasto:Authority).",
                document.Exception ?? new HttpRequestException(document.Error));
        }

        return document.TokenEndpoint!;
    }

    private sealed class CachedToken
    {
        public CachedToken(string value, DateTimeOffset renewAt)
        {
            Value = value;
            RenewAt = renewAt;
        }

        public string Value { get; }

        public DateTimeOffset RenewAt { get; }

        public bool FreshAt(DateTimeOffset now) => now < RenewAt;

        // Never the token.
        public override string ToString() => $"access token, renewed at {RenewAt:O}";
    }
}
