using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Tests.Conventions;

/// <summary>How analyzers, fixes and the shipped assemblies are built: what keeps them loadable and predictable in every host.</summary>
public sealed class ComponentConventionTests
{
    [Fact]
    public void AnalyzerAssembly_DependsOnRoslyn480AndNothingElse()
    {
        var references = Repository.AnalyzerAssembly.GetReferencedAssemblies();
        // System.Collections.Immutable and System.Memory (spans, for the text search) add nothing a Roslyn host lacks:
        // Microsoft.CodeAnalysis.Common 4.8.0's netstandard2.0 dependency group depends on both (System.Memory 4.5.5,
        // assembly version 4.0.1.2), so every host that loads Roslyn 4.8 loads them. No newer System.Memory than that.
        var allowed = new[] { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory" };
        Assert.All(references, r => Assert.Contains(r.Name, allowed));
        Assert.All(references.Where(r => r.Name == "System.Memory"), r => Assert.True(r.Version <= new Version(4, 0, 1, 2), $"System.Memory {r.Version} is newer than Roslyn 4.8.0's"));
        var roslyn = references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.Equal(new Version(4, 8, 0, 0), r.Version));
    }

    [Fact]
    public void CodeFixAssembly_DependsOnRoslynWorkspaces480AndTheAnalyzers()
    {
        var references = Repository.CodeFixAssembly.GetReferencedAssemblies();
        var allowed = new[]
        {
            "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces",
            "Microsoft.CodeAnalysis.CSharp.Workspaces", "System.Collections.Immutable", "System.Composition.AttributedModel",
            "Cadasto.Analyzers",
        };
        Assert.All(references, r => Assert.Contains(r.Name, allowed));
        Assert.All(references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)), r => Assert.Equal(new Version(4, 8, 0, 0), r.Version));
    }

    [Fact]
    public void Analyzers_ArePublicSealedAndForCSharp()
    {
        Assert.NotEmpty(Repository.AnalyzerTypes);
        Assert.All(Repository.AnalyzerTypes, type =>
        {
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public sealed");
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.True(attribute is not null, $"{type.Name} lacks [DiagnosticAnalyzer]");
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
            Assert.EndsWith("Analyzer", type.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AnalyzerFiles_LiveInTheirRuleGroup_NamedAfterTheirType_WithTestsBeside()
    {
        // Rules/<Group>/<Rule>Analyzer.cs, the namespace naming the group, and its tests at the same path under tests/:
        // a newcomer finds a rule's analyzer and its tests from the folder names alone.
        foreach (var type in Repository.AnalyzerTypes)
        {
            var ns = type.Namespace ?? "";
            Assert.StartsWith("Cadasto.Analyzers.Rules.", ns, StringComparison.Ordinal);
            var group = ns.Substring("Cadasto.Analyzers.Rules.".Length);
            Assert.True(
                Repository.Exists($"src/Cadasto.Analyzers/Rules/{group}/{type.Name}.cs"),
                $"{type.Name} should live in src/Cadasto.Analyzers/Rules/{group}/{type.Name}.cs");
            Assert.True(
                Repository.Exists($"tests/Cadasto.Analyzers.Tests/Rules/{group}/{type.Name}Tests.cs"),
                $"{type.Name}'s tests should live in tests/Cadasto.Analyzers.Tests/Rules/{group}/{type.Name}Tests.cs");
        }
    }

    [Fact]
    public void CodeFixes_AreExported_SupportFixAll_AndFixKnownRules()
    {
        var ids = Repository.Descriptors.Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(Repository.CodeFixTypes);
        Assert.All(Repository.CodeFixTypes, type =>
        {
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public sealed");
            Assert.NotNull(type.GetCustomAttribute<ExportCodeFixProviderAttribute>());
            var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(fix.GetFixAllProvider());
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.EndsWith("CodeFix", type.Name, StringComparison.Ordinal);
            Assert.True(Repository.Exists($"src/Cadasto.Analyzers.CodeFixes/{type.Name}.cs"), $"{type.Name} should live in its own file");
        });
    }

    [Fact]
    public void EveryRule_HasATestThatNamesIt()
    {
        var testSources = System.IO.Directory
            .EnumerateFiles(System.IO.Path.Combine(Repository.Root, "tests"), "*.cs", System.IO.SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(System.IO.File.ReadAllText)
            .ToList();
        Assert.All(Repository.Descriptors, d => Assert.True(testSources.Any(s => s.Contains(d.Id, StringComparison.Ordinal)), $"no test names {d.Id}"));
    }

    [Fact]
    public void LeakySample_StaysOutOfTheSolutionThatTestsBuild()
    {
        var solution = Repository.ReadText("Cadasto.Analyzers.sln");
        Assert.DoesNotContain("LeakyApp", solution, StringComparison.Ordinal);
        Assert.Contains("Cadasto.Samples.Worker", solution, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseTracking_FilesAreAdditionalFilesOfTheAnalyzerProject()
    {
        var project = Repository.ReadText("src/Cadasto.Analyzers/Cadasto.Analyzers.csproj");
        Assert.Contains("AnalyzerReleases.Shipped.md", project, StringComparison.Ordinal);
        Assert.Contains("AnalyzerReleases.Unshipped.md", project, StringComparison.Ordinal);
        Assert.True(Repository.Exists("AnalyzerReleases.Shipped.md") && Repository.Exists("AnalyzerReleases.Unshipped.md"));
    }
}
