using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>The OAuth client type of the application being compiled (RFC 6749 §2.1).</summary>
internal enum ClientType
{
    /// <summary>Nothing says which: a console app may be a daemon or a tool shipped to users. Client-type rules stay silent.</summary>
    Unknown,

    /// <summary>Runs where its users can read it (browser, mobile, desktop): it cannot keep a secret.</summary>
    Public,

    /// <summary>Runs on a server the owner controls: it may hold a secret.</summary>
    Confidential,
}

/// <summary>The client type and what decided it, for messages (e.g. <c>Blazor WebAssembly</c>, <c>cadasto.json</c>).</summary>
internal readonly record struct ClientTypeInfo(ClientType Type, string Reason)
{
    public static ClientTypeInfo Unknown { get; } = new(ClientType.Unknown, "nothing");

    public bool IsPublic => Type == ClientType.Public;
}
