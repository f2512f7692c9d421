using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Cadasto.Analyzers.Benchmarks;

/// <summary>
/// Writes realistic, compiling C# deterministically: services that call the OAuth client libraries
/// (MSAL, Duende.IdentityModel, ASP.NET Core OpenID Connect), read configuration, log, query with LINQ,
/// and hold literals of every kind (plain, verbatim, raw, interpolated, UTF-8, char, numeric, GUIDs,
/// hashes, base64, URLs, placeholders, configuration keys, and now and then a leaked secret). The same
/// seed always gives the same text. Shared by the cost benchmark and the robustness test.
/// </summary>
public static class RealisticCodeGenerator
{
    /// <summary>Files of about 120 lines each until <paramref name="minimumLines"/> lines are written.</summary>
    public static IReadOnlyList<(string Name, string Text)> Generate(int minimumLines, int seed = 20261128)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var lines = 0;
        for (var i = 0; lines < minimumLines; i++)
        {
            var text = GenerateFile(i, random);
            files.Add(($"Module{i / 50:D3}/Service{i:D4}.cs", text));
            lines += CountLines(text);
        }

        files.Add(("Shared/Models.cs", SharedModels));
        return files;
    }

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static readonly string[] Domains = { "Invoice", "Order", "Customer", "Shipment", "Payment", "Ledger", "Report", "Catalog", "Inventory", "Refund" };
    private static readonly string[] Scopes = { "api.read", "api.write", "invoices.read", "orders.write", "reports.read" };

    private static string GenerateFile(int index, Random random)
    {
        var domain = Domains[index % Domains.Length];
        var name = $"{domain}Service{index:D4}";
        var scope = Scopes[random.Next(Scopes.Length)];
        var threshold = random.Next(10, 5000);
        var hash = Hex(random, 32);
        var guid = new Guid(Bytes(random, 16)).ToString();
        var base64 = Convert.ToBase64String(Bytes(random, 24));
        var kind = index % 4;
        // One file in forty leaks a secret the way real code does; the rest read it from configuration.
        var leak = index % 40 == 7;
        var secretExpression = leak ? $"\"Zk{Hex(random, 10)}~Q{Hex(random, 12)}\"" : "_configuration[\"Cadasto:ClientSecret\"] ?? string.Empty";
        var sb = new StringBuilder();
        sb.Append($$""""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Net.Http;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;
            using Cadasto.Generated.Shared;

            namespace Cadasto.Generated.Module{{index / 50:D3}};

            /// <summary>Synchronises {{domain.ToLowerInvariant()}} records with the Cadasto API.</summary>
            public sealed partial class {{name}}
            {
                private const string TokenEndpoint = "https://auth.cadasto.example/connect/token";
                private const string ClientIdKey = "Cadasto:ClientId";
                private const string DefaultScope = "{{scope}}";
                private const string ContentHash = "{{hash}}";
                private static readonly Guid CorrelationNamespace = new Guid("{{guid}}");
                private static readonly string SamplePayload = "{{base64}}";
                private static readonly string ExportFolder = @"C:\exports\{{domain.ToLowerInvariant()}}\{{index}}";
                private static readonly char Separator = '{{(char)('a' + index % 26)}}';
                private const int PageSize = {{threshold}};
                private const long MaxBytes = 1_048_576L * {{index % 9 + 1}};
                private const double Ratio = {{((index % 97) / 10.0 + 0.5).ToString(CultureInfo.InvariantCulture)}}d;

                private readonly IConfiguration _configuration;
                private readonly ILogger<{{name}}> _logger;
                private readonly HttpClient _http;

                public {{name}}(IConfiguration configuration, ILogger<{{name}}> logger, HttpClient http)
                {
                    _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
                    _logger = logger;
                    _http = http;
                }

                public string Describe(int attempt) =>
                    $"{{domain}} sync #{attempt} at {DateTime.UtcNow:O} (page {PageSize}, ratio {Ratio:0.00})";

                public IReadOnlyList<{{name}}Summary> Summarise(IEnumerable<Record> records, CancellationToken cancellationToken)
                {
                    var summaries = records
                        .Where(r => r.Amount > {{threshold}}m && !string.IsNullOrEmpty(r.Reference))
                        .GroupBy(r => r.Customer)
                        .Select(g => new {{name}}Summary(g.Key, g.Sum(r => r.Amount), g.Count(), g.Max(r => r.Date)))
                        .OrderByDescending(s => s.Total)
                        .ThenBy(s => s.Customer, StringComparer.Ordinal)
                        .Take(PageSize)
                        .ToList();
                    cancellationToken.ThrowIfCancellationRequested();
                    _logger.LogInformation("Summarised {Count} {{domain.ToLowerInvariant()}} groups for scope {Scope}", summaries.Count, DefaultScope);
                    return summaries;
                }

                public static string Fingerprint(string value)
                {
                    var bytes = Encoding.UTF8.GetBytes(value + ContentHash);
                    var builder = new StringBuilder(bytes.Length * 2);
                    foreach (var b in bytes.Take(16))
                    {
                        builder.Append(b.ToString("x2", CultureInfo.InvariantCulture)).Append(Separator);
                    }

                    return builder.ToString();
                }

                public static int Utf8Length()
                {
                    ReadOnlySpan<byte> marker = "{{domain}}-{{index}}"u8;
                    return marker.Length + (int)(MaxBytes % 7);
                }

                public string Query(string customer, int page) =>
                    $"?customer={Uri.EscapeDataString(customer)}&page={page}&size={PageSize}&correlation={CorrelationNamespace:N}";

                public static string Template() => """
                    {
                      "kind": "{{domain.ToLowerInvariant()}}",
                      "placeholder": "${CADASTO_CLIENT_SECRET}",
                      "path": "/exports/{{index}}"
                    }
                    """;

            """");

        switch (kind)
        {
            case 0:
                sb.Append($$"""
                    public async Task<string> AcquireWithMsalAsync(CancellationToken cancellationToken)
                    {
                        var application = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder
                            .Create(_configuration[ClientIdKey])
                            .WithAuthority("https://auth.cadasto.example/tenant-{{index}}", validateAuthority: false)
                            .WithClientSecret({{secretExpression}})
                            .Build();
                        var result = await application.AcquireTokenForClient(new[] { DefaultScope }).ExecuteAsync(cancellationToken);
                        _logger.LogDebug("Token for {Client} expires at {ExpiresOn}", _configuration[ClientIdKey], result.ExpiresOn);
                        return result.AccessToken;
                    }

            """);
                break;
            case 1:
                sb.Append($$"""
                    public async Task<string?> AcquireWithIdentityModelAsync(CancellationToken cancellationToken)
                    {
                        var request = new Duende.IdentityModel.Client.ClientCredentialsTokenRequest
                        {
                            Address = TokenEndpoint,
                            ClientId = _configuration[ClientIdKey] ?? "cad-dev-{{domain.ToLowerInvariant()}}",
                            ClientSecret = {{secretExpression}},
                            Scope = DefaultScope + " api.read",
                        };
                        var response = await Duende.IdentityModel.Client.HttpClientTokenRequestExtensions.RequestClientCredentialsTokenAsync(_http, request, cancellationToken);
                        if (response.IsError)
                        {
                            _logger.LogWarning("Token request failed: {Error}", response.Error);
                            return null;
                        }

                        return response.AccessToken;
                    }

            """);
                break;
            case 2:
                sb.Append($$"""
                    public void ConfigureOpenIdConnect(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions options)
                    {
                        options.Authority = "https://auth.cadasto.example";
                        options.ClientId = _configuration[ClientIdKey];
                        options.ClientSecret = {{secretExpression}};
                        options.ResponseType = "code";
                        options.UsePkce = true;
                        options.CallbackPath = "/signin-oidc-{{index}}";
                        options.Scope.Clear();
                        foreach (var scope in new[] { "openid", "profile", DefaultScope })
                        {
                            options.Scope.Add(scope);
                        }
                    }

            """);
                break;
            default:
                sb.Append($$"""
                    public async Task<int> PostFormAsync(CancellationToken cancellationToken)
                    {
                        var form = new Dictionary<string, string>
                        {
                            ["grant_type"] = "client_credentials",
                            ["client_id"] = _configuration[ClientIdKey] ?? string.Empty,
                            ["client_secret"] = {{secretExpression}},
                            ["scope"] = DefaultScope,
                        };
                        using var content = new FormUrlEncodedContent(form);
                        using var response = await _http.PostAsync(TokenEndpoint, content, cancellationToken);
                        _logger.LogInformation("Token endpoint answered {Status}", (int)response.StatusCode);
                        return (int)response.StatusCode;
                    }

            """);
                break;
        }

        sb.Append($$"""
                public static {{name}}State Next({{name}}State state, int attempt) => state switch
                {
                    {{name}}State.Pending when attempt < 3 => {{name}}State.Pending,
                    {{name}}State.Pending => {{name}}State.Failed,
                    {{name}}State.Sent => {{name}}State.Confirmed,
                    _ => state,
                };

                public static string Label({{name}}State state) => state switch
                {
                    {{name}}State.Pending => "Pending",
                    {{name}}State.Sent => "Sent to Cadasto",
                    {{name}}State.Confirmed => "Confirmed",
                    _ => "Failed: see the log",
                };
            }

            public enum {{name}}State
            {
                Pending,
                Sent,
                Confirmed,
                Failed,
            }

            public sealed record {{name}}Summary(string Customer, decimal Total, int Count, DateTime Last);

            """);
        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private const string SharedModels = """
        using System;

        namespace Cadasto.Generated.Shared;

        /// <summary>A row of the export.</summary>
        public sealed record Record(string Customer, string? Reference, decimal Amount, DateTime Date);
        """;

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Hex(Random random, int bytes) => Convert.ToHexString(Bytes(random, bytes)).ToLowerInvariant();
}
