using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Cadasto.Analyzers.Secrets;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Follows a value back to the source text that hard-codes it: a literal, a <c>const</c>, a
/// <c>static readonly</c> field set from constants, a local assigned once, a concatenation or
/// interpolation of those, a ternary of two of them, or a switch expression whose arms are. Values read at run time (configuration,
/// environment, parameters, method results) have no such source.
/// </summary>
internal static class HardcodedStringTracer
{
    // Deep enough for real chains of constants (const → const → literal), shallow enough that a
    // cycle in broken code ends quickly.
    private const int MaxDepth = 8;

    /// <summary>
    /// The expressions that hard-code <paramref name="value"/> (one, or two for a ternary), each with
    /// its constant text; empty when the value is not hard-coded.
    /// </summary>
    public static IReadOnlyList<HardcodedString> Trace(IOperation value, Compilation compilation, CancellationToken cancellationToken, TraceOptions options = TraceOptions.None)
    {
        var found = new List<HardcodedString>(1);
        if (!TryTrace(value, compilation, options, found, depth: 0, cancellationToken))
        {
            found.Clear();
        }

        return found;
    }

    /// <summary>The constant text of a value: a literal, a constant, or a value the tracer follows back to one.</summary>
    public static string? ConstantText(IOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        value = StringParts.Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        var traced = HardcodedStringTracer.Trace(value, compilation, cancellationToken);
        return traced.Count == 1 ? traced[0].Text : null;
    }

    /// <summary>Every constant text a value may take (one, or both arms of a ternary of constants).</summary>
    public static IEnumerable<string> ConstantTexts(IOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        value = StringParts.Unwrap(value);
        if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            // Library constants (OpenIdConnectResponseType.*) have no source for the tracer: read each arm.
            var arms = new List<string>();
            arms.AddRange(ConstantTexts(conditional.WhenTrue, compilation, cancellationToken));
            arms.AddRange(ConstantTexts(whenFalse, compilation, cancellationToken));
            return arms;
        }

        return ConstantText(value, compilation, cancellationToken) is { } text ? new[] { text } : Array.Empty<string>();
    }

    /// <summary>
    /// The value a local assigned once was initialized with (any expression, not only constants), so a caller can
    /// look at how it was built (<c>var credentials = Convert.ToBase64String(…)</c>); null when the local is written again.
    /// </summary>
    public static IOperation? SingleAssignmentInitializer(ILocalReferenceOperation reference, Compilation compilation, CancellationToken cancellationToken) =>
        Initializer(reference.Local, reference, compilation, InitializerChecks.NotWrittenAgain, cancellationToken);

    /// <summary>
    /// The initializer of a <c>static readonly</c> field that nothing else assigns (any expression:
    /// <c>static readonly byte[] Key = Encoding.UTF8.GetBytes("…")</c>); null otherwise.
    /// </summary>
    public static IOperation? StaticReadonlyFieldInitializer(IFieldReferenceOperation reference, Compilation compilation, CancellationToken cancellationToken) =>
        reference.Field is { IsStatic: true, IsReadOnly: true } field
            ? Initializer(field, reference, compilation, InitializerChecks.NotWrittenAgain, cancellationToken)
            : null;

    /// <summary>
    /// The parameter a value is (directly, or through a local assigned once from it) when the method never assigns
    /// the parameter again; null otherwise. What a caller passes for it is then what the value is.
    /// </summary>
    public static IParameterSymbol? Parameter(IOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        value = StringParts.Unwrap(value);
        if (value is ILocalReferenceOperation local && SingleAssignmentInitializer(local, compilation, cancellationToken) is { } initializer)
        {
            value = StringParts.Unwrap(initializer);
        }

        if (value is not IParameterReferenceOperation { Parameter: var parameter }
            || parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not ParameterSyntax declaration)
        {
            return null;
        }

        var body = declaration.Ancestors().FirstOrDefault(static a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        return body is null || WritesName(body, parameter.Name) ? null : parameter;
    }

    private static bool TryTrace(IOperation? value, Compilation compilation, TraceOptions options, List<HardcodedString> found, int depth, CancellationToken cancellationToken)
    {
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        value = StringParts.Unwrap(value);
        if ((options & TraceOptions.ThroughUris) != 0)
        {
            value = UnwrapUri(value);
        }

        switch (value)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                found.Add(new HardcodedString(value.Syntax, text));
                return true;

            case IFieldReferenceOperation { Field: var field }:
                return TryTraceField(field, value, compilation, options, found, depth, cancellationToken);

            case ILocalReferenceOperation { Local: var local }:
                return TryTraceLocal(local, value, compilation, options, found, depth, cancellationToken);

            case IConditionalOperation conditional:
                return TryTrace(conditional.WhenTrue, compilation, options, found, depth + 1, cancellationToken)
                    && TryTrace(conditional.WhenFalse, compilation, options, found, depth + 1, cancellationToken);

            case ISwitchExpressionOperation switchExpression:
                // environment switch { "Development" => "…", "Staging" => "…", _ => throw … }: every arm that yields a
                // value must be hard-coded (as for a ternary); an arm that throws yields none.
                var anyArm = false;
                foreach (var arm in switchExpression.Arms)
                {
                    if (StringParts.Unwrap(arm.Value) is IThrowOperation)
                    {
                        continue;
                    }

                    if (!TryTrace(arm.Value, compilation, options, found, depth + 1, cancellationToken))
                    {
                        return false;
                    }

                    anyArm = true;
                }

                return anyArm;

            case ICoalesceOperation coalesce:
                // configuration["…"] ?? "fallback": the fallback is committed, and used whenever the store is empty.
                return TryTrace(coalesce.WhenNull, compilation, options, found, depth + 1, cancellationToken);

            case IParenthesizedOperation parenthesized:
                return TryTrace(parenthesized.Operand, compilation, options, found, depth + 1, cancellationToken);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } or IInterpolatedStringOperation:
                // The whole expression is the secret: one finding, on the expression that spells it (or, when it
                // spells nothing itself, Prefix + Body, on the literals it is made of).
                if (TryTraceComposite(value, compilation, options, depth, cancellationToken, found))
                {
                    return true;
                }

                if (value.ConstantValue is { HasValue: true, Value: string constantText })
                {
                    // Constants whose declarations we cannot see (metadata): the expression is all there is.
                    found.Add(new HardcodedString(value.Syntax, constantText));
                    return true;
                }

                return false;

            case IPropertyReferenceOperation { Property: var property }:
                return TryTraceProperty(property, value, compilation, options, found, depth, cancellationToken);

            case IInvocationOperation { TargetMethod: { IsExtensionMethod: true, Name: "Sha256" or "Sha512" or "ToSha256" or "ToSha512" } hash } invocation
                when hash.ReturnType.SpecialType == SpecialType.System_String:
                // new Secret("…".Sha256()): IdentityServer hashes a registered secret at start-up; the literal is the secret.
                return TryTrace(invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null), compilation, options, found, depth + 1, cancellationToken);

            default:
                return false;
        }
    }

    /// <summary><c>new Uri("…")</c>, <c>new PathString("…")</c> and the conversions around them, down to the string they wrap.</summary>
    public static IOperation UnwrapUri(IOperation value)
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

    /// <summary>A concatenation or interpolation whose every part is hard-coded (e.g. <c>static readonly</c> parts).</summary>
    private static bool TryTraceComposite(IOperation value, Compilation compilation, TraceOptions options, int depth, CancellationToken cancellationToken, List<HardcodedString> found)
    {
        var parts = new List<HardcodedString>();
        foreach (var part in StringParts.Direct(value))
        {
            if (!TryTrace(part, compilation, options, parts, depth + 1, cancellationToken))
            {
                return false;
            }
        }

        // Parts declared elsewhere (the constants a composition refers to) are part of the same secret: one finding
        // covers them, so a credential-named constant inside it is not reported a second time by a weaker rule.
        var span = value.Syntax.Span;
        var tree = value.Syntax.SyntaxTree;
        var ownText = false;
        var sources = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (var part in parts)
        {
            if (part.Syntax.SyntaxTree == tree && span.Contains(part.Syntax.Span))
            {
                ownText = true;
            }
            else if (!part.ReportAtSources)
            {
                sources.Add(part.Syntax);
            }

            if (!part.Sources.IsDefaultOrEmpty)
            {
                sources.AddRange(part.Sources);
            }
        }

        found.Add(new HardcodedString(value.Syntax, string.Concat(parts.Select(p => p.Text)))
        {
            Sources = sources.ToImmutable(),
            ReportAtSources = !ownText && sources.Count > 0,
        });
        return true;
    }

    private static bool TryTraceField(IFieldSymbol field, IOperation reference, Compilation compilation, TraceOptions options, List<HardcodedString> found, int depth, CancellationToken cancellationToken)
    {
        // const, static readonly, and an instance readonly field that no constructor assigns (its initializer is
        // then the value of every instance).
        if (!field.IsConst && !field.IsReadOnly)
        {
            return false;
        }

        if (!HasInitializerIn(field, compilation, cancellationToken))
        {
            // A const of another project or a referenced assembly: the compiler has its value, and its declaration is
            // not in this compilation to point at, so the reference spells it (the finding lands at the sink's argument).
            if (field.IsConst && reference.ConstantValue is { HasValue: true, Value: string text })
            {
                found.Add(new HardcodedString(reference.Syntax, text));
                return true;
            }

            return false;
        }

        // A readonly field may still be reassigned in a constructor: then it is not a constant.
        return Initializer(field, reference, compilation, InitializerChecks.NotWrittenAgain, cancellationToken) is { } initializer
               && TryTrace(initializer, compilation, options, found, depth + 1, cancellationToken);
    }

    /// <summary>
    /// A get-only auto-property with an initializer (<c>public static string ClientSecret { get; } = "…"</c>) that no
    /// constructor assigns: a readonly field by another name. A settable or <c>init</c> property is not followed.
    /// </summary>
    private static bool TryTraceProperty(IPropertySymbol property, IOperation reference, Compilation compilation, TraceOptions options, List<HardcodedString> found, int depth, CancellationToken cancellationToken)
    {
        if (property.SetMethod is not null || property.IsIndexer
            || property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax
            {
                AccessorList.Accessors: { Count: 1 } accessors,
            }
            || accessors[0].Body is not null || accessors[0].ExpressionBody is not null)
        {
            return false;
        }

        return Initializer(property, reference, compilation, InitializerChecks.NotWrittenAgain, cancellationToken) is { } initializer
               && TryTrace(initializer, compilation, options, found, depth + 1, cancellationToken);
    }

    private static bool TryTraceLocal(ILocalSymbol local, IOperation reference, Compilation compilation, TraceOptions options, List<HardcodedString> found, int depth, CancellationToken cancellationToken)
    {
        if (Initializer(local, reference, compilation, InitializerChecks.None, cancellationToken) is not { } initializer)
        {
            return false;
        }

        // The initializer first: most locals are computed (a call, a parameter) and fail here, before the walk of the
        // method that looks for a second write. Both must hold; what a failed trace added is taken back.
        var before = found.Count;
        if (!TryTrace(initializer, compilation, options, found, depth + 1, cancellationToken)
            || IsWrittenAgain(local, cancellationToken))
        {
            found.RemoveRange(before, found.Count - before);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The operation a field or local is initialized with in its declaration in this compilation (any expression, whether
    /// or not it is written again: the caller decides what that means); null otherwise.
    /// </summary>
    internal static IOperation? DeclaredInitializer(ISymbol symbol, IOperation reference, CancellationToken cancellationToken) =>
        reference.SemanticModel is { } model ? Initializer(symbol, reference, model.Compilation, InitializerChecks.None, cancellationToken) : null;

    /// <summary>
    /// THE initializer step: the operation a local, field or property is initialized with in its (first) declaration in
    /// this compilation (any expression), read in <paramref name="reference"/>'s model or that of the declaring tree; null
    /// when it has none here. With <see cref="InitializerChecks.NotWrittenAgain"/>, also null when something else writes
    /// it (<see cref="IsWrittenAgain"/>): then the initializer is not what every read sees.
    /// </summary>
    internal static IOperation? Initializer(ISymbol symbol, IOperation reference, Compilation compilation, InitializerChecks checks, CancellationToken cancellationToken)
    {
        if (InitializerSyntax(symbol, cancellationToken) is not { } initializer
            || !compilation.ContainsSyntaxTree(initializer.SyntaxTree)
            || ((checks & InitializerChecks.NotWrittenAgain) != 0 && IsWrittenAgain(symbol, cancellationToken)))
        {
            return null;
        }

        return GetOperation(initializer, reference, compilation, cancellationToken);
    }

    private static bool HasInitializerIn(ISymbol symbol, Compilation compilation, CancellationToken cancellationToken) =>
        InitializerSyntax(symbol, cancellationToken) is { } initializer && compilation.ContainsSyntaxTree(initializer.SyntaxTree);

    private static ExpressionSyntax? InitializerSyntax(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
            PropertyDeclarationSyntax { Initializer.Value: { } value } => value,
            _ => null,
        };

    /// <summary>
    /// Whether something besides its initializer writes the symbol: a local assigned again in its body or passed by
    /// <c>ref</c>/<c>out</c>; a readonly field or a get-only property assigned in a constructor of its kind (static for a
    /// static one). A constant never is.
    /// </summary>
    private static bool IsWrittenAgain(ISymbol symbol, CancellationToken cancellationToken) => symbol switch
    {
        ILocalSymbol { IsConst: true } or IFieldSymbol { IsConst: true } => false,
        ILocalSymbol local => local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                              || IsLocalWrittenAgain(local, declarator),
        IFieldSymbol or IPropertySymbol => IsAssignedInConstructor(symbol.ContainingType, symbol.IsStatic, symbol.Name, cancellationToken),
        _ => true,
    };

    /// <summary>The operation of <paramref name="expression"/> (an initializer), in the model of <paramref name="reference"/> or of the tree that declares it.</summary>
    private static IOperation? GetOperation(ExpressionSyntax expression, IOperation reference, Compilation compilation, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (model is null || model.SyntaxTree != expression.SyntaxTree)
        {
            if (!compilation.ContainsSyntaxTree(expression.SyntaxTree))
            {
                return null;
            }

            // Only reached for a constant that flows into a sink from another file, which is rare;
            // the analyzer driver hands out its cached model here.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            model = compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
        }

        return model.GetOperation(expression, cancellationToken);
    }

    /// <summary>Whether a constructor of the member's kind (static for a static member) assigns the name.</summary>
    private static bool IsAssignedInConstructor(INamedTypeSymbol type, bool isStatic, string name, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var constructor in declaration.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (constructor.Modifiers.Any(SyntaxKind.StaticKeyword) == isStatic && WritesName(constructor, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the local is assigned anywhere besides its declaration (or passed by <c>ref</c>/<c>out</c>).
    /// Compared by name within the enclosing body: a shadowing lambda parameter only makes us cautious.
    /// </summary>
    private static bool IsLocalWrittenAgain(ILocalSymbol local, VariableDeclaratorSyntax declarator)
    {
        var body = declarator.Ancestors().FirstOrDefault(static a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax or CompilationUnitSyntax);
        if (body is GlobalStatementSyntax)
        {
            body = body.Parent;
        }

        return body is null || WritesName(body, local.Name);
    }

    private static bool WritesName(SyntaxNode scope, string name)
    {
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } when left.Identifier.ValueText == name:
                    return true;
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: var member } } when member.Identifier.ValueText == name:
                    return true;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax argument } when argument.Identifier.ValueText == name:
                    return true;
            }
        }

        return false;
    }
}

/// <summary>What <see cref="HardcodedStringTracer.Initializer"/> checks besides the declaration.</summary>
[Flags]
internal enum InitializerChecks
{
    None = 0,

    /// <summary>Nothing else writes the symbol (a second assignment, a <c>ref</c>, a constructor): its initializer is what every read sees.</summary>
    NotWrittenAgain = 1,
}

/// <summary>What the tracer may look through besides the string operations themselves.</summary>
[Flags]
internal enum TraceOptions
{
    None = 0,

    /// <summary>
    /// <c>new Uri("…")</c> and <c>new PathString("…")</c> are the string they wrap: for redirect URIs, where a branch of
    /// <c>prod ? new Uri("https://…") : new Uri("http://…")</c> is as hard-coded as the literal.
    /// </summary>
    ThroughUris = 1,
}

/// <summary>A piece of source that spells a hard-coded string, and the string.</summary>
internal readonly record struct HardcodedString(SyntaxNode Syntax, string Text)
{
    /// <summary>The literals declared elsewhere that a composition is made of (the constants it names); default when none.</summary>
    public ImmutableArray<SyntaxNode> Sources { get; init; }

    /// <summary>
    /// Whether the finding lands on <see cref="Sources"/> rather than on <see cref="Syntax"/>: a composition that spells
    /// no text of its own (<c>Prefix + Body</c>) has no literal at the sink; its constants are the literals.
    /// </summary>
    public bool ReportAtSources { get; init; }

    /// <summary>Whether <paramref name="span"/> of <paramref name="tree"/> is part of this value (its syntax or a source).</summary>
    public bool Covers(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (Syntax.SyntaxTree == tree && Syntax.Span.Contains(span))
        {
            return true;
        }

        if (!Sources.IsDefaultOrEmpty)
        {
            foreach (var source in Sources)
            {
                if (source.SyntaxTree == tree && source.Span.Contains(span))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
