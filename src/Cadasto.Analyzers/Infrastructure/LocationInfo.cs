using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// A position in a file as plain values (path, character span, line span), so generator models and
/// cached results hold no <see cref="Location"/> or <see cref="SyntaxTree"/>. Works for additional
/// files, which have no syntax tree.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>A location in a file that is not a syntax tree (an additional file): what diagnostics on <c>cadasto.json</c> use.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>Whether this position lies inside a text of <paramref name="length"/> characters.</summary>
    public bool IsWithin(int length) => Span.Start >= 0 && Span.End <= length;
}

/// <summary>
/// A diagnostic as plain, equatable values: the rule id, where it lands, and message arguments.
/// Built by parsers (cacheable), turned into a <see cref="Diagnostic"/> only when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(string id, LocationInfo location, params string[] messageArgs) =>
        new(id, location, messageArgs.ToEquatableArray());

    /// <summary>The diagnostic for <paramref name="descriptor"/>, whose id must be <see cref="Id"/>.</summary>
    public Diagnostic ToDiagnostic(DiagnosticDescriptor descriptor)
    {
        if (!string.Equals(descriptor.Id, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException("The descriptor's id differs from the diagnostic's.", nameof(descriptor));
        }

        var args = new object[MessageArgs.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Findings.Create(descriptor, Location.ToLocation(), args);
    }
}
