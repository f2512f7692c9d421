using System.Net.Http.Json;

namespace Cadasto.Samples.Worker;

/// <summary>
/// The Cadasto invoice API, as a typed HttpClient. It never sees a secret or a token: the handler that
/// AddCadastoClientCredentials() adds puts a client-credentials access token on every request, cached until
/// shortly before it expires, and retries once with a new one after a 401.
/// </summary>
public sealed class InvoiceApiClient(HttpClient http)
{
    public async Task<IReadOnlyList<string>> GetApprovedInvoicesAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<string[]>("api/invoices", cancellationToken) ?? [];
}
