using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Cadasto.Scanning;

/// <summary>
/// Which references of the shipped set a project's source can bind to, read once from their metadata. Every project got
/// all ~350 assemblies of the set, and the compiler's per-reference work grew with them: looking for a type forwarder
/// for every name that does not bind (packages are not restored), collecting the extension methods of every imported
/// namespace in every assembly, the rules' type look-ups (docs/performance.md, "Session 6").
/// </summary>
/// <remarks>
/// Source binds to an assembly of the set only through a name it spells: a public type's simple name (an attribute's
/// without its <c>Attribute</c> suffix too), or the name of a public static method of a static class (an extension
/// method, reached through a namespace the file imports), or a name the language calls without spelling it
/// (<see cref="ImplicitNames"/>: a collection initializer's <c>Add</c>, <c>foreach</c>'s <c>GetEnumerator</c>, a
/// query's <c>Select</c>…). Everything else the compiler meets on the way, the types of members, base types and the
/// facades that forward them, comes from the assemblies those reference, so the selection is closed over assembly
/// references. A <c>using</c> namespace keeps one assembly that declares it, so that it still binds. The core
/// library and what the language itself needs (LINQ, <c>dynamic</c>, expression trees) are always in. The names are
/// taken from the whole text, comments and strings included: more than the compiler binds, never less.
/// </remarks>
internal sealed class ReferenceIndex
{
    private static readonly string[] AlwaysIn =
    {
        "System.Private.CoreLib", "System.Runtime", "mscorlib", "netstandard", "System.Linq", "System.Linq.Expressions",
        "System.Linq.Queryable", "Microsoft.CSharp", "System.Collections",
    };

    /// <summary>Methods the language calls by pattern, which an extension method of any imported namespace may provide.</summary>
    private static readonly string[] ImplicitNames =
    {
        "Add", "GetEnumerator", "GetAsyncEnumerator", "Deconstruct", "GetAwaiter", "Dispose", "DisposeAsync", "Slice",
        "GetPinnableReference", "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending",
        "ThenBy", "ThenByDescending", "GroupBy", "Cast",
    };

    private readonly ImmutableArray<MetadataReference> _references;
    private readonly int[][] _dependencies;
    private readonly Dictionary<string, List<int>> _byName;
    private readonly Dictionary<string, List<int>> _byNamespace;
    private readonly int[] _alwaysIn;

    private ReferenceIndex(ImmutableArray<MetadataReference> references, int[][] dependencies, Dictionary<string, List<int>> byName, Dictionary<string, List<int>> byNamespace, int[] alwaysIn)
    {
        _references = references;
        _dependencies = dependencies;
        _byName = byName;
        _byNamespace = byNamespace;
        _alwaysIn = alwaysIn;
    }

    public static ReferenceIndex Create(ImmutableArray<MetadataReference> references)
    {
        var indexByAssembly = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var assemblyRefs = new List<string>[references.Length];
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byNamespace = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < references.Length; i++)
        {
            assemblyRefs[i] = new List<string>();
            if (references[i] is not PortableExecutableReference { FilePath: { } path })
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            indexByAssembly.TryAdd(reader.GetString(reader.GetAssemblyDefinition().Name), i);
            foreach (var handle in reader.AssemblyReferences)
            {
                assemblyRefs[i].Add(reader.GetString(reader.GetAssemblyReference(handle).Name));
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                var visibility = type.Attributes & TypeAttributes.VisibilityMask;
                if (type.GetDeclaringType().IsNil)
                {
                    // The namespaces of every top-level type, internal ones too: the compiler's namespaces have them.
                    var ns = reader.GetString(type.Namespace);
                    for (var dot = ns.Length; dot > 0; dot = ns.LastIndexOf('.', dot - 1))
                    {
                        Add(byNamespace, ns.Substring(0, dot), i);
                    }
                }

                if (visibility is not (TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
                {
                    continue;
                }

                var name = reader.GetString(type.Name);
                var tick = name.IndexOf('`');
                name = tick < 0 ? name : name.Substring(0, tick);
                Add(byName, name, i);
                if (name.Length > "Attribute".Length && name.EndsWith("Attribute", StringComparison.Ordinal))
                {
                    Add(byName, name.Substring(0, name.Length - "Attribute".Length), i);
                }

                // A static class: its public static methods may be extension methods (and C# 14 extension members,
                // whose accessors are get_/set_ methods).
                if ((type.Attributes & (TypeAttributes.Abstract | TypeAttributes.Sealed)) == (TypeAttributes.Abstract | TypeAttributes.Sealed))
                {
                    foreach (var methodHandle in type.GetMethods())
                    {
                        var method = reader.GetMethodDefinition(methodHandle);
                        if ((method.Attributes & (MethodAttributes.MemberAccessMask | MethodAttributes.Static)) == (MethodAttributes.Public | MethodAttributes.Static))
                        {
                            var methodName = reader.GetString(method.Name);
                            Add(byName, methodName.StartsWith("get_", StringComparison.Ordinal) || methodName.StartsWith("set_", StringComparison.Ordinal) ? methodName.Substring(4) : methodName, i);
                        }
                    }
                }
            }
        }

        var dependencies = assemblyRefs
            .Select(names => names.Select(n => indexByAssembly.TryGetValue(n, out var index) ? index : -1).Where(index => index >= 0).ToArray())
            .ToArray();
        var alwaysIn = AlwaysIn.Select(n => indexByAssembly.TryGetValue(n, out var index) ? index : -1).Where(index => index >= 0).ToArray();
        return new ReferenceIndex(references, dependencies, byName, byNamespace, alwaysIn);
    }

    public ImmutableArray<MetadataReference> Select(IEnumerable<string> identifiers, IEnumerable<string> namespaces)
    {
        var selected = new bool[_references.Length];
        var pending = new Stack<int>();
        void Take(int index)
        {
            if (!selected[index])
            {
                selected[index] = true;
                pending.Push(index);
            }
        }

        foreach (var index in _alwaysIn)
        {
            Take(index);
        }

        foreach (var identifier in identifiers.Concat(ImplicitNames))
        {
            if (_byName.TryGetValue(identifier, out var indexes))
            {
                foreach (var index in indexes)
                {
                    Take(index);
                }
            }
        }

        while (pending.Count > 0)
        {
            foreach (var dependency in _dependencies[pending.Pop()])
            {
                Take(dependency);
            }
        }

        foreach (var ns in namespaces)
        {
            if (_byNamespace.TryGetValue(ns, out var declaring) && !declaring.Any(index => selected[index]))
            {
                Take(declaring[0]);
                while (pending.Count > 0)
                {
                    foreach (var dependency in _dependencies[pending.Pop()])
                    {
                        Take(dependency);
                    }
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<MetadataReference>();
        for (var i = 0; i < _references.Length; i++)
        {
            if (selected[i])
            {
                result.Add(_references[i]);
            }
        }

        return result.ToImmutable();
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int index)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<int>(1);
        }

        if (list.Count == 0 || list[^1] != index)
        {
            list.Add(index);
        }
    }
}
