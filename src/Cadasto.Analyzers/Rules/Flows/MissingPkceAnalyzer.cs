using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Rules.Flows;

/// <summary>
/// CDS2004: the authorization code flow without PKCE — <c>UsePkce = false</c>; <c>AddOAuth</c> whose options
/// never turn PKCE on (its default is off); an IdentityModel <c>AuthorizationCodeTokenRequest</c> without a
/// <c>CodeVerifier</c>; MSAL <c>AcquireTokenByAuthorizationCode</c> without <c>WithPkceCodeVerifier</c> and
/// <c>GetAuthorizationRequestUrl</c> without <c>WithPkce</c>; an authorize URL or parameter set with
/// <c>response_type=code</c> (or the hybrid <c>code id_token</c>) and no <c>code_challenge</c>; a code exchange without a
/// <c>code_verifier</c>; ASP.NET Core's hybrid response type; on an authorization server, <c>RequirePkce = false</c> on a
/// client registration that allows the code or hybrid flow.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingPkceAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the change the code fix makes.</summary>
    public const string FixKey = "CadastoPkceFix";

    public const string FixSetUsePkceTrue = "SetUsePkceTrue";
    public const string FixAddUsePkce = "AddUsePkce";
    public const string FixAddCodeVerifier = "AddCodeVerifier";
    public const string FixWithPkceCodeVerifier = "WithPkceCodeVerifier";
    public const string FixWithPkce = "WithPkce";

    /// <summary>A response-type property whose hybrid value turns PKCE off (no fix: the response type is a design choice).</summary>
    public const string HybridResponseType = "HybridResponseType";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingPkce);

    private static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.ArrayCreation,
        OperationKind.SimpleAssignment,
        OperationKind.Literal,
        OperationKind.InterpolatedString,
        OperationKind.Binary);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!CompilationContents.MayHoldFlows(start.Compilation, start.Options, start.CancellationToken))
            {
                return;
            }

            var members = CompilationSymbols.Get(start.Compilation).PkceSites;
            var index = OAuthSignalIndex.Get(start.Compilation, start.Options);

            // One block action, not operation actions on seven kinds (BlockOperations: the driver's per-operation callback).
            BlockOperations.Register(start, OperationKinds, c =>
            {
                switch (c.Operation.Kind)
                {
                    case OperationKind.Invocation:
                        AnalyzeInvocation(c, members);
                        break;
                    case OperationKind.ObjectCreation or OperationKind.ArrayCreation:
                        AnalyzeCreation(c, members);
                        break;
                    case OperationKind.SimpleAssignment:
                        AnalyzeAssignment(c, members, index);
                        break;
                    default:
                        AnalyzeText(c);
                        break;
                }
            });
        });
    }

    private static void AnalyzeAssignment(OperationInBlock context, CatalogIndex<PkceRequirement> members, OAuthSignalIndex index)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: OAuthText.UsePkceMember }
            && StringParts.Unwrap(assignment.Value).ConstantValue is { HasValue: true, Value: false })
        {
            Report(context, assignment.Syntax.GetLocation(), "UsePkce = false", "set UsePkce = true", FixSetUsePkceTrue);
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation setting
            && members.TryGetMember(setting.Property, out var row)
            && row.Kind == SinkKind.PropertyAssignment)
        {
            var site = row.Meaning;
            if (site.Fix == HybridResponseType)
            {
                // The hybrid flow (code id_token); with token in it, it is the implicit grant, CDS2002's finding.
                foreach (var responseType in HardcodedStringTracer.ConstantTexts(assignment.Value, context.Compilation, context.CancellationToken))
                {
                    if (OAuthText.IncludesCode(responseType) && !OAuthText.IncludesToken(responseType) && responseType.Trim() != site.Evidence)
                    {
                        Report(context, assignment.Syntax.GetLocation(), "ResponseType = \"" + responseType.Trim() + "\"", site.Advice, fix: null);
                        return;
                    }
                }
            }
            else if (StringParts.Unwrap(assignment.Value).ConstantValue is { HasValue: true, Value: false }
                && ClientRegistrations.GrantsOfRegistration(setting, index).Any(grant => grant.Signal == OAuthSignal.AuthorizationCodeGrant))
            {
                // An authorization server's client registration: RequirePkce = false on a client that uses the code flow.
                Report(context, assignment.Syntax.GetLocation(), row.MemberName + " = false", site.Advice, site.Fix);
            }

            return;
        }

        AnalyzeParameterAddedLater(context, assignment);
    }

    private static void AnalyzeInvocation(OperationInBlock context, CatalogIndex<PkceRequirement> members)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!members.TryGetMember(invocation.TargetMethod, out var row) || row.Kind != SinkKind.MethodArgument)
        {
            AnalyzeParameterAddedLater(context, invocation);
            return;
        }

        var site = row.Meaning;

        switch (site.Fix)
        {
            case FixAddUsePkce:
                // AddOAuth(scheme, options => { … }): the options must turn PKCE on (or off, which CDS2004 reports there).
                var configure = invocation.Arguments.FirstOrDefault(a => a.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation });
                if (configure is null || AssignsMember(configure.Value.Syntax, OAuthText.UsePkceMember))
                {
                    return;
                }

                break;

            case FixKey:
                // CreateAuthorizeUrl(clientId, "code", …) without a code challenge.
                var responseType = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "responseType");
                var challenge = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == site.Evidence);
                if (responseType is null
                    || HardcodedStringTracer.ConstantText(responseType.Value, context.Compilation, context.CancellationToken) is not { } text
                    || !OAuthText.IncludesCode(text)
                    || (challenge is not null && challenge.ArgumentKind != ArgumentKind.DefaultValue && !IsNull(challenge.Value)))
                {
                    return;
                }

                break;

            default:
                // MSAL: the fluent chain (or the method around it) adds the PKCE call.
                if (ChainCalls(invocation, site.Evidence) || MentionsInBody(invocation.Syntax, site.Evidence))
                {
                    return;
                }

                break;
        }

        Report(context, OAuthSignalFinder.CallLocation(invocation), row.MemberName, site.Advice, site.Fix);
    }

    private static void AnalyzeCreation(OperationInBlock context, CatalogIndex<PkceRequirement> members)
    {
        if (context.Operation is IObjectCreationOperation { Type: { } type } creation && members.TryGetCreatedType(type, out var row))
        {
            var site = row.Meaning;
            if (!SetsMember(creation, site.Evidence, context.Compilation, context.CancellationToken) && !AssignedLater(creation, site.Evidence))
            {
                Report(context, creation.Syntax.GetLocation(), type.Name, site.Advice, site.Fix);
            }

            return;
        }

        // new Dictionary<string, string> { ["response_type"] = "code", … }, new[] { new KeyValuePair<string, string>("grant_type", …), … }.
        if (InitializerParameters(context.Operation, context.Compilation, context.CancellationToken) is { } parameters)
        {
            // var dict = new Dictionary<string, string> { … }; if (verifier != null) dict["code_verifier"] = verifier;: the
            // local's set is judged whole, with what the body adds after the initializer (under a condition too).
            if ((parameters.ContainsKey(OAuthText.GrantTypeKey) || parameters.ContainsKey(OAuthText.ResponseTypeKey))
                && DeclaredLocal(context.Operation) is { } local)
            {
                if (IsReadAsAReceivedRequest(local, context.Operation, context.CancellationToken))
                {
                    return;
                }

                parameters = ParametersOf(local, context.Operation, context.Compilation, context.CancellationToken);
            }

            JudgeParameters(context, parameters, context.Operation.Syntax.GetLocation(), authorize: true, exchange: true);
        }
    }

    /// <summary>The local a creation initializes (<c>var dict = new …</c>), through conversions; null otherwise.</summary>
    private static ILocalSymbol? DeclaredLocal(IOperation creation)
    {
        var value = creation;
        while (value.Parent is IConversionOperation or IParenthesizedOperation)
        {
            value = value.Parent;
        }

        return value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    /// <summary>
    /// A parameter set built step by step (<c>query["response_type"] = "code"</c>, <c>form.Add("grant_type", "authorization_code")</c>
    /// on a local): judged with every parameter the body puts into the same local, at the statement that chooses the flow.
    /// </summary>
    private static void AnalyzeParameterAddedLater(OperationInBlock context, IOperation operation)
    {
        if (operation.Parent is IObjectOrCollectionInitializerOperation
            || !TryReadParameter(operation, context.Compilation, context.CancellationToken, out var key, out _, out var instance)
            || instance is not ILocalReferenceOperation { Local: var local })
        {
            return;
        }

        var authorize = string.Equals(key, OAuthText.ResponseTypeKey, StringComparison.OrdinalIgnoreCase);
        if ((!authorize && !string.Equals(key, OAuthText.GrantTypeKey, StringComparison.OrdinalIgnoreCase))
            || IsReadAsAReceivedRequest(local, operation, context.CancellationToken))
        {
            return;
        }

        JudgeParameters(context, ParametersOf(local, operation, context.Compilation, context.CancellationToken), operation.Syntax.GetLocation(), authorize, exchange: !authorize);
    }

    /// <summary>Every parameter the body around <paramref name="operation"/> puts into <paramref name="local"/>: its initializer's, then each <c>Add</c> or indexer assignment.</summary>
    private static Dictionary<string, IOperation> ParametersOf(ILocalSymbol local, IOperation operation, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var parameters = new Dictionary<string, IOperation>(StringComparer.OrdinalIgnoreCase);
        foreach (var descendant in root.Descendants())
        {
            if (descendant is IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                && InitializerParameters(StringParts.Unwrap(initial), compilation, cancellationToken) is { } initialParameters)
            {
                foreach (var pair in initialParameters)
                {
                    parameters[pair.Key] = pair.Value;
                }
            }
            else if (descendant.Parent is not IObjectOrCollectionInitializerOperation
                && TryReadParameter(descendant, compilation, cancellationToken, out var otherKey, out var value, out var otherInstance)
                && otherInstance is ILocalReferenceOperation other
                && SymbolEqualityComparer.Default.Equals(other.Local, local))
            {
                parameters[otherKey] = value;
            }
        }

        return parameters;
    }

    /// <summary>Method names of the side that receives a request: a validator's or a model binder's (<c>ValidateRequestAsync</c>, <c>BindModelAsync</c>).</summary>
    private static readonly string[] ReceivingVerbs = { "Validate", "Bind" };

    /// <summary>
    /// Whether the body hands the parameter set in <paramref name="local"/> to a validator or a model binder
    /// (<c>validator.ValidateRequestAsync(parameters, …)</c>, <c>binder.BindModelAsync(payload, …)</c>, in a mock's setup
    /// too): an authorization server's own tests building the request it receives, not a client sending one. Read from
    /// the syntax, so that a call the scan cannot bind (a mocking library's lambda) still counts.
    /// </summary>
    private static bool IsReadAsAReceivedRequest(ILocalSymbol local, IOperation operation, System.Threading.CancellationToken cancellationToken)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var model = operation.SemanticModel;
        foreach (var node in root.Syntax.DescendantNodes())
        {
            if (node is IdentifierNameSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } name
                && name.Identifier.ValueText == local.Name
                && IsReceivingCall(call)
                && (model is null || SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReceivingCall(InvocationExpressionSyntax call)
    {
        var name = call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };

        foreach (var verb in ReceivingVerbs)
        {
            // A word of its own: Validate, ValidateRequestAsync, BindModelAsync; not Binding…, Validated….
            if (name.StartsWith(verb, StringComparison.Ordinal)
                && (name.Length == verb.Length || CredentialNames.CaseStartsWord(name, verb.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameters an initializer spells: dictionary entries, or <c>KeyValuePair</c>s and tuples in an array or list; null when it spells none.</summary>
    private static Dictionary<string, IOperation>? InitializerParameters(IOperation creation, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var elements = creation switch
        {
            IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers,
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ => ImmutableArray<IOperation>.Empty,
        };

        Dictionary<string, IOperation>? parameters = null;
        foreach (var element in elements)
        {
            if (TryReadParameter(element, compilation, cancellationToken, out var key, out var value, out _))
            {
                (parameters ??= new Dictionary<string, IOperation>(StringComparer.OrdinalIgnoreCase))[key] = value;
            }
        }

        return parameters;
    }

    /// <summary>
    /// One parameter, as <see cref="KeyedValues"/> reads it (<c>Add(key, value)</c>, <c>[key] = value</c>, a <c>KeyValuePair</c>,
    /// a tuple), or a <c>KeyValuePair</c> passed to a list's <c>Add</c>. <paramref name="instance"/> is what <c>Add</c> or the
    /// indexer is called on (null otherwise).
    /// </summary>
    private static bool TryReadParameter(IOperation element, Compilation compilation, System.Threading.CancellationToken cancellationToken, out string key, out IOperation value, out IOperation? instance)
    {
        element = StringParts.Unwrap(element);
        instance = element switch
        {
            IInvocationOperation invocation => invocation.Instance,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } => indexer.Instance,
            _ => null,
        };
        instance = instance is null ? null : StringParts.Unwrap(instance);

        // new List<KeyValuePair<string, string>> { new("grant_type", …) }: the pair is the argument of Add.
        var pair = element is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add ? add.Arguments[0].Value : element;
        if (KeyedValues.TryRead(StringParts.Unwrap(pair), compilation, cancellationToken, out var keyed) && keyed.KeyOperation is not null)
        {
            (key, value) = (keyed.Key, keyed.Value);
            return key.Length > 0;
        }

        (key, value) = (string.Empty, element);
        return false;
    }

    /// <summary>An authorize request with a code response type and no <c>code_challenge</c>; a code exchange with no <c>code_verifier</c>.</summary>
    private static void JudgeParameters(OperationInBlock context, Dictionary<string, IOperation> parameters, Location location, bool authorize, bool exchange)
    {
        var syntax = context.Operation.Syntax;
        if (authorize
            && parameters.TryGetValue(OAuthText.ResponseTypeKey, out var value)
            && HardcodedStringTracer.ConstantText(value, context.Compilation, context.CancellationToken) is { } responseType
            && OAuthText.IncludesCode(responseType)
            && !parameters.ContainsKey(OAuthText.CodeChallengeKey)
            && !MentionsInBody(syntax, OAuthText.CodeChallengeKey))
        {
            Report(context, location, "response_type=" + responseType, "add a code_challenge parameter (S256)", fix: null);
        }

        if (exchange
            && parameters.TryGetValue(OAuthText.GrantTypeKey, out var grant)
            && HardcodedStringTracer.ConstantText(grant, context.Compilation, context.CancellationToken) is { } grantType
            && string.Equals(grantType.Trim(), OAuthText.AuthorizationCodeGrant, StringComparison.Ordinal)
            && parameters.ContainsKey("code")
            && !parameters.ContainsKey(OAuthText.CodeVerifierKey)
            && !MentionsInBody(syntax, OAuthText.CodeVerifierKey))
        {
            Report(context, location, "grant_type=authorization_code", "add the code_verifier parameter that matches the authorize request's code_challenge", fix: null);
        }
    }

    /// <summary>An authorize URL written as text: <c>response_type=code</c> and no <c>code_challenge</c> anywhere near.</summary>
    private static void AnalyzeText(OperationInBlock context)
    {
        var operation = context.Operation;
        if (operation is IBinaryOperation { OperatorKind: not BinaryOperatorKind.Add } || !OAuthText.IsOutermostString(operation) || OAuthText.IsMessage(operation))
        {
            return;
        }

        if (OAuthText.Compose(operation) is not { } text)
        {
            return;
        }

        // A code exchange written as a form body: grant_type=authorization_code&code=… and no code_verifier.
        if (text.IndexOf(OAuthText.GrantTypeKey, StringComparison.OrdinalIgnoreCase) >= 0
            && OAuthText.ParameterValues(text, OAuthText.GrantTypeKey).Any(g => string.Equals(g, OAuthText.AuthorizationCodeGrant, StringComparison.Ordinal))
            && OAuthText.ParameterValues(text, "code").Any()
            && !OAuthText.MentionsParameter(text, OAuthText.CodeVerifierKey)
            && !MentionsInBody(operation.Syntax, OAuthText.CodeVerifierKey))
        {
            Report(context, operation.Syntax.GetLocation(), "grant_type=authorization_code", "add the code_verifier parameter that matches the authorize request's code_challenge", fix: null);
            return;
        }

        if (text.IndexOf(OAuthText.ResponseTypeKey, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }

        foreach (var responseType in OAuthText.ParameterValues(text, OAuthText.ResponseTypeKey))
        {
            if (responseType.IndexOf(OAuthText.Unknown) < 0
                && OAuthText.IncludesCode(responseType)
                && !OAuthText.MentionsParameter(text, OAuthText.CodeChallengeKey)
                && !MentionsInBody(operation.Syntax, OAuthText.CodeChallengeKey))
            {
                Report(context, operation.Syntax.GetLocation(), "response_type=" + responseType, "add code_challenge and code_challenge_method=S256 to the authorize URL", fix: null);
                return;
            }
        }
    }

    private static void Report(OperationInBlock context, Location location, string what, string advice, string? fix)
    {
        var properties = fix is null || fix == FixKey
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixKey, fix);
        context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.MissingPkce, location, properties, what, advice));
    }

    /// <summary>
    /// Whether the object initializer sets <paramref name="member"/> to something other than null — as the member, or as
    /// the request parameter of its name in a collection the initializer fills (<c>Parameters = { { "code_verifier", v } }</c>,
    /// <c>{ OidcConstants.TokenRequest.CodeVerifier, v }</c>: the key compared ignoring case and separators).
    /// </summary>
    private static bool SetsMember(IObjectCreationOperation creation, string member, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (creation.Initializer is null)
        {
            return false;
        }

        foreach (var element in creation.Initializer.Initializers)
        {
            if (element is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                && target.Member.Name == member
                && !IsNull(assignment.Value))
            {
                return true;
            }

            var entries = element switch
            {
                IMemberInitializerOperation { Initializer: { } nested } => nested.Initializers,
                ISimpleAssignmentOperation { Value: IObjectCreationOperation { Initializer: { } filled } } => filled.Initializers,
                _ => ImmutableArray<IOperation>.Empty,
            };
            foreach (var entry in entries)
            {
                if (TryReadParameter(entry, compilation, cancellationToken, out var key, out var value, out _)
                    && SeparatorInsensitiveText.Equals(key, member)
                    && !IsNull(value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>var request = new …; request.CodeVerifier = verifier;</c>: set after creation, in the same body.</summary>
    private static bool AssignedLater(IObjectCreationOperation creation, string member)
    {
        var body = creation.Syntax.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);
        return body is not null && AssignsMember(body, member);
    }

    private static bool AssignsMember(SyntaxNode scope, string member)
    {
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: var left }
                && left switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == member,
                    IdentifierNameSyntax name => name.Identifier.ValueText == member,
                    _ => false,
                })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the fluent chain the call stands in calls <paramref name="method"/> (<c>app.AcquireTokenByAuthorizationCode(…).WithPkceCodeVerifier(v)</c>).</summary>
    private static bool ChainCalls(IInvocationOperation invocation, string method)
    {
        SyntaxNode node = invocation.Syntax;
        while (node.Parent is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax outer)
        {
            if (access.Name.Identifier.ValueText == method)
            {
                return true;
            }

            node = outer;
        }

        return false;
    }

    /// <summary>
    /// Whether the type around <paramref name="node"/> names <paramref name="word"/> (a builder finished elsewhere, a parameter
    /// added in a helper, under a condition: <c>if (Options.UsePkce) parameters[OAuthConstants.CodeChallengeKey] = …</c>): in
    /// text, or as an identifier that spells it, perhaps followed by <c>Key</c>, <c>Name</c> or <c>Parameter</c> — a constant
    /// naming the parameter whose value a referenced assembly keeps in a <c>static readonly</c> field, out of the tracer's reach.
    /// </summary>
    private static bool MentionsInBody(SyntaxNode node, string word)
    {
        var scope = node.FirstAncestorOrSelf<SyntaxNode>(static n => n is TypeDeclarationSyntax or CompilationUnitSyntax) ?? node;
        foreach (var token in scope.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken when SeparatorInsensitiveText.Equals(token.ValueText, word) || NamesTheParameter(token.ValueText, word):
                case SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                    when token.ValueText.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0:
                    return true;
            }
        }

        return false;
    }

    private static readonly string[] ParameterNameSuffixes = { "Key", "Name", "Parameter", "ParameterName" };

    /// <summary><c>CodeChallengeKey</c>, <c>CodeVerifierParameterName</c> for <c>code_challenge</c>, <c>code_verifier</c>.</summary>
    private static bool NamesTheParameter(string identifier, string word)
    {
        foreach (var suffix in ParameterNameSuffixes)
        {
            if (identifier.Length > suffix.Length && identifier.EndsWith(suffix, StringComparison.Ordinal)
                && SeparatorInsensitiveText.Equals(identifier.Substring(0, identifier.Length - suffix.Length), word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(IOperation value) =>
        StringParts.Unwrap(value) is IDefaultValueOperation || StringParts.Unwrap(value).ConstantValue is { HasValue: true, Value: null };
}
