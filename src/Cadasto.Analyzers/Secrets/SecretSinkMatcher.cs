using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// Finds the hard-coded values an operation hands to a sink: catalogue members (arguments,
/// constructor arguments, assignments), <c>client_secret</c> keys (dictionary initializers, indexers,
/// <c>Add</c>, <c>KeyValuePair</c>, tuples, anonymous objects), <c>client_secret=</c> in query strings and
/// form bodies, and <c>Basic</c> authorization headers built from <c>id:secret</c>. Built once per
/// compilation; shared by CDS1001 (which reports) and by the weaker rules (which defer to it).
/// </summary>
internal sealed class SecretSinkMatcher
{
    private const string ClientSecretEquals = "client_secret=";

    /// <summary>The sink a <c>Basic</c> authorization header built from <c>id:secret</c> is named by.</summary>
    public const string BasicHeaderSinkName = "Authorization: Basic";

    private readonly INamedTypeSymbol? _authenticationHeaderValue;
    private readonly INamedTypeSymbol? _convert;
    private readonly INamedTypeSymbol? _encoding;
    private readonly INamedTypeSymbol? _httpHeaders;
    private readonly INamedTypeSymbol? _stringBuilder;

    private readonly HashSet<string> _allowedPlaceholders;

    // Sink types whose kind member may say the value is no shared secret (a certificate thumbprint, a public key).
    private readonly ImmutableArray<(INamedTypeSymbol Type, SecretKindMember Kind)> _secretKinds;

    private SecretSinkMatcher(Compilation compilation, SecretSinkIndex index, HashSet<string> allowedPlaceholders)
    {
        Index = index;
        _allowedPlaceholders = allowedPlaceholders;
        var symbols = CompilationSymbols.Get(compilation);
        _authenticationHeaderValue = symbols.Type("System.Net.Http.Headers.AuthenticationHeaderValue");
        _convert = symbols.Type("System.Convert");
        _encoding = symbols.Type("System.Text.Encoding");
        _httpHeaders = symbols.Type("System.Net.Http.Headers.HttpHeaders");
        _stringBuilder = symbols.Type("System.Text.StringBuilder");

        var kinds = ImmutableArray.CreateBuilder<(INamedTypeSymbol, SecretKindMember)>();
        foreach (var kind in SecretSinkCatalog.SecretKinds)
        {
            if (symbols.Type(kind.TypeMetadataName) is { } type)
            {
                kinds.Add((type, kind));
            }
        }

        _secretKinds = kinds.ToImmutable();
    }

    public SecretSinkIndex Index { get; }

    /// <summary>The operation kinds <see cref="Match"/> looks at.</summary>
    public static ImmutableArray<OperationKind> OperationKinds { get; } = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.SimpleAssignment,
        OperationKind.Tuple,
        OperationKind.InterpolatedString,
        OperationKind.Binary,
        OperationKind.Literal);

    public static SecretSinkMatcher Create(Compilation compilation, AnalyzerOptions options)
    {
        var allowed = CadastoOptions.ToSet(CadastoOptions.SplitList(CadastoOptions.GetForProject(compilation, options, CadastoOptions.AllowedPlaceholders)));
        return new SecretSinkMatcher(compilation, CompilationSymbols.Get(compilation).SecretSinks(options), allowed);
    }

    /// <summary>Whether the team declared <paramref name="value"/> a placeholder (<c>cadasto_allowed_placeholders</c>).</summary>
    public bool IsAllowedPlaceholder(string value) => SecretValueHeuristics.IsAllowedPlaceholder(value, _allowedPlaceholders);

    /// <summary>Adds to <paramref name="hits"/> every hard-coded value <paramref name="operation"/> hands to a sink.</summary>
    public void Match(IOperation operation, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                MatchInvocation(invocation, compilation, cancellationToken, hits);
                break;
            case IObjectCreationOperation creation:
                MatchCreation(creation, compilation, cancellationToken, hits);
                break;
            case ISimpleAssignmentOperation assignment:
                MatchAssignment(assignment, compilation, cancellationToken, hits);
                break;
            case ITupleOperation tuple:
                MatchClientSecretField(tuple, compilation, cancellationToken, hits);
                break;
            case IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                MatchQueryComposite(operation, compilation, cancellationToken, hits);
                break;
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal:
                if (ClientSecretFieldValue(text) is { } fieldValue)
                {
                    hits.Add(new SinkHit(new HardcodedString(literal.Syntax, text), OAuthParameters.ClientSecret, SinkMeaning.ClientSecret) { SecretPart = fieldValue });
                }

                break;
        }
    }

    /// <summary>
    /// Whether <see cref="Match"/> can find a <see cref="SinkMeaning.Credential"/> value in <paramref name="operation"/>, from
    /// its symbols alone (nothing traced): only a catalogued credential sink (a call, a creation, an assignment) or a
    /// <c>Bearer</c> header (<c>new AuthenticationHeaderValue(…, …)</c>, <c>headers.Add(…, …)</c>) yields one; every other
    /// shape <see cref="Match"/> reads yields client secrets. CDS1002 asks it before matching a call for its positional
    /// arguments, so that the calls of a compilation that hold no credential sink are never matched.
    /// </summary>
    public bool MayHandACredential(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => Index.TryGetSink(invocation.TargetMethod, out var sink)
            ? sink.Meaning == SinkMeaning.Credential
            : _httpHeaders is not null && invocation.Arguments.Length >= 2 && invocation.TargetMethod.Name is "Add" or "TryAddWithoutValidation",
        IObjectCreationOperation { Constructor: { } constructor } creation => Index.TryGetSink(constructor, out var sink)
            ? sink.Meaning == SinkMeaning.Credential
            : creation.Arguments.Length == 2 && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _authenticationHeaderValue),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => IsCredentialAssignmentSink(property.Property),
        ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => IsCredentialAssignmentSink(field.Field),
        _ => false,
    };

    private bool IsCredentialAssignmentSink(ISymbol member) =>
        Index.TryGetSink(member, out var sink) && sink.Kind == SinkKind.PropertyAssignment && sink.Meaning == SinkMeaning.Credential;

    private void MatchInvocation(IInvocationOperation invocation, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        var method = invocation.TargetMethod;
        if (Index.TryGetSink(method, out var sink))
        {
            MatchArguments(invocation.Arguments, sink, compilation, cancellationToken, hits);
            return;
        }

        var arguments = invocation.Arguments;
        if (MatchUserMethod(method, arguments, compilation, cancellationToken, hits))
        {
            return;
        }

        // body.Append("&client_secret=").Append("…"): a form body or query built with a StringBuilder chain.
        if (arguments.Length == 1
            && method.Name == "Append"
            && _stringBuilder is not null
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _stringBuilder)
            && invocation.Instance is IInvocationOperation { TargetMethod.Name: "Append", Arguments: { Length: 1 } previous }
            && previous[0].Value.ConstantValue is { HasValue: true, Value: string field }
            && field.EndsWith(ClientSecretEquals, StringComparison.OrdinalIgnoreCase)
            && StartsField(field, field.Length - ClientSecretEquals.Length))
        {
            Trace(arguments[0].Value, OAuthParameters.ClientSecret, SinkMeaning.ClientSecret, compilation, cancellationToken, hits);
            return;
        }

        if (arguments.Length < 2)
        {
            return;
        }

        // headers.Add("Authorization", "Basic " + …)
        if (_httpHeaders is not null
            && method.Name is "Add" or "TryAddWithoutValidation"
            && IsConstantString(arguments[0].Value, SecretSinkCatalog.AuthorizationHeader)
            && DerivesFrom(method.ContainingType, _httpHeaders))
        {
            MatchBasicHeaderValue(arguments[1].Value, compilation, cancellationToken, hits, expectSchemePrefix: true);
            MatchBearerHeaderValue(arguments[1].Value, compilation, cancellationToken, hits);
            return;
        }

        // dictionary.Add("client_secret", …), a collection initializer's { "client_secret", … }, KeyValuePair.Create(…)
        MatchClientSecretField(invocation, compilation, cancellationToken, hits);
    }

    private void MatchCreation(IObjectCreationOperation creation, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        if (creation.Constructor is not { } constructor)
        {
            return;
        }

        if (Index.TryGetSink(constructor, out var sink))
        {
            if (!HoldsNoSharedSecret(creation))
            {
                MatchArguments(creation.Arguments, sink, compilation, cancellationToken, hits);
            }

            return;
        }

        var arguments = creation.Arguments;
        if (MatchUserMethod(constructor, arguments, compilation, cancellationToken, hits))
        {
            return;
        }

        if (arguments.Length == 2
            && _authenticationHeaderValue is not null
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _authenticationHeaderValue)
            && arguments[0].Value.ConstantValue is { HasValue: true, Value: string scheme })
        {
            if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            {
                MatchBasicHeaderValue(arguments[1].Value, compilation, cancellationToken, hits, expectSchemePrefix: false);
            }
            else if (string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                // A bearer token: a known sink for CDS1002's positional arguments.
                Trace(arguments[1].Value, "AuthenticationHeaderValue(\"Bearer\")", SinkMeaning.Credential, compilation, cancellationToken, hits);
            }

            return;
        }

        // new KeyValuePair<string, string>("client_secret", …)
        MatchClientSecretField(creation, compilation, cancellationToken, hits);
    }

    /// <summary>
    /// A call to the user's own method (or constructor) that hands one of its parameters to a client-secret sink: the
    /// constant passed for that parameter is a client secret, named by the sink it reaches. One call level (SPEC).
    /// </summary>
    private bool MatchUserMethod(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits) =>
        hits is not ParameterFlowCollector && MayCallAUserMethod(method, arguments)
        && SecretParameterFlows.Get(compilation, this) is { IsEmpty: false } flows
        && MatchUserMethod(method, arguments, flows, compilation, cancellationToken, hits);

    private static bool MayCallAUserMethod(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments) =>
        !arguments.IsEmpty && !method.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// Whether <paramref name="operation"/> may be a call that <see cref="Match"/> reads as a call to the user's own method once
    /// the parameter flows are known: <see cref="SecretParameterFlows"/>' pass, which has no flows yet, matches it as any other
    /// call and then asks <see cref="MatchUserMethod(IOperation, SecretParameterFlows, Compilation, CancellationToken, List{SinkHit})"/>.
    /// </summary>
    public static bool MayCallAUserMethod(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => MayCallAUserMethod(invocation.TargetMethod, invocation.Arguments),
        IObjectCreationOperation { Constructor: { } constructor } creation => MayCallAUserMethod(constructor, creation.Arguments),
        _ => false,
    };

    /// <summary>
    /// What <see cref="Match"/> finds in <paramref name="operation"/> (a call <see cref="MayCallAUserMethod(IOperation)"/> said
    /// yes to) when it is a call to one of the user's methods in <paramref name="flows"/>: true, with the hits added, or false
    /// when <see cref="Match"/> reads it otherwise (a sink, or a method that hands no parameter to one).
    /// </summary>
    public bool MatchUserMethod(IOperation operation, SecretParameterFlows flows, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation creation => (creation.Constructor!, creation.Arguments),
            _ => default,
        };

        return method is not null && !Index.TryGetSink(method, out _) && MatchUserMethod(method, arguments, flows, compilation, cancellationToken, hits);
    }

    private bool MatchUserMethod(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, SecretParameterFlows flows, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        if (!flows.TryGet(method, out var parameters))
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter)
            {
                continue;
            }

            foreach (var flow in parameters)
            {
                if (flow.Parameter.Ordinal == parameter.Ordinal)
                {
                    var first = hits.Count;
                    Trace(argument.Value, $"{flow.SinkName} through {method.ContainingType.Name}.{(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name)}", SinkMeaning.ClientSecret, compilation, cancellationToken, hits);
                    MarkTheClientId(argument, hits, first, compilation, cancellationToken);
                }
            }
        }

        return true;
    }

    /// <summary>A <c>client_secret</c> form field: any shape <see cref="KeyedValues"/> reads.</summary>
    private bool MatchClientSecretField(IOperation operation, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        if (!KeyedValues.TryRead(operation, compilation, cancellationToken, out var field) || !IsClientSecretField(field))
        {
            return false;
        }

        var first = hits.Count;
        Trace(field.Value, OAuthParameters.ClientSecret, SinkMeaning.ClientSecret, compilation, cancellationToken, hits);
        MarkTheClientId(operation, hits, first, compilation, cancellationToken);
        return true;
    }

    /// <summary>
    /// Marks the hits from <paramref name="first"/> on whose value is also the client id the same request gives beside
    /// <paramref name="member"/> (<see cref="SinkHit.IsTheClientId"/>): a development identity server that takes a client's
    /// id as its secret gets <c>client_id=app&amp;client_secret=app</c>, and that value is the public identifier (SPEC).
    /// </summary>
    private static void MarkTheClientId(IOperation member, List<SinkHit> hits, int first, Compilation compilation, CancellationToken cancellationToken)
    {
        List<string>? ids = null;
        for (var i = first; i < hits.Count; i++)
        {
            ids ??= ClientIdsBeside(member, compilation, cancellationToken);
            if (ids.Count > 0 && ids.Contains(hits[i].SecretText))
            {
                hits[i] = hits[i] with { IsTheClientId = true };
            }
        }
    }

    /// <summary>
    /// The constant client ids given beside <paramref name="member"/> in the same request: a <c>client_id</c> field of the same
    /// form (<see cref="KeyedValues.RequestMembersBeside"/>), a <c>ClientId</c> member set in the same initializer or on the
    /// same receiver, or, for an argument, a <c>clientId</c> argument of the same call.
    /// </summary>
    private static List<string> ClientIdsBeside(IOperation member, Compilation compilation, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var others = member is IArgumentOperation { Parent: { } call } ? call.ChildOperations : KeyedValues.RequestMembersBeside(member, cancellationToken);
        foreach (var other in others)
        {
            var id = other switch
            {
                IArgumentOperation { Parameter.Name: var name } argument when argument != member && KeyedValues.NamesClientId(name) => argument.Value,
                ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member.Name: var name } } assignment when KeyedValues.NamesClientId(name) => assignment.Value,
                _ when KeyedValues.TryRead(other, compilation, cancellationToken, out var keyed) && KeyedValues.NamesClientId(keyed.Key) => keyed.Value,
                _ => null,
            };
            if (id is not null && HardcodedStringTracer.ConstantText(id, compilation, cancellationToken) is { } text)
            {
                ids.Add(text);
            }
        }

        return ids;
    }

    private void MatchAssignment(ISimpleAssignmentOperation assignment, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        // form["client_secret"] = …, new Dictionary<string, string> { ["client_secret"] = … }, new { client_secret = … }
        if (MatchClientSecretField(assignment, compilation, cancellationToken, hits))
        {
            return;
        }

        switch (assignment.Target)
        {
            case IPropertyReferenceOperation property when Index.TryGetSink(property.Property, out var sink) && sink.Kind == SinkKind.PropertyAssignment:
                // new Secret { Value = "…", Type = SecretTypes.X509CertificateThumbprint }: a public value, no secret.
                if (assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation }
                    || !HoldsNoSharedSecret(creation))
                {
                    var first = hits.Count;
                    Trace(assignment.Value, sink.DisplayName, sink.Meaning, compilation, cancellationToken, hits);
                    MarkTheClientId(assignment, hits, first, compilation, cancellationToken);
                }

                return;

            case IFieldReferenceOperation field when Index.TryGetSink(field.Field, out var sink) && sink.Kind == SinkKind.PropertyAssignment:
                var firstOfField = hits.Count;
                Trace(assignment.Value, sink.DisplayName, sink.Meaning, compilation, cancellationToken, hits);
                MarkTheClientId(assignment, hits, firstOfField, compilation, cancellationToken);
                return;

            // A member of a type that did not bind (a package missing from a source-only scan) is never a client-secret
            // sink by its name alone: a product's own ClientSecret may hold anything. Its name is CDS1002's evidence.
        }
    }

    /// <summary>
    /// Whether the object created says its value is no shared secret: <c>new Secret("…") { Type =
    /// SecretTypes.X509CertificateThumbprint }</c> registers a certificate's public thumbprint (<see cref="SecretSinkCatalog.SecretKinds"/>).
    /// A kind read at run time is not known, and the value stays a secret.
    /// </summary>
    private bool HoldsNoSharedSecret(IObjectCreationOperation creation)
    {
        if (_secretKinds.IsEmpty || creation.Initializer is not { } initializer || creation.Type is not INamedTypeSymbol type)
        {
            return false;
        }

        foreach (var (kindType, kind) in _secretKinds)
        {
            if (!DerivesFrom(type, kindType))
            {
                continue;
            }

            foreach (var member in initializer.Initializers)
            {
                if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: var value }
                    || target.Property.Name != kind.MemberName)
                {
                    continue;
                }

                if (value.ConstantValue is { HasValue: true, Value: string text })
                {
                    return !string.Equals(text, kind.Meaning.SharedSecretKind, StringComparison.OrdinalIgnoreCase);
                }

                // SecretTypes.X509CertificateThumbprint where the constants' package is not referenced (a source-only scan
                // that stands in for Secret alone): the constant's name says the kind as its value would.
                if (UnboundKindConstant(value, kind.Meaning.KindConstantsType) is { } constantName)
                {
                    return !string.Equals(constantName, kind.Meaning.SharedSecretKind, StringComparison.Ordinal);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The member name of <c>…<paramref name="constantsType"/>.Name</c> when it does not bind; null for anything else
    /// (a kind read at run time stays unknown).
    /// </summary>
    private static string? UnboundKindConstant(IOperation value, string constantsType)
    {
        value = StringParts.Unwrap(value);
        return value is IInvalidOperation or { Type: null or { TypeKind: TypeKind.Error } }
            && value.Syntax is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name, Expression: var receiver }
            && receiver switch
            {
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: var last } => last == constantsType,
                IdentifierNameSyntax { Identifier.ValueText: var only } => only == constantsType,
                _ => false,
            }
            ? name.Identifier.ValueText
            : null;
    }

    private void MatchArguments(ImmutableArray<IArgumentOperation> arguments, SecretSink sink, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && SecretSinkCatalog.Receives(sink, parameter.Name))
            {
                var value = argument.Value;
                var keyBytes = false;
                if (parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                    && TextBehindBytes(FollowLocalOrStaticField(value, compilation, cancellationToken)) is { } text)
                {
                    // new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…")): a key sink takes bytes; the text is the key.
                    value = text;
                    keyBytes = true;
                }

                var first = hits.Count;
                Trace(value, sink.DisplayName, sink.Meaning, compilation, cancellationToken, hits);
                for (var i = first; keyBytes && i < hits.Count; i++)
                {
                    hits[i] = hits[i] with { IsKeyBytes = true };
                }

                MarkTheClientId(argument, hits, first, compilation, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The text a byte array is made from, <c>Encoding.X.GetBytes(text)</c> or <c>Convert.FromBase64String(text)</c>;
    /// null for anything else.
    /// </summary>
    public IOperation? TextBehindBytes(IOperation value)
    {
        if (StringParts.Unwrap(value) is not IInvocationOperation { Arguments.Length: 1 } invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        var isGetBytes = method.Name == "GetBytes" && _encoding is not null && DerivesFrom(method.ContainingType, _encoding);
        var isFromBase64 = method.Name == "FromBase64String" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _convert);
        return (isGetBytes || isFromBase64) && invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
            ? invocation.Arguments[0].Value
            : null;
    }

    /// <summary>
    /// <c>…&amp;client_secret=" + Secret</c> or <c>$"…&amp;client_secret={Secret}"</c>: the part after the field
    /// name, when hard-coded. Only the outermost concatenation is looked at, so a chain is read once.
    /// </summary>
    private static void MatchQueryComposite(IOperation composite, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        if (composite is IBinaryOperation && composite.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add })
        {
            return;
        }

        if (composite.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        IOperation? previous = null;
        foreach (var part in StringParts.Of(composite))
        {
            if (previous is not null
                && previous.ConstantValue is { HasValue: true, Value: string text }
                && text.EndsWith(ClientSecretEquals, StringComparison.OrdinalIgnoreCase)
                && StartsField(text, text.Length - ClientSecretEquals.Length))
            {
                Trace(part, OAuthParameters.ClientSecret, SinkMeaning.ClientSecret, compilation, cancellationToken, hits);
            }

            previous = part;
        }
    }

    /// <summary>
    /// The value of the first <c>client_secret=value</c> field a literal spells itself (a form body or query string) that is
    /// no placeholder; null when it spells none.
    /// </summary>
    private static string? ClientSecretFieldValue(string text)
    {
        var start = 0;
        while (true)
        {
            var index = text.IndexOf(ClientSecretEquals, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return null;
            }

            var valueStart = index + ClientSecretEquals.Length;
            var valueEnd = valueStart;
            while (valueEnd < text.Length && text[valueEnd] is not ('&' or '"' or '\'' or ' ' or '\r' or '\n'))
            {
                valueEnd++;
            }

            if (StartsField(text, index) && valueEnd > valueStart
                && text[valueStart] is not ('{' or '(' or '[' or '\\' or '^' or '$' or '*')
                && text.Substring(valueStart, valueEnd - valueStart) is var value
                && !SecretValueHeuristics.IsNotASecret(value))
            {
                return value;
            }

            start = valueEnd;
        }
    }

    /// <summary>The field name starts the text or follows a separator (so <c>my_client_secret=</c> is not it).</summary>
    private static bool StartsField(string text, int index) =>
        index == 0 || text[index - 1] is '&' or '?' or ' ' or '\n' or '\t' or ';' or '"';

    /// <summary>
    /// The value of a <c>Basic</c> header: <c>Convert.ToBase64String(Encoding.X.GetBytes(id + ":" + secret))</c>,
    /// the same behind <c>"Basic " +</c> or <c>$"Basic {…}"</c>, or an already encoded constant.
    /// </summary>
    private void MatchBasicHeaderValue(IOperation value, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits, bool expectSchemePrefix, int depth = 0)
    {
        value = StringParts.Unwrap(value);

        // var credentials = Convert.ToBase64String(…); new AuthenticationHeaderValue("Basic", credentials)
        if (value is ILocalReferenceOperation local && depth < 3
            && HardcodedStringTracer.SingleAssignmentInitializer(local, compilation, cancellationToken) is { } initializer)
        {
            MatchBasicHeaderValue(initializer, compilation, cancellationToken, hits, expectSchemePrefix, depth + 1);
            return;
        }

        if (expectSchemePrefix)
        {
            IOperation? previous = null;
            foreach (var part in StringParts.Of(value))
            {
                if (previous?.ConstantValue is { HasValue: true, Value: string prefix }
                    && prefix.TrimEnd().EndsWith("Basic", StringComparison.OrdinalIgnoreCase))
                {
                    MatchBasicHeaderValue(part, compilation, cancellationToken, hits, expectSchemePrefix: false);
                    return;
                }

                previous = part;
            }

            // "Basic dXNlcjpwYXNz" spelled out.
            foreach (var hardcoded in HardcodedStringTracer.Trace(value, compilation, cancellationToken))
            {
                var text = hardcoded.Text.Trim();
                if (text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && Base64Credential.DecodesToIdAndSecret(text.Substring(6).Trim()))
                {
                    hits.Add(new SinkHit(hardcoded, BasicHeaderSinkName, SinkMeaning.ClientSecret));
                }
            }

            return;
        }

        if (value is IInvocationOperation { TargetMethod.Name: "ToBase64String", Arguments.Length: >= 1 } toBase64
            && SymbolEqualityComparer.Default.Equals(toBase64.TargetMethod.ContainingType, _convert)
            && FollowLocal(toBase64.Arguments[0].Value, compilation, cancellationToken) is IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } getBytes
            && _encoding is not null && DerivesFrom(getBytes.TargetMethod.ContainingType, _encoding))
        {
            MatchIdColonSecret(getBytes.Arguments[0].Value, compilation, cancellationToken, hits);
            return;
        }

        foreach (var hardcoded in HardcodedStringTracer.Trace(value, compilation, cancellationToken))
        {
            if (Base64Credential.DecodesToIdAndSecret(hardcoded.Text.Trim()))
            {
                hits.Add(new SinkHit(hardcoded, BasicHeaderSinkName, SinkMeaning.ClientSecret));
            }
        }
    }

    /// <summary>
    /// <c>headers.Add("Authorization", "Bearer …")</c> or <c>"Bearer " + token</c>: the token is a credential, as in
    /// <c>new AuthenticationHeaderValue("Bearer", …)</c> (a known sink for CDS1002).
    /// </summary>
    private void MatchBearerHeaderValue(IOperation value, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        const string SinkName = "Authorization: Bearer";
        IOperation? previous = null;
        foreach (var part in StringParts.Of(value))
        {
            if (previous?.ConstantValue is { HasValue: true, Value: string prefix }
                && prefix.Trim().Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                Trace(part, SinkName, SinkMeaning.Credential, compilation, cancellationToken, hits);
                return;
            }

            previous = part;
        }

        foreach (var hardcoded in HardcodedStringTracer.Trace(value, compilation, cancellationToken))
        {
            var text = hardcoded.Text.Trim();
            if (text.Length > 7 && text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var token = text.Substring(7).Trim();
                if (token.Length > 0 && token.IndexOf(' ') < 0 && !SecretValueHeuristics.IsNotASecret(token))
                {
                    hits.Add(new SinkHit(hardcoded, SinkName, SinkMeaning.Credential));
                }
            }
        }
    }

    /// <summary>The secret half of <c>id:secret</c>: the hard-coded parts after the colon.</summary>
    private static void MatchIdColonSecret(IOperation credential, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        credential = StringParts.Unwrap(credential);
        if (credential is ILocalReferenceOperation local
            && HardcodedStringTracer.SingleAssignmentInitializer(local, compilation, cancellationToken) is { } initializer
            && (StringParts.IsComposite(initializer) || StringParts.TryGetFormat(initializer, out _, out _)))
        {
            credential = StringParts.Unwrap(initializer);
        }

        // string.Format("{0}:{1}", id, secret): the values of the items after the colon.
        if (StringParts.TryGetFormat(credential, out var format, out var values))
        {
            foreach (var item in StringParts.FormatItemsAfterColon(format))
            {
                if (item < values.Count)
                {
                    Trace(values[item], BasicHeaderSinkName, SinkMeaning.ClientSecret, compilation, cancellationToken, hits);
                }
            }

            return;
        }

        var isComposite = StringParts.IsComposite(credential);
        var whole = isComposite ? null : HardcodedStringTracer.Trace(credential, compilation, cancellationToken);
        if (whole is not null)
        {
            foreach (var hardcoded in whole)
            {
                var colon = hardcoded.Text.IndexOf(':');
                if (colon >= 0 && !SecretValueHeuristics.IsNotASecret(hardcoded.Text.Substring(colon + 1)))
                {
                    hits.Add(new SinkHit(hardcoded, BasicHeaderSinkName, SinkMeaning.ClientSecret));
                }
            }

            return;
        }

        var afterColon = false;
        foreach (var part in StringParts.Of(credential))
        {
            if (afterColon)
            {
                Trace(part, BasicHeaderSinkName, SinkMeaning.ClientSecret, compilation, cancellationToken, hits);
            }
            else if (part.ConstantValue is { HasValue: true, Value: string text } && text.IndexOf(':') is var colon and >= 0)
            {
                afterColon = true;
                if (colon < text.Length - 1 && !SecretValueHeuristics.IsNotASecret(text.Substring(colon + 1)))
                {
                    hits.Add(new SinkHit(new HardcodedString(part.Syntax, text), BasicHeaderSinkName, SinkMeaning.ClientSecret));
                }
            }
        }
    }

    /// <summary>
    /// As <see cref="FollowLocal"/>, and also the initializer of a <c>static readonly</c> field
    /// (<c>static readonly byte[] Key = Encoding.ASCII.GetBytes(…)</c>).
    /// </summary>
    private static IOperation FollowLocalOrStaticField(IOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        value = StringParts.Unwrap(value);
        return value is IFieldReferenceOperation field && HardcodedStringTracer.StaticReadonlyFieldInitializer(field, compilation, cancellationToken) is { } initializer
            ? StringParts.Unwrap(initializer)
            : FollowLocal(value, compilation, cancellationToken);
    }

    /// <summary>The initializer of a local assigned once (<c>var bytes = Encoding.UTF8.GetBytes(…)</c>), else the value.</summary>
    private static IOperation FollowLocal(IOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        value = StringParts.Unwrap(value);
        return value is ILocalReferenceOperation local && HardcodedStringTracer.SingleAssignmentInitializer(local, compilation, cancellationToken) is { } initializer
            ? StringParts.Unwrap(initializer)
            : value;
    }

    private static void Trace(IOperation value, string sinkName, SinkMeaning meaning, Compilation compilation, CancellationToken cancellationToken, List<SinkHit> hits)
    {
        if (hits is ParameterFlowCollector collector)
        {
            // Reading the user's methods for parameters that reach a sink (SecretParameterFlows), and for constants in the same pass.
            collector.Record(value, sinkName, meaning, compilation, cancellationToken);
        }

        foreach (var hardcoded in HardcodedStringTracer.Trace(value, compilation, cancellationToken))
        {
            if (!SecretValueHeuristics.IsNotASecret(hardcoded.Text) && !KeyNames.IsCredentialKeyName(hardcoded.Text, CredentialNames.Default))
            {
                hits.Add(new SinkHit(hardcoded, sinkName, meaning) { Argument = value.Syntax });
            }
        }
    }

    private static bool IsClientSecretField(KeyedValue field)
    {
        foreach (var name in SecretSinkCatalog.ClientSecretFieldNames)
        {
            if (field.KeyIs(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConstantString(IOperation operation, string expected) =>
        operation.ConstantValue is { HasValue: true, Value: string text } && string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A hard-coded value handed to a sink.</summary>
internal readonly record struct SinkHit(HardcodedString Value, string SinkName, SinkMeaning Meaning)
{
    /// <summary>
    /// The expression handed to the sink (an argument, an assigned value), where a finding lands when the literal
    /// is declared in another document; null when the value is spelled at the sink itself.
    /// </summary>
    public SyntaxNode? Argument { get; init; }

    /// <summary>
    /// The part of <see cref="HardcodedString.Text"/> that is the secret, where the text holds more than it
    /// (<c>client_id=app&amp;client_secret=…</c>: the field's value); null when the whole text is.
    /// </summary>
    public string? SecretPart { get; init; }

    /// <summary>
    /// The value is also the client id the same request gives (<c>client_id</c>, <c>ClientId</c>, a <c>clientId</c> argument): the
    /// public identifier (SPEC: <c>client_id</c> values are never flagged), which CDS1001 does not report. The hit still marks
    /// the literal as a client secret's, so that the weaker rules (CDS1002, CDS1003) defer to CDS1001 and stay silent too.
    /// </summary>
    public bool IsTheClientId { get; init; }

    /// <summary>
    /// The sink takes the text's bytes as its key (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>, an HMAC's
    /// key): the text is the key whatever it says, so a phrase that describes itself is no made-up value there
    /// (<see cref="CredentialValueShape.CanBeAKey"/>).
    /// </summary>
    public bool IsKeyBytes { get; init; }

    /// <summary>The text a screen judges (a placeholder, a test sentinel): the secret itself, not what carries it.</summary>
    public string SecretText => SecretPart ?? Value.Text;
}
