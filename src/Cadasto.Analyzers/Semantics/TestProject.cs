using System;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// Whether a compilation is test code, as the SPEC defines it: a test project (<c>build_property.IsTestProject</c>,
/// which Microsoft.NET.Test.Sdk sets), or one that references xUnit, NUnit, MSTest or TUnit. There a dictionary word or
/// a short sentinel is not a finding (see <see cref="Values.TestSentinels"/>); a value that looks real still is.
/// </summary>
internal static class TestProject
{
    // Assembly names of the test frameworks' core libraries (what a test project references, never a product).
    private static readonly string[] FrameworkAssemblies =
    {
        "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework",
        "Microsoft.VisualStudio.QualityTools.UnitTestFramework", // MSTest v1 (Visual Studio 2010–2015 test projects)
        "TUnit.Core", "TUnit.Assertions",
    };

    public static bool Is(Compilation compilation, AnalyzerOptions options)
    {
        if (CadastoOptions.GetBuildProperty(options.AnalyzerConfigOptionsProvider.GlobalOptions, "IsTestProject") is { } property
            && string.Equals(property.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            foreach (var framework in FrameworkAssemblies)
            {
                if (string.Equals(assembly.Name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
