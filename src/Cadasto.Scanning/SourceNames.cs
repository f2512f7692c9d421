using System;
using System.Collections.Generic;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Scanning;

/// <summary>The names a project's source spells, for <see cref="ReferenceIndex"/>: what it can bind to.</summary>
internal static class SourceNames
{
    /// <summary>
    /// Every identifier-like word of the text (comments and strings too: more than the compiler binds, never less).
    /// Spans that are already in the set cost no string.
    /// </summary>
    public static void AddIdentifiers(string text, HashSet<string> into)
    {
        var lookup = into.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (char.IsLetter(c) || c == '_')
            {
                var start = i++;
                while (i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] == '_'))
                {
                    i++;
                }

                lookup.Add(span[start..i]);
            }
            else if (char.IsDigit(c))
            {
                // A number's digits and suffixes (0x1F, 1e5, 10UL) are no name.
                while (i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The namespaces of the file's <c>using</c> directives (not aliases or <c>using static</c>: those name a type).</summary>
    public static void AddUsingNamespaces(SyntaxNode root, HashSet<string> into)
    {
        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { Alias: null } directive && NamespaceImports.ImportedNamespace(directive) is { } ns)
            {
                into.Add(ns);
            }
        }
    }
}
