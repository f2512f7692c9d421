using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// A scope request in code: <see cref="Scopes"/> is the text (one scope, or several separated by spaces)
/// and <see cref="Location"/> the literal that spells it; <see cref="Scopes"/> is null when the value is
/// only known at run time (configuration, the generated classes), which CDS4002 must then respect.
/// </summary>
internal readonly record struct ScopeRequest(string? Scopes, Location Location)
{
    /// <summary>The expression handed to the sink, where a finding lands when the literal is declared in another document.</summary>
    public SyntaxNode? Argument { get; init; }
}

/// <summary>
/// Where code requests scopes: <c>scopes</c>/<c>scope</c>/<c>initialScopes</c>/<c>extraScopesToConsent</c> parameters
/// of the OAuth libraries (MSAL arrays, <c>CreateAuthorizeUrl</c>, Microsoft.Identity.Web), <c>Scope</c> strings,
/// <c>Scope.Add</c>/<c>Scopes.Add</c>/<c>DefaultScopes.Add</c> and their collection initializers (ASP.NET
/// Core, Blazor, OpenIddict), and <c>scope</c> form fields and URL parameters.
/// </summary>
internal static class ScopeRequests
{
    /// <summary>The words protocols define; they are never compared with the manifest.</summary>
    public static readonly ImmutableHashSet<string> ProtocolScopes = ImmutableHashSet.Create(
        StringComparer.Ordinal, "openid", "profile", "email", "address", "phone", "offline_access");

    public static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.ObjectCreation, OperationKind.Tuple,
        OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);

    private static readonly string[] LibraryNamespaces =
    {
        "Microsoft.Identity.Client", "Microsoft.Identity.Web", "Microsoft.Identity.Abstractions", "Duende.IdentityModel", "IdentityModel",
        "OpenIddict", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Components.WebAssembly.Authentication", "Microsoft.Extensions.DependencyInjection",
    };

    private static readonly string[] ScopeCollections = { "Scope", "Scopes", "DefaultScopes" };

    /// <summary>The scope values one operation requests.</summary>
    public static void Find(IOperation operation, Compilation compilation, List<ScopeRequest> requests, CancellationToken cancellationToken)
    {
        // form.Add("scope", "api.read") (optional parameters after the value, as IdentityModel's Parameters.Add has, are
        // fine), form["scope"] = …, a KeyValuePair, a tuple, new { scope = … }.
        if (KeyedValues.TryRead(operation, compilation, cancellationToken, out var field))
        {
            if (field.KeyIs(ScopeKey) && (field.KeyOperation is null || IsOAuthParameterSet(field.KeyOperation)))
            {
                AddValue(field.Value, compilation, requests, cancellationToken);
            }

            if (operation is not IInvocationOperation)
            {
                return;
            }
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                FindInInvocation(invocation, compilation, requests, cancellationToken);
                break;
            case ISimpleAssignmentOperation assignment:
                FindInAssignment(assignment, compilation, requests, cancellationToken);
                break;
            case ILiteralOperation or IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                if (OAuthText.IsOutermostString(operation) && OAuthText.Compose(operation) is { } text && text.IndexOf("scope=", StringComparison.OrdinalIgnoreCase) >= 0
                    && !OAuthText.IsMessage(operation))
                {
                    foreach (var value in OAuthText.ParameterValues(text, ScopeKey))
                    {
                        requests.Add(new ScopeRequest(value.IndexOf(OAuthText.Unknown) >= 0 ? null : value, operation.Syntax.GetLocation()));
                    }
                }

                break;
        }
    }

    /// <summary>The scopes of a request text, split on blanks.</summary>
    public static string[] Split(string scopes) => scopes.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a requested scope is one the manifest does not need to declare (protocol scopes, <c>.default</c>).</summary>
    public static bool NeedsNoDeclaration(string scope) =>
        ProtocolScopes.Contains(scope) || scope.EndsWith(".default", StringComparison.Ordinal);

    /// <summary>Whether a requested scope is a declared one, as is or behind a resource prefix (<c>api://cadasto/api.read</c>).</summary>
    public static bool IsDeclared(string requested, IEnumerable<string> declared)
    {
        foreach (var scope in declared)
        {
            if (string.Equals(requested, scope, StringComparison.Ordinal)
                || (requested.Length > scope.Length && requested.EndsWith(scope, StringComparison.Ordinal) && requested[requested.Length - scope.Length - 1] == '/'))
            {
                return true;
            }
        }

        return false;
    }

    private static void FindInInvocation(IInvocationOperation invocation, Compilation compilation, List<ScopeRequest> requests, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;

        // options.Scope.Add("api.read"), DefaultScopes.Add, and { "api.read" } in Scopes = { … } initializers.
        if (method.Name == "Add" && invocation.Arguments.Length == 1 && IsScopeCollection(invocation.Instance))
        {
            AddValue(invocation.Arguments[0].Value, compilation, requests, cancellationToken);
            return;
        }

        // form.Add("scope", "api.read") is a keyed value, read in Find.
        if (method.Name is "Add" or "TryAdd" && invocation.Arguments.Length >= 2)
        {
            return;
        }

        if (!IsLibraryMember(method))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Name is "scope" && parameter.Type.SpecialType == SpecialType.System_String)
            {
                AddValue(argument.Value, compilation, requests, cancellationToken);
            }
            // MSAL's WithExtraScopesToConsent asks the user to consent to more scopes now: they are requested too.
            else if (parameter.Name is "scopes" or "initialScopes" or "extraScopesToConsent" && parameter.Type.SpecialType != SpecialType.System_String)
            {
                AddCollection(argument.Value, compilation, requests, cancellationToken);
            }
        }
    }

    private static void FindInAssignment(ISimpleAssignmentOperation assignment, Compilation compilation, List<ScopeRequest> requests, CancellationToken cancellationToken)
    {
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
            case IPropertyReferenceOperation { Property.ContainingType.IsAnonymousType: true }:
                // Keyed values, read in Find.
                break;
            case IPropertyReferenceOperation { Property: { } property } when Array.IndexOf(ScopeCollections, property.Name) >= 0 && IsLibraryMember(property):
                if (property.Type.SpecialType == SpecialType.System_String)
                {
                    AddValue(assignment.Value, compilation, requests, cancellationToken);
                }
                else
                {
                    AddCollection(assignment.Value, compilation, requests, cancellationToken);
                }

                break;
        }
    }

    private const string ScopeKey = OAuthParameters.Scope;

    private static readonly string[] OAuthParameterNames =
    {
        OAuthParameters.GrantType, OAuthParameters.ClientId, OAuthParameters.ResponseType, OAuthParameters.RedirectUri, OAuthParameters.ClientSecret,
    };

    private static bool IsOAuthParameterName(string text)
    {
        foreach (var name in OAuthParameterNames)
        {
            if (KeyedValues.KeyIs(text, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A <c>scope</c> key means an OAuth scope only among OAuth parameters: the same initializer, or the
    /// same method, names another of them (<c>grant_type</c>, <c>client_id</c>, …). IdentityModel's
    /// <c>Parameters</c> of a token request always are.
    /// </summary>
    private static bool IsOAuthParameterSet(IOperation key)
    {
        for (var parent = key.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: { } property } } && IsLibraryMember(property))
            {
                return true;
            }

            if (parent.Syntax is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax)
            {
                break;
            }
        }

        var scope = key.Syntax.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax or GlobalStatementSyntax)
            ?? key.Syntax.SyntaxTree.GetRoot();
        foreach (var token in scope.DescendantTokens())
        {
            if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) && IsOAuthParameterName(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A string value: each literal it is built from, or one run-time request.</summary>
    private static void AddValue(IOperation value, Compilation compilation, List<ScopeRequest> requests, CancellationToken cancellationToken)
    {
        var traced = HardcodedStringTracer.Trace(value, compilation, cancellationToken);
        if (traced.Count == 0)
        {
            requests.Add(new ScopeRequest(null, value.Syntax.GetLocation()));
            return;
        }

        foreach (var hardcoded in traced)
        {
            requests.Add(new ScopeRequest(hardcoded.Text, hardcoded.Syntax.GetLocation()) { Argument = value.Syntax });
        }
    }

    /// <summary>
    /// <c>new[] { … }</c>, <c>[ … ]</c>, <c>new List&lt;string&gt; { … }</c>, either branch of a ternary, and read-only fields or
    /// locals that hold one (<see cref="CollectionElements"/>): each element is requested; a collection or an element the
    /// reader cannot read makes an unknown request, which CDS4002 must respect.
    /// </summary>
    private static void AddCollection(IOperation value, Compilation compilation, List<ScopeRequest> requests, CancellationToken cancellationToken)
    {
        var parts = ListPool<CollectionPart>.Rent();
        CollectionElements.Read(value, CollectionReading.ThroughDeclarations | CollectionReading.CollectionExpressions, parts, cancellationToken);
        foreach (var part in parts)
        {
            if (part is { IsElement: true, Operation: { } element })
            {
                AddValue(element, compilation, requests, cancellationToken);
            }
            else
            {
                requests.Add(new ScopeRequest(null, part.Syntax.GetLocation()));
            }
        }

        ListPool<CollectionPart>.Return(parts);
    }

    /// <summary><c>options.Scope</c>, <c>ProviderOptions.DefaultScopes</c>, or the implicit receiver of <c>Scopes = { … }</c>.</summary>
    private static bool IsScopeCollection(IOperation? instance)
    {
        switch (instance)
        {
            case IPropertyReferenceOperation { Property: { } property }:
                return Array.IndexOf(ScopeCollections, property.Name) >= 0 && IsLibraryMember(property);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: { } initialized } })
                    {
                        return Array.IndexOf(ScopeCollections, initialized.Name) >= 0 && IsLibraryMember(initialized);
                    }

                    if (parent is IObjectCreationOperation)
                    {
                        return false;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsLibraryMember(ISymbol member)
    {
        var ns = (member is IMethodSymbol method ? (method.ReducedFrom ?? method) : member).ContainingType?.ContainingNamespace;
        foreach (var prefix in LibraryNamespaces)
        {
            if (SymbolNames.IsInNamespace(ns, prefix))
            {
                return true;
            }
        }

        return false;
    }
}
