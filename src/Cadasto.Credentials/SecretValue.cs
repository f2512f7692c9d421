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

    // Why there is no value (the start-up check reported it); null for a value read from a store.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly CadastoCredentialsException? _unavailable;

    // The binding whose current secret this value stands for (rotation without restart); null for a fixed value.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly CadastoSecretBinding? _live;

    /// <summary>Wraps a value read from a store.</summary>
    public SecretValue(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    private SecretValue(CadastoCredentialsException unavailable)
    {
        _value = string.Empty;
        _unavailable = unavailable;
    }

    private SecretValue(CadastoSecretBinding live)
    {
        _value = string.Empty;
        _live = live;
    }

    /// <summary>Whether the store held an empty (or white-space only) value.</summary>
    /// <exception cref="CadastoCredentialsException">The secret could not be read (the start-up check said why).</exception>
    public bool IsEmpty => Current()._value.Trim().Length == 0;

    /// <summary>
    /// The secret itself, for the one call that needs it (a token request). The value of the credentials' secret is
    /// the store's current one: after a rotation this returns the new secret without a restart.
    /// </summary>
    /// <exception cref="CadastoCredentialsException">The secret could not be read (the start-up check said why).</exception>
    public string Reveal() => Current()._value;

    /// <summary>A secret that could not be read: every use of its value throws <paramref name="reason"/>'s message.</summary>
    internal static SecretValue Unavailable(CadastoCredentialsException reason) => new(reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>The current secret of <paramref name="binding"/>, re-read from its store as the binding decides.</summary>
    internal static SecretValue Live(CadastoSecretBinding binding) => new(binding ?? throw new ArgumentNullException(nameof(binding)));

    /// <summary>Whether two values read from stores hold the same secret (for rotation: did the store's value change).</summary>
    internal bool SameSecretAs(SecretValue? other) =>
        other is not null && _unavailable is null && other._unavailable is null && string.Equals(Current()._value, other.Current()._value, StringComparison.Ordinal);

    private SecretValue Current()
    {
        if (_unavailable is not null)
        {
            throw Why();
        }

        if (_live is null)
        {
            return this;
        }

        return _live.GetSecret() ?? throw new CadastoCredentialsException($"Cadasto credentials for application '{_live.Environment.Application}', environment '{_live.Environment.Name}': the environment has no client secret (a public client).");
    }

    private CadastoCredentialsException Why() =>
        _unavailable!.InnerException is { } inner ? new(_unavailable.Message, inner) : new(_unavailable.Message);

    /// <summary>Always <see cref="Redacted"/>.</summary>
    public override string ToString() => Redacted;

    /// <summary>Always <see cref="Redacted"/>, whatever the format: <c>$"{secret:X}"</c> does not reveal it either.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => Redacted;
}
