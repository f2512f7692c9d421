using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>An additional file held in memory, with whatever text (and decoding) a test gives it.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public InMemoryAdditionalText(string path, string text)
        : this(path, SourceText.From(text))
    {
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
