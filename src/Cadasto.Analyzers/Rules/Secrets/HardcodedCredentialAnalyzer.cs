using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Rules.Secrets;

/// <summary>
/// CDS1002: a hard-coded string stored under a credential name (field, property, local, parameter
/// default, named argument, dictionary or anonymous-object key, attribute named argument), or passed
/// positionally to a known credential sink, also through a <c>const</c>, <c>static readonly</c> field or local whose
/// name says nothing. Lands on the literal; defers to CDS1001 for a literal that
/// reaches a client-secret sink (see <see cref="SecretLiteralClassifier"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HardcodedCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var classifier = SecretLiteralClassifier.For(start.Compilation, start.Options);
            var jsonLiterals = JsonLiterals.For(start.Compilation, start.Options);
            var keyMaterial = KeyMaterialLiterals.For(start.Compilation, start.Options);
            start.RegisterOperationAction(c => Analyze(c, classifier, jsonLiterals, keyMaterial), OperationKind.Literal);

            // A lambda parameter's default value (C# 12) is in no operation tree the driver walks: its syntax is all there is.
            start.RegisterSyntaxNodeAction(c => AnalyzeLambdaDefault(c, classifier), SyntaxKind.Parameter);

            // Nor is an #if branch this build does not compile: its tokens are all there is (DisabledCode).
            start.RegisterSyntaxTreeAction(c => AnalyzeDisabledCode(c, classifier));

            // From the sink backwards: a constant with a name that says nothing (const string KEY = "…") handed
            // to a known credential sink (new SymmetricSecurityKey(Encoding.UTF8.GetBytes(KEY))). Only sinks that
            // resolved in this compilation cost anything; the literal's own declaration is not walked.
            if (classifier.Matcher.Index.HasCredentialSinks)
            {
                var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
                start.RegisterOperationAction(
                    c => AnalyzeSink(c, classifier, reported),
                    OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeSink(OperationAnalysisContext context, SecretLiteralClassifier classifier, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
    {
        ISymbol? member = context.Operation switch
        {
            IObjectCreationOperation creation => creation.Constructor,
            IInvocationOperation invocation => invocation.TargetMethod,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };

        if (member is null || !classifier.Matcher.Index.TryGetSink(member, out var sink) || sink.Meaning != SinkMeaning.Credential)
        {
            return;
        }

        var hits = ListPool<SinkHit>.Rent();
        classifier.Matcher.Match(context.Operation, context.Compilation, context.CancellationToken, hits);
        var span = context.Operation.Syntax.Span;
        foreach (var hit in hits)
        {
            var syntax = hit.Value.Syntax;
            if (hit.Meaning != SinkMeaning.Credential
                || (syntax.SyntaxTree == context.Operation.Syntax.SyntaxTree && span.Contains(syntax.Span)) // written at the sink: the literal's own action decides
                || !IsNamelessDeclaration(syntax, classifier)
                || !(hit.IsKeyBytes ? CredentialValueShape.CanBeAKey(hit.Value.Text) : CredentialValueShape.CanBeACredential(hit.Value.Text))
                || CredentialShapes.Classify(hit.Value.Text) is not null // a credential shape is CDS1003's, wherever it goes
                || classifier.Matcher.IsAllowedPlaceholder(hit.SecretText)
                || classifier.IsTestSentinel(hit.SecretText)
                || !reported.TryAdd((syntax.SyntaxTree, syntax.Span), 0))
            {
                continue;
            }

            context.ReportDiagnostic(Finding(syntax.GetLocation(), classifier.NameAtSink(hit, ArgumentAt(context.Operation, hit)), hit.Value.Text));
        }

        ListPool<SinkHit>.Return(hits);
    }

    /// <summary>The argument of the sink call that hands it <paramref name="hit"/>'s value; null for an assignment.</summary>
    private static IArgumentOperation? ArgumentAt(IOperation sink, SinkHit hit)
    {
        var arguments = sink switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };

        foreach (var argument in arguments.IsDefault ? ImmutableArray<IArgumentOperation>.Empty : arguments)
        {
            if (argument.Value.Syntax == hit.Argument)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the value is declared (a <c>const</c>, a <c>static readonly</c> field, a local) under a name that is not a
    /// credential name; a credential-named declaration is the literal's own action's to judge, so one literal gets one finding.
    /// </summary>
    private static bool IsNamelessDeclaration(SyntaxNode value, SecretLiteralClassifier classifier)
    {
        for (var node = value.Parent; node is not null; node = node.Parent)
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator)
            {
                return !classifier.Names.TryMatch(declarator.Identifier.ValueText, out _);
            }

            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static void AnalyzeLambdaDefault(SyntaxNodeAnalysisContext context, SecretLiteralClassifier classifier)
    {
        var parameter = (ParameterSyntax)context.Node;
        if (parameter.Default?.Value is not LiteralExpressionSyntax literal
            || parameter.Parent?.Parent is not ParenthesizedLambdaExpressionSyntax
            || context.SemanticModel.GetConstantValue(literal, context.CancellationToken) is not { HasValue: true, Value: string text }
            || context.SemanticModel.GetDeclaredSymbol(parameter, context.CancellationToken) is not { } symbol
            || classifier.CredentialNameForLambdaDefault(symbol, text) is not { } name)
        {
            return;
        }

        context.ReportDiagnostic(Finding(literal.GetLocation(), name, text));
    }

    private static void AnalyzeDisabledCode(SyntaxTreeAnalysisContext context, SecretLiteralClassifier classifier)
    {
        foreach (var literal in classifier.DisabledLiterals(context.Tree, context.CancellationToken))
        {
            if (classifier.CredentialNameForDisabledLiteral(literal) is { } name)
            {
                context.ReportDiagnostic(Finding(Location.Create(context.Tree, literal.Span), name, literal.Text));
            }
        }
    }

    private static void Analyze(OperationAnalysisContext context, SecretLiteralClassifier classifier, JsonLiterals jsonLiterals, KeyMaterialLiterals keyMaterial)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string text })
        {
            return;
        }

        // A JSON document written in code ("{\"SecretKey\":\"…\"}") and generated key material under a signing or
        // encryption key's name are asked only when no credential name or sink claims the literal.
        if ((classifier.CredentialNameFor(literal, text, context.CancellationToken)
                ?? jsonLiterals.KeyPathFor(literal, text, context.CancellationToken)
                ?? (classifier.Matcher.IsAllowedPlaceholder(text) ? null : keyMaterial.NameFor(literal, text))) is not { } name
            || classifier.ReachesClientSecretSink(literal, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Finding(literal.Syntax.GetLocation(), name, text));
    }

    /// <summary>
    /// The finding, naming the symbol or key in quotes — unless the name holds the value (<c>Login(user, "password")</c>,
    /// <c>AdminPassword = "Password"</c>), where naming it would print the secret (in the build's output too, which the
    /// CLI's masking does not reach): then the message says "A symbol".
    /// </summary>
    private static Diagnostic Finding(Location location, string name, string value)
    {
        var secret = value.Trim();
        var shown = secret.Length > 0 && name.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0 ? "A symbol" : "'" + name + "'";
        return Findings.Create(DiagnosticDescriptors.HardcodedCredential, location, shown);
    }
}
