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

/// <summary>A hard-coded redirect URI found in code: the text, the literal that spells it, the sink that takes it.</summary>
internal readonly record struct RedirectUriSite(string Uri, Location Location, RedirectUriSink Sink)
{
    /// <summary>The expression handed to the sink, where a finding lands when the literal is declared in another document.</summary>
    public SyntaxNode? Argument { get; init; }
}

/// <summary>
/// The places that take a redirect URI, as data, resolved once per compilation; and the hard-coded
/// values an operation hands them (strings, <c>new Uri("…")</c>, <c>PathString</c> conversions, constants).
/// Values read from configuration are not hard-coded and are left alone.
/// </summary>
internal sealed class RedirectUriSinks
{
    private const string FormFieldName = OAuthParameters.RedirectUri;

    // How libraries name the constant that holds the key (IdentityModel's OidcConstants, OpenIdConnectParameterNames, OpenIddict's Parameters).
    private const string FormFieldConstantName = "RedirectUri";

    /// <summary>The operation kinds <see cref="Find"/> reads.</summary>
    public static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.ObjectCreation, OperationKind.Tuple, OperationKind.MemberInitializer);

    private readonly CatalogIndex<RedirectUriKind> _members;

    private RedirectUriSinks(CatalogIndex<RedirectUriKind> members) => _members = members;

    public static RedirectUriSinks Create(Compilation compilation) => new(CompilationSymbols.Get(compilation).RedirectUriSinks);

    /// <summary>
    /// Whether the document of <paramref name="tree"/> can hand a redirect URI to a sink, from its text alone, so that a
    /// document that cannot is never bound: it must name a catalogued member that resolved, or spell the form key
    /// (<c>redirect_uri</c>, or a constant named <c>RedirectUri</c>, case ignored), unless some document of the
    /// compilation spells the key, which a constant declared there can carry into this one.
    /// </summary>
    public bool MayHoldSites(SyntaxTree tree, Compilation compilation, CancellationToken cancellationToken)
    {
        // Where a document spells "redirect_uri" the compilation does: one scan answers for every document.
        if (CompilationSymbols.Get(compilation).SourceMentions(FormFieldName, cancellationToken))
        {
            return true;
        }

        var text = tree.GetText(cancellationToken);
        return SourceTextSearch.Contains(text, FormFieldConstantName, System.StringComparison.OrdinalIgnoreCase)
            || SourceTextSearch.ContainsAny(text, System.StringComparison.Ordinal, _members.MemberNames);
    }

    /// <summary>Adds the hard-coded redirect URIs <paramref name="operation"/> hands to a sink.</summary>
    public void Find(IOperation operation, Compilation compilation, List<RedirectUriSite> sites, CancellationToken cancellationToken)
    {
        // form.Add("redirect_uri", "…"), { "redirect_uri", "…" }, form["redirect_uri"] = "…", a KeyValuePair, a tuple,
        // new { grant_type = "authorization_code", redirect_uri = "…" }.
        if (KeyedValues.TryRead(operation, compilation, cancellationToken, out var field) && field.KeyIs(FormFieldName))
        {
            AddValue(field.Value, RedirectUriCatalog.FormField, compilation, sites, cancellationToken);
            return;
        }

        switch (operation)
        {
            // descriptor.RedirectUris.Add(new Uri("…"))
            case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1, Instance: IPropertyReferenceOperation collection }
                when TryGetCollection(collection.Property, out var collectionSink):
                AddValue(((IInvocationOperation)operation).Arguments[0].Value, collectionSink, compilation, sites, cancellationToken);
                break;

            case IInvocationOperation invocation:
                if (_members.TryGetMember(invocation.TargetMethod, out var sink) && sink.Kind == SinkKind.MethodArgument)
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
                    AddValue(assignment.Value, propertySink, compilation, sites, cancellationToken);
                }
                else if (TryGetCollection(property.Property, out var elementsSink))
                {
                    // RedirectUris = new List<string> { "…" }, new[] { "…" }
                    AddElements(assignment.Value, elementsSink, compilation, sites, cancellationToken);
                }

                break;

            // RedirectUris = { "…", "…" } in an object initializer.
            case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } initializer
                when TryGetCollection(member.Property, out var memberSink):
                AddElements(initializer.Initializer, memberSink, compilation, sites, cancellationToken);
                break;
        }
    }

    private bool TryGetProperty(IPropertySymbol property, out RedirectUriSink sink) =>
        _members.TryGetMember(property, out sink) && sink.Kind == SinkKind.PropertyAssignment;

    private bool TryGetCollection(IPropertySymbol property, out RedirectUriSink sink) =>
        _members.TryGetMember(property, out sink) && sink.Kind == SinkKind.CollectionElement;

    /// <summary>
    /// The elements a collection is built from (<see cref="CollectionElements"/>): the arguments of its initializer's <c>Add</c>
    /// calls, an array's or a collection expression's element values, wherever they stand in the value, also in the declaration
    /// of a read-only field or a local the value names (as scopes are read); what else the value holds is left alone.
    /// </summary>
    private static void AddElements(IOperation collection, RedirectUriSink sink, Compilation compilation, List<RedirectUriSite> sites, CancellationToken cancellationToken)
    {
        var parts = ListPool<CollectionPart>.Rent();
        CollectionElements.Read(collection, CollectionReading.Inside | CollectionReading.ThroughDeclarations | CollectionReading.CollectionExpressions, parts, cancellationToken);
        foreach (var part in parts)
        {
            if (part is { IsElement: true, Operation: { } element })
            {
                AddValue(element, sink, compilation, sites, cancellationToken);
            }
        }

        ListPool<CollectionPart>.Return(parts);
    }

    private static void AddValue(IOperation value, RedirectUriSink sink, Compilation compilation, List<RedirectUriSite> sites, CancellationToken cancellationToken)
    {
        var argument = value.Syntax;
        if (sink == RedirectUriCatalog.FormField
            && StringParts.Unwrap(value) is IFieldReferenceOperation { Field: var field }
            && VariableUses.IsUsedAsAPath(field, compilation, cancellationToken))
        {
            // { "redirect_uri", CallBackUrl } where the type builds the absolute URI from the request with CallBackUrl as its
            // path: a callback path by design (the SPEC's CallbackPath), compared as a path and never insecure for being one.
            // Only a form field's value: what reads it is not known; a library's absolute-only parameter given a relative
            // value stays insecure, whatever else the code does with it.
            sink = sink with { Meaning = RedirectUriKind.CallbackPath };
        }

        foreach (var hardcoded in HardcodedStringTracer.Trace(value, compilation, cancellationToken, TraceOptions.ThroughUris))
        {
            sites.Add(new RedirectUriSite(hardcoded.Text, hardcoded.Syntax.GetLocation(), sink) { Argument = argument });
        }
    }
}
