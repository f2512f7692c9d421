using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Cadasto.Scanning;

/// <summary>
/// Reads what a source-only scan can know from a project file without MSBuild: its SDK, plain
/// properties (<c>TargetFramework</c>, <c>UseWPF</c>, <c>UseMaui</c>, <c>OutputType</c>, …),
/// package references, <c>Compile</c> and <c>Using</c> items, with <c>Directory.Build.props</c> files above it read
/// first. Conditions and property functions are not evaluated; the first literal value wins over
/// none, the project's over the props'.
/// </summary>
internal static class ProjectFileReader
{
    public static void Read(ScanProject project, string scanRoot)
    {
        // MSBuild imports the nearest Directory.Build.props before the project and the nearest
        // Directory.Build.targets after it (items such as a ProjectReference to Cadasto.Credentials live there).
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Nearest(project.Directory, "Directory.Build.props") is { } props)
        {
            ApplyWithImports(project, props, scanRoot, visited);
            if (visited.Any(file => ImportsArcadeSdk(file, scanRoot)) && IsArcadeTestProjectName(project.Name))
            {
                project.Properties.TryAdd("IsTestProject", "true");
            }
        }

        // The project's own <Import Project="../../build/public.props" />: settings a product shares from a folder of its own
        // rather than Directory.Build.props (dotnetcore/osharp's ImplicitUsings: without them System and
        // System.Collections.Generic do not bind). Read before the project's own values, which win.
        foreach (var imported in ImportsOf(project, project.ProjectFile!, scanRoot))
        {
            if (imported.EndsWith(".props", StringComparison.OrdinalIgnoreCase))
            {
                ApplyWithImports(project, imported, scanRoot, visited);
            }
        }

        Apply(project, project.ProjectFile!, scanRoot, isProject: true);

        // An old-style (.NET Framework) project lists its packages in packages.config beside it, not as PackageReference
        // items: the packages it builds against all the same (test frameworks, IdentityServer3, the IdentityModel 1.x API).
        var packagesConfig = Path.Combine(project.Directory, "packages.config");
        if (File.Exists(packagesConfig))
        {
            ApplyPackagesConfig(project, packagesConfig, scanRoot);
        }

        // A project of the .NET Core 1.0 tooling (.xproj) lists its packages and frameworks in project.json beside it.
        var projectJson = Path.Combine(project.Directory, "project.json");
        if (project.ProjectFile!.EndsWith(".xproj", StringComparison.OrdinalIgnoreCase) && File.Exists(projectJson))
        {
            ApplyProjectJson(project, projectJson, scanRoot);
        }

        // Central package management imports Directory.Packages.props into every project; besides versions it may hold
        // package references for some projects (<ItemGroup Condition="$(MSBuildProjectFullPath.Contains('Tests'))">,
        // a test framework for every test project), which decide test code (the SPEC) as a project's own would.
        if (Nearest(project.Directory, "Directory.Packages.props") is { } packages)
        {
            ApplyPackageReferences(project, packages, scanRoot);
        }
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
            // A condition the scan can decide (Sonarr's <TestProject Condition="$(MSBuildProjectName.EndsWith('.Test'))">)
            // is honoured; one it cannot decide leaves the value applied, as before conditions were read at all.
            if (Decide(project, (string?)property.Attribute("Condition")) == false)
            {
                continue;
            }

            var value = property.Value.Trim();
            if (property.Name.LocalName == "DefineConstants")
            {
                // <DefineConstants>$(DefineConstants);PGSQL</DefineConstants> adds to what was defined before (a
                // Directory.Build.props group for the target framework applied later adds too): only a value without the
                // reference replaces the symbols.
                var adds = value.Contains("$(DefineConstants)", StringComparison.OrdinalIgnoreCase);
                value = System.Text.RegularExpressions.Regex.Replace(value, @"\$\([^)]*\)", string.Empty).Trim(';', ' ');
                if (adds && project.Properties.TryGetValue("DefineConstants", out var before) && before.Length > 0)
                {
                    value = value.Length == 0 ? before : before + ";" + value;
                }
            }

            if (value.Length == 0 || value.Contains("$(", StringComparison.Ordinal))
            {
                continue;
            }

            project.Properties[property.Name.LocalName] = value;
        }
    }

    /// <summary>
    /// A <c>Directory.Build.props</c> and the files it imports first (<c>&lt;Import Project="$([MSBuild]::GetPathOfFileAbove(
    /// 'Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" /&gt;</c>, the chain a nested props file uses, or a
    /// literal path): the outer file's values come first and the inner file's win, as MSBuild evaluates them.
    /// </summary>
    private static void ApplyWithImports(ScanProject project, string file, string scanRoot, HashSet<string> visited)
    {
        if (visited.Count >= 16 || !visited.Add(Path.GetFullPath(file)))
        {
            return;
        }

        foreach (var imported in ImportsOf(project, file, scanRoot))
        {
            ApplyWithImports(project, imported, scanRoot, visited);
        }

        Apply(project, file, scanRoot, isProject: false);
    }

    /// <summary>
    /// The Arcade SDK (dotnet/arcade, imported by <c>Directory.Build.props</c> as OpenIddict's is) sets <c>IsTestProject</c>
    /// for every project named <c>*.Tests</c>, <c>*.UnitTests</c>, <c>*.IntegrationTests</c> or <c>*.PerformanceTests</c> and
    /// gives it xUnit: test code by the SPEC, which the project file does not say itself.
    /// </summary>
    /// <remarks>
    /// Read as every input is (<see cref="ReadXml"/>, through <see cref="InputFiles"/>): a pipe or a device named
    /// <c>Directory.Build.props</c> is never opened and waited on; a file that cannot be read or parsed imports nothing here
    /// (<see cref="Apply"/> names it).
    /// </remarks>
    private static bool ImportsArcadeSdk(string file, string scanRoot) =>
        ReadXml(file, scanRoot)?.Root?.Elements()
            .Any(e => e.Name.LocalName == "Import" && string.Equals(((string?)e.Attribute("Sdk"))?.Trim(), "Microsoft.DotNet.Arcade.Sdk", StringComparison.OrdinalIgnoreCase)) == true;

    private static bool IsArcadeTestProjectName(string name) =>
        name.EndsWith(".Tests", StringComparison.Ordinal) || name.EndsWith(".UnitTests", StringComparison.Ordinal)
        || name.EndsWith(".IntegrationTests", StringComparison.Ordinal) || name.EndsWith(".PerformanceTests", StringComparison.Ordinal);

    private static IEnumerable<string> ImportsOf(ScanProject project, string file, string scanRoot)
    {
        // Read as every input is (InputFiles): a named pipe called App.csproj is refused, never opened and waited on.
        if (ReadXml(file, scanRoot) is not { Root: { } root })
        {
            yield break; // Apply names the file that cannot be read
        }

        var directory = Path.GetDirectoryName(file)!;
        foreach (var target in ImportTargets(project, root))
        {
            var above = Regex.Match(target, @"^\$\(\[MSBuild\]::GetPathOfFileAbove\(\s*'([^']+)'\s*,\s*'\$\(MSBuildThisFileDirectory\)\.\./?'\s*\)\)$");
            if (above.Success)
            {
                var name = above.Groups[1].Value.Replace("$(MSBuildThisFile)", Path.GetFileName(file), StringComparison.Ordinal);
                if (Path.GetDirectoryName(directory) is { } parent && !name.Contains("$(", StringComparison.Ordinal)
                    && Nearest(parent, name) is { } found)
                {
                    yield return found;
                }

                continue;
            }

            if (LiteralImportPath(target, directory, StringComparison.Ordinal) is { } path && File.Exists(path))
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// The one walk over a file's imports, which the props reader and the shared-items reader both take: the <c>Project</c> of
    /// every <c>&lt;Import&gt;</c> at the top level or in an <c>ImportGroup</c>, in document order (the order MSBuild imports
    /// them in); an SDK's import (<c>Sdk="…"</c>), and an import or group under a condition the scan decides is false, left out.
    /// </summary>
    private static IEnumerable<string> ImportTargets(ScanProject project, XElement root)
    {
        foreach (var element in root.Elements())
        {
            var imports = element.Name.LocalName switch
            {
                "Import" => new[] { element },
                "ImportGroup" when Decide(project, (string?)element.Attribute("Condition")) != false => element.Elements().Where(e => e.Name.LocalName == "Import"),
                _ => Enumerable.Empty<XElement>(),
            };
            foreach (var import in imports)
            {
                var target = ((string?)import.Attribute("Project"))?.Trim();
                if (!string.IsNullOrEmpty(target) && import.Attribute("Sdk") is null && Decide(project, (string?)import.Attribute("Condition")) != false)
                {
                    yield return target;
                }
            }
        }
    }

    /// <summary>An XML file beside or above the project, or null when it cannot be read or parsed (then it adds nothing).</summary>
    private static XDocument? ReadXml(string file, string scanRoot)
    {
        var text = InputFiles.ReadAllText(file, ProjectDiscovery.Relative(scanRoot, file), out _);
        try
        {
            return XDocument.Parse(text ?? string.Empty, LoadOptions.None);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The <c>&lt;package id="…" version="…" /&gt;</c> entries of a <c>packages.config</c>, with their versions.</summary>
    private static void ApplyPackagesConfig(ScanProject project, string file, string scanRoot)
    {
        if (ReadXml(file, scanRoot) is not { } document)
        {
            return;
        }

        foreach (var package in document.Root?.Elements().Where(e => e.Name.LocalName == "package") ?? Enumerable.Empty<XElement>())
        {
            var id = ((string?)package.Attribute("id"))?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            project.PackageReferences.Add(id);
            project.UsesPackagesConfig = true;
            if (((string?)package.Attribute("version"))?.Trim() is { Length: > 0 } version)
            {
                project.PackageVersions[id] = version;
            }
        }
    }

    /// <summary>
    /// The <c>dependencies</c> of a <c>project.json</c> (at the top and under each framework: <c>"IdentityServer3":
    /// "2.5.2"</c>, <c>"xunit": { "version": "2.2.0" }</c>) as package references with their versions, except the
    /// solution's own projects (<c>"type": "project"</c> or <c>"target": "project"</c>); its first framework as the
    /// target framework. A file that does not parse adds nothing and is named in a note.
    /// </summary>
    private static void ApplyProjectJson(ScanProject project, string file, string scanRoot)
    {
        var text = InputFiles.ReadAllText(file, ProjectDiscovery.Relative(scanRoot, file), out _);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text ?? string.Empty, new System.Text.Json.JsonDocumentOptions
            {
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return;
            }

            AddDependencies(project, document.RootElement);
            if (document.RootElement.TryGetProperty("frameworks", out var frameworks) && frameworks.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var framework in frameworks.EnumerateObject())
                {
                    project.Properties.TryAdd("TargetFramework", framework.Name);
                    if (framework.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
                    {
                        AddDependencies(project, framework.Value);
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException exception)
        {
            project.Notes.Add($"{project.Display(file)}: not read ({exception.Message}); its packages are unknown to the scan.");
        }
    }

    private static void AddDependencies(ScanProject project, System.Text.Json.JsonElement owner)
    {
        if (!owner.TryGetProperty("dependencies", out var dependencies) || dependencies.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return;
        }

        foreach (var dependency in dependencies.EnumerateObject())
        {
            var version = dependency.Value.ValueKind == System.Text.Json.JsonValueKind.String ? dependency.Value.GetString() : null;
            if (dependency.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                if (IsProjectDependency(dependency.Value, "type") || IsProjectDependency(dependency.Value, "target"))
                {
                    continue;
                }

                version = dependency.Value.TryGetProperty("version", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
            }

            project.PackageReferences.Add(dependency.Name);
            if (version?.Trim() is { Length: > 0 } known)
            {
                project.PackageVersions[dependency.Name] = known;
            }
        }
    }

    private static bool IsProjectDependency(System.Text.Json.JsonElement dependency, string property) =>
        dependency.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
        && string.Equals(value.GetString(), "project", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>PackageReference</c> and <c>GlobalPackageReference</c> items of <paramref name="file"/> whose conditions hold for the project.</summary>
    private static void ApplyPackageReferences(ScanProject project, string file, string scanRoot)
    {
        if (ReadXml(file, scanRoot) is not { } document)
        {
            return;
        }

        foreach (var group in document.Root?.Elements().Where(e => e.Name.LocalName == "ItemGroup") ?? Enumerable.Empty<XElement>())
        {
            if (!ConditionHolds(project, (string?)group.Attribute("Condition")))
            {
                continue;
            }

            foreach (var item in group.Elements().Where(e => e.Name.LocalName is "PackageReference" or "GlobalPackageReference"))
            {
                var include = ((string?)item.Attribute("Include"))?.Trim();
                if (!string.IsNullOrEmpty(include) && ConditionHolds(project, (string?)item.Attribute("Condition")))
                {
                    AddPackageReference(project, include, item);
                }
            }
        }
    }

    /// <summary>
    /// The conditions a source-only scan can decide: none; <c>$(MSBuildProjectName.EndsWith('…'))</c> (also <c>StartsWith</c>,
    /// <c>Contains</c>, on <c>MSBuildProjectName</c>, <c>MSBuildProjectFullPath</c>, <c>MSBuildProjectDirectory</c>),
    /// perhaps negated; <c>'$(Property)' == '…'</c> or <c>!=</c> on those and on the project's plain properties. Any other
    /// condition does not hold: a reference the scan cannot be sure of is left out.
    /// </summary>
    private static bool ConditionHolds(ScanProject project, string? condition) => Decide(project, condition) == true;

    /// <summary>The same conditions as <see cref="ConditionHolds"/>: true or false where the scan can decide, null where it cannot.</summary>
    private static bool? Decide(ScanProject project, string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var text = condition.Trim();

        // (a or b) and c, as MSBuild writes them: decided where enough of the parts are (false and unknown is false, true or
        // unknown is true), so that bitwarden's <IsTestProject Condition="'$(IsTestProject)' == '' and
        // ($(MSBuildProjectName.EndsWith('.Test')) or …)"> is not applied to every project for its unknown first part.
        if (EnclosedInParentheses(text))
        {
            return Decide(project, text.Substring(1, text.Length - 2));
        }

        if (SplitTopLevel(text, "or") is { Count: > 1 } alternatives)
        {
            return Combine(project, alternatives, decisive: true);
        }

        if (SplitTopLevel(text, "and") is { Count: > 1 } conjuncts)
        {
            return Combine(project, conjuncts, decisive: false);
        }

        var call = Regex.Match(text, @"^(!?)\s*\$\((\w+)\.(EndsWith|StartsWith|Contains)\(\s*'([^']*)'\s*\)\)$");
        if (call.Success)
        {
            if (PropertyOf(project, call.Groups[2].Value) is not { } subject)
            {
                return null;
            }

            var argument = call.Groups[4].Value;
            var result = call.Groups[3].Value switch
            {
                "EndsWith" => subject.EndsWith(argument, StringComparison.Ordinal),
                "StartsWith" => subject.StartsWith(argument, StringComparison.Ordinal),
                _ => subject.Contains(argument, StringComparison.Ordinal),
            };
            return call.Groups[1].Value.Length == 0 ? result : !result;
        }

        var comparison = Regex.Match(text, @"^'\$\((\w+)\)'\s*(==|!=)\s*'([^'$]*)'$");
        if (comparison.Success && PropertyOf(project, comparison.Groups[1].Value) is { } value)
        {
            var equal = string.Equals(value, comparison.Groups[3].Value, StringComparison.OrdinalIgnoreCase);
            return comparison.Groups[2].Value == "==" ? equal : !equal;
        }

        return null;
    }

    /// <summary>
    /// The parts joined by <c>or</c> (<paramref name="decisive"/> true) or <c>and</c> (false): one part decided as the decisive
    /// value decides the whole; otherwise an undecided part leaves the whole undecided.
    /// </summary>
    private static bool? Combine(ScanProject project, List<string> parts, bool decisive)
    {
        bool? whole = !decisive;
        foreach (var part in parts)
        {
            var decided = Decide(project, part);
            if (decided == decisive)
            {
                return decisive;
            }

            whole = decided is null ? null : whole;
        }

        return whole;
    }

    /// <summary>Whether the whole of <paramref name="text"/> is one parenthesised expression (<c>(a or b)</c>, not <c>(a) or (b)</c>).</summary>
    private static bool EnclosedInParentheses(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[text.Length - 1] != ')')
        {
            return false;
        }

        var depths = Depths(text);
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (depths[i] == 0)
            {
                return false;
            }
        }

        return depths[text.Length - 1] == 1;
    }

    /// <summary>The parts of <paramref name="text"/> joined by the keyword (<c>and</c>, <c>or</c>) outside quotes and parentheses.</summary>
    private static List<string> SplitTopLevel(string text, string keyword)
    {
        var parts = new List<string>();
        var depths = Depths(text);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (depths[i] == 0 && char.IsWhiteSpace(text[i])
                && i + keyword.Length + 1 < text.Length
                && string.Compare(text, i + 1, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && char.IsWhiteSpace(text[i + keyword.Length + 1]))
            {
                parts.Add(text.Substring(start, i - start).Trim());
                start = i + keyword.Length + 1;
                i = start;
            }
        }

        parts.Add(text.Substring(start).Trim());
        return parts;
    }

    /// <summary>
    /// How deep in parentheses each character of a condition is (a parenthesis counts as inside the pair it belongs to);
    /// -1 inside a quoted string, where parentheses and keywords are text.
    /// </summary>
    private static int[] Depths(string text)
    {
        var depths = new int[text.Length];
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' || quoted)
            {
                quoted = c == '\'' ? !quoted : quoted;
                depths[i] = -1;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }

            depths[i] = depth;
            if (c == ')')
            {
                depth--;
            }
        }

        return depths;
    }

    private static string? PropertyOf(ScanProject project, string name) => name switch
    {
        "MSBuildProjectName" => project.ProjectFile is null ? null : Path.GetFileNameWithoutExtension(project.ProjectFile),
        "MSBuildProjectFullPath" => project.ProjectFile,
        "MSBuildProjectDirectory" => project.Directory.TrimEnd(Path.DirectorySeparatorChar),
        _ => project.Properties.TryGetValue(name, out var value) ? value : null,
    };

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
            var references = isProject ? ApplyReferencesFromText(project, text, file) : 0;
            project.Notes.Add(references == 0
                ? $"{display}: could not be read ({FirstLine(ex.Message)}); its sources are analysed with default settings."
                : $"{display}: could not be read ({FirstLine(ex.Message)}); its sources are analysed with default settings and the {references} package and project reference(s) its text names.");
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

            if (Decide(project, condition) != false)
            {
                ApplyProperties(project, group);
            }
        }

        // Items under a condition the scan decides is false are left out (Sonarr's <ItemGroup Condition="'$(TestProject)'=='true'">
        // gives NUnit to its test projects only: a product project that got it would be test code). Undecided: kept.
        foreach (var item in rootElement.Elements().Where(e => e.Name.LocalName == "ItemGroup" && Decide(project, (string?)e.Attribute("Condition")) != false).SelectMany(g => g.Elements()))
        {
            var include = ((string?)item.Attribute("Include"))?.Trim();
            if (string.IsNullOrEmpty(include) || Decide(project, (string?)item.Attribute("Condition")) == false)
            {
                // <PackageReference Remove="xunit" />: a benchmark project under a tests folder drops the framework its
                // parent's props gave every test project (Elsa's), and is no test code.
                if (item.Name.LocalName == "PackageReference" && ((string?)item.Attribute("Remove"))?.Trim() is { Length: > 0 } removed
                    && Decide(project, (string?)item.Attribute("Condition")) != false)
                {
                    project.PackageReferences.Remove(removed);
                }

                continue;
            }

            switch (item.Name.LocalName)
            {
                case "PackageReference":
                    AddPackageReference(project, include, item);
                    if (Metadata(item, "Version")?.Trim() is { Length: > 0 } version && !version.Contains("$(", StringComparison.Ordinal))
                    {
                        project.PackageVersions[include] = version;
                    }

                    break;
                case "ProjectReference" when !string.Equals(Metadata(item, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase):
                    AddProjectReference(project, include, file, isPrivate: IsPrivate(item, "PrivateAssets"));
                    break;
                case "Compile":
                    // Item paths are relative to the project, in the project file and in its imports alike.
                    project.CompileItems.Add((ItemPath(include, file, project), ((string?)item.Attribute("Exclude")) is { } exclude ? ItemPath(exclude, file, project) : null));
                    break;
                case "Using" when item.Attribute("Alias") is null && item.Attribute("Static") is null:
                    project.Usings.Add(include);
                    break;
                case "Reference":
                    project.AssemblyReferences.Add(AssemblySimpleName(include));
                    break;
            }
        }

        // A shared project (.shproj) has no build of its own: each project that imports its items (<Import Project="….projitems"
        // Label="Shared" />) compiles them, with that project's references, test-ness and settings, as MSBuild does. Its Compile
        // items ($(MSBuildThisFileDirectory)…) are resolved against the .projitems file's folder (ItemPath).
        if (!IsSharedItems(file))
        {
            foreach (var sharedItems in SharedItemsImports(project, rootElement, file, scanRoot))
            {
                Apply(project, sharedItems, scanRoot, isProject: false);
            }
        }

        // Visual Studio's MSTest v1 template puts its framework reference in a <Choose> whose branches differ only by the
        // reference's version (on a condition the scan cannot decide); every branch's assembly names are kept: they say what
        // the project builds against whichever branch is taken.
        foreach (var reference in rootElement.Elements().Where(e => e.Name.LocalName == "Choose").Descendants().Where(e => e.Name.LocalName == "Reference"))
        {
            if (((string?)reference.Attribute("Include"))?.Trim() is { Length: > 0 } name)
            {
                project.AssemblyReferences.Add(AssemblySimpleName(name));
            }
        }
    }

    // <PackageReference Include="…"> and <ProjectReference Include="…">, as a project file's text spells them.
    private static readonly Regex ReferenceTag = new(
        "<(?<kind>PackageReference|ProjectReference)\\s[^<>]*?\\bInclude\\s*=\\s*\"(?<include>[^\"<>]+)\"",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A project file that is no well-formed XML (a <c>dotnet new</c> template's project, whose conditional markup or a
    /// stray tag breaks the document) still names the packages and projects its sources are written against: its
    /// <c>PackageReference</c> and <c>ProjectReference</c> tags are read from the text (without conditions, which need the
    /// document), so that a template that references the library of its own tree as a package compiles against it
    /// (<see cref="OwnPackages"/>) and the library's parameter names are known. Returns how many references it read.
    /// </summary>
    private static int ApplyReferencesFromText(ScanProject project, string text, string file)
    {
        var count = 0;
        foreach (Match match in ReferenceTag.Matches(text))
        {
            var include = match.Groups["include"].Value.Trim();
            if (include.Length == 0)
            {
                continue;
            }

            count++;
            if (match.Groups["kind"].Value == "PackageReference")
            {
                project.PackageReferences.Add(include);
                continue;
            }

            AddProjectReference(project, include, file);
        }

        return count;
    }

    /// <summary>A <c>ProjectReference</c>: its name as a reference, and its path where it is literal (relative to the project file).</summary>
    private static void AddProjectReference(ScanProject project, string include, string file, bool isPrivate = false)
    {
        project.PackageReferences.Add(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
        if (!include.Contains("$(", StringComparison.Ordinal))
        {
            var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include.Replace('\\', '/')));
            project.ProjectReferences.Add(referenced);
            if (isPrivate)
            {
                project.PrivateProjectReferences.Add(referenced);
            }
        }
    }

    /// <summary>
    /// The full path an <c>&lt;Import Project="…"&gt;</c> names when it is literal (relative to the importing file's folder,
    /// or after <c>$(MSBuildThisFileDirectory)</c>); null behind any other property or a wildcard. The props reader matches the
    /// property's spelling exactly, the shared-items reader ignores its case (to be made one rule: a behaviour decision).
    /// </summary>
    private static string? LiteralImportPath(string target, string directory, StringComparison propertyComparison)
    {
        var literal = target.Replace("$(MSBuildThisFileDirectory)", directory + Path.DirectorySeparatorChar, propertyComparison)
            .Replace('\\', '/');
        return literal.Contains("$(", StringComparison.Ordinal) || literal.Contains('*', StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(Path.Combine(directory, literal));
    }

    private static bool IsSharedItems(string file) => file.EndsWith(".projitems", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>.projitems</c> files <paramref name="file"/> imports (at its top level or in an <c>ImportGroup</c>) under a condition
    /// the scan does not decide is false: a literal path, relative to the importing file or after <c>$(MSBuildThisFileDirectory)</c>.
    /// One that is not there is named in a note; one behind another property is not resolved.
    /// </summary>
    private static IEnumerable<string> SharedItemsImports(ScanProject project, XElement root, string file, string scanRoot)
    {
        var directory = Path.GetDirectoryName(file)!;
        foreach (var target in ImportTargets(project, root))
        {
            if (!IsSharedItems(target) || LiteralImportPath(target, directory, StringComparison.OrdinalIgnoreCase) is not { } path)
            {
                continue;
            }

            if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                project.Notes.Add($"{ProjectDiscovery.Relative(scanRoot, file)}: imports {target.Replace('\\', '/')}, which is not there: its shared files are analysed as loose files.");
            }
        }
    }

    /// <summary><c>Microsoft.VisualStudio.QualityTools.UnitTestFramework, Version=10.1.0.0, Culture=neutral, …</c>: the name before the first comma.</summary>
    private static string AssemblySimpleName(string include)
    {
        var comma = include.IndexOf(',');
        return (comma < 0 ? include : include.Substring(0, comma)).Trim();
    }

    /// <summary>An item path with the folder properties MSBuild knows without evaluation put in; any other <c>$(…)</c> is left for the caller to skip.</summary>
    private static string ItemPath(string value, string file, ScanProject project) => value
        .Replace("$(MSBuildThisFileDirectory)", Path.GetDirectoryName(file)! + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
        .Replace("$(MSBuildProjectDirectory)", project.Directory, StringComparison.OrdinalIgnoreCase)
        .Trim();

    /// <summary>
    /// A package reference, and whether it flows on to the projects that reference this one: not with <c>PrivateAssets</c>
    /// <c>all</c> or naming <c>compile</c>, nor as a <c>GlobalPackageReference</c> (NuGet gives it only analyzers and build
    /// assets, privately). The last item for an id decides, as its metadata would be the last one read.
    /// </summary>
    private static void AddPackageReference(ScanProject project, string include, XElement item)
    {
        project.PackageReferences.Add(include);
        if (item.Name.LocalName == "GlobalPackageReference" || IsPrivate(item, "PrivateAssets"))
        {
            project.PrivatePackageReferences.Add(include);
        }
        else
        {
            project.PrivatePackageReferences.Remove(include);
        }
    }

    /// <summary><c>PrivateAssets="all"</c>, or a list of assets that names <c>compile</c>: the reference's assemblies stay with this project.</summary>
    private static bool IsPrivate(XElement item, string name) =>
        Metadata(item, name) is { Length: > 0 } assets
        && assets.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(a => a.Equals("all", StringComparison.OrdinalIgnoreCase) || a.Equals("compile", StringComparison.OrdinalIgnoreCase));

    private static string? Metadata(XElement item, string name) =>
        ((string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value)?.Trim();

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }
}
