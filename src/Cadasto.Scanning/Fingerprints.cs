using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning;

/// <summary>
/// Fingerprints that survive line moves and are never derived from a secret's value (not even a
/// hash of it): rule id, file path, where the finding sits (the enclosing type and member in C#,
/// the key path in JSON), the masked message, and an ordinal among findings that share all of these.
/// </summary>
public static class Fingerprints
{
    /// <summary>The context of a finding in C#: the chain of enclosing type and member names.</summary>
    public static string CSharpContext(SyntaxTree tree, TextSpan span)
    {
        var root = tree.GetRoot();
        if (span.End > root.FullSpan.End)
        {
            return string.Empty;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var names = new List<string>();
        for (var current = node; current is not null; current = current.Parent)
        {
            var name = current switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax d => d.Identifier.ValueText,
                MethodDeclarationSyntax m => m.Identifier.ValueText + "(" + m.ParameterList.Parameters.Count + ")",
                ConstructorDeclarationSyntax c => ".ctor(" + c.ParameterList.Parameters.Count + ")",
                PropertyDeclarationSyntax p => p.Identifier.ValueText,
                IndexerDeclarationSyntax => "this[]",
                EventDeclarationSyntax e => e.Identifier.ValueText,
                BaseFieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
                LocalFunctionStatementSyntax l => l.Identifier.ValueText,
                AccessorDeclarationSyntax a => a.Keyword.ValueText,
                VariableDeclaratorSyntax v when current.Parent?.Parent is LocalDeclarationStatementSyntax => v.Identifier.ValueText,
                GlobalStatementSyntax => "<top-level>",
                _ => null,
            };
            if (name is not null)
            {
                names.Add(name);
            }
        }

        names.Reverse();
        return string.Join("/", names.Distinct());
    }

    /// <summary>The context of a finding in a JSON file: the path of keys that leads to the position (<c>AzureAd.ClientSecret</c>).</summary>
    public static string JsonContext(SourceText text, int position)
    {
        var content = text.ToString();
        var stack = new List<string>();
        var arrayIndex = new List<int>();
        string? lastKey = null;
        var i = 0;
        var limit = Math.Min(position, content.Length);
        while (i < limit)
        {
            var c = content[i];
            switch (c)
            {
                case '"':
                    var start = ++i;
                    while (i < content.Length && content[i] != '"')
                    {
                        i += content[i] == '\\' ? 2 : 1;
                    }

                    var str = content.Substring(start, Math.Min(i, content.Length) - start);
                    // A string followed by ':' is a key; a value's text is never kept.
                    var j = i + 1;
                    while (j < content.Length && char.IsWhiteSpace(content[j]))
                    {
                        j++;
                    }

                    if (j < content.Length && content[j] == ':')
                    {
                        lastKey = str;
                    }

                    break;
                case '{':
                case '[':
                    stack.Add(lastKey ?? (arrayIndex.Count > 0 && arrayIndex[^1] >= 0 ? "[" + arrayIndex[^1] + "]" : string.Empty));
                    arrayIndex.Add(c == '[' ? 0 : -1);
                    lastKey = null;
                    break;
                case '}':
                case ']':
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                        arrayIndex.RemoveAt(arrayIndex.Count - 1);
                    }

                    lastKey = null;
                    break;
                case ',':
                    if (arrayIndex.Count > 0 && arrayIndex[^1] >= 0)
                    {
                        arrayIndex[^1]++;
                    }

                    lastKey = null;
                    break;
            }

            i++;
        }

        var path = stack.Where(s => s.Length > 0).ToList();
        if (lastKey is not null)
        {
            path.Add(lastKey);
        }

        return string.Join(".", path);
    }

    /// <summary>Assigns the fingerprint of every finding: SHA-256 of its non-secret identity, and an ordinal among equals.</summary>
    public static IReadOnlyList<Finding> Assign(IEnumerable<(Finding Finding, string Context)> findings)
    {
        var result = new List<Finding>();
        foreach (var group in findings
                     .GroupBy(f => string.Join("\u001f", f.Finding.RuleId, f.Finding.Path, f.Context, f.Finding.Message), StringComparer.Ordinal))
        {
            var ordinal = 0;
            foreach (var (finding, _) in group.OrderBy(f => f.Finding.StartLine).ThenBy(f => f.Finding.StartColumn))
            {
                var identity = group.Key + "\u001f" + ordinal++;
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
                result.Add(finding with { Fingerprint = Convert.ToHexString(hash, 0, 16).ToLowerInvariant() });
            }
        }

        return result
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.StartLine)
            .ThenBy(f => f.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
