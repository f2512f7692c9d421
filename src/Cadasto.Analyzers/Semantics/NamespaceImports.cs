using System;
using System.Collections.Generic;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Whether a type name spelled somewhere can mean a type of a given namespace, read from syntax: the one test for a
/// type that does not resolve (a package nothing restored) but is named under an import of the namespace its catalogue
/// row names (Thinktecture's <c>OAuth2Client</c>, IdentityServer's <c>Client</c> in a source-only scan). Name-based
/// matches work from syntax where a type does not resolve (the SPEC), so an import that does not bind still counts.
/// </summary>
/// <remarks>
/// The imports C# itself would search for the name: the <c>using</c> directives of the namespace declarations around
/// it and of its file, a <c>global using</c> of any file of the compilation (the SDK's implicit usings included), a
/// namespace alias (<c>using Models = IdentityServer4.Models;</c>), and the namespaces the node is declared in. A
/// <c>using static</c> imports a type's members, not a namespace: it never counts.
/// </remarks>
internal static class NamespaceImports
{
    private static readonly PerCompilation<HashSet<string>> GlobalImports = new();

    /// <summary>Whether <paramref name="ns"/>'s types are in scope at <paramref name="node"/>, by a directive or by the namespace it is declared in.</summary>
    public static bool Imports(SemanticModel model, SyntaxNode node, string ns)
    {
        var innermost = true;
        for (var scope = node.Parent; scope is not null; scope = scope.Parent)
        {
            if (scope is BaseNamespaceDeclarationSyntax declaration)
            {
                if (AnyImports(declaration.Usings, ns) || (innermost && IsDeclaredIn(declaration, ns)))
                {
                    return true;
                }

                innermost = false;
            }
            else if (scope is CompilationUnitSyntax unit && AnyImports(unit.Usings, ns))
            {
                return true;
            }
        }

        return GlobalImports.Get(model.Compilation, static c => GlobalNamespaces(c)).Contains(ns);
    }

    /// <summary>
    /// The namespace a <c>using</c> directive imports (an alias's target included; null for <c>using static</c> and for an
    /// alias of a type that is no name), spelled without <c>global::</c>, blanks or comments.
    /// </summary>
    public static string? ImportedNamespace(UsingDirectiveSyntax directive) =>
        directive.StaticKeyword.RawKind == 0 && directive.Name is { } name ? NameText(name) : null;

    /// <summary>A dotted name as it reads without <c>global::</c>, trivia or <c>@</c> escapes: <c>global::IdentityServer4 . Models</c> is <c>IdentityServer4.Models</c>.</summary>
    public static string NameText(NameSyntax name)
    {
        var text = string.Concat(EnumerateTokens(name));
        const string Global = "global::";
        return text.StartsWith(Global, StringComparison.Ordinal) ? text.Substring(Global.Length) : text;
    }

    private static IEnumerable<string> EnumerateTokens(NameSyntax name)
    {
        foreach (var token in name.DescendantTokens())
        {
            yield return token.ValueText;
        }
    }

    private static bool AnyImports(SyntaxList<UsingDirectiveSyntax> usings, string ns)
    {
        foreach (var directive in usings)
        {
            if (ImportedNamespace(directive) == ns)
            {
                return true;
            }
        }

        return false;
    }

    // Code declared in namespace A.B.C sees the types of A.B.C, A.B and A without a directive.
    private static bool IsDeclaredIn(BaseNamespaceDeclarationSyntax innermost, string ns)
    {
        var full = NameText(innermost.Name);
        for (var outer = innermost.Parent; outer is not null; outer = outer.Parent)
        {
            if (outer is BaseNamespaceDeclarationSyntax declaration)
            {
                full = NameText(declaration.Name) + "." + full;
            }
        }

        return full == ns || (full.Length > ns.Length && full[ns.Length] == '.' && full.StartsWith(ns, StringComparison.Ordinal));
    }

    private static HashSet<string> GlobalNamespaces(Compilation compilation)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit)
            {
                continue;
            }

            foreach (var directive in unit.Usings)
            {
                if (directive.GlobalKeyword.RawKind != 0 && ImportedNamespace(directive) is { } ns)
                {
                    namespaces.Add(ns);
                }
            }
        }

        return namespaces;
    }
}
