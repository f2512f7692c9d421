using System.Threading.Tasks;
using static Microsoft.CodeAnalysis.DiagnosticSeverity;
using Verify = Cadasto.Analyzers.Tests.TestKit.ConfigurationFileTest<Cadasto.Analyzers.Rules.Secrets.SecretInConfigurationFileAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

public sealed class SecretInConfigurationFileAnalyzerTests
{
    [Fact]
    public Task SecretObjectsUnderACredentialSection_ShouldReportTheValue() => Verify.VerifyAsync(("appsettings.json", """
        {
          "IdentityServer": {
            "Clients": [
              { "ClientId": "m2m", "ClientSecrets": [ { "Value": {|CDS1004:"9c41e7a2f05b4d38a6e1c92f7b03d5e8"|} } ] },
              { "ClientId": "hashed", "ClientSecrets": [ { "Value": "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=" } ] }
            ]
          },
          "Features": { "Value": "on", "Bypass": "cache-7Hq2", "CacheByPass": "cache-8Jk3", "Compass": "north-9Lm4" },
          "Redis": { "Pass": {|CDS1004:"r3d1s-Kq8Lm2"|}, "DB_PASS": {|CDS1004:"pg-9Xv4Lz1Bn8"|} },
          "Mail": { "SmtpUser": "mailer", "SmtpPass": {|CDS1004:"mg-Pa55w0rd-7781"|} },
          "Partner": { "ApiKey": { "Value": {|CDS1004:"pk_7Kq2Wm9Xv4Lz1Bn8"|}, "Expires": "2026-01-01" } }
        }
        """));

    // "Pass" is a word of the key wherever the names' camelCase rule starts one: after an acronym (SMTPPass, LDAPPass) or
    // a digit (Smtp2Pass), as in SmtpPass; not inside a word (Compass, Bypass) nor after "By" in capitals (BYPass).
    [Fact]
    public Task PassAfterAnAcronymOrADigit_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "Mail": { "SMTPPass": {|CDS1004:"mg-Pa55w0rd-7781"|}, "Smtp2Pass": {|CDS1004:"mg-Qb66x1se-8892"|} },
          "Directory": { "LDAPPass": {|CDS1004:"ld-Rc77y2tf-9903"|} },
          "Features": { "BYPass": "cache-7Hq2", "COMPASS": "north-9Lm4" }
        }
        """));

    [Fact]
    public Task PassPhraseWrittenAsTwoWords_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "ConnectionStrings": { "Default": "Server=(LocalDb)\\MSSQLLocalDB;Database=Shop;Trusted_Connection=True" },
          "StringEncryption": { "DefaultPassPhrase": {|CDS1004:"q7Rk2mWx9LpT4vZb"|} },
          "Signing": { "key_pass_phrase": {|CDS1004:"Jx4-pL9q-W2mz"|}, "PassPhraseHint": "the usual one" }
        }
        """));

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
          "Storage": { "AccessKey": {|CDS1004:"AKIAZ7Q3WLM2XR9KT4VB"|}, "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
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
            "FromEnvironment": "Host=db;Username=app;Password=${DB_PASSWORD}",
            "Communication": {|CDS1004:"endpoint=https://invoices.communication.azure.com/;accesskey=q8ZxN3vR7mT2pL9wK4bH6cJ1fD5sG0aYe2Uo"|},
            "Files": {|CDS1004:"Host=files.internal;SecretKey=Wm4pQ8rT2vX6zB1nD5gJ9kL3sF7hY0cA"|}
          },
          "Cache": { "Url": {|CDS1004:"redis://:r3d1s-p4ss@cache.internal:6379"|}, "Redis": {|CDS1004:"cache.internal:6380,password=r3d1s-P4ss,ssl=True,abortConnect=False"|}, "Local": "localhost:6379,abortConnect=false" }
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
    public Task InstructionsPathsAndUrls_ShouldNotReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "Partner": {
            "ApiKey": "YOUR_API_KEY_HERE",
            "ClientSecret": "your-client-secret-here",
            "Password": "Enter your password",
            "AccessToken": "INSERT_TOKEN",
            "PrivateKey": "certs/signing.pem",
            "SigningKey": "/run/secrets/signing_key",
            "ClientSecret2": "https://contoso.vault.azure.net/secrets/cadasto-client-secret",
            "UseToken": "true"
          },
          "Kestrel": { "Certificates": { "Default": { "Path": "cert.pfx", "Password": {|CDS1004:"certpw-123"|} } } },
          "Jwt": { "SecretKey": {|CDS1004:"ThisIsMySecretKeyForJwtTokens2024"|} }
        }
        """));

    [Fact]
    public Task PrivateJsonWebKeys_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "ClientId": "interactive.mvc.sample.jarjwt",
          "Secrets": { "key": {|CDS1004:"{'d':'mvuloOowaSlOA31veP8jxWv8h2Voq','e':'AQAB','kid':'PtYgjmUh','kty':'RSA','n':'NVHgxNZRUWZF0X9zx2'}"|} },
          "Signing": { "kty": "EC", "crv": "P-256", "x": "Bel31iEl2hpChYgCfrL1spNxnyVmihA_2O76UMFxFkM", "d": {|CDS1004:"_R5Kjp1vRt-1fjORS_6ilI8ihN5KXSc7Tvo_hBKqFYY"|} },
          "Public": { "kty": "RSA", "e": "AQAB", "n": "0zshFF7__ZQ5q_GuZY23fEwAZdR5i097JBsfEP7a5AsB9eYHcHaq9-ZkMsTNF1t" },
          "PublicAsText": { "key": "{'e':'AQAB','kty':'RSA','n':'3agmy0sX2kYtYgMsVf'}" }
        }
        """));

    [Fact]
    public Task DescriptionsInsteadOfValues_ShouldNotReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "AzureAd": { "ClientSecret": "secret-from-the-portal" },
          "Google": { "ClientSecret": "put your google client secret here or keep it in user-secrets instead" },
          "B2C": { "ClientSecret": "EnterYourClientSecret" },
          "Portal": { "ClientSecret": "[Paste the client secret you created in the portal]" },
          "TokenCache": { "Redis": "[Put your cache host here, e.g. <name>.redis.cache.windows.net:6380,password=<key>,ssl=True]" },
          "ConnectionStrings": { "Catalog": "Host=localhost;Database=CatalogDB;Username=postgres;Password=yourLocalPassword" },
          "Demo": { "ClientSecret": {|CDS1004:"s3cr3t-P@ss-2024"|} }
        }
        """));

    [Fact]
    public Task YourLedPasswordWithPunctuation_ShouldReport() => Verify.VerifyAsync(("appsettings.Development.json", """
        {
          "ConnectionStrings": {
            "CatalogDB": {|CDS1004:"Host=localhost;Database=CatalogDB;Username=postgres;Password=yourLocal#Passw0rd"|},
            "OrdersDB": {|CDS1004:"Server=localhost;Database=orders;User Id=sa;Password=yourOwn(!)Password;"|},
            "Template": "Server=localhost;Database=orders;User Id=sa;Password=YourDbPassword;"
          },
          "Smtp": { "Password": {|CDS1004:"yourMail@Pass9"|}, "ApiKey": "yourApiKey" }
        }
        """));

    [Fact]
    public Task WellKnownTokenShapesUnderAnyKey_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "GitHub": { "Pat": {|CDS1004:"ghp_R8xKq2Lm9TzW4vBn7YcJ3hPd6FsA1gUe5Qo0"|} },
          "Aws": { "Id": {|CDS1004:"AKIAZ7QK3LMN5XPR2TWB"|} },
          "Hashes": { "Sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
          "Ids": { "Tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47" }
        }
        """));

    // Real code (an identity server's product settings): the broker URL keeps RabbitMQ's default account, which works on
    // any broker left as installed — a short demo value that works, as "Password": "guest" is (one judgement).
    [Fact]
    public Task DefaultBrokerAccountInAProductsBrokerUrl_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "RabbitMqOptions": { "Host": {|CDS1004:"amqp://guest:guest@localhost:5672"|} },
          "Docs": { "Broker": "amqp://user:password@localhost:5672" }
        }
        """));

    // Real code (an identity server's development settings): a mailbox's Google app password, written as Google shows it,
    // reads like four words but is a credential Google issues.
    [Fact]
    public Task GoogleAppPasswordInProductSettings_ShouldReport() => Verify.VerifyAsync(("appsettings.Development.json", """
        {
          "MailOptions": { "Host": "smtp.gmail.com", "UserName": "ops@contoso.example", "Password": {|CDS1004:"qwkt vbnm zrpd hsjf"|} },
          "Banner": { "Text": "sign into your mail" }
        }
        """));

    [Fact]
    public Task DefaultBrokerAccountInATestProjectsSettings_ShouldNotReport() => Verify.VerifyAsync(
        "build_property.IsTestProject = true",
        ("appsettings.json", """
        {
          "RabbitMqOptions": { "Host": "amqp://guest:guest@localhost:5672" }
        }
        """));

    [Fact]
    public Task WwwrootAppSettings_ShouldReport() => Verify.VerifyAsync(("wwwroot/appsettings.json", """
        { "Oidc": { "Authority": "https://auth.cadasto.example", "ClientId": "spa", "ClientSecret": {|CDS1004:"public-app-leak-42"|} } }
        """));

    [Fact]
    public Task AppSettingsInAnySubFolder_ShouldReport() => Verify.VerifyAsync(
        "build_property.ProjectDir = /src/App/",
        ("/src/App/Config/appsettings.Shared.json", """{ "Partner": { "ApiKey": {|CDS1004:"pk_7Kq2Wm9Xv4Lz1Bn8"|} } }"""),
        ("/src/App/Deploy/Production/appsettings.Production.json", """{ "Cadasto": { "ClientSecret": {|CDS1004:"Kq8~xZ91.in-a-sub-folder"|} } }"""));

    [Fact]
    public Task CopiesUnderBinAndObj_ShouldNotReport() => Verify.VerifyAsync(
        "build_property.ProjectDir = /src/App/",
        ("/src/App/appsettings.json", """{ "Cadasto": { "ClientSecret": {|CDS1004:"Kq8~xZ91.the-project-copy"|} } }"""),
        ("/src/App/bin/Debug/net8.0/appsettings.json", """{ "Cadasto": { "ClientSecret": "Kq8~xZ91.the-project-copy" } }"""),
        ("/src/App/obj/Debug/net8.0/appsettings.json", """{ "Cadasto": { "ClientSecret": "Kq8~xZ91.the-project-copy" } }"""),
        ("/src/App/Config/bin/appsettings.json", """{ "Cadasto": { "ClientSecret": "Kq8~xZ91.the-project-copy" } }"""),
        ("/src/App/bin/Release/net8.0/publish/wwwroot/appsettings.json", """{ "Oidc": { "ClientSecret": "public-app-leak-42" } }"""));

    [Fact]
    public Task CopiesUnderBinAndObj_WithoutAProjectFolder_ShouldNotReport() => Verify.VerifyAsync(
        ("bin/Debug/net8.0/appsettings.json", """{ "Cadasto": { "ClientSecret": "Kq8~xZ91.the-project-copy" } }"""),
        ("obj/appsettings.Development.json", """{ "Cadasto": { "ClientSecret": "Kq8~xZ91.the-project-copy" } }"""));

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
    public Task LaunchSettingsConnectionStringWithPasswordInServerUrl_ShouldReport() => Verify.VerifyAsync(("Properties/launchSettings.json", """
        {
          "profiles": {
            "Bitcoin": {
              "commandName": "Project",
              "environmentVariables": {
                "APP_BTCEXTERNALLNDREST": {|CDS1004:"type=lnd-rest;server=http://lnd:lnd@127.0.0.1:35531/;allowinsecure=true"|},
                "APP_BTCLIGHTNING": "type=clightning;server=tcp://127.0.0.1:30993/",
                "APP_DOCS": "type=lnd-rest;server=https://user:password@lnd.example.com/",
                "APP_TEMPLATE": "type=lnd-rest;server=http://lnd:${LND_PASSWORD}@127.0.0.1:35531/"
              }
            }
          }
        }
        """));

    // The URLs a launch profile hands the app as environment variables (DATABASE_URL, REDIS_URL, a broker's URI): a password in
    // the user information is a secret whatever the variable's name, a broker's default account on the developer's machine
    // included (a short demo value that works, as under a Password key); a URL with no password, or the syntax of one, is not.
    [Fact]
    public Task LaunchSettingsUrlsWithAPassword_ShouldReport() => Verify.VerifyAsync(
        null,
        new[]
        {
            ("Properties/launchSettings.json", """
                {
                  "profiles": {
                    "Orders.Worker": {
                      "commandName": "Project",
                      "environmentVariables": {
                        "DATABASE_URL": {|CDS1004:"postgres://orders:Pg4vL9xQ2mRt@db.internal:5432/orders"|},
                        "REDIS_URL": {|CDS1004:"redis://:Rd7Kq2Lm9Vx@cache.internal:6379/0"|},
                        "MONGO_URL": {|#0:"mongodb+srv://orders:Mg9Lp2Xz7Qw4@cluster0.ab1cd.mongodb.net/orders?retryWrites=true"|},
                        "RabbitMq__Uri": {|CDS1004:"amqp://guest:guest@localhost:5672/"|},
                        "RabbitMq__Host": "amqp://rabbit.internal:5672/",
                        "Docs__Broker": "amqp://user:password@localhost:5672/",
                        "Seq__Url": "http://localhost:5341"
                      }
                    }
                  }
                }
                """),
        },
        Verify.Diagnostic("CDS1004").WithLocation(0).WithArguments("profiles:Orders.Worker:environmentVariables:MONGO_URL", "launchSettings.json"));

    // Real code (a message broker's console test application, not a test project): the broker's password is the word itself,
    // as its run script starts the broker; a match on the key's name with a value that does not look generated, so a warning.
    // The same section filled with every field's own name (an in-memory transport's unused settings) is a template.
    [Fact]
    public Task CredentialWordAsItsOwnValue_ShouldReportAsAWarning_ButNotInATemplateOfNames() => Verify.VerifyAsync(
        null,
        new[]
        {
            ("appsettings.json", """
                {
                  "Broker": { "Host": "127.0.0.1", "Port": "5672", "Username": "user", "Password": {|#0:"password"|}, "VirtualHost": "/" },
                  "Queue": { "Transport": "INMEMORY", "Username": "username", "Password": "password" }
                }
                """),
        },
        Verify.Diagnostic("CDS1004").WithLocation(0).WithSeverity(Warning).WithArguments("Broker:Password", "appsettings.json"));

    [Fact]
    public Task UrlPasswordsInATestProjectsSettings_ShouldJudgeAsTestCode() => Verify.VerifyAsync(
        "is_global = true\nbuild_property.IsTestProject = true\n",
        ("appSettings.json", """
            {
              "eventStore": { "configuration": "esdb://admin:changeit@127.0.0.1:2113?tls=false" },
              "lightning": { "connection": "type=lnd-rest;server=http://lnd:lnd@127.0.0.1:35531/" },
              "broker": { "connection": {|CDS1004:"amqp://app:Xq7Lm2Vr9pKw4zT8@mq.internal:5672/"|} }
            }
            """));

    [Fact]
    public Task ClientSecretSpelledFromTheClientsName_ShouldReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "Keycloak": {
            "realm": "Test",
            "resource": "billing-portal-app",
            "credentials": { "secret": {|CDS1004:"billing-portal-app-secret"|} }
          },
          "Partner": {
            "resource": "test-portal",
            "credentials": { "secret": {|CDS1004:"test-portal-secret"|} }
          }
        }
        """));

    [Fact]
    public Task SettingsNamedForATokenAndSecretsSpelledFromTheApisName_ShouldJudgeAsCode() => Verify.VerifyAsync(("appsettings.json", """
        {
          "TokenExchange": {
            "ScopeForNewAccessToken": "ordersEvents",
            "AudienceForNewAccessToken": "rs_ordersEventsApi",
            "IssuerForNewAccessToken": "https://localhost:44318/"
          },
          "DownstreamApi": { "ScopeForAccessToken": "ordersEvents" },
          "Introspection": { "ApiName": "rs_ordersEventsApi", "ApiSecret": {|CDS1004:"ordersEventsSecret"|} },
          "Labels": { "ApiName": "billing", "ApiSecret": "OrdersSecret" },
          "EmailSettings": { "SendGridApiKey": "TODO_SMS_API_KEY", "SenderEmailAddress": "TODO_SMS_SENDER" }
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
    public Task SyntaxErrors_ShouldReportTheSecretsThatCanBeRead_AndWhereReadingWentWrong() => Verify.VerifyAsync(
        null,
        new[]
        {
            ("appsettings.json", """
                {
                  "Cadasto": { "ClientSecret": {|#0:"Kq8~xZ91.before-the-error"|} }
                  {|#1:"|}Partner": { "ClientSecret": {|#2:"Kq8~xZ91.after-the-error"|} }
                }
                """),
            ("appsettings.Production.json", """
                { "Logging": { "LogLevel": { "Default": "Warning" } } }
                {|#3:}|},
                  "AzureAd": { "ClientSecret": {|#4:"Q~8abcdefghij.klmnopqrstuvwxyz012345"|} }
                }
                """),
            ("appsettings.Development.json", """{ "ClientSecret": {|#5:"Kq8~xZ91.half-typed"|}{|#6:|}"""),
        },
        Verify.Diagnostic("CDS1004").WithLocation(0).WithSeverity(Error).WithArguments("Cadasto:ClientSecret", "appsettings.json"),
        Verify.Diagnostic(DiagnosticDescriptors.ConfigurationFileNotValidJson).WithLocation(1).WithSeverity(Warning).WithArguments("appsettings.json", "Expected ',' or '}' after a property value"),
        Verify.Diagnostic("CDS1004").WithLocation(2).WithSeverity(Error).WithArguments("Partner:ClientSecret", "appsettings.json"),
        Verify.Diagnostic(DiagnosticDescriptors.ConfigurationFileNotValidJson).WithLocation(3).WithSeverity(Warning).WithArguments("appsettings.Production.json", "Unexpected text after the end of the JSON value"),
        Verify.Diagnostic("CDS1004").WithLocation(4).WithSeverity(Error).WithArguments("AzureAd:ClientSecret", "appsettings.Production.json"),
        Verify.Diagnostic("CDS1004").WithLocation(5).WithSeverity(Error).WithArguments("ClientSecret", "appsettings.Development.json"),
        Verify.Diagnostic(DiagnosticDescriptors.ConfigurationFileNotValidJson).WithLocation(6).WithSeverity(Warning).WithArguments("appsettings.Development.json", "Unexpected end of the file"));

    [Fact]
    public Task SyntaxErrorInTheManifest_ShouldBeLeftToCDS9001_ButItsSecretsStillReported() => Verify.VerifyAsync(
        ("cadasto.json", """{ "environments": { "production": { "ClientSecret": {|CDS1004:"Kq8~xZ91.broken-manifest"|} } } } }"""));

    [Fact]
    public Task CredentialWordsOption_ShouldReportExtraWords() => Verify.VerifyAsync(
        "cadasto_credential_words = license, webhook_signature",
        ("appsettings.json", """{ "Product": { "License": {|CDS1004:"LIC-9X8Y7Z"|}, "WebhookSignature": {|CDS1004:"whsec_123456"|}, "Licenses": "many" } }"""));

    [Fact]
    public Task AllowedPlaceholdersOption_ShouldNotReport() => Verify.VerifyAsync(
        "cadasto_allowed_placeholders = set-by-pipeline",
        ("appsettings.json", """{ "ClientSecret": "set-by-pipeline" }"""));

    [Fact]
    public Task MessageNamesTheKeyPathAndFile_NeverTheValue() => Verify.VerifyAsync(
        null,
        new[]
        {
            ("appsettings.json", """{ "Clients": [ { "ClientId": "m2m", "ClientSecret": {|#0:"Kq8~xZ91.array-item"|} } ] }"""),
            ("Properties/launchSettings.json", """{ "profiles": { "p": { "environmentVariables": { "Cadasto__ClientSecret": {|#1:"Kq8~xZ91.env"|} } } } }"""),
        },
        Verify.Diagnostic("CDS1004").WithLocation(0).WithArguments("Clients:0:ClientSecret", "appsettings.json"),
        Verify.Diagnostic("CDS1004").WithLocation(1).WithArguments("profiles:p:environmentVariables:Cadasto:ClientSecret", "launchSettings.json"));

    [Fact]
    public Task LoggingCategoriesNamedLikeCredentials_ShouldNotReport() => Verify.VerifyAsync(("appsettings.json", """
        {
          "Logging": { "LogLevel": { "Default": "Information", "Cadasto.Credentials": "Warning", "Acme.ApiKey": "Debug" } },
          "Serilog": { "MinimumLevel": { "Default": "Information", "Override": { "Cadasto.Credentials": "Warning" } } },
          "Partner": { "ApiKey": {|CDS1004:"pk71Kq2Lm8Xz4Wv9Nb3Hc"|} }
        }
        """));

    [Fact]
    public Task SeverityIsConfidence_ErrorForClientSecretsAndRealLookingValues_WarningForANameAlone() => Verify.VerifyAsync(
        null,
        new[]
        {
            ("appsettings.json", """
                {
                  "AzureAd": { "ClientSecret": {|#0:"secret"|} },
                  "IdentityServer": { "Clients": [ { "ClientSecrets": [ { "Value": {|#1:"mvc-secret"|} } ] } ] },
                  "Payments": { "ApiKey": {|#2:"k7Qm2Xv9Lp4Rz8Wn3Bt6Yc1Hd5Fj0"|} },
                  "Smtp": { "Password": {|#3:"hunter2!"|} },
                  "ConnectionStrings": { "Orders": {|#4:"Server=sql;Database=orders;User Id=app;Password=Qv7!kL2#xR9m;"|} }
                }
                """),
        },
        Verify.Diagnostic("CDS1004").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithArguments("AzureAd:ClientSecret", "appsettings.json"),
        Verify.Diagnostic("CDS1004").WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithArguments("IdentityServer:Clients:0:ClientSecrets:0:Value", "appsettings.json"),
        Verify.Diagnostic("CDS1004").WithLocation(2).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithArguments("Payments:ApiKey", "appsettings.json"),
        Verify.Diagnostic("CDS1004").WithLocation(3).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments("Smtp:Password", "appsettings.json"),
        Verify.Diagnostic("CDS1004").WithLocation(4).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithArguments("ConnectionStrings:Orders", "appsettings.json"));

    // Real code (a product's infrastructure tests): a test project's settings are test code. A local container's default
    // password in its URL and a dictionary-word password are sentinels there, as in the project's C#; a random secret
    // is still reported, and with the severity it has anywhere.
    [Fact]
    public Task SentinelsInATestProjectsSettings_ShouldNotReport() => Verify.VerifyAsync(
        "build_property.IsTestProject = true",
        ("appSettings.json", """
        {
          "eventStore": { "configuration": "esdb://admin:changeit@127.0.0.1:2113?tls=false" },
          "rabbit": { "Password": "rabbit-pass" },
          "keycloak": { "credentials": { "secret": {|CDS1004:"q8ZxN3vR7mT2pL9wK4bH6cJ1fD5sG0aY"|} } }
        }
        """));

    // damienbod's back-channel logout sample: the client secret's key names the client, not a credential, and the host
    // reads it into OpenIdConnectOptions.ClientSecret. The key is a client secret's by that use (an error, as ClientSecret).
    [Fact]
    public Task KeyTheCodeReadsIntoAClientSecretSink_ShouldReport() => VerifyWithCode("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        internal static class HostingExtensions
        {
            public static void AddAuth(IServiceCollection services, IConfiguration configuration)
            {
                services.AddAuthentication().AddOpenIdConnect(options =>
                {
                    options.ClientId = configuration["SecretClientIdMvcBackChannel"];
                    options.ClientSecret = configuration["SecretMvcHybridBackChannel"];
                    options.Authority = configuration.GetValue<string>("AuthConfiguration:StsServerIdentityUrl");
                });
            }
        }
        """, """
        {
          "AuthConfiguration": { "StsServerIdentityUrl": "https://localhost:44318", "Audience": "mvc.hybrid.backchannel" },
          "SecretClientIdMvcBackChannel": "mvc.hybrid.backchannel",
          "SecretMvcHybridBackChannel": {|CDS1004:"hn4Pq8ZxN3vR7mT2"|},
          "SecretStoreName": "Kq8-ZxN3-vR7m"
        }
        """);

    [Fact]
    public Task KeyTheCodeReadsIntoAClientSecretSinkHoldingAPlaceholder_ShouldNotReport() => VerifyWithCode("""
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        internal static class HostingExtensions
        {
            public static void AddAuth(IServiceCollection services, IConfiguration configuration) =>
                services.AddAuthentication().AddOpenIdConnect(options =>
                    options.ClientSecret = configuration["SecretMvcHybridBackChannel"] ?? throw new System.InvalidOperationException());
        }
        """, """
        { "SecretMvcHybridBackChannel": "<from user secrets>" }
        """);

    private static Task VerifyWithCode(string code, string appSettings)
    {
        var test = new TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Secrets.SecretInConfigurationFileAnalyzer>.Test { TestCode = code };
        test.TestState.AdditionalFiles.Add(("appsettings.json", appSettings));
        return test.RunAsync(System.Threading.CancellationToken.None);
    }
}
