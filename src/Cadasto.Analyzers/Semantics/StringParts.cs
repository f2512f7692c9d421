using System.Collections.Generic;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;


namespace Cadasto.Analyzers.Semantics;

/// <summary>The pieces of a string built by concatenation, interpolation or <c>string.Concat</c>, in order.</summary>
internal static class StringParts
{
    /// <summary>Drops implicit conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The operation that holds <paramref name="operation"/>, implicit conversions and parentheses skipped: <see cref="Unwrap"/> upwards.</summary>
    public static IOperation? Parent(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>
    /// The outermost <c>+</c> or <c>$"…"</c> that <paramref name="part"/> is a piece of, or null when it stands alone: up one
    /// holder at a time (<see cref="Parent"/>) while <see cref="LeadsToComposition"/>.
    /// </summary>
    public static IOperation? OutermostComposition(IOperation part)
    {
        IOperation? composition = null;
        for (var parent = Parent(part); parent is not null && LeadsToComposition(parent); parent = Parent(parent))
        {
            if (IsConcatenationOrInterpolation(parent))
            {
                composition = parent;
            }
        }

        return composition;
    }

    /// <summary>
    /// Whether the climb from a piece of a string to the composition that holds it goes on through <paramref name="holder"/>:
    /// a <c>+</c> or <c>$"…"</c> itself, an interpolation's text or hole, an explicit cast.
    /// </summary>
    public static bool LeadsToComposition(IOperation holder) =>
        IsConcatenationOrInterpolation(holder) || holder is IConversionOperation or IInterpolatedStringTextOperation or IInterpolationOperation;

    /// <summary>A <c>+</c> or an interpolated string: what <see cref="OutermostComposition"/> climbs to.</summary>
    public static bool IsConcatenationOrInterpolation(IOperation operation) =>
        operation is IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add };

    /// <summary>
    /// The parts of <c>a + b + c</c>, <c>$"a{b}c"</c> or <c>string.Concat(a, b, c)</c>, in order (text parts as their
    /// literal operations, a hole as its expression, not split further); the operation itself when it is none of them.
    /// </summary>
    /// <remarks>
    /// The one splitter of string compositions (the secret sinks, CDS1005, and <see cref="OAuth.OAuthText.Compose"/> all
    /// read parts through it; the tracer, which follows each part itself, takes one level at a time: <see cref="Direct"/>). A concatenation of n parts is a left-nested chain n levels deep: an explicit stack keeps
    /// the walk linear and off the call stack, where nested iterators would cost n² and could overflow it.
    /// </remarks>
    public static IEnumerable<IOperation> Of(IOperation operation)
    {
        var pending = new Stack<(IOperation Operation, bool Whole)>();
        pending.Push((operation, false));
        while (pending.Count > 0)
        {
            var (next, whole) = pending.Pop();
            var current = Unwrap(next);
            if (whole)
            {
                yield return current;
                continue;
            }

            switch (current)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    pending.Push((binary.RightOperand, false));
                    pending.Push((binary.LeftOperand, false));
                    break;

                case IInterpolatedStringOperation interpolated:
                    for (var i = interpolated.Parts.Length - 1; i >= 0; i--)
                    {
                        switch (interpolated.Parts[i])
                        {
                            case IInterpolatedStringTextOperation text:
                                pending.Push((text.Text, true));
                                break;
                            case IInterpolationOperation hole:
                                pending.Push((hole.Expression, true));
                                break;
                        }
                    }

                    break;

                case IInvocationOperation concat when IsStringConcat(concat):
                    // string.Concat(id, ":", secret): the same parts as id + ":" + secret.
                    for (var i = concat.Arguments.Length - 1; i >= 0; i--)
                    {
                        pending.Push((concat.Arguments[i].Value, false));
                    }

                    break;

                default:
                    yield return current;
                    break;
            }
        }
    }

    /// <summary>
    /// The direct parts of one <c>a + b</c> or <c>$"…"</c>, not split further, for a reader of the exact text (the
    /// tracer, which follows each part itself): a hole with an alignment or a format is a part as it is, since its text
    /// is not its expression's. <see cref="Of"/> reads every piece a string is built from, whatever its format.
    /// </summary>
    public static IEnumerable<IOperation> Direct(IOperation value)
    {
        switch (value)
        {
            case IBinaryOperation binary:
                yield return binary.LeftOperand;
                yield return binary.RightOperand;
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            yield return text.Text;
                            break;
                        case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                            yield return hole.Expression;
                            break;
                        default:
                            // Alignment or format: not a plain string composition.
                            yield return part;
                            break;
                    }
                }

                break;
        }
    }

    /// <summary>Whether <paramref name="operation"/> builds a string from parts: <c>+</c>, <c>$"…"</c>, <c>string.Concat(…)</c>.</summary>
    public static bool IsComposite(IOperation operation) =>
        Unwrap(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } or IInterpolatedStringOperation
        || (Unwrap(operation) is IInvocationOperation invocation && IsStringConcat(invocation));

    /// <summary>
    /// <c>string.Format("{0}:{1}", id, secret)</c> with a constant format: the format text and the values of its
    /// items, in argument order (a <c>params</c> array is opened); false for anything else.
    /// </summary>
    public static bool TryGetFormat(IOperation operation, out string format, out IReadOnlyList<IOperation> values)
    {
        format = string.Empty;
        values = System.Array.Empty<IOperation>();
        if (Unwrap(operation) is IInvocationOperation { TargetMethod: { Name: "Join", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } join)
        {
            return TryGetJoin(join, out format, out values);
        }

        if (Unwrap(operation) is not IInvocationOperation { TargetMethod: { Name: "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } invocation)
        {
            return false;
        }

        var items = new List<IOperation>();
        var found = false;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "format" when argument.Value.ConstantValue is { HasValue: true, Value: string text }:
                    format = text;
                    found = true;
                    break;
                case "args" when Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        items.Add(Unwrap(element));
                    }

                    break;
                case "arg0" or "arg1" or "arg2":
                    items.Add(Unwrap(argument.Value));
                    break;
            }
        }

        values = items;
        return found;
    }

    /// <summary>
    /// <c>string.Join(":", id, secret)</c> read as the format <c>{0}:{1}</c>: a constant separator without braces, and the
    /// joined values (a <c>params</c> array or span opened); false for a collection the call does not spell out.
    /// </summary>
    private static bool TryGetJoin(IInvocationOperation join, out string format, out IReadOnlyList<IOperation> values)
    {
        format = string.Empty;
        values = System.Array.Empty<IOperation>();
        string? separator = null;
        var items = new List<IOperation>();
        foreach (var argument in join.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                separator = argument.Value.ConstantValue switch
                {
                    { HasValue: true, Value: string text } => text,
                    { HasValue: true, Value: char c } => c.ToString(),
                    _ => null,
                };
                continue;
            }

            var value = Unwrap(argument.Value);
            if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter?.IsParams == true || value is IArrayCreationOperation)
            {
                if (value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        items.Add(Unwrap(element));
                    }
                }
                else
                {
                    // A params span (C# 13) is a collection the older operation model shows only as its children.
                    foreach (var element in value.ChildOperations)
                    {
                        items.Add(Unwrap(element));
                    }
                }
            }
            else if (argument.Value.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object)
            {
                items.Add(value);
            }
            else
            {
                return false;
            }
        }

        if (separator is null || separator.IndexOf('{') >= 0 || separator.IndexOf('}') >= 0 || items.Count < 2)
        {
            return false;
        }

        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                joined.Append(separator);
            }

            joined.Append('{').Append(i).Append('}');
        }

        format = joined.ToString();
        values = items;
        return true;
    }

    /// <summary>The indexes of the format items that come after the first <c>:</c> of the literal text (not a format specifier's).</summary>
    public static List<int> FormatItemsAfterColon(string format)
    {
        var indexes = new List<int>();
        var afterColon = false;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                i++;
                continue;
            }

            if (c == '{')
            {
                var number = 0;
                var j = i + 1;
                while (j < format.Length && char.IsDigit(format[j]))
                {
                    number = (number * 10) + (format[j] - '0');
                    j++;
                }

                if (afterColon && j > i + 1)
                {
                    indexes.Add(number);
                }

                var close = format.IndexOf('}', i);
                if (close < 0)
                {
                    break;
                }

                i = close;
                continue;
            }

            if (c == ':')
            {
                afterColon = true;
            }
        }

        return indexes;
    }

    private static bool IsStringConcat(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }
        && invocation.Type?.SpecialType == SpecialType.System_String
        && invocation.Arguments.Length >= 2
        && AllStrings(invocation.Arguments);

    private static bool AllStrings(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value.Type?.SpecialType != SpecialType.System_String)
            {
                return false;
            }
        }

        return true;
    }
}
