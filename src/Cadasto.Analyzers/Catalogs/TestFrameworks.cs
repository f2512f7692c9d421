using System;
using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// The test frameworks the SPEC names (xUnit, NUnit, MSTest, TUnit): a reference to one makes a project test code. One list
/// for the analyzer, which sees a build's referenced assemblies (<c>Semantics/TestProject</c>), and the scanner, which reads
/// the project file's package and assembly references without a restore (<c>Cadasto.Scanning/SourceOnlyLoader</c>).
/// </summary>
internal static class TestFrameworks
{
    /// <summary>
    /// Assembly names of the frameworks' core libraries (what a test project references, never a product). MSTest v1, the
    /// framework Visual Studio installed before MSTest went to NuGet, is <c>Microsoft.VisualStudio.QualityTools.UnitTestFramework</c>:
    /// an old-style project references it by name (<c>&lt;Reference Include="…" /&gt;</c>), with no package at all.
    /// </summary>
    public static readonly ImmutableArray<string> Assemblies = ImmutableArray.Create(
        "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "Microsoft.VisualStudio.QualityTools.UnitTestFramework",
        "TUnit.Core", "TUnit.Assertions");

    /// <summary>Package ids of the frameworks (a <c>PackageReference</c>, or a <c>packages.config</c> entry).</summary>
    public static readonly ImmutableArray<string> Packages = ImmutableArray.Create(
        "xunit", "xunit.core", "xunit.assert", "xunit.v3", "xunit.v3.core", "xunit.v3.assert",
        "NUnit", "MSTest", "MSTest.TestFramework", "TUnit", "TUnit.Core");

    /// <summary>
    /// The frameworks' data-row attributes, whose positional arguments are a test method's arguments in order (MSTest's
    /// <c>DataRow</c>, NUnit's <c>TestCase</c>, xUnit's <c>InlineData</c>, TUnit's <c>Arguments</c>), as code spells them.
    /// </summary>
    public static readonly ImmutableArray<string> DataRowAttributes = ImmutableArray.Create(
        "DataRow", "DataRowAttribute", "TestCase", "TestCaseAttribute", "InlineData", "InlineDataAttribute", "Arguments", "ArgumentsAttribute");

    /// <summary>Whether an attribute spelled <paramref name="name"/> (its last identifier) is one of <see cref="DataRowAttributes"/>.</summary>
    public static bool IsDataRowAttribute(string name) => Contains(DataRowAttributes, name);

    /// <summary>Whether <paramref name="assemblyName"/> (a simple name) is one of <see cref="Assemblies"/>.</summary>
    public static bool IsFrameworkAssembly(string assemblyName) => Contains(Assemblies, assemblyName);

    /// <summary>Whether <paramref name="packageId"/> is one of <see cref="Packages"/>.</summary>
    public static bool IsFrameworkPackage(string packageId) => Contains(Packages, packageId);

    private static bool Contains(ImmutableArray<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
