using System;
using System.Collections.Generic;
using System.Globalization;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Secrets;

/// <summary>A secret value of a configuration file: its string token, whether the rule is sure (error) or matched on a name alone (warning), and its configuration path (never the value).</summary>
internal readonly record struct ConfigurationSecretFinding(JsonString Value, bool IsConfident, string KeyPath);

/// <summary>
/// CDS1004's engine: the secret values of a configuration file's JSON tree. A value is a secret under a
/// credential-named key (at any depth, in arrays, as the <c>Value</c> of a secret described as an object), in a flat
/// list of credentials by client, as the private part of a JSON Web Key, or by its shape under any key
/// (<see cref="ConfigurationSecrets"/> judges each). The rule reports what this finds; the redirect-URI and scope rules
/// leave these values alone, so that in configuration files one secret gets CDS1004 alone (the SPEC).
/// </summary>
internal static class ConfigurationFileSecrets
{
    /// <summary>The secrets under <paramref name="root"/>; in the manifest a URI with user information is CDS9003's, not one of them.</summary>
    /// <paramref name="readIntoClientSecret"/>, where given, says whether the code reads a key path into a client-secret
    /// sink (<see cref="ClientSecretKeyReads"/>): such a key's value is a client secret whatever the key's name.
    public static List<ConfigurationSecretFinding> Find(JsonNode root, ConfigurationSecrets secrets, bool isManifest, Func<string, bool>? readIntoClientSecret = null)
    {
        var walker = new Walker(secrets, isManifest, readIntoClientSecret);
        walker.Visit(root, parentKey: null, key: null);
        return walker.Findings;
    }

    private sealed class Walker
    {
        private readonly ConfigurationSecrets _secrets;
        private readonly bool _isManifest;

        // The keys from the root to the current value; joined into a message only when something is reported.
        private readonly List<string> _keys = new();

        // The string values of the enclosing objects, innermost last: the client's name a demo secret is spelled from.
        private readonly List<JsonObject> _objects = new();

        private readonly Func<string, bool>? _readIntoClientSecret;

        public Walker(ConfigurationSecrets secrets, bool isManifest, Func<string, bool>? readIntoClientSecret)
        {
            _isManifest = isManifest;
            _secrets = secrets;
            _readIntoClientSecret = readIntoClientSecret;
        }

        public List<ConfigurationSecretFinding> Findings { get; } = new();

        /// <summary>Walks the tree; <paramref name="key"/> is the property that holds the node (an array's items share it).</summary>
        public void Visit(JsonNode node, string? parentKey, string? key, bool inArray = false, bool inCredentialList = false)
        {
            switch (node)
            {
                case JsonObject obj:
                    var isJsonWebKey = obj.Find("kty") is not null;

                    // "ApiKeys": { "acme": "…", "globex": "…" }: a flat map of generated-looking strings under a section
                    // that lists credentials by client. A section of settings ("Secrets": { "Provider": "AzureKeyVault", … })
                    // is not one, and objects inside arrays are descriptors ("ClientCredentials": [ { … } ]), not maps.
                    var isCredentialList = !inArray && key is not null && ConfigurationKeys.IsCredentialListSection(key) && AllGeneratedStrings(obj);
                    _objects.Add(obj);
                    foreach (var property in obj.Properties)
                    {
                        _keys.Add(property.Name);
                        if (isJsonWebKey && property.Value is JsonString privatePart
                            && JsonWebKeys.IsPrivateMember(property.Name, isJsonWebKey)
                            && !SecretValueHeuristics.IsNotASecret(privatePart.Value, _secrets.AllowedPlaceholders))
                        {
                            Report(privatePart, isConfident: true);
                        }
                        else
                        {
                            Visit(property.Value, key, property.Name, inArray: false, inCredentialList: isCredentialList);
                        }

                        _keys.RemoveAt(_keys.Count - 1);
                    }

                    _objects.RemoveAt(_objects.Count - 1);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Items.Length; i++)
                    {
                        _keys.Add(i.ToString(CultureInfo.InvariantCulture));
                        Visit(array.Items[i], parentKey, key, inArray: true);
                        _keys.RemoveAt(_keys.Count - 1);
                    }

                    break;
                case JsonString text when key is not null:
                    // A URI with user information in the manifest is CDS9003's, which the generator also reports where the
                    // build skips analyzers: one value, one finding.
                    if (_isManifest && UriUserInfo.Contains(text.Value))
                    {
                        break;
                    }

                    if (!inArray && IsTheClientIdBeside(text.Value)
                        && (ConfigurationKeys.IsClientSecretKey(parentKey, key) || (!_isManifest && _readIntoClientSecret?.Invoke(string.Join(":", _keys)) == true)))
                    {
                        // "ClientId": "orders-e2e", "ClientSecret": "orders-e2e": the client's public identifier, as a
                        // client_secret equal to the request's client_id is in C# (SinkHit.IsTheClientId). The same value
                        // gets the same verdict in both (the SPEC).
                        break;
                    }

                    if (_secrets.IsSecret(parentKey, key, text.Value, inCredentialList, inArray ? null : FieldsBeside(), out _))
                    {
                        Report(text, IsConfident(parentKey, key, text.Value));
                    }
                    else if (_secrets.IsSpelledFromClientName(parentKey, key, text.Value, NearbyValues()))
                    {
                        Report(text, IsConfident(parentKey, key, text.Value));
                    }
                    else if (_readIntoClientSecret is not null && !_isManifest
                             && !SecretValueHeuristics.IsNotASecret(text.Value, _secrets.AllowedPlaceholders)
                             && _readIntoClientSecret(string.Join(":", _keys)))
                    {
                        // The code reads this key into a client-secret sink: its value is a client secret (an error, as under ClientSecret).
                        Report(text, isConfident: true);
                    }

                    break;
            }
        }

        /// <summary>
        /// Whether the object holding the current value gives a client id (<c>ClientId</c>, <c>client_id</c>:
        /// <see cref="Semantics.KeyedValues.NamesClientId"/>) equal to <paramref name="value"/>.
        /// </summary>
        private bool IsTheClientIdBeside(string value)
        {
            if (_objects.Count == 0 || value.Trim().Length == 0)
            {
                return false;
            }

            foreach (var property in _objects[_objects.Count - 1].Properties)
            {
                if (property.Value is JsonString id && Semantics.KeyedValues.NamesClientId(property.Name)
                    && string.Equals(id.Value, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The keys and string values of the object that holds the current value (none at the root).</summary>
        private IEnumerable<(string? Name, string Text)> FieldsBeside()
        {
            if (_objects.Count == 0)
            {
                yield break;
            }

            foreach (var property in _objects[_objects.Count - 1].Properties)
            {
                if (property.Value is JsonString text)
                {
                    yield return (property.Name, text.Value);
                }
            }
        }

        /// <summary>The string values of the object that holds the current value and of the one around it (Keycloak's <c>resource</c> beside <c>credentials</c>).</summary>
        private IEnumerable<string> NearbyValues()
        {
            for (var i = _objects.Count - 1; i >= 0 && i >= _objects.Count - 2; i--)
            {
                foreach (var property in _objects[i].Properties)
                {
                    if (property.Value is JsonString text)
                    {
                        yield return text.Value;
                    }
                }
            }
        }

        private static bool AllGeneratedStrings(JsonObject obj)
        {
            foreach (var property in obj.Properties)
            {
                if (property.Value is not JsonString text || !ConfigurationValueShapes.LooksLikeGeneratedCredential(text.Value))
                {
                    return false;
                }
            }

            return obj.Properties.Length > 0;
        }

        /// <summary>
        /// Severity is confidence (the SPEC): an error for a value under a client-secret key, for a value found by its
        /// shape (a connection-string password, a token format, a private key) and for a credential-named value that looks
        /// real (long and random); a short value under another credential name (<c>"Password": "hunter2"</c>) matches on the
        /// name alone, a warning, as is a random key under a key whose last word is <c>Key</c> alone (<c>EncodingAESKey</c>).
        /// </summary>
        private bool IsConfident(string? parentKey, string key, string value) =>
            ConfigurationKeys.IsClientSecretKey(parentKey, key)
            || (_secrets.Keys.IsCredentialKey(parentKey, key, out _)
                ? TestSentinels.LooksReal(value)
                : !ConfigurationSecrets.IsRandomKeyUnderKeyName(key, value));

        private void Report(JsonString value, bool isConfident)
        {
            // A test project's settings are test code (the SPEC): a sentinel there ("Password": "pass") is no finding, as
            // the same value in its C# is not; one that looks real is. The manifest is no test code.
            if (_secrets.IsTestCode && !_isManifest && !TestSentinels.LooksReal(value.Value))
            {
                return;
            }

            Findings.Add(new ConfigurationSecretFinding(value, isConfident, DescribeKey()));
        }

        /// <summary>The value's configuration path (<c>AzureAd:ClientSecret</c>, <c>Clients:0:ClientSecret</c>); never the value.</summary>
        private string DescribeKey()
        {
            // Environment-variable style keys ("Cadasto__ClientSecret") read better as configuration paths.
            var shown = string.Join(":", _keys).Replace("__", ":");
            return shown.Length > 120 ? "…" + shown.Substring(shown.Length - 119) : shown;
        }
    }
}
