#if NET8_0_OR_GREATER
using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadasto.Credentials;

/// <summary>
/// Writes a <see cref="SecretValue"/> as <see cref="SecretValue.Redacted"/>, so an object that holds
/// one can be serialized (a diagnostics endpoint, a log enricher) without leaking it. Reading
/// accepts a plain JSON string, which is how a secret arrives from a configuration document.
/// System.Text.Json is part of .NET 8, so this costs no package; on netstandard2.0 the type has no
/// public member that carries the value, so a serializer finds nothing to write but <c>IsEmpty</c>.
/// </summary>
public sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
{
    /// <inheritdoc />
    public override SecretValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => new SecretValue(reader.GetString() ?? string.Empty),
            _ => throw new JsonException("A secret is read from a JSON string."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options) =>
        writer.WriteStringValue(SecretValue.Redacted);
}
#endif
