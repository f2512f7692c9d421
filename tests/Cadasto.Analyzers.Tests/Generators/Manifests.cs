namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>The manifests the generator tests use: the SPEC's example and the shapes real teams write.</summary>
internal static class Manifests
{
    /// <summary>The SPEC's example: a confidential worker, user-secrets in development, Key Vault in production.</summary>
    public const string InvoiceSync = """
        {
          "application": "invoice-sync",
          "description": "Nightly export of approved invoices to Cadasto",
          "contact": { "name": "Jane Doe", "email": "jane@example.com", "slack": "#billing-dev" },
          "clientType": "confidential",
          "flows": ["client_credentials"],
          "scopes": ["api.read", "api.write"],
          "environments": {
            "development": {
              "clientId": "cad-dev-invoice-sync",
              "authority": "https://auth.dev.cadasto.example",
              "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" }
            },
            "production": {
              "clientId": "cad-prod-invoice-sync",
              "authority": "https://auth.cadasto.example",
              "scopes": ["api.read"],
              "redirectUris": [],
              "allowedOrigins": [],
              "secret": { "store": "azure-key-vault", "vault": "https://invoice-sync.vault.azure.net/", "name": "cadasto-client-secret" }
            }
          }
        }
        """;

    /// <summary>Every built-in store, the development default, and environment names that are not identifiers.</summary>
    public const string AllStores = """
        {
          "application": "partner-portal",
          "contact": { "name": "Ops", "email": "ops@example.com" },
          "flows": ["client_credentials"],
          "scopes": ["api.read"],
          "environments": {
            "Development": { "clientId": "cad-dev-portal" },
            "staging-eu": { "clientId": "cad-stg-portal", "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" } },
            "qa": { "clientId": "cad-qa-portal", "secret": { "store": "configuration", "key": "Vault:Cadasto:Secret" } },
            "2nd-prod": { "clientId": "cad-p2-portal", "secret": { "store": "file", "path": "/run/secrets/cadasto" } },
            "all": { "clientId": "cad-all-portal", "authority": "https://auth.cadasto.example", "secret": { "store": "environment", "name": "Cadasto:ClientSecret" } }
          }
        }
        """;

    /// <summary>A public client (a browser app with PKCE): no secret anywhere, redirect URIs and origins.</summary>
    public const string PublicSpa = """
        {
          "application": "field-app",
          "contact": { "name": "Web team", "email": "web@example.com" },
          "clientType": "public",
          "flows": ["authorization_code", "refresh_token"],
          "scopes": ["openid", "api.read"],
          "environments": {
            "development": {
              "clientId": "cad-dev-field",
              "authority": "https://auth.dev.cadasto.example",
              "redirectUris": ["http://localhost:5173/callback"],
              "allowedOrigins": ["http://localhost:5173"]
            },
            "production": {
              "clientId": "cad-prod-field",
              "authority": "https://auth.cadasto.example",
              "redirectUris": ["https://field.example.com/callback", "https://field.example.com/silent"],
              "allowedOrigins": ["https://field.example.com"]
            }
          }
        }
        """;

    /// <summary>Values that need escaping in C# and XML docs.</summary>
    public const string Escaping = """
        {
          "application": "a \"quoted\" <app> & co",
          "contact": { "name": "Ops", "email": "ops@example.com" },
          "clientType": "confidential",
          "environments": {
            "development": { "clientId": "cad-dev-\\back\\slash-\"q\"", "secret": { "store": "user-secrets", "key": "Section:Key \"x\"" } },
            "class": { "clientId": "cad-keyword", "secret": { "store": "environment", "name": "KEYWORD_SECRET" } }
          }
        }
        """;
}
