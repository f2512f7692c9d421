using System.Linq;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>
/// The expression that replaces a hard-coded secret: a read of the configuration key when an
/// <c>IConfiguration</c> is in scope, otherwise of an environment variable. Shared by the fixes of
/// the secret rules so every one of them moves a secret the same way.
/// </summary>
internal sealed class SecretStoreRead
{
    public const string DefaultConfigurationKey = "Cadasto:ClientSecret";
    public const string DefaultEnvironmentVariable = "CADASTO_CLIENT_SECRET";

    private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

    private SecretStoreRead(ExpressionSyntax expression, string title)
    {
        Expression = expression;
        Title = title;
    }

    /// <summary>The replacement expression, annotated for simplification and formatting.</summary>
    public ExpressionSyntax Expression { get; }

    /// <summary>The fix's title: what it does, and the next step for the value (never the value).</summary>
    public string Title { get; }

    public static SecretStoreRead For(SemanticModel model, ExpressionSyntax secret, SecretStoreTarget target)
    {
        var nullableWarnings = (model.GetNullableContext(secret.SpanStart) & NullableContext.WarningsEnabled) != 0;
        var configuration = target.ConfigurationKey is null ? null : FindConfigurationInScope(model, secret);
        if (configuration is not null && target.ConfigurationKey is { } configurationKey)
        {
            var read = SyntaxFactory.ElementAccessExpression(
                configuration,
                SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(Literal(configurationKey)))));
            return new SecretStoreRead(
                OrThrowWhenNullable(read, nullableWarnings, $"Set the configuration value {configurationKey} (dotnet user-secrets set \"{configurationKey}\" <value>)."),
                $"Read from configuration (then: dotnet user-secrets set \"{configurationKey}\" …)");
        }

        var environmentRead = SyntaxFactory.InvocationExpression(
            SyntaxFactory.ParseExpression("global::System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(target.EnvironmentVariable)))));
        return new SecretStoreRead(
            OrThrowWhenNullable(environmentRead, nullableWarnings, $"Set the environment variable {target.EnvironmentVariable}."),
            $"Read from the environment variable {target.EnvironmentVariable} (then: set it from your secret store)");
    }

    /// <summary>
    /// A parameter, local, field or property of type <c>IConfiguration</c> usable at the secret's
    /// position, or the <c>Configuration</c> property of a host builder local (<c>builder.Configuration</c>).
    /// </summary>
    private static ExpressionSyntax? FindConfigurationInScope(SemanticModel model, ExpressionSyntax secret)
    {
        if (CompilationSymbols.Get(model.Compilation).Type(ConfigurationInterface) is not { } configurationType)
        {
            return null;
        }

        var position = secret.SpanStart;
        var staticContext = IsInStaticContext(model, secret);
        ExpressionSyntax? viaBuilder = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, usable) = symbol switch
            {
                IParameterSymbol parameter => (parameter.Type, true),
                ILocalSymbol local => (local.Type, IsDeclaredBefore(local, position) && IsLocalOfEnclosingCode(model, local, position)),
                IFieldSymbol field => (field.Type, (field.IsStatic || !staticContext) && !field.IsImplicitlyDeclared),
                IPropertySymbol property => (property.Type, (property.IsStatic || !staticContext) && !property.IsIndexer && property.GetMethod is not null),
                _ => (null, false),
            };

            if (!usable || type is null)
            {
                continue;
            }

            if (Implements(type, configurationType))
            {
                return SyntaxFactory.IdentifierName(symbol.Name);
            }

            if (viaBuilder is null && symbol is ILocalSymbol or IParameterSymbol && IsLocalOfEnclosingCode(model, symbol, position)
                && type.GetMembers("Configuration").OfType<IPropertySymbol>().Any(p => Implements(p.Type, configurationType)))
            {
                viaBuilder = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(symbol.Name),
                    SyntaxFactory.IdentifierName("Configuration"));
            }
        }

        return viaBuilder;
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol configurationType) =>
        SymbolEqualityComparer.Default.Equals(type, configurationType)
        || type.AllInterfaces.Contains(configurationType, SymbolEqualityComparer.Default);

    private static bool IsDeclaredBefore(ILocalSymbol local, int position) =>
        local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && reference.Span.End < position;

    /// <summary>
    /// Whether a local or parameter belongs to the code around <paramref name="position"/> (its method, or a lambda
    /// or local function in it). Lookup also offers a top-level statement's locals (<c>builder</c>) in other files and
    /// in classes of Program.cs, where using them is CS8801.
    /// </summary>
    private static bool IsLocalOfEnclosingCode(SemanticModel model, ISymbol symbol, int position)
    {
        if (symbol is not (ILocalSymbol or IParameterSymbol))
        {
            return true;
        }

        if (symbol.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference || reference.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        for (var member = model.GetEnclosingSymbol(position); member is not null; member = member.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(member, symbol.ContainingSymbol))
            {
                return true;
            }

            if (member is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Field initializers and static members cannot use instance state.</summary>
    private static bool IsInStaticContext(SemanticModel model, ExpressionSyntax secret)
    {
        if (secret.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not null
            || secret.FirstAncestorOrSelf<EqualsValueClauseSyntax>()?.Parent is PropertyDeclarationSyntax)
        {
            return true;
        }

        var member = model.GetEnclosingSymbol(secret.SpanStart);
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
        {
            member = inner.ContainingSymbol;
        }

        return member is null || member.IsStatic;
    }

    private static ExpressionSyntax OrThrowWhenNullable(ExpressionSyntax read, bool nullableWarnings, string message)
    {
        if (!nullableWarnings)
        {
            return read.WithAdditionalAnnotations(Simplifier.Annotation);
        }

        // Under nullable, a store read is string?; failing fast with a message keeps the code warning-free and honest.
        var exception = SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.BinaryExpression(
            SyntaxKind.CoalesceExpression,
            read,
            SyntaxFactory.ThrowExpression(SyntaxFactory.ObjectCreationExpression(exception)
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(message)))))));
    }

    private static LiteralExpressionSyntax Literal(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
}
