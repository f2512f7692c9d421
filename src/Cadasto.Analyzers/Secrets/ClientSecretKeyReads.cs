using System;
using System.Collections.Concurrent;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// Configuration keys the compilation's code reads into a client-secret sink: <c>options.ClientSecret =
/// configuration["SecretMvcHybridBackChannel"]</c> makes that key a client secret's key whatever its name, so CDS1004
/// judges its value in <c>appsettings.json</c> as it judges a <c>ClientSecret</c> key (the SPEC: the same value gets the
/// same verdict in C# and in JSON). Only keys whose name holds a credential word somewhere are asked about, each once
/// per compilation: the question costs a text search of the sources, and binds only the documents that spell the key.
/// </summary>
internal sealed class ClientSecretKeyReads
{
    private readonly Compilation _compilation;
    private readonly SecretSinkIndex _sinks;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ClientSecretKeyReads(Compilation compilation, SecretSinkIndex sinks)
    {
        _compilation = compilation;
        _sinks = sinks;
    }

    /// <summary>Whether code reads the value at <paramref name="keyPath"/> (<c>AzureAd:ClientSecret</c>) into a client-secret sink.</summary>
    public bool IsReadIntoClientSecretSink(string keyPath, CancellationToken cancellationToken)
    {
        if (_sinks.IsEmpty || !NamesACredentialSomewhere(keyPath))
        {
            return false;
        }

        if (!_answers.TryGetValue(keyPath, out var answer))
        {
            answer = Search(keyPath, cancellationToken);
            _answers.TryAdd(keyPath, answer);
        }

        return answer;
    }

    private static bool NamesACredentialSomewhere(string keyPath)
    {
        foreach (var word in SecretVocabulary.CredentialWords)
        {
            if (keyPath.IndexOf(word.Replace(" ", ""), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool Search(string keyPath, CancellationToken cancellationToken)
    {
        var quoted = "\"" + keyPath + "\"";
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!SourceTextSearch.Contains(tree.GetText(cancellationToken), quoted, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken)
                    || !string.Equals(token.ValueText, keyPath, StringComparison.OrdinalIgnoreCase)
                    || ReadOf(token.Parent) is not { } read)
                {
                    continue;
                }

                // The analyzer driver has no model to hand out for another tree; this runs once per key and compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (ReachesClientSecretSink(read, model, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The expression that reads the key the literal names: <c>configuration["key"]</c>,
    /// <c>configuration.GetValue&lt;string&gt;("key")</c>, <c>configuration.GetSection("key").Value</c>; null for any
    /// other use of the text.
    /// </summary>
    private static ExpressionSyntax? ReadOf(SyntaxNode? literal)
    {
        if (literal is not LiteralExpressionSyntax { Parent: ArgumentSyntax argument })
        {
            return null;
        }

        switch (argument.Parent)
        {
            case BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax access }:
                return access;
            case ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation }:
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    _ => null,
                };

                return name switch
                {
                    "GetValue" => invocation,
                    "GetSection" when invocation.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } value => value,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>Whether the read value is assigned to, or passed as, a client-secret sink (through <c>??</c>, <c>!</c> and parentheses).</summary>
    private bool ReachesClientSecretSink(ExpressionSyntax read, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode current = read;
        while (current.Parent is ParenthesizedExpressionSyntax
               or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }
               or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression })
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Right == current:
                return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is { } member
                       && _sinks.TryGetSink(member, out var sink)
                       && sink.Kind == SinkKind.PropertyAssignment
                       && sink.Meaning == SinkMeaning.ClientSecret;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument:
                return model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method
                       && _sinks.TryGetSink(method, out var methodSink)
                       && methodSink.Meaning == SinkMeaning.ClientSecret
                       && (methodSink.ParameterName is null
                           || (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter }
                               && string.Equals(parameter.Name, methodSink.ParameterName, StringComparison.Ordinal)));
            default:
                return false;
        }
    }
}
