using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// The one way the product makes a <see cref="Diagnostic"/> (BannedSymbols.txt bans <c>Diagnostic.Create</c> elsewhere):
/// every message argument has the user information of any URI in it masked (<c>https://***@host/</c>). Messages echo what
/// the user wrote — a scope, a flow's call, an environment's name — and any of those may hold a URI with a password (the
/// fuzz run of docs/robustness.md found a scope that did, echoed by CDS4002); a build prints messages and writes them into
/// its ErrorLog without the CLI's masking, so the mask is applied here, once, for every rule.
/// </summary>
internal static class Findings
{
#pragma warning disable RS0030 // The one place Diagnostic.Create is called.
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, params object?[]? messageArgs) =>
        Diagnostic.Create(descriptor, location, Mask(messageArgs));

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, IEnumerable<Location>? additionalLocations, params object?[]? messageArgs) =>
        Diagnostic.Create(descriptor, location, additionalLocations, Mask(messageArgs));

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, ImmutableDictionary<string, string?>? properties, params object?[]? messageArgs) =>
        Diagnostic.Create(descriptor, location, properties, Mask(messageArgs));

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, IEnumerable<Location>? additionalLocations, ImmutableDictionary<string, string?>? properties, params object?[]? messageArgs) =>
        Diagnostic.Create(descriptor, location, additionalLocations, properties, Mask(messageArgs));

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, DiagnosticSeverity effectiveSeverity, IEnumerable<Location>? additionalLocations, ImmutableDictionary<string, string?>? properties, params object?[]? messageArgs) =>
        Diagnostic.Create(descriptor, location, effectiveSeverity, additionalLocations, properties, Mask(messageArgs));
#pragma warning restore RS0030

    private static object?[]? Mask(object?[]? messageArgs)
    {
        if (messageArgs is null)
        {
            return null;
        }

        object?[]? masked = null;
        for (var i = 0; i < messageArgs.Length; i++)
        {
            if (messageArgs[i] is string text && UriUserInfo.MaskIn(text) is var shown && !ReferenceEquals(shown, text))
            {
                masked ??= (object?[])messageArgs.Clone();
                masked[i] = shown;
            }
        }

        return masked ?? messageArgs;
    }
}
