using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// Reads what one operation shows about the OAuth flow: a catalogued call or object creation, a
/// client secret handed to a CDS1001 sink, a <c>grant_type</c>/<c>response_type</c>/<c>client_secret</c>
/// form field (dictionary entry, indexer, key-value pair, tuple, anonymous object, form or query text),
/// a <c>GrantType</c>/<c>ResponseType</c> property or a <c>grantType</c>/<c>responseType</c> argument.
/// An authorization server allowing a flow to a client (<see cref="ServerRegistrationCatalog"/>, <see cref="ClientRegistrations"/>)
/// shows it as an <see cref="OAuthParty.Server"/> finding. The flow rules (CDS2001, CDS2002, CDS2003, CDS2005) share it
/// and keep the signals they care about.
/// </summary>
internal static class OAuthSignalFinder
{
    /// <summary>The operation kinds <see cref="Find"/> reads; an analyzer registers these.</summary>
    public static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.SimpleAssignment,
        OperationKind.Tuple,
        OperationKind.Literal,
        OperationKind.InterpolatedString,
        OperationKind.Binary,
        OperationKind.Invalid,
        OperationKind.MemberInitializer);

    /// <summary>Adds to <paramref name="findings"/> what <paramref name="operation"/> shows.</summary>
    public static void Find(IOperation operation, OAuthSignalIndex index, Compilation compilation, List<OAuthFinding> findings, CancellationToken cancellationToken)
    {
        // An authorization server's client registration: AllowedGrantTypes = GrantTypes.Implicit, Permissions = { … }.
        if (index.HasRegistrations && ClientRegistrations.TryGetStore(operation, index, out var member, out _, out var value))
        {
            ClientRegistrations.FindGrants(value, member, index, findings);
            return;
        }

        if (operation.Kind is OperationKind.Invalid or OperationKind.SimpleAssignment or OperationKind.MemberInitializer)
        {
            // The same, where the server's package did not resolve: read from syntax.
            ClientRegistrations.FindUnbound(operation, findings);
        }

        // dictionary.Add("grant_type", "password"), { "grant_type", "password" }, form["grant_type"] = …,
        // new KeyValuePair<string, string>("grant_type", "password"), ("grant_type", "password"), new { grant_type = "password" }.
        if (KeyedValues.TryRead(operation, compilation, cancellationToken, out var field))
        {
            FindField(field, compilation, findings, cancellationToken);
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                FindInInvocation(invocation, index, compilation, findings, cancellationToken);
                break;
            case IObjectCreationOperation creation:
                FindInCreation(creation, index, compilation, findings, cancellationToken);
                break;
            case ISimpleAssignmentOperation assignment:
                FindInAssignment(assignment, index, compilation, findings, cancellationToken);
                break;
            case ILiteralOperation or IInterpolatedStringOperation or IBinaryOperation:
                FindInText(operation, findings);
                break;
        }
    }

    /// <summary>
    /// Where a call is shown: the whole invocation, receiver included (<c>app.AcquireTokenByUsernamePassword(…)</c>),
    /// except in a fluent chain broken over lines, where it is the call's own line (<c>.WithClientSecret(…)</c>, from
    /// the member name to the closing parenthesis) rather than the first line of the chain.
    /// </summary>
    public static Location CallLocation(IInvocationOperation invocation) => CallLocation(invocation.Syntax);

    /// <inheritdoc cref="CallLocation(IInvocationOperation)"/>
    public static Location CallLocation(SyntaxNode call)
    {
        if (call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            var lines = call.SyntaxTree.GetText().Lines;
            if (lines.GetLineFromPosition(access.Expression.SpanStart).LineNumber != lines.GetLineFromPosition(access.Name.SpanStart).LineNumber)
            {
                return Location.Create(call.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, call.Span.End));
            }
        }

        return call.GetLocation();
    }

    private static void FindInInvocation(IInvocationOperation invocation, OAuthSignalIndex index, Compilation compilation, List<OAuthFinding> findings, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (index.TryGetInvocation(method, out var row) && !PassesCreationOf(invocation, index, row.Meaning))
        {
            findings.Add(new OAuthFinding(row.Meaning, CallLocation(invocation), OAuthSignalIndex.DisplayName(row)));
        }
        else if (index.HasRegistrations
            && index.TryGetRegistration(method, out var registration)
            && registration is { Kind: SinkKind.MethodArgument, Meaning.Role: RegistrationRole.AllowsFlow })
        {
            // OpenIddict's server builder: options.AllowPasswordFlow().
            findings.Add(new OAuthFinding(registration.Meaning.Signal, CallLocation(invocation), registration.MemberName, OAuthParty.Server));
        }

        if (index.SecretSinks.TryGetSink(method, out var sink) && sink.Kind == SinkKind.MethodArgument && sink.Meaning == SinkMeaning.ClientSecret)
        {
            if (HasSecretArgument(invocation.Arguments, sink))
            {
                findings.Add(new OAuthFinding(OAuthSignal.ClientSecret, CallLocation(invocation), sink.DisplayName));
            }
        }

        // RequestUrl.CreateAuthorizeUrl(responseType: "token"), new TokenRequest(grantType: …)-style parameters.
        FindParameters(invocation.Arguments, compilation, findings, cancellationToken);
    }

    private static void FindInCreation(IObjectCreationOperation creation, OAuthSignalIndex index, Compilation compilation, List<OAuthFinding> findings, CancellationToken cancellationToken)
    {
        if (creation.Type is { } type && index.TryGetCreation(type, out var row))
        {
            findings.Add(new OAuthFinding(row.Meaning, creation.Syntax.GetLocation(), OAuthSignalIndex.DisplayName(row)));
        }

        if (creation.Constructor is { } constructor
            && index.SecretSinks.TryGetSink(constructor, out var sink)
            && sink.Kind == SinkKind.ConstructorArgument
            && sink.Meaning == SinkMeaning.ClientSecret
            && HasSecretArgument(creation.Arguments, sink))
        {
            findings.Add(new OAuthFinding(OAuthSignal.ClientSecret, creation.Syntax.GetLocation(), sink.DisplayName));
        }

        FindParameters(creation.Arguments, compilation, findings, cancellationToken);
    }

    private static void FindInAssignment(ISimpleAssignmentOperation assignment, OAuthSignalIndex index, Compilation compilation, List<OAuthFinding> findings, CancellationToken cancellationToken)
    {
        switch (assignment.Target)
        {
            // dictionary["grant_type"] = "password": a keyed value, read in Find.
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                return;

            case IPropertyReferenceOperation { Property: var property }:
                if (index.SecretSinks.TryGetSink(property, out var sink) && sink.Kind == SinkKind.PropertyAssignment && sink.Meaning == SinkMeaning.ClientSecret && !IsNullOrEmpty(assignment.Value))
                {
                    findings.Add(new OAuthFinding(OAuthSignal.ClientSecret, assignment.Syntax.GetLocation(), sink.DisplayName));
                    return;
                }

                // new { grant_type = "password" } serialized as a form: a keyed value, read in Find.
                if (property.ContainingType.IsAnonymousType && IsFormKey(property.Name))
                {
                    return;
                }

                if (property.Name == OAuthText.ResponseTypeMember && property.Type.SpecialType == SpecialType.System_String)
                {
                    // options.ResponseType = hybrid ? OpenIdConnectResponseType.CodeIdTokenToken : OpenIdConnectResponseType.Code:
                    // each constant the value may take counts.
                    foreach (var responseType in HardcodedStringTracer.ConstantTexts(assignment.Value, compilation, cancellationToken))
                    {
                        AddResponseType(responseType, assignment.Syntax.GetLocation(), "ResponseType = \"" + responseType.Trim() + "\"", findings);
                    }

                    return;
                }

                if (property.Type.SpecialType == SpecialType.System_String && HardcodedStringTracer.ConstantText(assignment.Value, compilation, cancellationToken) is { } text)
                {
                    switch (property.Name)
                    {
                        case OAuthText.GrantTypeMember when OAuthSignalCatalog.GrantTypes.TryGetValue(text.Trim(), out var grant)
                                                            && (grant != OAuthSignal.PasswordGrant || CanCarryAPassword(property.ContainingType)):
                            findings.Add(new OAuthFinding(grant, assignment.Syntax.GetLocation(), "GrantType = \"" + text.Trim() + "\""));
                            break;
                    }
                }

                return;
        }
    }

    /// <summary>
    /// Whether an object of <paramref name="type"/> can carry what a password grant sends besides its grant type: a member
    /// for the user's password (<c>Password</c>, <c>Pwd</c>, <c>Passphrase</c>, <c>Credentials</c>) or a collection of
    /// parameters (<c>Parameters</c>: key-value pairs). A <c>GrantType = "password"</c> on a type with neither records a grant
    /// that happened — an authorization server's audit event (<c>TokenIssuedEvent { GrantType, ClientId, Scopes }</c>), a
    /// metric — and requests none.
    /// </summary>
    private static bool CanCarryAPassword(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol property => property.Type,
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                if (member.Name.IndexOf(SecretVocabulary.PasswordPrefix, StringComparison.OrdinalIgnoreCase) >= 0
                    || member.Name.IndexOf(SecretVocabulary.PasswordAbbreviation, StringComparison.OrdinalIgnoreCase) >= 0
                    || member.Name.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0
                    || CollectionTypes.IsKeyValueCollection(memberType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void FindParameters(ImmutableArray<IArgumentOperation> arguments, Compilation compilation, List<OAuthFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name is not ("grantType" or "responseType") || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (HardcodedStringTracer.ConstantText(argument.Value, compilation, cancellationToken) is not { } text)
            {
                continue;
            }

            if (argument.Parameter.Name == "grantType")
            {
                if (OAuthSignalCatalog.GrantTypes.TryGetValue(text.Trim(), out var grant))
                {
                    findings.Add(new OAuthFinding(grant, argument.Value.Syntax.GetLocation(), "grant_type=" + text.Trim()));
                }
            }
            else
            {
                AddResponseType(text, argument.Value.Syntax.GetLocation(), "response_type=" + text.Trim(), findings);
            }
        }
    }

    private static bool IsFormKey(string key) =>
        KeyedValues.KeyIs(key, OAuthText.GrantTypeKey) || KeyedValues.KeyIs(key, OAuthText.ResponseTypeKey) || KeyedValues.KeyIs(key, OAuthText.ClientSecretKey);

    private static void FindField(KeyedValue field, Compilation compilation, List<OAuthFinding> findings, CancellationToken cancellationToken)
    {
        var value = field.Value;
        var location = value.Syntax.GetLocation();
        if (field.KeyIs(OAuthText.ClientSecretKey))
        {
            if (!IsNullOrEmpty(value))
            {
                findings.Add(new OAuthFinding(OAuthSignal.ClientSecret, location, OAuthText.ClientSecretKey));
            }

            return;
        }

        if (HardcodedStringTracer.ConstantText(value, compilation, cancellationToken) is not { } text)
        {
            return;
        }

        if (field.KeyIs(OAuthText.GrantTypeKey))
        {
            if (OAuthSignalCatalog.GrantTypes.TryGetValue(text.Trim(), out var grant))
            {
                findings.Add(new OAuthFinding(grant, location, "grant_type=" + text.Trim()));
            }
        }
        else if (field.KeyIs(OAuthText.ResponseTypeKey))
        {
            AddResponseType(text, location, "response_type=" + text.Trim(), findings);
        }
    }

    /// <summary><c>grant_type=…</c>, <c>response_type=…</c> and <c>client_secret=…</c> in a form body or a URL, read once per whole string.</summary>
    private static void FindInText(IOperation operation, List<OAuthFinding> findings)
    {
        if (operation is IBinaryOperation { OperatorKind: not BinaryOperatorKind.Add } || !OAuthText.IsOutermostString(operation))
        {
            return;
        }

        if (OAuthText.Compose(operation) is not { } text || text.IndexOf('=') < 0 || OAuthText.IsMessage(operation))
        {
            return;
        }

        var location = operation.Syntax.GetLocation();
        var grantTypes = 0;
        foreach (var grant in OAuthText.ParameterValues(text, OAuthText.GrantTypeKey))
        {
            grantTypes++;
            if (OAuthSignalCatalog.GrantTypes.TryGetValue(grant.Trim(), out var signal))
            {
                findings.Add(new OAuthFinding(signal, location, "grant_type=" + grant.Trim()));
            }
        }

        // A request that names its grant goes to the token endpoint (…/token?grant_type=authorization_code&response_type=token,
        // a provider's code exchange); a response type is an authorize request's parameter, so there it says nothing of the flow.
        if (grantTypes == 0)
        {
            foreach (var responseType in OAuthText.ParameterValues(text, OAuthText.ResponseTypeKey))
            {
                AddResponseType(responseType, location, "response_type=" + responseType.Trim(), findings);
            }
        }

        foreach (var secret in OAuthText.ParameterValues(text, OAuthText.ClientSecretKey))
        {
            if (secret.Trim().Length > 0)
            {
                findings.Add(new OAuthFinding(OAuthSignal.ClientSecret, location, OAuthText.ClientSecretKey));
                break;
            }
        }
    }

    private static void AddResponseType(string responseType, Location location, string source, List<OAuthFinding> findings)
    {
        if (responseType.IndexOf(OAuthText.Unknown) >= 0)
        {
            return;
        }

        if (OAuthText.IncludesToken(responseType))
        {
            findings.Add(new OAuthFinding(OAuthSignal.ImplicitGrant, location, source));
        }
        else if (OAuthText.IncludesCode(responseType))
        {
            findings.Add(new OAuthFinding(OAuthSignal.AuthorizationCodeGrant, location, source));
        }
    }

    /// <summary>A send call whose request object is itself a catalogued creation of the same grant: the creation speaks for both.</summary>
    private static bool PassesCreationOf(IInvocationOperation invocation, OAuthSignalIndex index, OAuthSignal signal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (StringParts.Unwrap(argument.Value) is IObjectCreationOperation { Type: { } type } && index.TryGetCreation(type, out var row) && row.Meaning == signal)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSecretArgument(ImmutableArray<IArgumentOperation> arguments, SecretSink sink)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && SecretSinkCatalog.Receives(sink, parameter.Name) && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return !IsNullOrEmpty(argument.Value);
            }
        }

        return false;
    }

    private static bool IsNullOrEmpty(IOperation value)
    {
        value = StringParts.Unwrap(value);
        return value.ConstantValue is { HasValue: true, Value: null or "" } || value is IDefaultValueOperation;
    }
}
