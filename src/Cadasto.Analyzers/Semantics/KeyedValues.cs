using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// THE recogniser of "a value stored under a key", for every rule: a form field of a hand-built OAuth request
/// (<c>grant_type</c>, <c>client_secret</c>, <c>redirect_uri</c>, <c>scope</c>, <c>code_verifier</c>…), a header,
/// an environment variable. The shapes:
/// <list type="bullet">
/// <item><c>dictionary.Add(key, value)</c>, <c>TryAdd</c>, and <c>{ key, value }</c> in a collection initializer;</item>
/// <item>any call or constructor whose key parameter (by name: <c>key</c>, <c>name</c>, <c>variable</c>, <c>item1</c>…)
/// is followed by the value: <c>new KeyValuePair&lt;,&gt;(key, value)</c>, <c>KeyValuePair.Create</c>,
/// <c>SetEnvironmentVariable(variable, value)</c>, <c>collection.Add(name, value)</c>;</item>
/// <item><c>dictionary[key] = value</c> and <c>[key] = value</c> in an initializer;</item>
/// <item><c>(key, value)</c> tuples;</item>
/// <item><c>new { key = value }</c> (an anonymous object posted as a form or JSON body).</item>
/// </list>
/// Keys compare by <see cref="KeyIs"/>, one policy for every rule.
/// </summary>
internal static class KeyedValues
{
    /// <summary>The operation kinds <see cref="TryRead"/> reads.</summary>
    public static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Tuple);

    /// <summary>
    /// The key comparison of every rule: blanks around the key trimmed, case ignored. OAuth servers and form
    /// readers treat <c>Client_Secret</c> and <c>REDIRECT_URI</c> as the field they name, so the rules do too.
    /// </summary>
    public static bool KeyIs(string key, string expected) =>
        string.Equals(key.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a parameter of that name takes the key of a key-value call (<c>Assert.Equal(expected, actual)</c>'s do not).</summary>
    public static bool IsKeyParameter(string name) =>
        name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("name", StringComparison.OrdinalIgnoreCase)
        || name.Equals("variable", StringComparison.OrdinalIgnoreCase)
        || name.Equals("item1", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a parameter of that name takes the value of a key-value call (<c>Add(key, value)</c>, <c>KeyValuePair</c>'s
    /// <c>value</c>, <c>Tuple.Create</c>'s <c>item2</c>, <c>Add(name, values)</c>). A key parameter followed by another
    /// named parameter is no pair: <c>GetActionLink(actionName, controllerName)</c> passes two names, neither naming the other.
    /// </summary>
    public static bool IsValueParameter(string name) =>
        name.EndsWith("value", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("values", StringComparison.OrdinalIgnoreCase)
        || name.Equals("item2", StringComparison.OrdinalIgnoreCase)
        // A default given beside a key (GetValue(key, defaultValue), a helper's (name, fallback)): the value the key would hold.
        || name.EndsWith("fallback", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key (a constant, or a value the tracer follows back to one) and the value <paramref name="operation"/> stores.</summary>
    public static bool TryRead(IOperation operation, Compilation compilation, CancellationToken cancellationToken, out KeyedValue keyed)
    {
        switch (operation)
        {
            case IInvocationOperation or IObjectCreationOperation:
                var arguments = ArgumentsOf(operation);
                for (var i = 1; i < arguments.Length; i++)
                {
                    if (IsPair(operation, arguments, i) && KeyText(arguments[i - 1].Value, compilation, cancellationToken) is { } text)
                    {
                        keyed = new KeyedValue(text, arguments[i - 1].Value, arguments[i].Value);
                        return true;
                    }
                }

                break;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                when KeyText(indexer.Arguments[0].Value, compilation, cancellationToken) is { } indexKey:
                keyed = new KeyedValue(indexKey, indexer.Arguments[0].Value, assignment.Value);
                return true;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { ContainingType.IsAnonymousType: true } member } } assignment:
                keyed = new KeyedValue(member.Name, KeyOperation: null, assignment.Value);
                return true;

            case ITupleOperation { Elements.Length: 2 } tuple
                when KeyText(tuple.Elements[0], compilation, cancellationToken) is { } tupleKey:
                keyed = new KeyedValue(tupleKey, tuple.Elements[0], tuple.Elements[1]);
                return true;
        }

        keyed = default;
        return false;
    }

    /// <summary>
    /// Whether a key, member or parameter name is the client's public identifier (<c>client_id</c>, <c>ClientId</c>,
    /// <c>clientId</c>): <see cref="KeyIs"/> with the underscore of the form field's spelling optional.
    /// </summary>
    public static bool NamesClientId(string name) =>
        KeyIs(name, Catalogs.OAuthParameters.ClientId) || KeyIs(name, "clientid");

    /// <summary>
    /// The other members of the request <paramref name="member"/> (an operation <see cref="TryRead"/> reads, or a member
    /// assignment) is one of: the members of the collection or object initializer, the elements of the array or collection
    /// expression, the members of the anonymous object it stands in; or, for a statement that stores into a local or a
    /// parameter (<c>form["client_id"] = …</c>, <c>options.ClientId = …</c>), the statements of its block that store into
    /// the same one. Empty when it stands alone. Each is unwrapped from an initializer's implicit one-argument <c>Add</c>.
    /// </summary>
    public static IEnumerable<IOperation> RequestMembersBeside(IOperation member, CancellationToken cancellationToken)
    {
        var self = member;
        var container = member.Parent;
        for (var depth = 0; depth < 3 && container is IArgumentOperation or IConversionOperation or IInvocationOperation { IsImplicit: true, Arguments.Length: 1 }; depth++)
        {
            self = container;
            container = container.Parent;
        }

        IEnumerable<IOperation> members = container switch
        {
            IObjectOrCollectionInitializerOperation initializer => initializer.Initializers,
            IArrayInitializerOperation array => array.ElementValues,
            IAnonymousObjectCreationOperation anonymous => anonymous.Initializers,
            IExpressionStatementOperation { Parent: IBlockOperation block } statement when Receiver(member) is { } receiver =>
                StoresInto(block, statement, receiver),
            _ => CollectionExpressionElements(member, cancellationToken),
        };

        foreach (var each in members)
        {
            if (each != self && each != member)
            {
                yield return Element(each);
            }
        }
    }

    /// <summary>An initializer's element without the implicit <c>Add</c> and conversions around it.</summary>
    private static IOperation Element(IOperation operation)
    {
        if (operation is IInvocationOperation { IsImplicit: true, Arguments.Length: 1 } add)
        {
            operation = add.Arguments[0].Value;
        }

        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The local or parameter a statement stores into: <c>form.Add(…)</c>, <c>form[…] = …</c>, <c>options.ClientId = …</c>.</summary>
    private static ISymbol? Receiver(IOperation stored) => (stored switch
    {
        IInvocationOperation invocation => invocation.Instance,
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Instance,
        ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Instance,
        _ => null,
    }) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static IEnumerable<IOperation> StoresInto(IBlockOperation block, IOperation statement, ISymbol receiver)
    {
        foreach (var other in block.Operations)
        {
            if (other != statement && other is IExpressionStatementOperation { Operation: var stored }
                && SymbolEqualityComparer.Default.Equals(Receiver(stored), receiver))
            {
                yield return stored;
            }
        }
    }

    /// <summary>The elements of the C# 12 collection expression <paramref name="member"/> is one of, from syntax (Roslyn 4.8 has no operation for it).</summary>
    private static IEnumerable<IOperation> CollectionExpressionElements(IOperation member, CancellationToken cancellationToken)
    {
        var node = member.Syntax;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is not ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } || member.SemanticModel is not { } model)
        {
            yield break;
        }

        foreach (var element in collection.Elements)
        {
            if (element is ExpressionElementSyntax { Expression: var expression } && expression != node
                && model.GetOperation(expression, cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }

    /// <summary>
    /// The inverse question, for a value found first (CDS1002 climbing from a literal): the key a positional argument is
    /// stored under, by the same pair policy as <see cref="TryRead"/>; null when the argument is no pair's value.
    /// </summary>
    public static string? KeyOf(IArgumentOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        if (value.Parent is not (IInvocationOperation or IObjectCreationOperation) || value.Parent is not { } call)
        {
            return null;
        }

        var arguments = ArgumentsOf(call);
        var index = arguments.IndexOf(value);
        return index > 0 && IsPair(call, arguments, index) ? KeyText(arguments[index - 1].Value, compilation, cancellationToken) : null;
    }

    /// <summary>The text of a key: a constant, or a value the tracer follows back to one, blanks trimmed.</summary>
    public static string? KeyText(IOperation key, Compilation compilation, CancellationToken cancellationToken) =>
        HardcodedStringTracer.ConstantText(key, compilation, cancellationToken)?.Trim();

    /// <summary>
    /// THE pair policy: whether the arguments at <paramref name="valueIndex"/> − 1 and <paramref name="valueIndex"/> are
    /// the key and the value of one pair. <c>Add(key, value)</c> and <c>TryAdd</c> are pairs by position; any other call
    /// or constructor only where its parameters say so (a key parameter followed by a value parameter:
    /// <c>GetActionLink(actionName, controllerName)</c> passes two names, neither naming the other). A call that answers
    /// a question about a key (<c>Check("password", …)</c>, <c>Matches(name, value)</c>: a <c>bool</c> result) stores
    /// nothing under it; <c>TryAdd…</c>, <c>Add…</c> and <c>Set…</c> return <c>bool</c> and still store.
    /// </summary>
    private static bool IsPair(IOperation call, ImmutableArray<IArgumentOperation> arguments, int valueIndex)
    {
        var key = arguments[valueIndex - 1];
        var value = arguments[valueIndex];
        if (key.ArgumentKind == ArgumentKind.DefaultValue || value.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return false;
        }

        if (call is IInvocationOperation { TargetMethod: var method })
        {
            if (method.Name is "Add" or "TryAdd" && valueIndex == 1)
            {
                return true;
            }

            if (method.ReturnType.SpecialType == SpecialType.System_Boolean
                && !method.Name.StartsWith("Try", StringComparison.Ordinal)
                && !method.Name.StartsWith("Add", StringComparison.Ordinal)
                && !method.Name.StartsWith("Set", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return key.Parameter is { } keyParameter && IsKeyParameter(keyParameter.Name)
            && value.Parameter is { } valueParameter && IsValueParameter(valueParameter.Name);
    }

    private static ImmutableArray<IArgumentOperation> ArgumentsOf(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };
}

/// <summary>A value stored under a key; <see cref="KeyOperation"/> is null for an anonymous object's member.</summary>
internal readonly record struct KeyedValue(string Key, IOperation? KeyOperation, IOperation Value)
{
    /// <inheritdoc cref="KeyedValues.KeyIs"/>
    public bool KeyIs(string expected) => KeyedValues.KeyIs(Key, expected);
}
