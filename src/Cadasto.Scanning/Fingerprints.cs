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
    public static string JsonContext(SourceText text, int position) =>
        JsonIndexes.GetValue(text, static t => new JsonContextIndex(t.ToString())).ContextAt(position);

    // One index per file text, shared by every finding in it: reading the file from its start for each finding made a
    // manifest with 20,000 redirect URIs (20,000 CDS3003) cost 30 s of CPU and 14 GB of copies (the fuzz run of
    // docs/robustness.md); from the nearest checkpoint, each finding costs at most a few kilobytes of scanning.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, JsonContextIndex> JsonIndexes = new();

    /// <summary>
    /// The key path at any position of one JSON text: a single pass records the reader's state at checkpoints, and a
    /// question resumes from the last checkpoint before its position. Immutable once built, so it is thread-safe.
    /// </summary>
    private sealed class JsonContextIndex
    {
        private const int Interval = 4096;
        private readonly string _content;
        private readonly List<JsonScanState> _checkpoints = new();

        public JsonContextIndex(string content)
        {
            _content = content;
            var state = new JsonScanState(0, new List<string>(), new List<int>(), null);
            _checkpoints.Add(state.Copy());
            var last = 0;
            while (state.Position < content.Length)
            {
                // A deep stack is copied only after as many characters as it has levels: the copies stay linear.
                if (state.Position - last >= Math.Max(Interval, 4 * state.Stack.Count))
                {
                    _checkpoints.Add(state.Copy());
                    last = state.Position;
                }

                Step(content, ref state);
            }
        }

        public string ContextAt(int position)
        {
            var limit = Math.Min(position, _content.Length);
            var low = 0;
            var high = _checkpoints.Count - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (_checkpoints[middle].Position <= limit)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            var state = _checkpoints[low].Copy();
            while (state.Position < limit)
            {
                Step(_content, ref state);
            }

            var path = state.Stack.Where(s => s.Length > 0).ToList();
            if (state.LastKey is not null)
            {
                path.Add(state.LastKey);
            }

            return string.Join(".", path);
        }

        private static void Step(string content, ref JsonScanState state)
        {
            var i = state.Position;
            var stack = state.Stack;
            var arrayIndex = state.ArrayIndex;
            switch (content[i])
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
                        state.LastKey = str;
                    }

                    break;
                case '{':
                case '[':
                    stack.Add(state.LastKey ?? (arrayIndex.Count > 0 && arrayIndex[^1] >= 0 ? "[" + arrayIndex[^1] + "]" : string.Empty));
                    arrayIndex.Add(content[i] == '[' ? 0 : -1);
                    state.LastKey = null;
                    break;
                case '}':
                case ']':
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                        arrayIndex.RemoveAt(arrayIndex.Count - 1);
                    }

                    state.LastKey = null;
                    break;
                case ',':
                    if (arrayIndex.Count > 0 && arrayIndex[^1] >= 0)
                    {
                        arrayIndex[^1]++;
                    }

                    state.LastKey = null;
                    break;
            }

            state.Position = i + 1;
        }
    }

    private struct JsonScanState
    {
        public JsonScanState(int position, List<string> stack, List<int> arrayIndex, string? lastKey)
        {
            Position = position;
            Stack = stack;
            ArrayIndex = arrayIndex;
            LastKey = lastKey;
        }

        public int Position;
        public List<string> Stack;
        public List<int> ArrayIndex;
        public string? LastKey;

        public readonly JsonScanState Copy() => new(Position, new List<string>(Stack), new List<int>(ArrayIndex), LastKey);
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
