using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Cadasto.Cli;

/// <summary>
/// <c>cadasto init</c>: a starter <c>cadasto.json</c> that passes the schema, from flags (or prompts
/// when run interactively). Never writes a secret: non-development environments of a confidential
/// client get a secret <em>reference</em> (by default the environment variable CADASTO_CLIENT_SECRET).
/// Never copies development's values into a deployed environment: an authority, redirect URI or origin
/// without <c>ENV=</c> is development's, and a loopback address is refused anywhere else.
/// </summary>
internal static class InitCommand
{
    /// <summary>Written where Cadasto's client id is not known yet; <c>cadasto request</c> does not need it.</summary>
    internal const string PendingClientId = "REPLACE_ME";

    /// <summary>Written when no description was given; <c>cadasto request</c> refuses it, so it gets replaced before a request is sent.</summary>
    internal const string PendingDescription = "TODO: what the integration does and why it needs access to the Cadasto API";

    private static readonly string[] Stores = { "environment", "user-secrets", "configuration", "file", "azure-key-vault" };

    /// <summary>
    /// The command. <paramref name="prompts"/> is the console that asks for what the flags leave out (tests pass a
    /// scripted one); without it, the process's terminal asks when standard input and output are both a terminal.
    /// A console that is not interactive asks nothing: the flags and defaults decide.
    /// </summary>
    public static Command Create(TextWriter output, TextWriter error, IAnsiConsole? prompts = null)
    {
        var application = new Option<string?>("--application", "-a") { Description = "The application's name. Default: the folder's name." };
        var description = new Option<string?>("--description", "-d") { Description = "What the integration does and why it needs access." };
        var contactName = new Option<string?>("--contact-name") { Description = "The contact's name." };
        var contactEmail = new Option<string?>("--contact-email") { Description = "The contact's email address." };
        var slack = new Option<string?>("--slack") { Description = "The team's chat alias, e.g. #billing-dev." };
        var clientType = new Option<string>("--client-type") { Description = "confidential (a server; may hold a secret) or public (browser, mobile, desktop).", DefaultValueFactory = _ => "confidential" };
        clientType.AcceptOnlyFromAmong("confidential", "public");
        var flows = new Option<string[]>("--flow") { Description = "A flow (repeatable): client_credentials, authorization_code, refresh_token, device_code. Default: client_credentials (confidential) or authorization_code (public).", AllowMultipleArgumentsPerToken = true };
        flows.AcceptOnlyFromAmong("client_credentials", "authorization_code", "refresh_token", "device_code");
        var scopes = new Option<string[]>("--scope") { Description = "A scope (repeatable). Default: api.read.", AllowMultipleArgumentsPerToken = true };
        var environments = new Option<string[]>("--env") { Description = "An environment (repeatable). Default: development and production.", AllowMultipleArgumentsPerToken = true };
        var authority = new Option<string[]>("--authority") { Description = "The authority (token issuer) URL, as [ENV=]URL (repeatable). Without ENV=, development's (every environment's when there is no development).", AllowMultipleArgumentsPerToken = true };
        var redirectUris = new Option<string[]>("--redirect-uri") { Description = "A redirect URI for interactive flows, as [ENV=]URI (repeatable). Without ENV=, development's; a loopback URI only in development.", AllowMultipleArgumentsPerToken = true };
        var allowedOrigins = new Option<string[]>("--allowed-origin") { Description = "An allowed CORS origin for a browser app, as [ENV=]ORIGIN (repeatable). Without ENV=, development's; a loopback origin only in development.", AllowMultipleArgumentsPerToken = true };
        var secretStore = new Option<string>("--secret-store") { Description = "Where the secret lives outside development: environment (default), user-secrets, configuration, file, azure-key-vault.", DefaultValueFactory = _ => "environment" };
        secretStore.AcceptOnlyFromAmong(Stores);
        var vault = new Option<string?>("--vault") { Description = "The vault URI, with --secret-store azure-key-vault." };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Where to write the manifest. Default: ./cadasto.json." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };

        var command = new Command("init", "Write a starter cadasto.json (valid against the schema) from flags, or from prompts when interactive.")
        {
            application, description, contactName, contactEmail, slack, clientType, flows, scopes, environments, authority, redirectUris, allowedOrigins, secretStore, vault, outputPath, force,
        };
        command.SetAction(parseResult =>
        {
            var path = Path.GetFullPath(parseResult.GetValue(outputPath) ?? Path.Combine(Directory.GetCurrentDirectory(), "cadasto.json"));
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, "cadasto.json");
            }

            if (File.Exists(path) && !parseResult.GetValue(force))
            {
                error.WriteLine($"cadasto: '{path}' exists; use --force to overwrite it.");
                return ExitCodes.Usage;
            }

            var prompt = prompts ?? (TerminalCanPrompt(output) ? AnsiConsole.Console : null);
            if (prompt is not null && !prompt.Profile.Capabilities.Interactive)
            {
                prompt = null;
            }

            var folderName = new DirectoryInfo(Path.GetDirectoryName(path)!).Name;
            var applicationName = Ask(prompt, "Application name", parseResult.GetValue(application), folderName)!;
            var purpose = Ask(prompt, "What does the integration do, and why does it need access? [grey](empty: fill in later)[/]:", parseResult.GetValue(description), PendingDescription, showDefault: false)!;
            var name = Ask(prompt, "Contact name [grey](optional)[/]:", parseResult.GetValue(contactName), null);
            var email = Ask(
                prompt,
                "Contact email" + (string.IsNullOrWhiteSpace(name) ? string.Empty : " [grey](optional)[/]:"),
                parseResult.GetValue(contactEmail),
                null,
                validate: answer => string.IsNullOrWhiteSpace(answer)
                    ? string.IsNullOrWhiteSpace(name) ? "Cadasto needs a contact: give an email address." : null
                    : IsEmail(answer.Trim()) ? null : "That is not an email address.");
            var chat = Ask(prompt, "Team chat alias, e.g. #billing-dev [grey](optional)[/]:", parseResult.GetValue(slack), null);
            var kind = parseResult.GetValue(clientType) ?? "confidential";
            var environmentNames = StarterManifest.EnvironmentsOf(parseResult.GetValue(environments) ?? Array.Empty<string>());
            var origins = (parseResult.GetValue(allowedOrigins) ?? Array.Empty<string>()).ToList();
            if (kind == "public" && origins.Count == 0 && prompt is not null)
            {
                // A browser app needs its origins registered for CORS, per environment: development's are not production's.
                foreach (var environmentName in environmentNames)
                {
                    var answer = Ask(
                        prompt,
                        $"Allowed origins (CORS) for {Markup.Escape(environmentName)}, space-separated [grey](browser apps only; empty: none)[/]:",
                        null,
                        null,
                        showDefault: false,
                        validate: text => StarterManifest.OriginProblem(environmentName, Split(text)));
                    origins.AddRange(Split(answer).Select(origin => environmentName + "=" + origin));
                }
            }

            var spec = new StarterManifest
            {
                Application = applicationName,
                Description = purpose,
                ContactName = name,
                ContactEmail = email,
                Slack = chat,
                ClientType = kind,
                Flows = parseResult.GetValue(flows) ?? Array.Empty<string>(),
                Scopes = parseResult.GetValue(scopes) ?? Array.Empty<string>(),
                Environments = parseResult.GetValue(environments) ?? Array.Empty<string>(),
                Authorities = parseResult.GetValue(authority) ?? Array.Empty<string>(),
                RedirectUris = parseResult.GetValue(redirectUris) ?? Array.Empty<string>(),
                AllowedOrigins = origins.ToArray(),
                SecretStore = parseResult.GetValue(secretStore) ?? "environment",
                Vault = parseResult.GetValue(vault),
            };

            var problem = spec.Validate();
            if (problem is not null)
            {
                error.WriteLine("cadasto: " + problem);
                return ExitCodes.Usage;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, spec.ToJson(), new UTF8Encoding(false));
            output.WriteLine($"Wrote {path}.");
            foreach (var note in spec.Notes())
            {
                output.WriteLine("Note: " + note);
            }

            output.WriteLine($"Next: 'cadasto request' prints the credential request; put the client ids Cadasto returns in place of \"{PendingClientId}\".");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Whether the process's own terminal can ask: input and output are a terminal, and output is the console's.</summary>
    private static bool TerminalCanPrompt(TextWriter output) =>
        !Console.IsInputRedirected && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);

    /// <summary>
    /// A value given on the command line is taken as is (never asked again); otherwise the console asks, and an empty
    /// answer takes <paramref name="fallback"/>. Without a console, the fallback.
    /// </summary>
    private static string? Ask(IAnsiConsole? console, string question, string? given, string? fallback, bool showDefault = true, Func<string, string?>? validate = null)
    {
        if (!string.IsNullOrWhiteSpace(given) || console is null)
        {
            return string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
        }

        var prompt = new TextPrompt<string>(question).AllowEmpty();
        if (fallback is not null)
        {
            prompt.DefaultValue(fallback);
            prompt.ShowDefaultValue(showDefault);
        }

        if (validate is not null)
        {
            prompt.Validate(answer => validate(answer) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success());
        }

        var answer = console.Prompt(prompt);
        return string.IsNullOrWhiteSpace(answer) ? fallback : answer.Trim();
    }

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split(new[] { ' ', ',', ';' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An address the schema's <c>email</c> format accepts: one <c>@</c>, a domain with a dot, no spaces or display name.</summary>
    internal static bool IsEmail(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace);

    /// <summary>The flags, with their defaults, as a manifest.</summary>
    internal sealed class StarterManifest
    {
        public required string Application { get; init; }

        public required string Description { get; init; }

        public string? ContactName { get; init; }

        public string? ContactEmail { get; init; }

        public string? Slack { get; init; }

        public required string ClientType { get; init; }

        public required string[] Flows { get; init; }

        public required string[] Scopes { get; init; }

        public required string[] Environments { get; init; }

        /// <summary><c>--authority</c> values, each <c>[ENV=]URL</c>.</summary>
        public string[] Authorities { get; init; } = Array.Empty<string>();

        /// <summary><c>--redirect-uri</c> values, each <c>[ENV=]URI</c>.</summary>
        public required string[] RedirectUris { get; init; }

        /// <summary><c>--allowed-origin</c> values, each <c>[ENV=]ORIGIN</c>.</summary>
        public string[] AllowedOrigins { get; init; } = Array.Empty<string>();

        public required string SecretStore { get; init; }

        public string? Vault { get; init; }

        private bool IsPublic => ClientType == "public";

        private IEnumerable<string> EffectiveFlows => Flows.Length > 0 ? Flows.Distinct() : new[] { IsPublic ? "authorization_code" : "client_credentials" };

        private IReadOnlyList<string> EffectiveEnvironments => EnvironmentsOf(Environments);

        private bool HasDevelopment => EffectiveEnvironments.Any(IsDevelopment);

        /// <summary>The environments to write: those given, else development and production.</summary>
        public static IReadOnlyList<string> EnvironmentsOf(string[] given) =>
            given.Length > 0 ? given.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : new[] { "development", "production" };

        private static bool IsDevelopment(string environment) => string.Equals(environment, "development", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// <c>ENV=VALUE</c> or <c>VALUE</c>. An <c>=</c> counts only before any <c>:</c> or <c>/</c>, so a URI with a query
        /// (<c>https://app.example/cb?x=1</c>) is a value, not an environment.
        /// </summary>
        internal static (string? Environment, string Value) ParseAssignment(string text)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var uriStart = text.IndexOfAny(new[] { ':', '/' });
            return equals > 0 && (uriStart < 0 || equals < uriStart)
                ? (text.Substring(0, equals).Trim(), text.Substring(equals + 1).Trim())
                : (null, text.Trim());
        }

        /// <summary>
        /// The values of <paramref name="assignments"/> that belong to <paramref name="environment"/>: those that name it,
        /// and those that name none when it is development (or when there is no development environment at all).
        /// </summary>
        private IEnumerable<string> ValuesFor(string environment, string[] assignments) =>
            assignments.Select(ParseAssignment)
                .Where(a => a.Environment is null
                    ? IsDevelopment(environment) || !HasDevelopment
                    : string.Equals(a.Environment, environment, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Value)
                .Distinct(StringComparer.Ordinal);

        /// <summary>What is wrong with origins typed for one environment at the prompt, or null.</summary>
        internal static string? OriginProblem(string environment, IEnumerable<string> origins)
        {
            foreach (var origin in origins)
            {
                if (!Cadasto.Analyzers.Configuration.ManifestUris.IsValidOrigin(origin))
                {
                    return $"'{origin}' is not an origin: scheme, host and optional port, such as https://app.example.com.";
                }

                if (!IsDevelopment(environment) && IsLoopback(origin))
                {
                    return $"'{origin}' is a loopback origin, which belongs to development only.";
                }
            }

            return null;
        }

        private static bool IsLoopback(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 && parsed.IsLoopback;

        /// <summary>What a flag of <c>[ENV=]VALUE</c> values has wrong: an unknown environment, or a loopback address outside development.</summary>
        private string? AssignmentProblem(string flag, string[] assignments, bool loopbackOnlyInDevelopment)
        {
            foreach (var (environment, value) in assignments.Select(ParseAssignment))
            {
                if (environment is not null && !EffectiveEnvironments.Contains(environment, StringComparer.OrdinalIgnoreCase))
                {
                    return $"{flag} names the environment '{environment}', which is not among the manifest's ({string.Join(", ", EffectiveEnvironments)}).";
                }

                var target = environment ?? (HasDevelopment ? "development" : EffectiveEnvironments[0]);
                if (loopbackOnlyInDevelopment && !IsDevelopment(target) && IsLoopback(value))
                {
                    return $"{flag} {value}: a loopback address belongs to development only (Cadasto must not register it for '{target}'); give the deployed address with {flag} {target}=…";
                }
            }

            return null;
        }

        /// <summary>What the written file leaves for the user to fill in: a deployed environment without the authority, redirect URI or origin development has.</summary>
        public IEnumerable<string> Notes()
        {
            var interactive = EffectiveFlows.Contains("authorization_code");
            foreach (var environment in EffectiveEnvironments.Where(e => !IsDevelopment(e) && HasDevelopment))
            {
                if (Authorities.Length > 0 && !ValuesFor(environment, Authorities).Any())
                {
                    yield return $"'{environment}' has no authority (development's is not copied): add it, or pass --authority {environment}=URL.";
                }

                if (interactive && !ValuesFor(environment, RedirectUris).Any())
                {
                    yield return $"'{environment}' has no redirect URI (development's are not copied): add it before 'cadasto request', or pass --redirect-uri {environment}=URI.";
                }

                if (IsPublic && !ValuesFor(environment, AllowedOrigins).Any())
                {
                    yield return $"'{environment}' has no allowed origin: a browser app needs its deployed origin for CORS (--allowed-origin {environment}=https://…).";
                }
            }
        }

        public string? Validate()
        {
            if (string.IsNullOrWhiteSpace(ContactName) && string.IsNullOrWhiteSpace(ContactEmail))
            {
                return "a manifest names a contact: give --contact-email (and --contact-name).";
            }

            if (!string.IsNullOrWhiteSpace(ContactEmail) && !IsEmail(ContactEmail.Trim()))
            {
                return "--contact-email must be an email address, e.g. jane@example.com.";
            }

            if (IsPublic && EffectiveFlows.Contains("client_credentials"))
            {
                return "a public client cannot use client_credentials (RFC 6749 §4.4); drop --flow client_credentials or use --client-type confidential.";
            }

            if (!IsPublic && SecretStore == "azure-key-vault" && !IsHttpsUri(Vault))
            {
                return "--secret-store azure-key-vault needs --vault https://<name>.vault.azure.net/.";
            }

            if (Authorities.Select(ParseAssignment).Any(a => !Uri.TryCreate(a.Value, UriKind.Absolute, out _)))
            {
                return $"--authority must be an absolute URL.";
            }

            if (RedirectUris.Select(ParseAssignment).Any(a => !Uri.TryCreate(a.Value, UriKind.Absolute, out _)))
            {
                return "--redirect-uri must be absolute URIs.";
            }

            if (AllowedOrigins.Select(ParseAssignment).FirstOrDefault(a => !Cadasto.Analyzers.Configuration.ManifestUris.IsValidOrigin(a.Value)) is { Value: { } badOrigin })
            {
                return $"--allowed-origin {badOrigin} is not an origin: scheme, host and optional port, such as https://app.example.com.";
            }

            var assignmentProblem = AssignmentProblem("--authority", Authorities, loopbackOnlyInDevelopment: false)
                ?? AssignmentProblem("--redirect-uri", RedirectUris, loopbackOnlyInDevelopment: true)
                ?? AssignmentProblem("--allowed-origin", AllowedOrigins, loopbackOnlyInDevelopment: true);
            if (assignmentProblem is not null)
            {
                return assignmentProblem;
            }

            if (Scopes.Any(s => s.Any(char.IsWhiteSpace) || s.Length == 0))
            {
                return "a --scope is one word, e.g. api.read.";
            }

            return null;
        }

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://raw.githubusercontent.com/cadasto/Cadasto.Analyzers/main/schema/cadasto.schema.json");
                json.WriteString("application", Application);
                json.WriteString("description", Description);
                json.WriteStartObject("contact");
                WriteIfPresent(json, "name", ContactName);
                WriteIfPresent(json, "email", ContactEmail);
                WriteIfPresent(json, "slack", Slack);
                json.WriteEndObject();
                json.WriteString("clientType", ClientType);
                WriteArray(json, "flows", EffectiveFlows);
                WriteArray(json, "scopes", Scopes.Length > 0 ? Scopes.Distinct() : new[] { "api.read" });
                json.WriteStartObject("environments");
                foreach (var environment in EffectiveEnvironments)
                {
                    json.WriteStartObject(environment);
                    json.WriteString("clientId", PendingClientId);
                    WriteIfPresent(json, "authority", ValuesFor(environment, Authorities).FirstOrDefault());
                    var redirects = ValuesFor(environment, RedirectUris).ToList();
                    if (redirects.Count > 0)
                    {
                        WriteArray(json, "redirectUris", redirects);
                    }

                    var origins = ValuesFor(environment, AllowedOrigins).ToList();
                    if (origins.Count > 0)
                    {
                        WriteArray(json, "allowedOrigins", origins);
                    }

                    var development = string.Equals(environment, "development", StringComparison.OrdinalIgnoreCase);
                    if (!IsPublic && !development)
                    {
                        WriteSecret(json);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
        }

        private void WriteSecret(Utf8JsonWriter json)
        {
            json.WriteStartObject("secret");
            json.WriteString("store", SecretStore);
            switch (SecretStore)
            {
                case "environment":
                    json.WriteString("name", "CADASTO_CLIENT_SECRET");
                    break;
                case "user-secrets":
                case "configuration":
                    json.WriteString("key", "Cadasto:ClientSecret");
                    break;
                case "file":
                    json.WriteString("path", "/run/secrets/cadasto-client-secret");
                    break;
                case "azure-key-vault":
                    json.WriteString("vault", Vault);
                    json.WriteString("name", "cadasto-client-secret");
                    break;
            }

            json.WriteEndObject();
        }

        private static bool IsHttpsUri(string? value) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

        private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                json.WriteString(name, value.Trim());
            }
        }

        private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }
    }
}
