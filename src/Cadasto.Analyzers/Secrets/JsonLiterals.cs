using System.Runtime.CompilerServices;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// CDS1002's reading of JSON documents written in C# (<see cref="JsonTextSecrets"/>): which literal carries a secret
/// value of a document, and under which key. A document may be one literal or a wholly constant concatenation or
/// interpolation of them; each is read once per compilation, and the finding lands on the literal that holds the
/// value (one finding per literal). A document with a run-time part is not read: its constant fragments are no findings.
/// </summary>
internal sealed class JsonLiterals
{
    private static readonly PerCompilation<JsonLiterals> Cache = new();

    private readonly ConfigurationSecrets _secrets;
    private readonly bool _testCode;
    private readonly ConditionalWeakTable<IOperation, JsonTextSecrets> _compositions = new();

    private JsonLiterals(Compilation compilation, AnalyzerOptions options)
    {
        _testCode = TestProject.Is(compilation, options);
        var secrets = ConfigurationSecrets.Create(compilation, options);
        _secrets = _testCode ? secrets.ForTestCode() : secrets;
    }

    public static JsonLiterals For(Compilation compilation, AnalyzerOptions options) =>
        Cache.Get(compilation, options, static (c, o) => new JsonLiterals(c, o));

    /// <summary>
    /// The key path (<c>SecretKey</c>, <c>Partner:Password</c>; never the value) of a secret value that the literal holds
    /// in the JSON document it is part of, or null. A literal CDS1003 knows by its shape is CDS1003's.
    /// </summary>
    public string? KeyPathFor(ILiteralOperation literal, string text, CancellationToken cancellationToken)
    {
        if (text.IndexOf('"') < 0 || CredentialShapes.Classify(text, _testCode) is not null)
        {
            return null;
        }

        var composition = StringParts.OutermostComposition(literal);
        if (composition is null)
        {
            return JsonTextSecrets.Read(text, _secrets, cancellationToken).KeyPathWithin(0, text.Length);
        }

        if (composition.ConstantValue is not { HasValue: true, Value: string whole } || OffsetIn(composition, literal) is not { } offset)
        {
            return null;
        }

        var document = _compositions.GetValue(composition, _ => JsonTextSecrets.Read(whole, _secrets, cancellationToken));
        return document.KeyPathWithin(offset, text.Length);
    }

    /// <summary>Where the literal's text starts in the composition's constant value; null if a part has no constant text.</summary>
    private static int? OffsetIn(IOperation composition, IOperation literal)
    {
        var offset = 0;
        foreach (var part in StringParts.Of(composition))
        {
            if (part == literal)
            {
                return offset;
            }

            if (part.ConstantValue is not { HasValue: true, Value: string text })
            {
                return null;
            }

            offset += text.Length;
        }

        return null;
    }
}
