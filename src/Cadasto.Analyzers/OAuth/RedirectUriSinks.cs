using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.OAuth;

/// <summary>What a redirect sink takes.</summary>
internal enum RedirectUriKind
{
    /// <summary>An absolute redirect URI (<c>https://app.example.com/callback</c>, <c>http://127.0.0.1</c>, <c>com.example.app:/cb</c>).</summary>
    Absolute,

    /// <summary>A redirect URI the library resolves against the app's own origin when relative (Blazor WebAssembly, OpenIddict's client in ASP.NET Core).</summary>
    AbsoluteOrRelative,

    /// <summary>A path (<c>CallbackPath</c>): scheme and host come from the request; compared with the registered URIs' paths.</summary>
    CallbackPath,
}

/// <summary>
/// One place that receives a redirect URI: <paramref name="TypeMetadataName"/>'s <paramref name="MemberName"/>. A
/// <see cref="OAuthParty.Server"/> sink is an authorization server's registration of its clients' URIs: judged for
/// safety (CDS3002), never compared with this application's manifest (CDS3001).
/// </summary>
internal sealed record RedirectUriSink(string TypeMetadataName, string MemberName, SinkKind Kind, RedirectUriKind UriKind, string? ParameterName = null, OAuthParty Party = OAuthParty.Client)
{
    public string DisplayName
    {
        get
        {
            var lastDot = TypeMetadataName.LastIndexOf('.');
            var type = lastDot < 0 ? TypeMetadataName : TypeMetadataName.Substring(lastDot + 1);
            var arity = type.IndexOf('`');
            return (arity < 0 ? type : type.Substring(0, arity)) + "." + MemberName;
        }
    }
}

/// <summary>A hard-coded redirect URI found in code: the text, the literal that spells it, the sink that takes it.</summary>
internal readonly record struct RedirectUriSite(string Uri, Location Location, RedirectUriSink Sink);

/// <summary>
/// The places that take a redirect URI, as data, resolved once per compilation; and the hard-coded
/// values an operation hands them (strings, <c>new Uri("…")</c>, <c>PathString</c> conversions, constants).
/// Values read from configuration are not hard-coded and are left alone.
/// </summary>
internal sealed class RedirectUriSinks
{
    public static readonly ImmutableArray<RedirectUriSink> Catalog = ImmutableArray.Create(
        new RedirectUriSink("Microsoft.Identity.Client.AbstractApplicationBuilder`1", "WithRedirectUri", SinkKind.MethodArgument, RedirectUriKind.Absolute, "redirectUri"),
        new RedirectUriSink("Microsoft.Identity.Client.ApplicationOptions", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),
        new RedirectUriSink("Duende.IdentityModel.OidcClient.OidcClientOptions", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),
        new RedirectUriSink("IdentityModel.OidcClient.OidcClientOptions", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),
        new RedirectUriSink("Duende.IdentityModel.Client.AuthorizationCodeTokenRequest", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),
        new RedirectUriSink("IdentityModel.Client.AuthorizationCodeTokenRequest", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),
        new RedirectUriSink("Duende.IdentityModel.Client.RequestUrlExtensions", "CreateAuthorizeUrl", SinkKind.MethodArgument, RedirectUriKind.Absolute, "redirectUri"),
        new RedirectUriSink("IdentityModel.Client.RequestUrlExtensions", "CreateAuthorizeUrl", SinkKind.MethodArgument, RedirectUriKind.Absolute, "redirectUri"),
        new RedirectUriSink("Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions", "CallbackPath", SinkKind.PropertyAssignment, RedirectUriKind.CallbackPath),
        new RedirectUriSink("Microsoft.AspNetCore.Components.WebAssembly.Authentication.OidcProviderOptions", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.AbsoluteOrRelative),
        new RedirectUriSink("Microsoft.Maui.Authentication.WebAuthenticatorOptions", "CallbackUrl", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),
        new RedirectUriSink("OpenIddict.Client.OpenIddictClientRegistration", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.AbsoluteOrRelative),
        new RedirectUriSink("Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectMessage", "RedirectUri", SinkKind.PropertyAssignment, RedirectUriKind.Absolute),

        // Authorization servers registering their clients' redirect and post-logout URIs.
        ServerRegistration("IdentityServer4.Models.Client", "RedirectUris"),
        ServerRegistration("IdentityServer4.Models.Client", "PostLogoutRedirectUris"),
        ServerRegistration("Duende.IdentityServer.Models.Client", "RedirectUris"),
        ServerRegistration("Duende.IdentityServer.Models.Client", "PostLogoutRedirectUris"),
        ServerRegistration("OpenIddict.Abstractions.OpenIddictApplicationDescriptor", "RedirectUris"),
        ServerRegistration("OpenIddict.Abstractions.OpenIddictApplicationDescriptor", "PostLogoutRedirectUris"));

    /// <summary>
    /// The <c>redirect_uri</c> field of a hand-built authorize or token request: a dictionary entry (<c>Add</c>,
    /// collection initializer, indexer), a <c>KeyValuePair</c>, a tuple, an anonymous-object member. The name is
    /// OAuth's own, so no library needs to be referenced; the value must be absolute (RFC 6749 §3.1.2).
    /// </summary>
    public static readonly RedirectUriSink FormField = new("System.Collections.Generic.IDictionary`2", "redirect_uri", SinkKind.MethodArgument, RedirectUriKind.Absolute);

    private const string FormFieldName = "redirect_uri";

    /// <summary>The operation kinds <see cref="Find"/> reads.</summary>
    public static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.ObjectCreation, OperationKind.Tuple, OperationKind.MemberInitializer);

    private static RedirectUriSink ServerRegistration(string type, string member) =>
        new(type, member, SinkKind.CollectionElement, RedirectUriKind.Absolute, Party: OAuthParty.Server);

    private readonly Dictionary<ISymbol, RedirectUriSink> _members;

    private RedirectUriSinks(Dictionary<ISymbol, RedirectUriSink> members) => _members = members;

    public static RedirectUriSinks Create(Compilation compilation)
    {
        var members = new Dictionary<ISymbol, RedirectUriSink>(SymbolEqualityComparer.Default);
        foreach (var sink in Catalog)
        {
            if (compilation.GetTypeByMetadataName(sink.TypeMetadataName) is not { } type)
            {
                continue;
            }

            foreach (var member in type.GetMembers(sink.MemberName))
            {
                members[member] = sink;
            }
        }

        return new RedirectUriSinks(members);
    }

    /// <summary>Adds the hard-coded redirect URIs <paramref name="operation"/> hands to a sink.</summary>
    public void Find(IOperation operation, Compilation compilation, List<RedirectUriSite> sites, CancellationToken cancellationToken)
    {
        // form.Add("redirect_uri", "…"), { "redirect_uri", "…" }, form["redirect_uri"] = "…", a KeyValuePair, a tuple,
        // new { grant_type = "authorization_code", redirect_uri = "…" }.
        if (KeyedValues.TryRead(operation, compilation, cancellationToken, out var field) && field.KeyIs(FormFieldName))
        {
            AddValue(field.Value, FormField, compilation, sites, cancellationToken);
            return;
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;

                // descriptor.RedirectUris.Add(new Uri("…"))
                if (invocation is { TargetMethod.Name: "Add", Arguments.Length: 1, Instance: IPropertyReferenceOperation collection }
                    && TryGetProperty(collection.Property, out var collectionSink) && collectionSink.Kind == SinkKind.CollectionElement)
                {
                    AddValue(invocation.Arguments[0].Value, collectionSink, compilation, sites, cancellationToken);
                    break;
                }

                if (_members.TryGetValue(method, out var sink))
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == sink.ParameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            AddValue(argument.Value, sink, compilation, sites, cancellationToken);
                        }
                    }
                }

                break;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                if (TryGetProperty(property.Property, out var propertySink))
                {
                    if (propertySink.Kind == SinkKind.CollectionElement)
                    {
                        // RedirectUris = new List<string> { "…" }, new[] { "…" }
                        AddElements(assignment.Value, propertySink, compilation, sites, cancellationToken);
                    }
                    else
                    {
                        AddValue(assignment.Value, propertySink, compilation, sites, cancellationToken);
                    }
                }

                break;

            // RedirectUris = { "…", "…" } in an object initializer.
            case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } initializer
                when TryGetProperty(member.Property, out var memberSink) && memberSink.Kind == SinkKind.CollectionElement:
                AddElements(initializer.Initializer, memberSink, compilation, sites, cancellationToken);
                break;
        }
    }

    /// <summary>The elements a collection is built from: the arguments of its initializer's <c>Add</c> calls, an array's element values.</summary>
    private static void AddElements(IOperation collection, RedirectUriSink sink, Compilation compilation, List<RedirectUriSite> sites, CancellationToken cancellationToken)
    {
        foreach (var operation in collection.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1, Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } add:
                    AddValue(add.Arguments[0].Value, sink, compilation, sites, cancellationToken);
                    break;
                case IArrayInitializerOperation array:
                    foreach (var element in array.ElementValues)
                    {
                        AddValue(element, sink, compilation, sites, cancellationToken);
                    }

                    break;
            }
        }
    }

    private bool TryGetProperty(IPropertySymbol property, out RedirectUriSink sink)
    {
        // An override (MicrosoftIdentityOptions inherits CallbackPath) still means the declared property.
        for (IPropertySymbol? current = property.OriginalDefinition; current is not null; current = current.OverriddenProperty)
        {
            if (_members.TryGetValue(current, out sink!))
            {
                return true;
            }
        }

        sink = null!;
        return false;
    }

    private static void AddValue(IOperation value, RedirectUriSink sink, Compilation compilation, List<RedirectUriSite> sites, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        foreach (var hardcoded in HardcodedStringTracer.Trace(value, compilation, cancellationToken))
        {
            sites.Add(new RedirectUriSite(hardcoded.Text, hardcoded.Syntax.GetLocation(), sink));
        }
    }

    /// <summary><c>new Uri("…")</c>, <c>new PathString("…")</c>, and conversions (PathString's implicit one from string) down to the string.</summary>
    private static IOperation Unwrap(IOperation value)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IObjectCreationOperation { Arguments.Length: >= 1 } creation
                    when creation.Type?.Name is "Uri" or "PathString" && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                    value = creation.Arguments[0].Value;
                    continue;
            }

            break;
        }

        return value;
    }
}
