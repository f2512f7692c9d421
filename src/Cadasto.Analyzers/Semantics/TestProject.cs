using System;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Whether a compilation is test code, as the SPEC defines it: a test project (<c>build_property.IsTestProject</c>,
/// which Microsoft.NET.Test.Sdk sets), or one that references xUnit, NUnit, MSTest or TUnit
/// (<see cref="TestFrameworks.Assemblies"/>, MSTest v1's assembly included). There a dictionary word or
/// a short sentinel is not a finding (see <see cref="Values.TestSentinels"/>); a value that looks real still is.
/// </summary>
internal static class TestProject
{
    public static bool Is(Compilation compilation, AnalyzerOptions options)
    {
        if (CadastoOptions.GetBuildProperty(options.AnalyzerConfigOptionsProvider.GlobalOptions, "IsTestProject") is { } property
            && string.Equals(property.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (TestFrameworks.IsFrameworkAssembly(assembly.Name))
            {
                return true;
            }
        }

        return false;
    }
}
