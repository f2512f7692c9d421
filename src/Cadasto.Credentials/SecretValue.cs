using System;
using System.Diagnostics;

namespace Cadasto.Credentials;

/// <summary>
/// A secret read from a secret store. It never shows its value by accident: <see cref="ToString"/>,
/// string interpolation and the debugger display all print <see cref="Redacted"/>. The value is
/// handed out only by <see cref="Reveal"/>, a call that is easy to find in review.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SecretValue
{
    /// <summary>What every textual form of a secret shows.</summary>
    public const string Redacted = "***";

    private readonly string _value;

    /// <summary>Wraps a value read from a store.</summary>
    public SecretValue(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Whether the store held an empty value.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>The secret itself, for the one call that needs it (a token request).</summary>
    public string Reveal() => _value;

    /// <summary>Always <see cref="Redacted"/>.</summary>
    public override string ToString() => Redacted;
}
