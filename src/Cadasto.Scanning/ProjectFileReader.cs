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
        // Directory.Build.props from the outermost to the nearest, then the project: later ones win.
        var props = new System.Collections.Generic.List<string>();
        for (var dir = Path.GetDirectoryName(project.Directory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "Directory.Build.props");
            if (File.Exists(candidate))
            {
                props.Insert(0, candidate);
            }

            if (Directory.Exists(Path.Combine(dir, ".git")))
            {
                break;
            }
        }

        var ownProps = Path.Combine(project.Directory, "Directory.Build.props");
        if (File.Exists(ownProps))
        {
            props.Add(ownProps);
        }

        foreach (var file in props)
        {
            Apply(project, file, scanRoot, isProject: false);
        }

        Apply(project, project.ProjectFile!, scanRoot, isProject: true);

        if (!project.Properties.ContainsKey("TargetFramework") && project.Properties.TryGetValue("TargetFrameworks", out var frameworks))
        {
            var first = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is not null && !first.Contains("$(", StringComparison.Ordinal))
            {
                project.Properties["TargetFramework"] = first;
            }
        }
    }

    private static void Apply(ScanProject project, string file, string scanRoot, bool isProject)
    {
        XDocument document;
        try
        {
            using var stream = File.OpenRead(file);
            document = XDocument.Load(stream, LoadOptions.None);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            project.Notes.Add($"{ProjectDiscovery.Relative(scanRoot, file)}: could not be read ({FirstLine(ex.Message)}); its sources are analysed with default settings.");
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
            foreach (var property in group.Elements())
            {
                var value = property.Value.Trim();
                if (value.Length == 0 || value.Contains("$(", StringComparison.Ordinal))
                {
                    continue;
                }

                project.Properties[property.Name.LocalName] = value;
            }
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
                case "ProjectReference":
                    project.PackageReferences.Add(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
                    break;
                case "Using" when item.Attribute("Alias") is null && item.Attribute("Static") is null:
                    project.Usings.Add(include);
                    break;
            }
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }
}
