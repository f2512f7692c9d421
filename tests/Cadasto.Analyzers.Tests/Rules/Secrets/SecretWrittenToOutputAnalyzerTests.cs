using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cadasto.Analyzers.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using VerifyCS = Cadasto.Analyzers.Tests.TestKit.CSharpAnalyzerVerifier<
    Cadasto.Analyzers.Rules.Secrets.SecretWrittenToOutputAnalyzer>;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

public sealed class SecretWrittenToOutputAnalyzerTests
{
    private static Task VerifyWithRuntimeAsync(string source)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(typeof(Cadasto.Credentials.SecretValue).Assembly);
        return test.RunAsync();
    }

    [Fact]
    public Task LexerTokensInParserErrors_ShouldNotReport_ButABearerTokenInAnAuthErrorShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;

        static class TemplateParser
        {
            public static string SafeToken(this string token)
            {
                if (token.IndexOfAny(new[] { '"', '-', '+', '=' }) >= 0)
                    throw new InvalidDataException($"Metadata is potentially malicious. Expected token, Received: {token}");
                return token;
            }

            public static int Split(string file, string contents, List<(int index, string token)> fragments)
            {
                foreach (var fragment in fragments)
                {
                    if (contents.IndexOf(fragment.token, StringComparison.Ordinal) < 0)
                        throw new Exception($"Error parsing {file}, missing '{fragment.token}'");
                }

                return fragments.Count;
            }

            public static void Reject(string accessToken) =>
                throw new UnauthorizedAccessException($"Invalid access token {{|CDS1005:accessToken|}}");
        }
        """);

    // A test's helper that throws names the test's own input in its failure report: a credential-named parameter there is a
    // fixture. A secret read from the configuration in the same exception, or the same parameter logged, is still written.
    [Fact]
    public Task FixtureParameterInATestsFailure_ShouldNotReport_ButAStoreReadShould()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using Microsoft.Extensions.Configuration;

                static class StrengthBuckets
                {
                    static readonly string[] Weak = { "abc123", "letmein" };

                    public static int Classify(string password)
                    {
                        if (Array.IndexOf(Weak, password) >= 0) return 0;
                        throw new InvalidOperationException($"Password '{password}' not found in any strength bucket.");
                    }

                    public static void Check(IConfiguration configuration) =>
                        throw new InvalidOperationException($"Rejected {{|CDS1005:configuration["Smtp:Password"]|}}");

                    public static void Trace(string password) => Console.WriteLine({|CDS1005:password|});
                }
                """,
            TestState =
            {
                AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task CredentialNamedPathsInExceptions_ShouldNotReport_ButTheSecretBesideThemShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;

        sealed class VaultSecret { }

        interface ISecretsVault { Task<VaultSecret?> GetSecretVersion(string path); }

        class CloudSetup
        {
            static void CheckKeyFile()
            {
                var googleCredentials = Environment.GetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS");
                if (string.IsNullOrEmpty(googleCredentials))
                    throw new Exception("GOOGLE_APPLICATION_CREDENTIALS not set");
                if (!File.Exists(googleCredentials))
                    throw new Exception($"GOOGLE_APPLICATION_CREDENTIALS '{googleCredentials}' does not exist");
            }

            static async Task CheckVault(ISecretsVault vault, string inputSecret)
            {
                if (await vault.GetSecretVersion(inputSecret) is null)
                    throw new InvalidOperationException($"Secret with path {inputSecret} not in the vault");
            }

            static void CheckLength(string clientSecret)
            {
                if (clientSecret.Length < 16)
                    throw new ArgumentException($"Secret {{|CDS1005:clientSecret|}} is too short");
            }
        }
        """);

    [Fact]
    public Task SecretsInLogs_ShouldReport() => VerifyWithRuntimeAsync("""
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        sealed class CadastoOptions
        {
            public string ClientId { get; set; } = "";
            public string ClientSecret { get; set; } = "";
        }

        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Using secret {Secret}")]
            static partial void UsingSecret(ILogger logger, string secret);

            public static void Write(ILogger logger, CadastoOptions options) => UsingSecret(logger, {|CDS1005:options.ClientSecret|});
        }

        class TokenService
        {
            void Start(ILogger<TokenService> logger, IConfiguration configuration, CadastoOptions options)
            {
                logger.LogInformation("Client {ClientId} uses secret {Secret}", options.ClientId, {|CDS1005:options.ClientSecret|});
                logger.LogDebug($"Secret is {{|CDS1005:configuration["Cadasto:ClientSecret"]|}}");
                var apiKey = Environment.GetEnvironmentVariable("PARTNER_API_KEY");
                logger.LogWarning("Partner key: " + {|CDS1005:apiKey|});
                var fromStore = configuration.GetValue<string>("Smtp:Password");
                logger.Log(LogLevel.Error, "Smtp {Password}", {|CDS1005:fromStore|});
            }
        }
        """);

    // Every catalogued secret source: the configuration's indexer on the ConfigurationManager that builder.Configuration
    // is (its own indexer, implementing IConfiguration's) and on a section, a connection string whatever its name; a
    // dictionary read under a credential key is no store read, nor is a configuration value under another key.
    [Fact]
    public Task SecretSourcesOfEveryCatalogueRow_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        class Startup
        {
            void Run(ConfigurationManager manager, IConfigurationSection section, IConfiguration configuration, Dictionary<string, string> form, ILogger logger)
            {
                logger.LogInformation("Smtp {Password}", {|CDS1005:manager["Smtp:Password"]|});
                logger.LogInformation("Partner {Key}", {|CDS1005:section["ApiKey"]|});
                logger.LogInformation("Database {Connection}", {|CDS1005:configuration.GetConnectionString("Default")|});
                logger.LogInformation("Form {Value}", form["password"]);
                logger.LogInformation("Smtp {Host}", manager["Smtp:Host"]);
            }
        }
        """);

    [Fact]
    public Task SecretsOnConsoleDebugExceptionsAndToString_ShouldReport() => VerifyWithRuntimeAsync("""
        using System;
        using System.Diagnostics;
        using Cadasto.Credentials;

        sealed class PartnerSettings
        {
            public string Endpoint { get; set; } = "";
            public string ApiKey { get; set; } = "";

            public override string ToString() => $"{Endpoint} with key {{|CDS1005:ApiKey|}}";
        }

        class Runner
        {
            void Run(PartnerSettings settings, SecretValue secret, string password)
            {
                Console.WriteLine({|CDS1005:secret.Reveal()|});
                Console.Error.WriteLine("Key: {0}", {|CDS1005:settings.ApiKey|});
                Debug.WriteLine({|CDS1005:password|});
                Trace.TraceInformation(string.Format("pwd={0}", {|CDS1005:password|}));
                throw new InvalidOperationException($"Login failed with password {{|CDS1005:password|}}");
            }
        }
        """);

    [Fact]
    public Task SafeWrites_ShouldNotReport() => VerifyWithRuntimeAsync("""
        using System;
        using System.Threading;
        using Cadasto.Credentials;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        static class ConfigKeys
        {
            public const string ClientSecret = "Cadasto:ClientSecret";
        }

        sealed class CadastoOptions
        {
            public string ClientId { get; set; } = "";
            public string ClientSecret { get; set; } = "";
            public string SecretName { get; set; } = "";
            public string TokenEndpoint { get; set; } = "";

            public override string ToString() => $"{ClientId} at {TokenEndpoint}";
        }

        class TokenService
        {
            void Start(ILogger logger, IConfiguration configuration, CadastoOptions options, SecretValue secret, CancellationToken cancellationToken)
            {
                logger.LogInformation("Client {ClientId} has a secret: {HasSecret}", options.ClientId, !string.IsNullOrEmpty(options.ClientSecret));
                logger.LogInformation("Secret length {Length}", options.ClientSecret.Length);
                logger.LogInformation("Reading {Key} from {Store}", ConfigKeys.ClientSecret, options.SecretName);
                logger.LogInformation("Secret {Secret}", secret);
                logger.LogInformation("Token endpoint {Endpoint}", options.TokenEndpoint);
                logger.LogInformation("Cancelled: {Token}", cancellationToken);
                logger.LogInformation("Client id {ClientId}", configuration["Cadasto:ClientId"]);
                Console.WriteLine("Enter your password:");
                if (string.IsNullOrEmpty(options.ClientSecret))
                {
                    throw new InvalidOperationException($"Set {ConfigKeys.ClientSecret} (dotnet user-secrets set \"{ConfigKeys.ClientSecret}\" <value>).");
                }

                throw new ArgumentException("The client secret is required.", nameof(options.ClientSecret));
            }
        }
        """);

    [Fact]
    public Task LogScopeAndStringBuilderInToString_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.Extensions.Logging;

        class Summary
        {
            public string ClientId { get; set; } = "";
            public string ClientSecret { get; set; } = "";

            public void Trace(ILogger logger)
            {
                using (logger.BeginScope("secret {Secret}", {|CDS1005:ClientSecret|}))
                {
                    logger.LogInformation("client {Id}", ClientId);
                }
            }

            public override string ToString()
            {
                var text = new StringBuilder();
                text.Append("id=").Append(ClientId).Append(";secret=").Append({|CDS1005:ClientSecret|});
                return text.ToString();
            }
        }
        """);

    [Fact]
    public Task StringBuilderOutsideToString_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text;

        class Body
        {
            public string ClientSecret { get; set; } = "";

            public string Form()
            {
                var text = new StringBuilder();
                text.Append("client_secret=").Append(ClientSecret);
                return text.ToString();
            }

            public override string ToString() => new StringBuilder().Append("Body(").Append(ClientSecret.Length).Append(')').ToString();
        }
        """);

    // Real code (a .resx designer class): a resource format string whose name mentions a credential is a template, not a
    // stored secret; its arguments are ids. The credential-named value among the arguments is still written.
    [Fact]
    public Task ResourceFormatStringsNamedAfterCredentials_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Globalization;
        using System.Resources;

        internal class ServicesStrings
        {
            private static ResourceManager resourceMan;

            internal static ResourceManager ResourceManager =>
                resourceMan ??= new ResourceManager("Gallery.ServicesStrings", typeof(ServicesStrings).Assembly);

            internal static string CannotRevokeActiveApiKeyCredential =>
                ResourceManager.GetString("CannotRevokeActiveApiKeyCredential", CultureInfo.CurrentCulture);

            internal static string ExpiryTooShortForResetToken =>
                ResourceManager.GetString("ExpiryTooShortForResetToken", CultureInfo.CurrentCulture);
        }

        sealed class ApiKeyCredential
        {
            public string Key { get; set; } = "";
            public string ApiKey { get; set; } = "";
        }

        class AuthenticationService
        {
            void Revoke(ApiKeyCredential credential)
            {
                throw new InvalidOperationException(string.Format(
                    CultureInfo.CurrentCulture,
                    ServicesStrings.CannotRevokeActiveApiKeyCredential,
                    credential.Key));
            }

            void Expire(int expirationInMinutes)
            {
                throw new ArgumentException(ServicesStrings.ExpiryTooShortForResetToken, nameof(expirationInMinutes));
            }

            void Leak(ApiKeyCredential credential)
            {
                throw new InvalidOperationException(string.Format(
                    CultureInfo.CurrentCulture,
                    ServicesStrings.CannotRevokeActiveApiKeyCredential,
                    {|CDS1005:credential.ApiKey|}));
            }
        }
        """);

    // Real code (a backup tool's secret-provider test command): the loop runs over the names it asked a provider to resolve,
    // and prints each name with whether it was found. A loop over secrets handed to no lookup still prints secrets.
    [Fact]
    public Task NamesHandedToALookupPrintedInALoop_ShouldNotReport_SecretsShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        interface ISecretProvider
        {
            Task<Dictionary<string, string>> ResolveSecretsAsync(IEnumerable<string> keys, CancellationToken cancellationToken);
        }

        class SecretTool
        {
            async Task<int> Test(ISecretProvider provider, string[] secrets)
            {
                var result = await provider.ResolveSecretsAsync(secrets, CancellationToken.None);
                foreach (var secret in secrets)
                    Console.WriteLine($"- {secret}: {(result.ContainsKey(secret) ? "found" : "not found")}");

                return 0;
            }

            void Dump(string[] secrets)
            {
                foreach (var secret in secrets)
                    Console.WriteLine({|CDS1005:secret|});
            }
        }
        """);

    // Real code (a backup tool's hand-written localisation class): a property returning the translation of a sentence is a
    // message named after what it reports. A property that returns a read of a key, or a stored value, still is a secret.
    [Fact]
    public Task TranslatedMessagesNamedAfterCredentials_ShouldNotReport_StoredValuesShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        static class LC
        {
            public static string L(string message) => message;
            public static string Read(string key) => Environment.GetEnvironmentVariable(key) ?? "";
        }

        static class Strings
        {
            public static string NoAccessKeyOrSasToken => LC.L(@"No storage access key or SAS token given");
            public static string InvalidApiKey { get { return LC.L("The API key was refused by the server"); } }
            public static string StorageAccessKey => LC.Read("STORAGE_ACCESS_KEY");
        }

        class Backend
        {
            void Check(bool hasKey)
            {
                if (!hasKey)
                {
                    throw new InvalidOperationException(Strings.NoAccessKeyOrSasToken);
                }

                Console.WriteLine(Strings.InvalidApiKey);
                Console.WriteLine({|CDS1005:Strings.StorageAccessKey|});
            }
        }
        """);

    // Real code (a test-support library's Key Vault helpers): a parameter named `secret` that the method hands to a lookup as
    // the secret's name (a vault client's `secretName`, the environment's `variable`, a configuration key) names the secret;
    // writing it says which one failed. A `secret` that is only written, or handed to a lookup as something else, still is one.
    [Fact]
    public Task SecretNamePassedToALookup_ShouldNotReport_TheValueItReturnsShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        sealed class VaultSecret { public string Value { get; set; } = ""; }

        interface IVaultProvider
        {
            Task<VaultSecret> GetSecretByNameAsync(string secretName);
            Task<VaultSecret> Unwrap(string key, string payload);
        }

        static class LabSecrets
        {
            public static async Task<string> FetchAsync(IVaultProvider vault, string secret)
            {
                Debug.WriteLine($"Fetching '{secret}' from the vault");
                var found = await vault.GetSecretByNameAsync(secret);
                if (string.IsNullOrEmpty(found.Value))
                {
                    throw new InvalidOperationException($"Found no content for secret '{secret}'.");
                }

                return found.Value;
            }

            public static string FromEnvironment(string secret) =>
                Environment.GetEnvironmentVariable(secret) ?? throw new InvalidOperationException($"Variable {secret} is not set");

            public static string FromConfiguration(IConfiguration configuration, string secret)
            {
                var value = configuration[secret];
                Console.WriteLine($"Read {secret}");
                return value ?? "";
            }

            public static async Task<string> Unwrap(IVaultProvider vault, string secret)
            {
                Debug.WriteLine($"Unwrapping with {{|CDS1005:secret|}}");
                return (await vault.Unwrap(secret, "payload")).Value;
            }

            public static void Report(string secret) => Console.WriteLine({|CDS1005:secret|});
        }
        """);

    // Real code (a template expander): a `token` taken from a regular expression's match of the template, in the expander's
    // circular-reference message, is the template's placeholder; a token read from a response is still a bearer token, and
    // a password cut out of a string with a regular expression is still a password.
    [Fact]
    public Task TokenTakenFromARegexMatch_ShouldNotReport_ButATokenFromAResponseShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Text.RegularExpressions;

        static class Expander
        {
            public static string Expand(string source, Func<string, string> filter, Func<string, string> lookup)
            {
                var pattern = new Regex(@"\{(\w+)\}");
                var calls = new Stack<string>();
                string callingToken = null;
                foreach (Match match in pattern.Matches(source))
                {
                    var token = filter(match.Value);
                    if (calls.Contains(callingToken + ":" + token))
                    {
                        throw new InvalidOperationException(string.Format("Circular reference for token '{0}'.", callingToken));
                    }

                    var named = match.Groups[1].Value;
                    Console.WriteLine("Expanding " + token + " as " + named);
                    calls.Push(callingToken + ":" + token);
                    callingToken = token;
                    source = source.Replace(match.Value, lookup(token));
                }

                return source;
            }

            public static void Connect(string connectionString)
            {
                var password = Regex.Match(connectionString, "Password=([^;]+)").Groups[1].Value;
                Console.WriteLine("Using " + {|CDS1005:password|});
            }

            public static void Refresh(Func<string> readResponse)
            {
                var token = readResponse();
                Console.WriteLine("Got " + {|CDS1005:token|});
            }
        }
        """);

    // Real code (a unit of work, an event handler factory): a `token` that only ever holds a new GUID pushed on the type's own
    // transaction stack and popped back, or a scope's hash code as text, written to a debug log, is a marker the code makes and
    // keeps; a new GUID handed out as a session token, a token read from configuration and a hash-code token passed on are
    // still written secrets.
    [Fact]
    public Task TokenLocalsHoldingKeptRunTimeIdentifiers_ShouldNotReport_ButHandedOutOrStoredTokensShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        class UnitOfWork
        {
            private readonly Stack<string> _transactionStack = new Stack<string>();
            private readonly ILogger _logger;

            public UnitOfWork(ILogger<UnitOfWork> logger) => _logger = logger;

            public void EnableTransaction()
            {
                string token = Guid.NewGuid().ToString();
                _transactionStack.Push(token);
                _logger.LogDebug($"Transaction enabled, marker {token}, {_transactionStack.Count} in all");
            }

            public void Commit()
            {
                string token;
                if (_transactionStack.Count > 1)
                {
                    token = _transactionStack.Pop();
                    _logger.LogDebug($"Commit skipped, marker {token}");
                    return;
                }

                token = _transactionStack.Pop();
                _logger.LogDebug("Committed, marker {Token}", token);
            }
        }

        class HandlerFactory
        {
            private readonly ILogger _logger;

            public HandlerFactory(ILogger<HandlerFactory> logger) => _logger = logger;

            public Action GetHandler(IDisposable scope)
            {
                string token = scope.GetHashCode().ToString();
                _logger.LogDebug($"Scope created, id {token}");
                return () =>
                {
                    scope.Dispose();
                    _logger.LogDebug($"Scope released, id {token}");
                };
            }

            public void Track(IDisposable scope, IList<string> open)
            {
                string token = scope.GetHashCode().ToString();
                open.Add(token);
                _logger.LogDebug($"Scope tracked, id {{|CDS1005:token|}}");
            }
        }

        class PasswordReset
        {
            private readonly ILogger _logger;
            private readonly IConfiguration _configuration;

            public PasswordReset(ILogger<PasswordReset> logger, IConfiguration configuration)
            {
                _logger = logger;
                _configuration = configuration;
            }

            public string Issue(string userName)
            {
                var sessionToken = Guid.NewGuid().ToString("N");
                _logger.LogInformation("Session token for {User}: {Token}", userName, {|CDS1005:sessionToken|});
                return sessionToken;
            }

            public void Call()
            {
                var token = _configuration["Partner:Token"];
                _logger.LogDebug($"Calling partner with {{|CDS1005:token|}}");
            }
        }
        """);

    // Real code (an OAuth client library's error codes): an exception built with an error-code constant whose value spells
    // its own name (`CertWithoutPrivateKey`) writes a code, not a key; a constant that holds a key is still one.
    [Fact]
    public Task ErrorCodeConstantsSpellingTheirOwnNames_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        static class ClientError
        {
            public const string CertWithoutPrivateKey = "cert_without_private_key";
            public const string InvalidOwnerWindowToken = "invalid_owner_window_token";
            public const string FallbackPrivateKey = "Kq8xZ2Lm9Rv4Tw7Pc3Nd5Hf1";
        }

        sealed class ClientException : Exception
        {
            public ClientException(string errorCode, string message) : base(errorCode + ": " + message) { }
        }

        static class CertificateCheck
        {
            public static void Require(bool hasPrivateKey)
            {
                if (!hasPrivateKey)
                {
                    throw new ClientException(ClientError.CertWithoutPrivateKey, "The certificate must have a private key.");
                }

                Console.WriteLine(ClientError.InvalidOwnerWindowToken);
                Console.WriteLine({|CDS1005:ClientError.FallbackPrivateKey|});
            }
        }
        """);

    // Real code (a health-check UI's container image): the name of the environment variable that holds the push
    // endpoint's secret is a constant named after the secret; start-up reads the variable through configuration and, when
    // it is missing, says so naming the variable. The message holds the key, never the secret.
    [Fact]
    public Task KeyNameConstantInAMissingSettingMessage_ShouldNotReport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                public static class PushKeys
                {
                    public const string Enabled = "enable_push_endpoint";
                    public const string PushEndpointSecret = "push_endpoint_secret";
                    public const string FallbackSecret = "Kq8xZ2Lm9Rv4Tw7Pc3Nd5Hf1";
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                public sealed class Startup(IConfiguration configuration)
                {
                    public void ConfigureServices()
                    {
                        if (string.IsNullOrEmpty(configuration[PushKeys.PushEndpointSecret]))
                        {
                            throw new Exception($"{PushKeys.PushEndpointSecret} environment variable has not been configured");
                        }

                        Console.WriteLine({|CDS1005:PushKeys.FallbackSecret|});
                    }
                }
                """,
            },
        },
    }.RunAsync();

    // A parser's own exception type (LineParsingException) says the token it reports is a lexical one, whatever the message
    // says; a token written to another exception is still a finding.
    [Fact]
    public Task TokensInAParsersExceptionType_ShouldNotReport_ButATokenInAnotherExceptionShould() => VerifyCS.VerifyAnalyzerAsync("""
        using System;

        sealed class LineParsingException : Exception
        {
            public LineParsingException(int column, string message) : base(message) => Column = column;

            public int Column { get; }
        }

        static class ScriptParser
        {
            public static T ParseEnumValue<T>(string token, int column) where T : struct, Enum
            {
                if (!Enum.TryParse<T>(token, ignoreCase: false, out var value))
                    throw new LineParsingException(column, $"Invalid {typeof(T).Name} value '{token}'. Valid values: {string.Join(", ", Enum.GetNames(typeof(T)))}");
                return value;
            }

            public static void DetectType(string input, int length)
            {
                var token = input.Substring(0, length);
                throw new LineParsingException(1, $"Could not detect the type of token '{token}'");
            }

            public static void Refresh(string token) =>
                throw new InvalidOperationException($"Could not refresh the session with {{|CDS1005:token|}}");
        }
        """);

    [Fact]
    public async Task LoggerMessageMethodOfAReferencedLibrary_ShouldReport_ButItsOtherMethodsShouldNot()
    {
        // A library's [LoggerMessage] method is read from metadata; its plain method writes nowhere the rule watches.
        var library = CSharpCompilation.Create(
            "Telemetry",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using Microsoft.Extensions.Logging;

                    namespace Telemetry;

                    public static class Log
                    {
                        [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Secret {Secret}")]
                        public static void UsingSecret(ILogger logger, string secret) { }

                        public static void Remember(ILogger logger, string secret) { }
                    }
                    """),
            },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        var app = CSharpCompilation.Create(
            "App",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using Microsoft.Extensions.Logging;

                    sealed class Sender
                    {
                        public string ClientSecret { get; set; } = "";

                        void Send(ILogger logger)
                        {
                            Telemetry.Log.UsingSecret(logger, ClientSecret);
                            Telemetry.Log.Remember(logger, ClientSecret);
                        }
                    }
                    """, path: "/src/Sender.cs"),
            },
            TestReferences.All.Add(MetadataReference.CreateFromImage(image.ToArray())),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await app.WithAnalyzers([new Cadasto.Analyzers.Rules.Secrets.SecretWrittenToOutputAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var finding = Assert.Single(diagnostics);
        Assert.Equal("CDS1005", finding.Id);
        Assert.Equal(8, finding.Location.GetLineSpan().StartLinePosition.Line);
    }
}
