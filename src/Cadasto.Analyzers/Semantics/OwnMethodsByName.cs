using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The solution's own methods by name, for a call that does not bind: an Aspire AppHost's
/// <c>migrations.AddAdminPassword("…")</c> extends a type of a package the scan lacks, so neither the call nor its
/// parameters resolve, yet the method is the user's (in this compilation or a project it references). Where every
/// method of that name agrees on the parameter at the argument's position, that parameter's name is what the value is
/// passed as (the SPEC: "a positional argument whose parameter is credential-named — the user's own methods
/// included"; name-based matches work from syntax). Looked up once per name and compilation.
/// </summary>
internal sealed class OwnMethodsByName
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> _byName = new(StringComparer.Ordinal);

    public OwnMethodsByName(Compilation compilation) => _compilation = compilation;

    /// <summary>
    /// The name of the parameter that receives the positional argument at <paramref name="argumentIndex"/> of the unbound
    /// <paramref name="call"/>, when every own method of the call's name agrees on it; null otherwise.
    /// </summary>
    public string? ParameterNameAt(InvocationExpressionSyntax call, int argumentIndex)
    {
        var (name, receiver) = call.Expression switch
        {
            MemberAccessExpressionSyntax member => (member.Name.Identifier.ValueText, member.Expression),
            SimpleNameSyntax simple => (simple.Identifier.ValueText, null),
            _ => (null, null),
        };
        if (name is null)
        {
            return null;
        }

        string? agreed = null;
        foreach (var method in _byName.GetOrAdd(name, Find))
        {
            // ServerVersion.Parse("9.0.0") of a package the scan lacks: a call with a receiver that does not bind reaches
            // the user's extension methods, or a method of a type of the receiver's name; never an instance or static
            // method of another of the user's types that happens to share the name (IApiKeyParser.Parse(apiKey)).
            if (receiver is not null && !method.IsExtensionMethod
                && !(receiver is IdentifierNameSyntax owner && owner.Identifier.ValueText == method.ContainingType.Name))
            {
                continue;
            }

            // x.AddAdminPassword("…") of an extension method: its first parameter is x, unless the call names the static type.
            var index = argumentIndex;
            if (method.IsExtensionMethod && receiver is not null
                && !(receiver is IdentifierNameSyntax type && type.Identifier.ValueText == method.ContainingType.Name))
            {
                index++;
            }

            if (index >= method.Parameters.Length || method.Parameters[index].IsParams)
            {
                return null;
            }

            var parameter = method.Parameters[index].Name;
            if (agreed is not null && agreed != parameter)
            {
                return null;
            }

            agreed = parameter;
        }

        return agreed;
    }

    /// <summary>
    /// The name of the parameter that receives the positional argument at <paramref name="argumentIndex"/> of a
    /// <paramref name="creation"/> whose type name is ambiguous between the solution's own type and another of that name:
    /// a project's own <c>BasicAuthenticationHeaderValue(userName, password)</c> beside the one the legacy IdentityModel
    /// declares in <c>System.Net.Http</c>, both imported. A build that references only one binds it; a scan's reference set
    /// may hold both, and then nothing binds. Where every constructor of the own candidates that can take the arguments
    /// agrees on the parameter, that is what the value is passed as; null otherwise.
    /// </summary>
    public static string? AmbiguousConstructorParameterNameAt(SemanticModel? model, ObjectCreationExpressionSyntax creation, int argumentIndex)
    {
        if (model?.GetTypeInfo(creation).Type is not IErrorTypeSymbol { CandidateReason: CandidateReason.Ambiguous } ambiguous
            || creation.ArgumentList is not { } arguments)
        {
            return null;
        }

        string? agreed = null;
        foreach (var candidate in ambiguous.CandidateSymbols)
        {
            // The solution's own: declared in source, here or in a project the solution compiles.
            if (candidate is not INamedTypeSymbol type || !type.Locations.Any(static location => location.IsInSource))
            {
                continue;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length < arguments.Arguments.Count
                    || constructor.Parameters.Count(static p => !p.IsOptional && !p.IsParams) > arguments.Arguments.Count
                    || argumentIndex >= constructor.Parameters.Length || constructor.Parameters[argumentIndex].IsParams)
                {
                    continue;
                }

                var parameter = constructor.Parameters[argumentIndex].Name;
                if (agreed is not null && agreed != parameter)
                {
                    return null;
                }

                agreed = parameter;
            }
        }

        return agreed;
    }

    private ImmutableArray<IMethodSymbol> Find(string name)
    {
        var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
        Collect(_compilation.Assembly.GlobalNamespace, name, methods);
        foreach (var reference in _compilation.References)
        {
            // A project the solution compiles: its methods are the user's too. Packages' assemblies are not looked into.
            if (reference is CompilationReference && _compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
            {
                Collect(assembly.GlobalNamespace, name, methods);
            }
        }

        return methods.ToImmutable();
    }

    private static void Collect(INamespaceSymbol root, string name, ImmutableArray<IMethodSymbol>.Builder methods)
    {
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(root);
        while (namespaces.Count > 0)
        {
            foreach (var member in namespaces.Pop().GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    namespaces.Push(inner);
                }
                else if (member is INamedTypeSymbol type)
                {
                    CollectFromType(type, name, methods);
                }
            }
        }
    }

    private static void CollectFromType(INamedTypeSymbol type, string name, ImmutableArray<IMethodSymbol>.Builder methods)
    {
        if (type.MemberNames.Contains(name))
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    methods.Add(method);
                }
            }
        }

        foreach (var nested in type.GetTypeMembers())
        {
            CollectFromType(nested, name, methods);
        }
    }
}
