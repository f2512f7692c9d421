using System;
using System.Diagnostics;

namespace Cadasto.Credentials;

/// <summary>
/// A secret read from a secret store. It never shows its value by accident: <see cref="ToString()"/>,
/// string interpolation (through <see cref="IFormattable"/>, whatever the format), composite
/// formatting, logging (structured or not: loggers format arguments with <c>ToString</c>), JSON
/// serialization (no public member holds the value; on .NET 8+ a converter writes <see cref="Redacted"/>)
/// and the debugger display all print <see cref="Redacted"/>. The value is handed out only by
/// <see cref="Reveal"/>, a call that is easy to find in review.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
#if NET8_0_OR_GREATER
[System.Text.Json.Serialization.JsonConverter(typeof(SecretValueJsonConverter))]
#endif
public sealed class SecretValue : IFormattable
{
    /// <summary>What every textual form of a secret shows.</summary>
    public const string Redacted = "***";

    // Not a property: serializers and object dumpers (System.Text.Json, Serilog's @ destructuring,
    // the debugger's member view) read public properties, never private fields.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _value;

    /// <summary>Wraps a value read from a store.</summary>
    public SecretValue(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Whether the store held an empty (or white-space only) value.</summary>
    public bool IsEmpty => _value.Trim().Length == 0;

    /// <summary>The secret itself, for the one call that needs it (a token request).</summary>
    public string Reveal() => _value;

    /// <summary>Always <see cref="Redacted"/>.</summary>
    public override string ToString() => Redacted;

    /// <summary>Always <see cref="Redacted"/>, whatever the format: <c>$"{secret:X}"</c> does not reveal it either.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => Redacted;
}
