using System.Threading.Tasks;
using Code = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer>;
using Shape = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Secrets.CredentialShapedLiteralAnalyzer>;
using Config = Cadasto.Analyzers.Tests.TestKit.ConfigurationFileTest<Cadasto.Analyzers.Rules.Secrets.SecretInConfigurationFileAnalyzer>;
using Sink = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<Cadasto.Analyzers.Rules.Secrets.HardcodedClientSecretAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// The SPEC: one placeholder vocabulary for C# and configuration files, and the same value gets the same verdict in
/// both — under a credential name in code (CDS1002), at a client-secret sink (CDS1001), under a credential key in
/// <c>appsettings.json</c> (CDS1004).
/// </summary>
public sealed class SameVerdictInCodeAndConfigurationTests
{
    [Theory]
    [InlineData("SECRET")]
    [InlineData("PASSWORD")]
    [InlineData("APIKEY")]
    [InlineData("REPLACE")]
    [InlineData("TODO")]
    [InlineData("CHANGEME")]
    [InlineData("YOUR_CLIENT_SECRET")]
    [InlineData("your-api-key")]
    [InlineData("***")]
    [InlineData("...")]
    [InlineData("[Enter the client secret from the portal]")]
    [InlineData("copy client secret from the portal here")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://orders.vault.azure.net/secrets/ClientSecret)")]
    [InlineData("${CLIENT_SECRET}")]
    [InlineData("$(ClientSecret)")]
    [InlineData("#{ClientSecret}#")]
    [InlineData("#{Orders.ClientSecret}")]
    [InlineData("ENTER_CLIENT_SECRET")]
    [InlineData("SetYourDataHere")]
    [InlineData("PutYourValueHere")]
    [InlineData("SetYourSecretHere")]
    [InlineData("PutYourApiKeyHere")]
    [InlineData("EnterPasswordHere")]
    [InlineData("your_client_secret_here")]
    [InlineData("enter-value-here")]
    [InlineData("INSERT_YOUR_VALUE_HERE")]
    [InlineData("pm_card_visa")]
    [InlineData("tok_mastercard")]
    [InlineData("EC-4T8B2K9X1M7Q3W5ZR")] // a payment provider's reference id for one checkout, not a credential
    [InlineData("PAY-4T8B2K9X1M7Q3W5ZR8L6N2PA")]
    [InlineData("2.Qk7xUm9vZz4=|c2VjcmV0Ym9keQ==|bWFjdmFsdWU=")]
    [InlineData("obfuscated")]
    [InlineData("masked")]
    [InlineData("*API Key*")]
    [InlineData("**Client Secret**")]
    [InlineData("dummyK3yDUMMYdummyQ9xdummy==")]
    [InlineData("DEV_VALUE")] // a value's marker in capitals, as SECRET is: what stands where the vault's value goes
    [InlineData("SECRET_VALUE")]
    public async Task Placeholder_ShouldNotReportInCodeOrConfiguration(string value)
    {
        await Code.VerifyAnalyzerAsync($$"""
            public sealed class PaymentSettings
            {
                public string ApiKey { get; set; } = "{{value}}";
                public string DbPassword = "{{value}}";
            }
            """);
        await Sink.VerifyAnalyzerAsync($$"""
            using Microsoft.Identity.Client;

            static class Client
            {
                static IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("orders").WithClientSecret("{{value}}").Build();
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Payments": { "ApiKey": "{{value}}", "DbPassword": "{{value}}" }, "AzureAd": { "ClientSecret": "{{value}}" } }
            """));
    }

    [Theory]
    [InlineData("my_client_secret")]
    [InlineData("admin_password")]
    [InlineData("orders-db-password")]
    public async Task ValueThatReadsLikeAName_ShouldReportInCodeAndConfiguration(string value)
    {
        await Code.VerifyAnalyzerAsync($$"""
            public sealed class PaymentSettings
            {
                public string ApiKey { get; set; } = {|CDS1002:"{{value}}"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Payments": { "ApiKey": {|CDS1004:"{{value}}"|} } }
            """));
    }

    [Theory]
    [InlineData("0x1305")]
    [InlineData("0x8026")]
    [InlineData("0X1F")]
    [InlineData("0xdeadbeef")]
    public async Task ShortHexNumber_ShouldNotReportInCodeOrConfiguration(string value)
    {
        // A multicodec tag that says what a key is (Ed25519 private key: 0x1300), a register, a type code: a number, no key.
        await Code.VerifyAnalyzerAsync($$"""
            public static class Ed25519Codec
            {
                public const string MULTICODEC_PRIVATE_KEY = "{{value}}";
                public static string PrivateKeyTag { get; } = "{{value}}";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Codec": { "PrivateKey": "{{value}}", "Password": "{{value}}" } }
            """));
    }

    [Fact]
    public async Task KeyWrittenAsLongHex_ShouldReportInCodeAndConfiguration()
    {
        await Code.VerifyAnalyzerAsync("""
            public static class Ed25519Codec
            {
                public const string DEV_PRIVATE_KEY = {|CDS1002:"0xeee65f53e9421ce50211670eae679f02e8d28a79023c39c200661fccd268a29a"|};
                public const string DefaultPassword = {|CDS1002:"0x1305-pw"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Codec": { "PrivateKey": {|CDS1004:"0xeee65f53e9421ce50211670eae679f02e8d28a79023c39c200661fccd268a29a"|} } }
            """));
    }

    [Theory]
    [InlineData("Cadasto:ClientSecret")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("X-Api-Key")]
    [InlineData("Cadasto__ClientSecret")]
    [InlineData("CADASTO_CLIENT_SECRET_2")]
    public async Task NameOfAKeyVariableOrHeader_ShouldNotReportInCodeOrConfiguration(string value)
    {
        await Code.VerifyAnalyzerAsync($$"""
            public sealed class PaymentSettings
            {
                public string ApiKey { get; set; } = "{{value}}";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Payments": { "ApiKey": "{{value}}" } }
            """));
    }

    [Theory]
    [InlineData("Cadasto:ClientSecret")]
    [InlineData("AzureAd:ClientCredentials:0:ClientSecret")]
    [InlineData("Cadasto__ClientSecret")]
    [InlineData("CADASTO_CLIENT_SECRET")]
    public async Task NameOfAKeyAtASink_ShouldNotReport(string value)
    {
        await Sink.VerifyAnalyzerAsync($$"""
            using Microsoft.Identity.Client;

            static class Client
            {
                static IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("orders").WithClientSecret("{{value}}").Build();
            }
            """);
    }

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("SET_DB_PASSWORD")]
    [InlineData("#{OrdersDbPassword}")]
    [InlineData("your-db-password-here")]
    [InlineData("yourdbpassword")]
    [InlineData("yourdatabaseuserpassword")]
    public async Task ConnectionStringWithPlaceholderPassword_ShouldNotReportInCodeOrConfiguration(string password)
    {
        await Shape.VerifyAnalyzerAsync($$"""
            static class Database
            {
                public const string Orders = "Server=sql.internal;Database=Orders;User Id=orders_app;Password={{password}};";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "ConnectionStrings": { "Orders": "Server=sql.internal;Database=Orders;User Id=orders_app;Password={{password}};" } }
            """));
    }

    [Theory]
    [InlineData("Server=sql.internal;User Id=orders_app;Password=([^;]+?);")]
    [InlineData("Server=sql.internal;User Id=orders_app;Password=(?<pwd>.*?);")]
    [InlineData(@"Server=sql.internal;User Id=orders_app;Password=\S+;")]
    public async Task ConnectionStringWhosePasswordIsARegexCapture_ShouldNotReportInCodeOrConfiguration(string pattern)
    {
        // A pattern that reads the password out of a connection string, written in code or kept in settings: no value.
        var json = pattern.Replace(@"\", @"\\");
        await Shape.VerifyAnalyzerAsync($$"""
            static class Database
            {
                public const string PasswordPattern = @"{{pattern}}";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Redaction": { "ConnectionStringPattern": "{{json}}" }, "ConnectionStrings": { "Orders": "{{json}}" } }
            """));
    }

    [Fact]
    public async Task ConnectionStringWithRealPassword_ShouldReportInCodeAndConfiguration()
    {
        await Shape.VerifyAnalyzerAsync("""
            static class Database
            {
                public const string Orders = {|CDS1003:"Server=sql.internal;Database=Orders;User Id=orders_app;Password=Qv7!kL2#xR9m;"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "ConnectionStrings": { "Orders": {|CDS1004:"Server=sql.internal;Database=Orders;User Id=orders_app;Password=Qv7!kL2#xR9m;"|} } }
            """));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=ordersstore;Account Key=k8Qz1VbXw2Nc7Lp4Rt9Ys3Mh6Jd0Fg5Ae1Cu8Ko2Wi4=;")]
    [InlineData("Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;Shared_Access_Key=Zx4Vb8Nm2Qw6Er0Ty3Ui7Op1As5Df9Gh=")]
    [InlineData("Host=db.internal;Username=orders;Pwd = Qv7!kL2#xR9m")]
    public async Task ConnectionStringKeywordSpelledWithBlanksOrUnderscores_ShouldReportInCodeAndConfiguration(string connectionString)
    {
        // One splitter and one keyword set (Catalogs/ConnectionStringCatalog): a keyword compares ignoring case, blanks and
        // underscores wherever the connection string is written.
        await Shape.VerifyAnalyzerAsync($$"""
            static class Storage
            {
                public const string Orders = {|CDS1003:"{{connectionString}}"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "ConnectionStrings": { "Orders": {|CDS1004:"{{connectionString}}"|} } }
            """));
    }

    [Fact]
    public async Task AssemblyPublicKeyToken_ShouldNotReportInCodeOrConfiguration()
    {
        // A strong name's public key token is printed in every assembly's full name: public by definition.
        await Code.VerifyAnalyzerAsync("""
            public sealed class AssemblyIdentity
            {
                public string Name { get; set; } = "Orders.Abstractions";
                public string PublicKeyToken { get; set; } = "b77a5c561934e089";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Plugins": [ { "Name": "Orders.Abstractions", "PublicKeyToken": "b77a5c561934e089", "MajorVersion": 1 } ] }
            """));
    }

    [Fact]
    public async Task PasswordPairInAMessage_ShouldNotReportInCodeOrConfiguration()
    {
        // One key=value pair is a message or a form field, not a connection string (which joins pairs with ';' or ',').
        await Shape.VerifyAnalyzerAsync("""
            using System;

            static class Redaction
            {
                static Exception Leaky() => new InvalidOperationException("password=letmein");
                static string Expected() => "password=Qv7kL2xR9mTw";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Redaction": { "Sample": "password=letmein" } }
            """));
    }

    // Real code (a CMS's theme settings): the icon drawn beside each field of a login form is kept under that field's name, in a
    // class's defaults and in appsettings.json's icon sets alike: CSS class lists are labels; the database password beside them
    // is still a secret.
    [Fact]
    public async Task IconClassListsUnderFieldNames_ShouldNotReportInCodeOrConfiguration_ButARealPasswordBesideThemShould()
    {
        await Code.VerifyAnalyzerAsync("""
            public class CoreIconSet
            {
                public string SetId { get; set; } = "glyphicons";
                public string Email { get; set; } = "glyphicon glyphicon-envelope";
                public string Username { get; set; } = "glyphicon glyphicon-circle-arrow-right";
                public string Password { get; set; } = "glyphicon glyphicon-lock";
                public string IconPassword { get; set; } = "fa fa-key";
                public string ResetToken { get; set; } = "bi bi-shield-lock text-danger";
                public string ApiKey { get; set; } = "fa-solid fa-key";
                public string DbPassword { get; set; } = {|CDS1002:"Qv7kL2xR9mTw"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            {
              "CoreIconConfig": {
                "DefaultSetId": "fontawesome5x",
                "IconSets": [
                  { "SetId": "fontawesome4x", "Email": "fa fa-envelope-o", "Password": "fa fa-key", "FirstName": "fa fa-user-o" },
                  { "SetId": "fontawesome5x", "Email": "fas fa-at", "Password": "fas fa-lock", "FirstName": "far fa-user" }
                ]
              },
              "Smtp": { "User": "mailer", "Password": {|CDS1004:"Qv7kL2xR9mTw"|} }
            }
            """));
    }

    // Real code (ASP.NET Core Identity's error messages translated into Chinese): a message keyed by the error's code is text
    // for people, though the code ends with a credential word; a password in the same table is still one.
    [Fact]
    public async Task CjkMessageUnderACredentialNamedKey_ShouldNotReportInCodeOrConfiguration_ButAPasswordShould()
    {
        await Code.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            static class IdentityErrorDescriberZhHans
            {
                static readonly Dictionary<string, string> Messages = new()
                {
                    { "UserAlreadyHasPassword", "用户已经设置了密码。" },
                    { "PasswordMismatch", "パスワードが違います。" },
                    { "InvalidToken", "令牌无效：“{0}”" },
                    { "DefaultPassword", {|CDS1002:"Qv7kL2xR9mTw"|} },
                };
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Messages": { "UserAlreadyHasPassword": "用户已经设置了密码。" }, "Seed": { "AdminPassword": {|CDS1004:"Qv7kL2xR9mTw"|} } }
            """));
    }

    // Real sample code (a WeChat SDK's sample controller): the app id and secret passed as words that describe them in Chinese
    // ("the current mini-program's secret"), with no punctuation: a placeholder for the reader, in code and configuration
    // alike; an ASCII secret beside it is still one.
    [Fact]
    public async Task CjkWordsInPlaceOfASecret_ShouldNotReportInCodeOrConfiguration_ButAnAsciiSecretShould()
    {
        await Code.VerifyAnalyzerAsync("""
            static class TokenCache
            {
                public static string TryGetAccessToken(string appId, string appSecret) => appId + appSecret;
            }

            class TicketController
            {
                string Ticket() => TokenCache.TryGetAccessToken("当前小程序APPID", "当前小程序秘钥");
                string Other() => TokenCache.TryGetAccessToken("wx1234", {|CDS1002:"9f2c7e1ab4d84c0f"|});
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Weixin": { "AppSecret": "当前小程序秘钥", "Token": {|CDS1004:"9f2c7e1ab4d84c0f"|} } }
            """));
    }

    // Real test code (a FHIR server's import tests, a bot framework's masking test): an all-one-character account key (the
    // base64 of a zero key), a SAS URL on a host reserved for documentation, a Stripe prefix padded with a counting run or
    // shorter than Stripe's keys. Made-up inputs, not credentials; real-shaped neighbours still are.
    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=importstore;AccountKey=QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ=;EndpointSuffix=core.windows.net")]
    [InlineData("https://files.example.org/exports/orders.ndjson?sv=2021-06-08&sr=b&sp=r&se=2022-09-30T09:39:01Z&sig=Zt4Hn8Qw2Lp6Xc0Vb3Nm7Kd1")]
    [InlineData("sk_live_0123456789abcdefghijklmn")]
    [InlineData("sk_live_1234567890abcdef")]
    public async Task MadeUpKeyShapes_ShouldNotReportInCodeOrConfiguration(string value)
    {
        await Shape.VerifyAnalyzerAsync($$"""
            static class ImportSamples
            {
                public const string Source = "{{value}}";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Import": { "Source": "{{value}}" }, "Stripe": { "SecretKey": "{{value}}" } }
            """));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=importstore;AccountKey=Zt4Hn8Qw2Lp6Xc0Vb3Nm7Kd1Rf5Gs9Ja2Ue6Yi0Wo4=;EndpointSuffix=core.windows.net")]
    [InlineData("https://importstore.blob.core.windows.net/exports/orders.ndjson?sv=2021-06-08&sr=b&sp=r&se=2022-09-30T09:39:01Z&sig=Zt4Hn8Qw2Lp6Xc0Vb3Nm7Kd1")]
    [InlineData("sk_live_Zt4Hn8Qw2Lp6Xc0Vb3Nm7Kd1")]
    public async Task RealKeyShapesBesideThem_ShouldReportInCodeAndConfiguration(string value)
    {
        await Shape.VerifyAnalyzerAsync($$"""
            static class ImportSettings
            {
                public const string Source = {|CDS1003:"{{value}}"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Import": { "Source": {|CDS1004:"{{value}}"|} } }
            """));
    }

    [Fact]
    public async Task StripePrefixWithAShortBody_ShouldNotReportAsAToken_ButUnderASecretsKeyStill()
    {
        // Stripe's keys have 24 characters or more after the prefix: a shorter body is no Stripe key's shape (CDS1003), while
        // under a secret's name it is a value like any other (CDS1002, CDS1004).
        await Shape.VerifyAnalyzerAsync("""
            static class ImportSamples
            {
                public const string Source = "sk_live_Zt4Hn8Qw2Lp6Xc0V";
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Import": { "Source": "sk_live_Zt4Hn8Qw2Lp6Xc0V" }, "Stripe": { "SecretKey": {|CDS1004:"sk_live_Zt4Hn8Qw2Lp6Xc0V"|} } }
            """));
    }

    [Fact]
    public async Task PasswordWrittenAsTwoWords_ShouldReportInCodeAndConfiguration()
    {
        // "PassWord" with a capital W, as many code bases write it: the same credential word as "Password".
        await Code.VerifyAnalyzerAsync("""
            public sealed class HangfireOptions
            {
                public string PassWord { get; set; } = {|CDS1002:"Kq7vR2mZx9Lw"|};
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "HangfireAuthorization": { "User": "admin", "PassWord": {|CDS1004:"Kq7vR2mZx9Lw"|} } }
            """));
    }

    // Real code (a message broker's test application, a sample identity server's settings): a chosen credential's own word as
    // its value is the demo password the broker or the server is started with, set on an options object in code and bound from
    // appsettings.json alike (a warning: a match on the name).
    [Theory]
    [InlineData("Password", "password")]
    [InlineData("Secret", "secret")]
    [InlineData("ApiKey", "apikey")]
    [InlineData("Passphrase", "passphrase")]
    public async Task ChosenCredentialWordAsItsOwnValue_ShouldReportInCodeAndConfiguration(string name, string value)
    {
        await Code.VerifyAnalyzerAsync($$"""
            public sealed class BrokerOptions
            {
                public string Host { get; set; }
                public string Username { get; set; }
                public string {{name}} { get; set; }
            }

            static class Setup
            {
                static BrokerOptions Local() => new BrokerOptions { Host = "127.0.0.1", Username = "orders", {{name}} = {|CDS1002:"{{value}}"|} };
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Broker": { "Host": "127.0.0.1", "Username": "orders", "{{name}}": {|CDS1004:"{{value}}"|} } }
            """));
    }

    // Real code (a sample identity server's settings, an in-memory transport): every field of an unused section spelled as its own
    // name, the user name included, is a template of names, not a login; a label in code and configuration alike.
    [Fact]
    public async Task EveryFieldSpelledAsItsOwnName_ShouldNotReportInCodeOrConfiguration()
    {
        await Code.VerifyAnalyzerAsync("""
            public sealed class BrokerOptions
            {
                public string Transport { get; set; }
                public string Username { get; set; }
                public string Password { get; set; }
            }

            static class Setup
            {
                static BrokerOptions Local() => new BrokerOptions { Transport = "INMEMORY", Username = "username", Password = "password" };
            }
            """);
        await Config.VerifyAsync(("appsettings.json", """
            { "Broker": { "Transport": "INMEMORY", "Username": "username", "Password": "password" } }
            """));
    }

    // Real code (a home-automation bridge's shipped settings): a qualifier before another chosen credential's word, run together
    // in camelCase, is the demo password of the only user, not a key's or a field's name.
    [Theory]
    [InlineData("superSecret")]
    [InlineData("TopSecret")]
    [InlineData("supersecret")]
    public async Task QualifiedCredentialWordAsAPassword_ShouldReportInCodeAndConfiguration(string value)
    {
        await Code.VerifyAnalyzerAsync($$"""
            public sealed class LocalUser
            {
                public string Username { get; set; }
                public string Password { get; set; }
            }

            static class Users
            {
                static LocalUser Only() => new LocalUser { Username = "assistant", Password = {|CDS1002:"{{value}}"|} };
            }
            """);
        await Config.VerifyAsync(("appsettings.json", $$"""
            { "Users": [ { "Username": "assistant", "Password": {|CDS1004:"{{value}}"|} } ] }
            """));
    }

    [Theory]
    [InlineData("4N48BnQ9Nxq1s7HJx7vkk80Em0f4RqqxyDDtGjX5XGh", true)]
    [InlineData("0ECEE7809CCE177AF9E74D1AB39CC164", true)]
    [InlineData("ak-84A92DC1D1540218AB95437C5A5D2844", true)]
    [InlineData("3f2504e04f8911d39a0c0305e82c3301", false)] // a GUID without hyphens: an id
    [InlineData("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", false)] // a thumbprint's length
    [InlineData("ConnectorSwitch3To1PhaseSupported", false)] // a name in camel case
    [InlineData("YOUR_ENCODING_AES_KEY_GOES_HERE", false)]
    public async Task RandomKeyUnderANameEndingInKey_ShouldGetOneVerdictInCodeAndConfiguration(string value, bool isKey)
    {
        // A name that ends in Key alone is no credential name: the value itself must read as a random key, and the finding
        // is a warning in both places (a name and a shape are no sink).
        await Code.VerifyAnalyzerAsync(
            $$"""
            public static class MessageCrypto
            {
                public const string EncodingAESKey = {|#0:"{{value}}"|};
                public const string CacheKey = "{{value}}";
            }
            """,
            isKey ? new[] { Code.Diagnostic("CDS1002").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments("'EncodingAESKey'") } : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
        await Config.VerifyAsync(
            null,
            new[] { ("appsettings.json", $$"""{ "Messaging": { "EncodingAESKey": {|#0:"{{value}}"|}, "CacheKey": "{{value}}" } }""") },
            isKey ? new[] { Config.Diagnostic("CDS1004").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments("Messaging:EncodingAESKey", "appsettings.json") } : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
    }
}
