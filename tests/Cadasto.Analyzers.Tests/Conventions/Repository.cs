using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Conventions;

/// <summary>The repository's files and the product's rule inventory, as convention tests see them.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    public static Assembly AnalyzerAssembly { get; } = typeof(DiagnosticDescriptors).Assembly;

    public static Assembly CodeFixAssembly { get; } = typeof(CodeFixes.HardcodedClientSecretCodeFix).Assembly;

    /// <summary>Every descriptor declared on <see cref="DiagnosticDescriptors"/>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToImmutableArray();

    public static IEnumerable<Type> AnalyzerTypes => AnalyzerAssembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);

    public static IEnumerable<Type> CodeFixTypes => CodeFixAssembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract);

    public static IEnumerable<Type> GeneratorTypes => AnalyzerAssembly.GetTypes()
        .Where(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);

    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    /// <summary>Strings of a file that look like release-tracking rows: <c>ID | Category | Severity | Notes</c>.</summary>
    public static IEnumerable<string[]> ReleaseRows(string relativePath) => ReadText(relativePath)
        .Split('\n')
        .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
        .Where(cells => cells.Length >= 3 && cells[0].StartsWith("CDS", StringComparison.Ordinal));
}
