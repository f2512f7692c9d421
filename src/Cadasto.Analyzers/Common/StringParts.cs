using System.Collections.Generic;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Common;

/// <summary>The pieces of a string built by concatenation or interpolation, in order.</summary>
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

    /// <summary>
    /// The parts of <c>a + b + c</c> or <c>$"a{b}c"</c> (text parts as their literal operations); the operation
    /// itself when it is neither.
    /// </summary>
    public static IEnumerable<IOperation> Of(IOperation operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                foreach (var part in Of(binary.LeftOperand))
                {
                    yield return part;
                }

                foreach (var part in Of(binary.RightOperand))
                {
                    yield return part;
                }

                break;

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            yield return text.Text;
                            break;
                        case IInterpolationOperation hole:
                            yield return Unwrap(hole.Expression);
                            break;
                    }
                }

                break;

            default:
                yield return operation;
                break;
        }
    }
}
