using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cadasto.Analyzers.Generators.Credentials;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>The pipeline is incremental: what did not change is not recomputed, and no step keeps a compilation alive.</summary>
public sealed class CredentialsGeneratorCachingTests
{
    /// <summary>The steps whose outputs are the generator's own models: plain values only.</summary>
    private static readonly string[] ModelSteps =
    {
        CredentialsGenerator.TrackingNames.Options,
        CredentialsGenerator.TrackingNames.CompilationFacts,
        CredentialsGenerator.TrackingNames.ManifestFileName,
        CredentialsGenerator.TrackingNames.ManifestNameInSection,
        CredentialsGenerator.TrackingNames.ManifestFiles,
        CredentialsGenerator.TrackingNames.AllManifests,
        CredentialsGenerator.TrackingNames.Manifest,
        CredentialsGenerator.TrackingNames.Model,
        CredentialsGenerator.TrackingNames.Inputs,
        CredentialsGenerator.TrackingNames.Generation,
        CredentialsGenerator.TrackingNames.LanguageVersionCheck,
    };

    /// <summary>The filter over the compiler's additional files: its items are the compiler's own <c>AdditionalText</c>s (and still never a compilation, symbol or syntax).</summary>
    private static readonly string[] InputFilterSteps =
    {
        CredentialsGenerator.TrackingNames.AdditionalFiles,
        CredentialsGenerator.TrackingNames.ManifestCandidates,
    };

    private static readonly string[] AllSteps = ModelSteps.Concat(InputFilterSteps).ToArray();

    [Fact]
    public void UnrelatedCSharpEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var (driver, first, output, _) = GeneratorHarness.Run(Manifests.InvoiceSync);
        Assert.NotEmpty(first.GeneratedSources);
        var compilation = GeneratorHarness.Compilation();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample { internal sealed class Unrelated { public int X => 42; } }", GeneratorHarness.ParseOptions(), path: "/src/Unrelated.cs"));

        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryStepTracked(second);
        foreach (var step in AllSteps)
        {
            AssertReasons(second, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        AssertOutputsNotRerun(second);
    }

    [Fact]
    public void WhitespaceOnlyManifestEdit_LeavesTheModelUnchangedAndEmitsNothingAgain()
    {
        var original = GeneratorHarness.Manifest(Manifests.InvoiceSync);
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(new[] { original }).RunGenerators(compilation);
        var reformatted = GeneratorHarness.Manifest("\n\n  " + Manifests.InvoiceSync.Replace("\n", "\n    ").Replace(": ", ":\t") + "\n\n");

        var second = driver.ReplaceAdditionalText(original, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        // The parse holds positions, so it did change; the model drops them and did not.
        AssertReasons(second, CredentialsGenerator.TrackingNames.Manifest, IncrementalStepRunReason.Modified);
        AssertReasons(second, CredentialsGenerator.TrackingNames.Model, IncrementalStepRunReason.Unchanged);
        AssertReasons(second, CredentialsGenerator.TrackingNames.Generation, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputsNotRerun(second);
    }

    [Fact]
    public void RealManifestEdit_ReRunsTheModelAndTheOutput()
    {
        // The control for the two tests above: a change that matters is seen.
        var original = GeneratorHarness.Manifest(Manifests.InvoiceSync);
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(new[] { original }).RunGenerators(compilation);
        var edited = GeneratorHarness.Manifest(Manifests.InvoiceSync.Replace("cad-prod-invoice-sync", "cad-prod-invoice-sync-2"));

        var second = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertReasons(second, CredentialsGenerator.TrackingNames.Model, IncrementalStepRunReason.Modified);
        Assert.Contains(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("\"cad-prod-invoice-sync-2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void NoStepOutput_HoldsACompilationSymbolOrSyntax()
    {
        var (driver, first, _, _) = GeneratorHarness.Run(Manifests.AllStores);
        var second = driver.RunGenerators(GeneratorHarness.Compilation(moreSources: new[] { "class Edit { }" })).GetRunResult().Results.Single();

        foreach (var run in new[] { first, second })
        {
            AssertEveryStepTracked(run);
            // The generator's own steps (the compiler's input steps, "Compilation" and the like, hold what they are).
            foreach (var name in AllSteps)
            {
                foreach (var output in run.TrackedSteps[name].SelectMany(s => s.Outputs))
                {
                    AssertHoldsNoRoslynObject(output.Value, name, allowInputFiles: InputFilterSteps.Contains(name));
                }
            }
        }
    }

    private static void AssertEveryStepTracked(GeneratorRunResult result)
    {
        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
        }
    }

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(allowed.Contains(o.Reason), $"step {step} was {o.Reason}, expected {string.Join(" or ", allowed)}"));
    }

    private static void AssertOutputsNotRerun(GeneratorRunResult result)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {o.Reason}"));
    }

    private static void AssertHoldsNoRoslynObject(object? value, string step, bool allowInputFiles)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object?>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is null || current is string || current.GetType().IsPrimitive || current.GetType().IsEnum || !seen.Add(current))
            {
                continue;
            }

            Assert.False(current is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel, $"step {step} holds a {current.GetType().Name}");
            if (current is AdditionalText && allowInputFiles)
            {
                continue; // the compiler's input item itself, being filtered: not walked into
            }

            Assert.False(current is AdditionalText or Microsoft.CodeAnalysis.Text.SourceText, $"step {step} holds a {current.GetType().Name}");

            if (current is IEnumerable sequence)
            {
                foreach (var item in sequence)
                {
                    pending.Push(item);
                }
            }

            for (var type = current.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPointer)
                    {
                        pending.Push(field.GetValue(current));
                    }
                }
            }
        }
    }
}
