using Microsoft.CodeAnalysis;

using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// A place in code that shows <paramref name="Signal"/>; <paramref name="Source"/> names what shows it (never a secret's value);
/// <paramref name="Party"/> says whether the application uses the flow or, as an authorization server, allows it to a client.
/// </summary>
internal readonly record struct OAuthFinding(OAuthSignal Signal, Location Location, string Source, OAuthParty Party = OAuthParty.Client);
