using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Scanning;

/// <summary>
/// Every C# analyzer and source generator of the Cadasto.Analyzers assembly, found by reflection:
/// a new rule needs no change here.
/// </summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(() => CreateAnalyzers(ProductAssembly));
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> LazyGenerators = new(() => CreateGenerators(ProductAssembly));

    /// <summary>The assembly that holds the rules (Cadasto.Analyzers).</summary>
    public static Assembly ProductAssembly => typeof(Cadasto.Analyzers.Rules.Secrets.HardcodedClientSecretAnalyzer).Assembly;

    /// <summary>One instance of every C# analyzer of the product.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    /// <summary>One instance of every source generator of the product (incremental ones wrapped as <see cref="ISourceGenerator"/>).</summary>
    public static ImmutableArray<ISourceGenerator> Generators => LazyGenerators.Value;

    /// <summary>Every descriptor the analyzers declare, by id (first one wins).</summary>
    public static ImmutableDictionary<string, DiagnosticDescriptor> Descriptors { get; } = BuildDescriptors();

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers(Assembly assembly) =>
        LoadableTypes(assembly)
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static ImmutableArray<ISourceGenerator> CreateGenerators(Assembly assembly) =>
        LoadableTypes(assembly)
            .Where(t => !t.IsAbstract && t.GetCustomAttributes<GeneratorAttribute>().Any() && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => Activator.CreateInstance(t) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator classic => classic,
                _ => null,
            })
            .Where(g => g is not null)
            .Select(g => g!)
            .ToImmutableArray();

    private static ImmutableDictionary<string, DiagnosticDescriptor> BuildDescriptors()
    {
        var builder = new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            builder.TryAdd(descriptor.Id, descriptor);
        }

        // Descriptors only a generator reports (manifest errors) are public static fields of the descriptor class.
        foreach (var type in LoadableTypes(ProductAssembly).Where(t => !t.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                         .Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
            {
                try
                {
                    if (field.GetValue(null) is DiagnosticDescriptor descriptor)
                    {
                        builder.TryAdd(descriptor.Id, descriptor);
                    }
                }
                catch (Exception ex) when (ex is TargetInvocationException or TypeInitializationException or InvalidOperationException)
                {
                    // Not a readable descriptor table; skip it.
                }
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                         .Where(p => p.PropertyType == typeof(DiagnosticDescriptor) && p.GetIndexParameters().Length == 0))
            {
                try
                {
                    if (property.GetValue(null) is DiagnosticDescriptor descriptor)
                    {
                        builder.TryAdd(descriptor.Id, descriptor);
                    }
                }
                catch (Exception ex) when (ex is TargetInvocationException or TypeInitializationException or InvalidOperationException)
                {
                    // A property that throws is not a descriptor table; skip it.
                }
            }
        }

        return builder.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null).Select(t => t!).ToArray();
        }
    }
}
