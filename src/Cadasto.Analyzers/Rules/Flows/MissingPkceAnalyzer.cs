using Cadasto.Analyzers.Catalogs;
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
/// <c>response_type=code</c> and no <c>code_challenge</c>.
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

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingPkce);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var members = CompilationSymbols.Get(start.Compilation).PkceSites;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, members), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, members), OperationKind.ObjectCreation);
            start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(AnalyzeText, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "UsePkce" }
            && StringParts.Unwrap(assignment.Value).ConstantValue is { HasValue: true, Value: false })
        {
            Report(context, assignment.Syntax.GetLocation(), "UsePkce = false", "set UsePkce = true", FixSetUsePkceTrue);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CatalogIndex<PkceRequirement> members)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!members.TryGetMember(invocation.TargetMethod, out var row) || row.Kind != SinkKind.MethodArgument)
        {
            return;
        }

        var site = row.Meaning;

        switch (site.Fix)
        {
            case FixAddUsePkce:
                // AddOAuth(scheme, options => { … }): the options must turn PKCE on (or off, which CDS2004 reports there).
                var configure = invocation.Arguments.FirstOrDefault(a => a.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation });
                if (configure is null || AssignsMember(configure.Value.Syntax, "UsePkce"))
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

    private static void AnalyzeCreation(OperationAnalysisContext context, CatalogIndex<PkceRequirement> members)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is { } type && members.TryGetCreatedType(type, out var row))
        {
            var site = row.Meaning;
            if (!SetsMember(creation, site.Evidence) && !AssignedLater(creation, site.Evidence))
            {
                Report(context, creation.Syntax.GetLocation(), type.Name, site.Advice, site.Fix);
            }

            return;
        }

        // new Dictionary<string, string> { ["response_type"] = "code", … } without a code_challenge.
        if (creation.Initializer is { } initializer)
        {
            var keys = new Dictionary<string, IOperation>(StringComparer.OrdinalIgnoreCase);
            foreach (var element in initializer.Initializers)
            {
                // { "response_type", "code" } and ["response_type"] = "code"; keys compare as KeyedValues.KeyIs does.
                if (KeyedValues.TryRead(element, context.Compilation, context.CancellationToken, out var field))
                {
                    keys[field.Key] = field.Value;
                }
            }

            if (keys.TryGetValue(OAuthText.ResponseTypeKey, out var value)
                && HardcodedStringTracer.ConstantText(value, context.Compilation, context.CancellationToken) is { } responseType
                && OAuthText.IncludesCode(responseType)
                && !keys.ContainsKey(OAuthText.CodeChallengeKey)
                && !MentionsInBody(creation.Syntax, OAuthText.CodeChallengeKey))
            {
                Report(context, creation.Syntax.GetLocation(), "response_type=" + responseType, "add a code_challenge parameter (S256)", fix: null);
            }

            // new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, … } without a code_verifier.
            if (keys.TryGetValue(OAuthText.GrantTypeKey, out var grant)
                && HardcodedStringTracer.ConstantText(grant, context.Compilation, context.CancellationToken) is { } grantType
                && string.Equals(grantType.Trim(), OAuthText.AuthorizationCodeGrant, StringComparison.Ordinal)
                && keys.ContainsKey("code")
                && !keys.ContainsKey(OAuthText.CodeVerifierKey)
                && !MentionsInBody(creation.Syntax, OAuthText.CodeVerifierKey))
            {
                Report(context, creation.Syntax.GetLocation(), "grant_type=authorization_code", "add the code_verifier parameter that matches the authorize request's code_challenge", fix: null);
            }
        }
    }

    /// <summary>An authorize URL written as text: <c>response_type=code</c> and no <c>code_challenge</c> anywhere near.</summary>
    private static void AnalyzeText(OperationAnalysisContext context)
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

    private static void Report(OperationAnalysisContext context, Location location, string what, string advice, string? fix)
    {
        var properties = fix is null || fix == FixKey
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixKey, fix);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingPkce, location, properties, what, advice));
    }

    /// <summary>Whether the object initializer sets <paramref name="member"/> to something other than null.</summary>
    private static bool SetsMember(IObjectCreationOperation creation, string member)
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

    /// <summary>Whether the type around <paramref name="node"/> names <paramref name="word"/> (a builder finished elsewhere, a parameter added in a helper).</summary>
    private static bool MentionsInBody(SyntaxNode node, string word)
    {
        var scope = node.FirstAncestorOrSelf<SyntaxNode>(static n => n is TypeDeclarationSyntax or CompilationUnitSyntax) ?? node;
        foreach (var token in scope.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken when SeparatorInsensitiveText.Equals(token.ValueText, word):
                case SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                    when token.ValueText.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0:
                    return true;
            }
        }

        return false;
    }

    private static bool IsNull(IOperation value) =>
        StringParts.Unwrap(value) is IDefaultValueOperation || StringParts.Unwrap(value).ConstantValue is { HasValue: true, Value: null };
}
