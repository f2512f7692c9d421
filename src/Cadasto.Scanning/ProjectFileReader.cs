using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Cadasto.Scanning;

/// <summary>
/// Reads what a source-only scan can know from a project file without MSBuild: its SDK, plain
/// properties (<c>TargetFramework</c>, <c>UseWPF</c>, <c>UseMaui</c>, <c>OutputType</c>, …),
/// package references and <c>Using</c> items, with <c>Directory.Build.props</c> files above it read
/// first. Conditions and property functions are not evaluated; the first literal value wins over
/// none, the project's over the props'.
/// </summary>
internal static class ProjectFileReader
{
    public static void Read(ScanProject project, string scanRoot)
    {
        // MSBuild imports the nearest Directory.Build.props before the project and the nearest
        // Directory.Build.targets after it (items such as a ProjectReference to Cadasto.Credentials live there).
        if (Nearest(project.Directory, "Directory.Build.props") is { } props)
        {
            Apply(project, props, scanRoot, isProject: false);
        }

        Apply(project, project.ProjectFile!, scanRoot, isProject: true);
        if (Nearest(project.Directory, "Directory.Build.targets") is { } targets)
        {
            Apply(project, targets, scanRoot, isProject: false);
        }

        if (!project.Properties.ContainsKey("TargetFramework") && project.Properties.TryGetValue("TargetFrameworks", out var frameworks))
        {
            var first = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is not null && !first.Contains("$(", StringComparison.Ordinal))
            {
                project.Properties["TargetFramework"] = first;
            }
        }

        // The groups for the chosen target framework ('$(TargetFramework)' == 'net8.0'), in file order.
        if (project.Properties.TryGetValue("TargetFramework", out var targetFramework))
        {
            foreach (var (condition, group) in project.PendingFrameworkGroups)
            {
                if (condition.Contains("'" + targetFramework + "'", StringComparison.OrdinalIgnoreCase))
                {
                    ApplyProperties(project, group);
                }
            }
        }

        project.PendingFrameworkGroups.Clear();
    }

    /// <summary>Plain properties of a group; <c>DefineConstants</c> keeps its literal symbols around <c>$(…)</c>.</summary>
    private static void ApplyProperties(ScanProject project, XElement group)
    {
        foreach (var property in group.Elements())
        {
            var value = property.Value.Trim();
            if (property.Name.LocalName == "DefineConstants")
            {
                value = System.Text.RegularExpressions.Regex.Replace(value, @"\$\([^)]*\)", string.Empty).Trim(';', ' ');
            }

            if (value.Length == 0 || value.Contains("$(", StringComparison.Ordinal))
            {
                continue;
            }

            project.Properties[property.Name.LocalName] = value;
        }
    }

    private static string? Nearest(string directory, string fileName)
    {
        for (var dir = directory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Apply(ScanProject project, string file, string scanRoot, bool isProject)
    {
        XDocument document;
        var display = ProjectDiscovery.Relative(scanRoot, file);
        var text = InputFiles.ReadAllText(file, display, out var problem);
        if (text is null)
        {
            project.Notes.Add($"{problem} Its sources are analysed with default settings.");
            return;
        }

        try
        {
            document = XDocument.Parse(text, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            project.Notes.Add($"{display}: could not be read ({FirstLine(ex.Message)}); its sources are analysed with default settings.");
            return;
        }

        var rootElement = document.Root;
        if (rootElement is null)
        {
            return;
        }

        if (isProject)
        {
            var sdk = (string?)rootElement.Attribute("Sdk")
                ?? rootElement.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")).FirstOrDefault()
                ?? rootElement.Elements().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Sdk")).FirstOrDefault(s => s is not null);
            if (sdk is not null)
            {
                project.Properties["_Sdk"] = sdk.Split('/')[0].Trim();
            }
        }

        foreach (var group in rootElement.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            // Groups that depend on the target framework wait until it is known (DefineConstants per TFM).
            var condition = (string?)group.Attribute("Condition");
            if (condition is not null && condition.Contains("TargetFramework", StringComparison.OrdinalIgnoreCase))
            {
                project.PendingFrameworkGroups.Add((condition, group));
                continue;
            }

            ApplyProperties(project, group);
        }

        foreach (var item in rootElement.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements()))
        {
            var include = ((string?)item.Attribute("Include"))?.Trim();
            if (string.IsNullOrEmpty(include))
            {
                continue;
            }

            switch (item.Name.LocalName)
            {
                case "PackageReference":
                    project.PackageReferences.Add(include);
                    break;
                case "ProjectReference" when !string.Equals(Metadata(item, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase):
                    project.PackageReferences.Add(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
                    if (!include.Contains("$(", StringComparison.Ordinal))
                    {
                        project.ProjectReferences.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include.Replace('\\', '/'))));
                    }

                    break;
                case "Using" when item.Attribute("Alias") is null && item.Attribute("Static") is null:
                    project.Usings.Add(include);
                    break;
            }
        }
    }

    private static string? Metadata(XElement item, string name) =>
        ((string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value)?.Trim();

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }
}
