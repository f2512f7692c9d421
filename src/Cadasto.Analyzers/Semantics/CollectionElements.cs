using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Semantics;

/// <summary>How far <see cref="CollectionElements.Read"/> looks for the collections a value is built from.</summary>
[Flags]
internal enum CollectionReading
{
    /// <summary>
    /// The value itself: an array (<c>new[] { … }</c>, <c>{ … }</c>), a collection initializer (<c>new List&lt;T&gt; { … }</c>,
    /// <c>Member = { … }</c>), both branches of a ternary; anything else is one unknown part.
    /// </summary>
    Value = 0,

    /// <summary>Also the initializer of a read-only or constant field or of a local the value names (<c>static readonly string[] Scopes = { … }</c>).</summary>
    ThroughDeclarations = 1,

    /// <summary>Also a C# 12 collection expression (<c>[ … ]</c>), read from syntax, which every Roslyn from 4.8 has.</summary>
    CollectionExpressions = 2,

    /// <summary>
    /// A value that is no collection is searched for the collections built inside it (<c>new[] { … }.ToList()</c>,
    /// <c>new List&lt;Uri&gt;(new[] { … })</c>, <c>GrantTypes.Code.Union(new[] { … })</c>, a ternary's branches): only the
    /// largest parts that hold none (a named set, a call's other arguments, the ternary's condition) are unknown.
    /// </summary>
    Inside = 4,
}

/// <summary>
/// One part of a collection value: an element stored into it (<see cref="IsElement"/>), or a part the reader cannot read as
/// elements (a call's result, a parameter, a library's named set): <see cref="Operation"/> is null only where Roslyn has no
/// operation for an element's syntax.
/// </summary>
internal readonly record struct CollectionPart(IOperation? Operation, SyntaxNode Syntax, bool IsElement);

/// <summary>
/// THE reader of "the elements stored into a collection value", for every rule that reads what a collection property or
/// parameter receives: redirect URIs (<c>RedirectUris = { … }</c>, CDS3001/CDS3002), scopes (<c>Scopes = new[] { … }</c>,
/// CDS4001/CDS4002) and an authorization server's grant types (<c>AllowedGrantTypes = { … }</c>, CDS2002/CDS2003). What a
/// rule makes of an unknown part is its own decision (a scope request becomes unknown; a grant is judged by name).
/// A single <c>collection.Add(x)</c> is one element, read by the caller.
/// </summary>
internal static class CollectionElements
{
    /// <summary>How many ternaries and declarations are followed, one inside the other.</summary>
    private const int MaxDepth = 3;

    /// <summary>Adds the parts of <paramref name="value"/> to <paramref name="parts"/>, elements and unknown parts in source order.</summary>
    public static void Read(IOperation value, CollectionReading reading, List<CollectionPart> parts, CancellationToken cancellationToken) =>
        Read(value, reading, parts, depth: 0, cancellationToken);

    private static void Read(IOperation value, CollectionReading reading, List<CollectionPart> parts, int depth, CancellationToken cancellationToken)
    {
        var inside = (reading & CollectionReading.Inside) != 0;
        value = StringParts.Unwrap(value);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                Read(initializer, reading, parts, depth, cancellationToken);
                return;
            case IArrayInitializerOperation array:
                // string[] Scopes = { … }: a declarator's initializer is the array initializer itself.
                foreach (var element in array.ElementValues)
                {
                    parts.Add(new CollectionPart(element, element.Syntax, IsElement: true));
                }

                return;
            case IObjectCreationOperation { Initializer: { } initializer } creation:
                if (inside)
                {
                    foreach (var argument in creation.Arguments)
                    {
                        Read(argument.Value, reading, parts, depth, cancellationToken);
                    }
                }

                ReadInitializer(initializer, reading, parts, depth, cancellationToken);
                return;
            case IObjectOrCollectionInitializerOperation initializer:
                // RedirectUris = { … } in an object initializer: the member initializer's value.
                ReadInitializer(initializer, reading, parts, depth, cancellationToken);
                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when !inside && depth < MaxDepth:
                // string[] scopes = admin ? ["api.read", "api.admin"] : ["api.read"]: either may be stored.
                Read(conditional.WhenTrue, reading, parts, depth + 1, cancellationToken);
                Read(whenFalse, reading, parts, depth + 1, cancellationToken);
                return;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } or { IsConst: true } } field
                when (reading & CollectionReading.ThroughDeclarations) != 0 && depth < MaxDepth
                    && HardcodedStringTracer.DeclaredInitializer(field.Field, value, cancellationToken) is { } fieldValue:
                Read(fieldValue, reading, parts, depth + 1, cancellationToken);
                return;
            case ILocalReferenceOperation local
                when (reading & CollectionReading.ThroughDeclarations) != 0 && depth < MaxDepth
                    && HardcodedStringTracer.DeclaredInitializer(local.Local, value, cancellationToken) is { } localValue:
                Read(localValue, reading, parts, depth + 1, cancellationToken);
                return;
        }

        if ((reading & CollectionReading.CollectionExpressions) != 0
            && value.Syntax is CollectionExpressionSyntax collectionExpression && value.SemanticModel is { } model)
        {
            foreach (var element in collectionExpression.Elements)
            {
                if (element is not ExpressionElementSyntax { Expression: var expression })
                {
                    continue;
                }

                // Each element has an operation even where the collection has none (Roslyn before 4.9).
                var elementValue = model.GetOperation(expression, cancellationToken);
                parts.Add(new CollectionPart(elementValue, expression, IsElement: elementValue is not null));
            }

            return;
        }

        if (inside && HoldsACollection(value, (reading & CollectionReading.CollectionExpressions) != 0))
        {
            foreach (var child in value.ChildOperations)
            {
                Read(child, reading, parts, depth, cancellationToken);
            }

            return;
        }

        parts.Add(new CollectionPart(value, value.Syntax, IsElement: false));
    }

    /// <summary>
    /// The elements of a collection initializer: the argument of each one-argument <c>Add</c>. Its other members (<c>{ key, value }</c>,
    /// <c>Member = …</c>) store no element; with <see cref="CollectionReading.Inside"/> they are searched as any other part.
    /// </summary>
    private static void ReadInitializer(IObjectOrCollectionInitializerOperation initializer, CollectionReading reading, List<CollectionPart> parts, int depth, CancellationToken cancellationToken)
    {
        foreach (var member in initializer.Initializers)
        {
            if (member is IInvocationOperation { Arguments.Length: 1 } add)
            {
                parts.Add(new CollectionPart(add.Arguments[0].Value, add.Arguments[0].Value.Syntax, IsElement: true));
            }
            else if ((reading & CollectionReading.Inside) != 0)
            {
                Read(member, reading, parts, depth, cancellationToken);
            }
        }
    }

    /// <summary>Whether a collection is built somewhere inside <paramref name="operation"/>.</summary>
    private static bool HoldsACollection(IOperation operation, bool collectionExpressions)
    {
        foreach (var descendant in operation.Descendants())
        {
            if (descendant is IArrayInitializerOperation or IObjectOrCollectionInitializerOperation
                || (collectionExpressions && descendant.Syntax is CollectionExpressionSyntax))
            {
                return true;
            }
        }

        return false;
    }
}
