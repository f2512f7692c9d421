using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Cadasto.Credentials.Tests;

/// <summary>
/// Just enough of a browser for a sign-in round trip: follows redirects, submits auto-post forms (form_post), and
/// keeps cookies itself, secure ones included (the loopback apps run over http, where a cookie container would
/// withhold them). At most 12 steps.
/// </summary>
internal sealed partial class Browser : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public List<Uri> Visited { get; } = new();

    /// <summary>Opens <paramref name="start"/> and follows redirects and forms to the final page: its status and text.</summary>
    public async Task<(HttpStatusCode Status, string Body)> OpenAsync(Uri start)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, start);
        for (var step = 0; step < 12; step++)
        {
            Visited.Add(request.RequestUri!);
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }

            using var response = await _http.SendAsync(request);
            Keep(response);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location));
                continue;
            }

            var form = FormPattern().Match(body);
            if (response.StatusCode == HttpStatusCode.OK && form.Success)
            {
                var fields = InputPattern().Matches(body).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebUtility.HtmlDecode(form.Groups[1].Value))) { Content = new FormUrlEncodedContent(fields) };
                continue;
            }

            return (response.StatusCode, body);
        }

        throw new InvalidOperationException("More than 12 steps: " + string.Join(" -> ", Visited));
    }

    public void Dispose() => _http.Dispose();

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';')[0];
            var equals = pair.IndexOf('=');
            var name = pair.Substring(0, equals);
            var content = pair.Substring(equals + 1);
            if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = content;
            }
        }
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex InputPattern();
}
