using System.Threading.Tasks;
using Verify = Cadasto.Analyzers.Tests.Verifiers.ConfigurationFileTest<Cadasto.Analyzers.Analyzers.SecretInConfigurationFileAnalyzer>;

namespace Cadasto.Analyzers.Tests.Analyzers;

public sealed class SecretInConfigurationFileAnalyzerTests
{
    [Fact]
    public Task ClientSecretInAppSettings_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Cadasto": {
            "ClientId": "cad-prod-invoice-sync",
            "ClientSecret": {|CDS1004:"Kq8~xZ91.s3cr3t-v4lue"|}
          }
        }
        """));

    [Fact]
    public Task CredentialKeysInEveryCasing_ShouldReport() => Verify.VerifyAsync(("appsettings.Development.json", """
        {
          "client_secret": {|CDS1004:"9f8e7d6c5b4a"|},
          "Smtp": { "Password": {|CDS1004:"hunter2!"|}, "UserName": "mailer", "PasswordText": "Enter your password" },
          "Partner": { "ApiKey": {|CDS1004:"pk_live_51HqLx"|}, "partner-api-key": {|CDS1004:"abcd1234efgh"|}, "TokenEndpoint": "https://auth.example.com/token" },
          "Storage": { "AccessKey": {|CDS1004:"AKIAIOSFODNN7EXAMPLE2"|} },
          "Cadasto:ClientSecret": {|CDS1004:"flat-Kq8~xZ"|},
          "Vault": { "SecretName": "cadasto-client-secret", "ClientSecretName": "cadasto" }
        }
        """));

    [Fact]
    public Task NestedSectionsAndArrays_ShouldReport() => Verify.VerifyAsync(("appsettings.Production.json", """
        {
          // Microsoft.Identity.Web, both shapes
          "AzureAd": {
            "Instance": "https://login.microsoftonline.com/",
            "ClientId": "11111111-2222-3333-4444-555555555555",
            "ClientSecret": {|CDS1004:"Q~8abcdefghij.klmnopqrstuvwxyz012345"|},
            "ClientCredentials": [
              { "SourceType": "ClientSecret", "ClientSecret": {|CDS1004:"Q~9zyxwvutsrq.ponmlkjihgfedcba98765"|} },
              { "SourceType": "KeyVault", "KeyVaultUrl": "https://contoso.vault.azure.net", "KeyVaultCertificateName": "cert" }
            ],
          },
          "Jwt": { "Issuer": "me", "Key": {|CDS1004:"a-very-long-signing-key-for-hs256-tokens"|} }
        }
        """));

    [Fact]
    public Task ConnectionStringsWithSecrets_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "ConnectionStrings": {
            "Orders": {|CDS1004:"Server=tcp:orders.database.windows.net;Database=orders;User ID=app;Password=P@ssw0rd-2024;"|},
            "Blobs": {|CDS1004:"DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=bXlrZXkxMjM0NTY3ODkwYWJjZGVmZ2hpams=;EndpointSuffix=core.windows.net"|},
            "Bus": {|CDS1004:"Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0a2V5MTIzNDU2Nzg5MA=="|},
            "Integrated": "Server=(localdb)\\mssqllocaldb;Database=orders;Trusted_Connection=True",
            "Emulator": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;",
            "FromEnvironment": "Host=db;Username=app;Password=${DB_PASSWORD}"
          },
          "Cache": { "Url": {|CDS1004:"redis://:r3d1s-p4ss@cache.internal:6379"|} }
        }
        """));

    [Fact]
    public Task PlaceholdersAndReferences_ShouldNotReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "Cadasto": {
            "ClientSecret": "",
            "Password": "<your-secret>",
            "ApiKey": "${CADASTO_API_KEY}",
            "AccessToken": "#{AccessToken}#",
            "PrivateKey": "changeme",
            "Credential": "REPLACE_ME",
            "Secret": "xxxxxxxx",
            "VaultSecret": "@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/cadasto/)",
            "ClientSecretKey": "Cadasto:ClientSecret",
            "SecretVariable": "CADASTO_CLIENT_SECRET",
            "Token": "%CADASTO_TOKEN%",
            "Pwd": null,
            "Passphrase": 42
          }
        }
        """));

    [Fact]
    public Task WwwrootAppSettings_ShouldReport() => Verify.VerifyAsync(("wwwroot/appsettings.json", """
        { "Oidc": { "Authority": "https://auth.cadasto.example", "ClientId": "spa", "ClientSecret": {|CDS1004:"public-app-leak-42"|} } }
        """));

    [Fact]
    public Task LaunchSettingsEnvironmentVariables_ShouldReport() => Verify.VerifyAsync(("Properties/launchSettings.json", """
        {
          "profiles": {
            "InvoiceSync": {
              "commandName": "Project",
              "applicationUrl": "https://localhost:5001",
              "environmentVariables": {
                "ASPNETCORE_ENVIRONMENT": "Development",
                "Cadasto__ClientSecret": {|CDS1004:"Kq8~xZ91.launch"|},
                "CADASTO_API_KEY": {|CDS1004:"k-91827364"|},
                "ConnectionStrings__Db": {|CDS1004:"Host=localhost;Username=app;Password=launch-pw-1"|},
                "Cadasto__SecretStore": "user-secrets"
              }
            }
          }
        }
        """));

    [Fact]
    public Task SecretInManifest_ShouldReport() => Verify.VerifyAsync(("cadasto.json", """
        {
          "application": "invoice-sync",
          "contact": { "email": "jane@example.com" },
          "environments": {
            "development": { "clientId": "cad-dev", "clientSecret": {|CDS1004:"Kq8~xZ91.in-the-manifest"|} },
            "production": { "clientId": "cad-prod", "secret": {|CDS1004:"Kq8~xZ91.prod"|} },
            "staging": { "clientId": "cad-stg", "secret": { "store": "user-secrets", "key": "Cadasto:ClientSecret" } }
          }
        }
        """));

    [Fact]
    public Task ManifestNamedByOption_ShouldReport() => Verify.VerifyAsync(
        "cadasto_manifest = registration.json",
        ("registration.json", """{ "environments": { "production": { "ClientSecret": {|CDS1004:"Kq8~xZ91.renamed"|} } } }"""));

    [Fact]
    public Task OtherJsonFiles_ShouldNotReport() => Verify.VerifyAsync(
        ("secrets.json", """{ "ClientSecret": "Kq8~xZ91.user-secrets-file" }"""),
        ("package.json", """{ "password": "npm-secret-1" }"""),
        ("settings.json", """{ "ApiKey": "k-1234567" }"""));

    [Fact]
    public Task BrokenJson_ShouldNotReport() => Verify.VerifyAsync(("appsettings.json", """{ "ClientSecret": "Kq8~xZ91.half-typed" """));

    [Fact]
    public Task CredentialWordsOption_ShouldReportExtraWords() => Verify.VerifyAsync(
        "cadasto_credential_words = license, webhook_signature",
        ("appsettings.json", """{ "Product": { "License": {|CDS1004:"LIC-9X8Y7Z"|}, "WebhookSignature": {|CDS1004:"whsec_123456"|}, "Licenses": "many" } }"""));

    [Fact]
    public Task AllowedPlaceholdersOption_ShouldNotReport() => Verify.VerifyAsync(
        "cadasto_allowed_placeholders = set-by-pipeline",
        ("appsettings.json", """{ "ClientSecret": "set-by-pipeline" }"""));
}
