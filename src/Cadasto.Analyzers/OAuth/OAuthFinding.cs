using Microsoft.CodeAnalysis;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>A place in code that shows <paramref name="Signal"/>; <paramref name="Source"/> names what shows it (never a secret's value).</summary>
internal readonly record struct OAuthFinding(OAuthSignal Signal, Location Location, string Source);
