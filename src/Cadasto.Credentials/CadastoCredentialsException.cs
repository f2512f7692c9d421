using System;

namespace Cadasto.Credentials;

/// <summary>
/// The Cadasto credentials cannot be used: an unknown environment, a secret that is missing or
/// empty, or a store that is not registered. The message names the application, environment, store
/// and key and says how to fix it; it never holds a secret's value.
/// </summary>
public sealed class CadastoCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CadastoCredentialsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around what the store threw.</summary>
    public CadastoCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
