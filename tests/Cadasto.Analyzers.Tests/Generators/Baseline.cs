using System;
using System.IO;
using System.Reflection;
using System.Linq;

namespace Cadasto.Analyzers.Tests.Generators;

/// <summary>
/// Compares generated source with <c>Generators/Baselines/&lt;name&gt;.g.cs.txt</c>. Run with
/// <c>CADASTO_UPDATE_BASELINES=1</c> to re-record (then review the diff); without it a missing
/// baseline fails, so a deleted file cannot pass silently.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "CADASTO_UPDATE_BASELINES";

    public static string Folder()
    {
        var root = typeof(Baseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return Path.Combine(root, "tests", "Cadasto.Analyzers.Tests", "Generators", "Baselines");
    }

    public static void Verify(string name, string actual, bool? update = null)
    {
        var path = Path.Combine(Folder(), name + ".g.cs.txt");
        actual = actual.Replace("\r\n", "\n");
        if (update ?? Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"The baseline {path} is missing: run the tests with {UpdateVariable}=1 to record it, and review it before committing.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
