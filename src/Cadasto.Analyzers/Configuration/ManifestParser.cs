using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Values;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Microsoft.CodeAnalysis.Text;
using V = Cadasto.Analyzers.Configuration.ManifestVocabulary;

namespace Cadasto.Analyzers.Configuration;

/// <summary>
/// Reads <c>cadasto.json</c> into a <see cref="CadastoManifest"/> and the CDS9001–CDS9003 findings, as
/// equatable values (the same input gives an equal result, so the generator can cache it). Never throws
/// on any input; only cancellation escapes. Known property names compare case-insensitively, unknown ones
/// are ignored (an editor with the schema flags them), environment names compare case-insensitively.
/// </summary>
internal static class ManifestParser
{
    /// <summary>Reads a manifest whose text is <paramref name="text"/> and whose path is <paramref name="filePath"/>.</summary>
    public static ManifestParseResult Parse(string filePath, SourceText text, CancellationToken cancellationToken = default)
    {
        var reader = new Reader(filePath ?? string.Empty);
        var document = JsonReader.Parse(text, JsonReaderOptions.Strict, cancellationToken);
        if (document.Error is { } error)
        {
            reader.Malformed(error.Span, error.LineSpan, error.Message);
            return reader.Result(null);
        }

        if (document.Root is not JsonObject root)
        {
            var node = document.Root!;
            reader.Malformed(node, "the manifest must be a JSON object, not " + node.KindDescription);
            return reader.Result(null);
        }

        return reader.Result(reader.ReadManifest(root, cancellationToken));
    }

    private sealed class Reader
    {
        private readonly string _filePath;
        private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();

        // Values already reported as a URI with user information: that finding says what matters (a password in
        // source control), so the same value gets no second CDS9003 for its shape.
        private readonly HashSet<int> _userInfoValues = new();

        public Reader(string filePath) => _filePath = filePath;

        public ManifestParseResult Result(CadastoManifest? manifest) => new(manifest, _diagnostics.ToImmutable().ToEquatableArray());

        public CadastoManifest ReadManifest(JsonObject root, CancellationToken cancellationToken)
        {
            var rootLocation = Location(root.OpenBraceSpan, root.OpenBraceLineSpan);
            ReportUserInfo(root, cancellationToken);
            var properties = Index(root);

            var application = ReadString(properties, V.Application, out var hasApplication);
            if (!hasApplication || (application is not null && IsBlank(application.Value)))
            {
                Incomplete(rootLocation, "'application'");
            }

            var description = ReadString(properties, V.Description, out _);
            var contact = ReadContact(properties, rootLocation);

            var clientTypeValue = ReadString(properties, V.ClientType, out _);
            var clientType = ManifestClientType.Unspecified;
            if (clientTypeValue is not null)
            {
                clientType = V.ParseClientType(clientTypeValue.Value);
                if (clientType == ManifestClientType.Unspecified)
                {
                    InvalidValue(clientTypeValue.Location, "the clientType " + Quote(clientTypeValue.Value), "use confidential or public");
                }
            }

            var flows = ReadFlows(properties, clientType);
            var scopes = ReadStringArray(properties, V.Scopes, out _);

            var manifestSoFar = new CadastoManifest(_filePath, rootLocation, application, description, contact, clientTypeValue, clientType, flows, scopes, EquatableArray<ManifestEnvironment>.Empty)
            {
                MaxAgeDays = ReadRotation(properties),
            };
            var environments = ReadEnvironments(properties, rootLocation, manifestSoFar, cancellationToken);
            return manifestSoFar with { Environments = environments };
        }

        /// <summary>
        /// Every string value of the file, known property or not, that holds a URI with user information
        /// (<c>https://user:password@host</c>): CDS9003 at the value. Iterative, so a deep file cannot exhaust the stack.
        /// </summary>
        private void ReportUserInfo(JsonNode root, CancellationToken cancellationToken)
        {
            var pending = new Stack<JsonNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (pending.Pop())
                {
                    case JsonObject node:
                        foreach (var property in node.Properties)
                        {
                            pending.Push(property.Value);
                        }

                        break;
                    case JsonArray array:
                        foreach (var item in array.Items)
                        {
                            pending.Push(item);
                        }

                        break;
                    case JsonString text when UriUserInfo.Contains(text.Value):
                        InvalidValue(
                            Location(text.Span, text.LineSpan),
                            "a URI with user information (a name or password before '@')",
                            "remove it: cadasto.json is in source control, and nothing in it is ever generated into code or sent; a password belongs in a secret store");
                        _userInfoValues.Add(text.Span.Start);
                        break;
                }
            }
        }

        /// <summary><c>rotation</c>: <c>{ "maxAgeDays": 90 }</c>, a whole number of days from 1 to 3650.</summary>
        private int? ReadRotation(Dictionary<string, JsonProperty> properties)
        {
            if (!properties.TryGetValue(V.Rotation, out var property))
            {
                return null;
            }

            if (property.Value is not JsonObject rotation)
            {
                WrongType(property, "an object");
                return null;
            }

            var fields = Index(rotation);
            if (!fields.TryGetValue(V.MaxAgeDays, out var maxAge))
            {
                return null;
            }

            if (maxAge.Value is not JsonNumber number)
            {
                WrongType(maxAge, "a number");
                return null;
            }

            if (!int.TryParse(number.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) || days is < 1 or > MaxRotationDays)
            {
                InvalidValue(Location(number.Span, number.LineSpan), "rotation.maxAgeDays", "write a whole number of days from 1 to " + MaxRotationDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            return days;
        }

        /// <summary>Ten years: a longer period is no rotation policy (and keeps the arithmetic on dates in range).</summary>
        public const int MaxRotationDays = 3650;

        private ManifestContact? ReadContact(Dictionary<string, JsonProperty> properties, LocationInfo rootLocation)
        {
            if (!properties.TryGetValue(V.Contact, out var property))
            {
                Incomplete(rootLocation, "'contact'");
                return null;
            }

            if (property.Value is not JsonObject contact)
            {
                WrongType(property, "an object");
                return null;
            }

            var fields = Index(contact);
            var name = ReadString(fields, V.ContactName, out _);
            var email = ReadString(fields, V.ContactEmail, out _);
            var slack = ReadString(fields, V.ContactSlack, out _);
            if ((name is null || IsBlank(name.Value)) && (email is null || IsBlank(email.Value)))
            {
                // A contact with neither a name nor an email names nobody: the request has no one to answer.
                Incomplete(rootLocation, "a name or an email in 'contact'");
            }

            return new ManifestContact(name, email, slack, Location(contact.OpenBraceSpan, contact.OpenBraceLineSpan));
        }

        private EquatableArray<ManifestFlow> ReadFlows(Dictionary<string, JsonProperty> properties, ManifestClientType clientType)
        {
            var flows = ImmutableArray.CreateBuilder<ManifestFlow>();
            foreach (var value in ReadStringArray(properties, V.Flows, out _))
            {
                var flow = V.ParseFlow(value.Value);
                if (flow == OAuthFlow.Unknown)
                {
                    InvalidValue(value.Location, "the flow " + Quote(value.Value), "use " + V.FlowNames);
                }
                else if (flow == OAuthFlow.ClientCredentials && clientType == ManifestClientType.Public)
                {
                    InvalidValue(value.Location, "the flow 'client_credentials'", "a public client cannot keep the secret the client-credentials grant needs (RFC 6749 §4.4); remove the flow or make the client confidential");
                }

                flows.Add(new ManifestFlow(flow, value.Value, value.Location));
            }

            return flows.ToImmutable().ToEquatableArray();
        }

        private EquatableArray<ManifestEnvironment> ReadEnvironments(Dictionary<string, JsonProperty> properties, LocationInfo rootLocation, CadastoManifest manifest, CancellationToken cancellationToken)
        {
            if (!properties.TryGetValue(V.Environments, out var property))
            {
                Incomplete(rootLocation, "'environments'");
                return EquatableArray<ManifestEnvironment>.Empty;
            }

            if (property.Value is not JsonObject environments)
            {
                WrongType(property, "an object");
                return EquatableArray<ManifestEnvironment>.Empty;
            }

            if (environments.Properties.IsEmpty)
            {
                Incomplete(rootLocation, "an environment in 'environments'");
                return EquatableArray<ManifestEnvironment>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<ManifestEnvironment>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in environments.Properties)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = new ManifestValue(entry.Name, Location(entry.NameSpan, entry.NameLineSpan));
                if (!seen.Add(entry.Name))
                {
                    Malformed(name.Location, "the environment " + Quote(entry.Name) + " appears more than once (names compare case-insensitively)");
                    continue;
                }

                if (InvisibleCharacter(entry.Name) is { } invisible)
                {
                    // The compiler ignores formatting characters in identifiers and the host's environment name never
                    // holds one: such a name is a copy-paste accident that would select nothing.
                    InvalidValue(
                        name.Location,
                        "the environment name with the invisible character U+" + ((int)invisible).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                        "remove it: the name would look like another and match no host environment");
                }

                if (entry.Value is not JsonObject environment)
                {
                    Malformed(Location(entry.Value.Span, entry.Value.LineSpan), "the environment " + Quote(entry.Name) + " must be an object, not " + entry.Value.KindDescription);
                    continue;
                }

                result.Add(ReadEnvironment(name, environment, manifest));
            }

            return result.ToImmutable().ToEquatableArray();
        }

        private ManifestEnvironment ReadEnvironment(ManifestValue name, JsonObject environment, CadastoManifest manifest)
        {
            var fields = Index(environment);
            var what = "environment " + Quote(name.Value);

            var clientId = ReadString(fields, V.ClientId, out var hasClientId);
            if (!hasClientId || (clientId is not null && IsBlank(clientId.Value)))
            {
                Incomplete(name.Location, "'clientId' in " + what);
            }
            else if (clientId is not null && SecretValueHeuristics.IsPlaceholder(clientId.Value))
            {
                InvalidValue(clientId.Location, "the placeholder clientId of " + what, "put the client id Cadasto issued for this environment in its place ('cadasto request' prints the request for one)");
            }

            var authority = ReadString(fields, V.Authority, out _);
            if (authority is not null && ManifestUris.HasPlaceholder(authority.Value))
            {
                InvalidValue(authority.Location, "the placeholder authority of " + what, "write the authorization server's absolute https URI");
            }
            else if (authority is not null && !ManifestUris.IsValidAuthority(authority.Value))
            {
                InvalidValue(authority.Location, "the authority of " + what, "write an absolute http or https URI");
            }

            var scopes = ReadStringArray(fields, V.Scopes, out var declaresScopes);

            var redirectUris = ReadStringArray(fields, V.RedirectUris, out _);
            foreach (var uri in redirectUris)
            {
                if (ManifestUris.IsMalformedRedirectUri(uri.Value))
                {
                    InvalidValue(uri.Location, "a redirect URI of " + what, "write a well-formed absolute URI");
                }
            }

            var origins = ReadStringArray(fields, V.AllowedOrigins, out _);
            foreach (var origin in origins)
            {
                if (!ManifestUris.IsValidOrigin(origin.Value))
                {
                    InvalidValue(origin.Location, "an allowed origin of " + what, "write an origin: scheme, host and optional port, such as https://app.example.com");
                }
            }

            var isDevelopment = ManifestVocabulary.NameEquals(name.Value, ManifestEnvironment.DevelopmentName);
            var secret = ReadSecret(fields, name, what, manifest.ClientType);
            if (secret is null && !fields.ContainsKey(V.Secret))
            {
                if (isDevelopment && manifest.ClientType != ManifestClientType.Public)
                {
                    secret = new ManifestSecret(
                        SecretStoreKind.UserSecrets,
                        V.StoreName(SecretStoreKind.UserSecrets),
                        new ManifestValue(ManifestSecret.DefaultUserSecretsKey, name.Location),
                        Name: null,
                        Path: null,
                        Vault: null,
                        name.Location,
                        IsDefault: true);
                }
                else if (!isDevelopment && manifest.IsConfidential)
                {
                    Incomplete(name.Location, "a 'secret' reference in " + what + " (a confidential client needs one outside development)");
                }
            }

            return new ManifestEnvironment(name, clientId, authority, declaresScopes, scopes, redirectUris, origins, secret)
            {
                DeclaresSecret = fields.ContainsKey(V.Secret),
            };
        }

        private ManifestSecret? ReadSecret(Dictionary<string, JsonProperty> fields, ManifestValue environmentName, string what, ManifestClientType clientType)
        {
            if (!fields.TryGetValue(V.Secret, out var property))
            {
                return null;
            }

            if (property.Value is not JsonObject secret)
            {
                // "secret": "<the secret itself>" is a leak, which CDS1004 reports at that value; one finding per value.
                if (property.Value is not JsonString leaked || !ConfigurationSecrets.Default.IsSecret(environmentName.Value, property.Name, leaked.Value, out _))
                {
                    WrongType(property, "an object");
                }

                return null;
            }

            var secretLocation = Location(secret.Span, secret.LineSpan);
            if (clientType == ManifestClientType.Public)
            {
                InvalidValue(secretLocation, "the secret of " + what, "a public client never holds a secret (RFC 6749 §10.1); remove it or make the client confidential");
                return null;
            }

            var values = Index(secret);
            var storeValue = ReadString(values, V.Store, out var hasStore);
            var key = ReadString(values, V.Key, out _);
            var name = ReadString(values, V.Name, out _);
            var path = ReadString(values, V.Path, out _);
            var vault = ReadString(values, V.Vault, out _);

            if (!hasStore || (storeValue is not null && IsBlank(storeValue.Value)))
            {
                Incomplete(environmentName.Location, "a 'store' in the secret of " + what);
                return null;
            }

            if (storeValue is null)
            {
                return null; // not a string: already CDS9001
            }

            var store = V.ParseStore(storeValue.Value);
            switch (store)
            {
                case SecretStoreKind.Unknown:
                    InvalidValue(storeValue.Location, "the store " + Quote(storeValue.Value) + " of " + what, "use " + V.StoreNames);
                    return null;
                case SecretStoreKind.Environment:
                    RequireField(name, V.Name, values, environmentName, what, "environment");
                    break;
                case SecretStoreKind.UserSecrets:
                case SecretStoreKind.Configuration:
                    RequireField(key, V.Key, values, environmentName, what, V.StoreName(store));
                    break;
                case SecretStoreKind.File:
                    RequireField(path, V.Path, values, environmentName, what, "file");
                    break;
                case SecretStoreKind.AzureKeyVault:
                    RequireField(vault, V.Vault, values, environmentName, what, "azure-key-vault");
                    RequireField(name, V.Name, values, environmentName, what, "azure-key-vault");
                    if (vault is not null && !IsBlank(vault.Value) && !ManifestUris.IsValidVaultUri(vault.Value))
                    {
                        InvalidValue(vault.Location, "the vault of " + what, "write the vault's absolute https URI, such as https://my-vault.vault.azure.net/");
                    }

                    break;
            }

            return new ManifestSecret(store, V.StoreName(store), key, name, path, vault, secretLocation, IsDefault: false);
        }

        private void RequireField(ManifestValue? value, string field, Dictionary<string, JsonProperty> values, ManifestValue environmentName, string what, string store)
        {
            if (value is null && values.ContainsKey(field))
            {
                return; // present but not a string: already CDS9001
            }

            if (value is null || IsBlank(value.Value))
            {
                Incomplete(environmentName.Location, "'" + field + "' in the " + store + " secret of " + what);
            }
        }

        /// <summary>Known properties by name (case-insensitive); a repeated one is CDS9001 at its second name.</summary>
        private Dictionary<string, JsonProperty> Index(JsonObject node)
        {
            var properties = new Dictionary<string, JsonProperty>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in node.Properties)
            {
                if (properties.ContainsKey(property.Name))
                {
                    Malformed(Location(property.NameSpan, property.NameLineSpan), "the property " + Quote(property.Name) + " appears more than once");
                    continue;
                }

                properties.Add(property.Name, property);
            }

            return properties;
        }

        /// <summary>A string property; <paramref name="present"/> says whether it is written at all (a wrong type is CDS9001 and gives null).</summary>
        private ManifestValue? ReadString(Dictionary<string, JsonProperty> properties, string name, out bool present)
        {
            present = properties.TryGetValue(name, out var property);
            if (!present)
            {
                return null;
            }

            if (property!.Value is JsonString text)
            {
                return new ManifestValue(text.Value, Location(text.Span, text.LineSpan));
            }

            WrongType(property, "a string");
            return null;
        }

        /// <summary>An array of strings; items of another type are CDS9001 and left out.</summary>
        private EquatableArray<ManifestValue> ReadStringArray(Dictionary<string, JsonProperty> properties, string name, out bool present)
        {
            present = properties.TryGetValue(name, out var property);
            if (!present)
            {
                return EquatableArray<ManifestValue>.Empty;
            }

            if (property!.Value is not JsonArray array)
            {
                WrongType(property, "an array of strings");
                return EquatableArray<ManifestValue>.Empty;
            }

            var values = ImmutableArray.CreateBuilder<ManifestValue>(array.Items.Length);
            foreach (var item in array.Items)
            {
                if (item is JsonString text)
                {
                    values.Add(new ManifestValue(text.Value, Location(text.Span, text.LineSpan)));
                }
                else
                {
                    Malformed(item, "the items of '" + property.Name + "' must be strings, not " + item.KindDescription);
                }
            }

            return values.ToImmutable().ToEquatableArray();
        }

        private void WrongType(JsonProperty property, string expected) =>
            Malformed(property.Value, "'" + property.Name + "' must be " + expected + ", not " + property.Value.KindDescription);

        public void Malformed(JsonNode node, string message) => Malformed(Location(node.Span, node.LineSpan), message);

        public void Malformed(TextSpan span, LinePositionSpan lineSpan, string message) => Malformed(Location(span, lineSpan), message);

        private void Malformed(LocationInfo location, string message) =>
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ManifestMalformed, location, message));

        private void Incomplete(LocationInfo location, string what) =>
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ManifestIncomplete, location, what));

        private void InvalidValue(LocationInfo location, string what, string howToFix)
        {
            if (!_userInfoValues.Contains(location.Span.Start))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ManifestInvalidValue, location, what, howToFix));
            }
        }

        /// <summary>The first character of a name that shows nothing (formatting, control, line or paragraph separator), or null.</summary>
        private static char? InvisibleCharacter(string name)
        {
            foreach (var c in name)
            {
                var category = char.GetUnicodeCategory(c);
                if (category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
                {
                    return c;
                }
            }

            return null;
        }

        private LocationInfo Location(TextSpan span, LinePositionSpan lineSpan) => new(_filePath, span, lineSpan);

        private static bool IsBlank(string value) => value.Trim().Length == 0;

        /// <summary>Names are quoted in messages; anything else (a URI may carry a password) is not.</summary>
        private static string Quote(string value) => V.IsQuotable(value) ? "'" + value + "'" : "(a value)";
    }
}
