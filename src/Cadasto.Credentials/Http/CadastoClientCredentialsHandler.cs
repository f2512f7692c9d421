using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Cadasto.Credentials;

/// <summary>
/// Puts a client-credentials access token on every request of an <c>HttpClient</c>
/// (<c>AddHttpClient&lt;T&gt;().AddCadastoClientCredentials()</c>). When the API answers 401, the token is dropped, a new
/// one is requested, and the request is sent once more; a second 401 is returned to the caller. Request content is
/// buffered before the first send so that the retry can send it again.
/// </summary>
public sealed class CadastoClientCredentialsHandler : DelegatingHandler
{
    private readonly CadastoAccessTokenProvider _tokens;

    /// <summary>Authorizes requests with tokens from <paramref name="tokens"/>.</summary>
    public CadastoClientCredentialsHandler(CadastoAccessTokenProvider tokens) =>
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Revoked, or expired early: one new token, one more try.
        _tokens.Invalidate(token);
        var fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
