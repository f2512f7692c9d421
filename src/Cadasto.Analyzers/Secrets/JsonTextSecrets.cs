using System;
using System.Collections.Generic;
using System.Threading;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// A JSON document written in C# (one literal, or a wholly constant concatenation of them): the values CDS1004 would
/// report under credential-named keys if the same text were a configuration file (<see cref="ConfigurationFileSecrets"/>,
/// one verdict for C# and JSON, as the SPEC asks). Seed data and settings blobs keep payment keys so:
/// <c>AdditionalSettings = "{\"AppId\":\"…\",\"SecretKey\":\"…\"}"</c>. Only strict JSON whose root is an object or an
/// array is read; a key name or placeholder under the key is no value, as in configuration.
/// </summary>
internal sealed class JsonTextSecrets
{
    // A longer text is a fixture file pasted into code, not settings; it is left alone rather than parsed.
    private const int MaxLength = 64 * 1024;

    private readonly List<(TextSpan Value, string KeyPath)> _values;

    private JsonTextSecrets(List<(TextSpan, string)> values) => _values = values;

    /// <summary>No document, or one without a secret under a credential-named key.</summary>
    public static JsonTextSecrets None { get; } = new(new List<(TextSpan, string)>());

    /// <summary>
    /// Reads <paramref name="text"/> as a JSON document and keeps the spans of its secret values under credential-named
    /// keys. A value found by its shape alone under another key (a private JSON Web Key's <c>d</c>, a token) is not kept:
    /// its literal is CDS1003's.
    /// </summary>
    public static JsonTextSecrets Read(string text, ConfigurationSecrets secrets, CancellationToken cancellationToken)
    {
        if (!MayBeADocument(text))
        {
            return None;
        }

        var document = JsonReader.Parse(SourceText.From(text), cancellationToken);
        if (document.Error is not null || document.Root is not { } root || root is not (JsonObject or JsonArray))
        {
            return None;
        }

        List<(TextSpan, string)>? values = null;
        foreach (var finding in ConfigurationFileSecrets.Find(root, secrets, isManifest: false))
        {
            if (IsUnderACredentialKey(root, finding, secrets))
            {
                (values ??= new List<(TextSpan, string)>()).Add((finding.Value.Span, finding.KeyPath));
            }
        }

        return values is null ? None : new JsonTextSecrets(values);
    }

    /// <summary>The key path of a secret value that starts in <c>[start, start + length)</c> of the text, or null.</summary>
    public string? KeyPathWithin(int start, int length)
    {
        foreach (var (value, keyPath) in _values)
        {
            if (value.Start >= start && value.Start < start + length)
            {
                return keyPath;
            }
        }

        return null;
    }

    /// <summary>A quick look before parsing: an object or an array with a quoted member in it.</summary>
    public static bool MayBeADocument(string text)
    {
        if (text.Length < 8 || text.Length > MaxLength)
        {
            return false;
        }

        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        return first < text.Length && text[first] is '{' or '['
            && (text.IndexOf("\":", StringComparison.Ordinal) >= 0 || text.IndexOf("\" :", StringComparison.Ordinal) >= 0);
    }

    /// <summary>
    /// Whether the finding's own key (or, for a <c>Value</c> member, its section) is credential-named. In test code a
    /// token in a JSON document is the response a test feeds the code under test (a mocked server's
    /// <c>"access_token"</c>, <c>"mfa_token"</c>): issued by no one, so no finding unless its shape is known (CDS1003).
    /// </summary>
    private static bool IsUnderACredentialKey(JsonNode root, ConfigurationSecretFinding finding, ConfigurationSecrets secrets)
    {
        var (parent, key) = KeysOf(root, finding.Value);
        return key is not null && secrets.Keys.IsCredentialKey(parent, key, out var word)
            && !(secrets.IsTestCode && string.Equals(word, "token", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The key that holds <paramref name="value"/> and the key of the section around it (an array's items share its key).</summary>
    private static (string? Parent, string? Key) KeysOf(JsonNode root, JsonString value)
    {
        string? parent = null;
        string? key = null;
        var node = root;
        while (node != value)
        {
            JsonNode? next = null;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var property in obj.Properties)
                    {
                        if (property.Value.Span.Contains(value.Span.Start))
                        {
                            parent = key;
                            key = property.Name;
                            next = property.Value;
                            break;
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array.Items)
                    {
                        if (item.Span.Contains(value.Span.Start))
                        {
                            next = item;
                            break;
                        }
                    }

                    break;
            }

            if (next is null)
            {
                return (null, null);
            }

            node = next;
        }

        return (parent, key);
    }
}
