using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.OAuth;

/// <summary>A place in code that shows <paramref name="Signal"/>; <paramref name="Source"/> names what shows it (never a secret's value).</summary>
internal readonly record struct OAuthFinding(OAuthSignal Signal, Location Location, string Source);
