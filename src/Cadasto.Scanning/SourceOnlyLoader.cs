using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning;

/// <summary>A project ready to analyse: its compilation, the options the package would pass, and which trees to analyse.</summary>
public sealed class LoadedProject
{
    public LoadedProject(ScanProject project, CSharpCompilation compilation, AnalyzerOptions options, ImmutableArray<SyntaxTree> treesToAnalyze, ImmutableArray<AdditionalText> additionalTexts)
    {
        Project = project;
        Compilation = compilation;
        Options = options;
        TreesToAnalyze = treesToAnalyze;
        AdditionalTexts = additionalTexts;
    }

    public ScanProject Project { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>AdditionalFiles and the <c>.editorconfig</c>/<c>build_property.*</c> options.</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>The user's trees that passed the prefilter (never the synthetic global usings); the others are in the compilation as declarations only.</summary>
    public ImmutableArray<SyntaxTree> TreesToAnalyze { get; }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    /// <summary>The user's source trees in the compilation (analysed or not).</summary>
    public int SourceTreeCount => Project.SourceFiles.Count;
}

/// <summary>
/// Turns a <see cref="ScanProject"/> into a <see cref="CSharpCompilation"/> without MSBuild: the
/// sources as they are on disk, the SDK's implicit global usings, preprocessor symbols of the target
/// framework, the reference set this tool ships, AdditionalFiles, <c>.editorconfig</c> options and
/// severities, and the build properties the package makes visible. Reads only; writes nothing.
/// </summary>
public sealed class SourceOnlyLoader
{
    /// <summary>Build properties the package passes to analyzers (CompilerVisibleProperty) or the compiler passes by itself.</summary>
    private static readonly string[] VisibleProperties =
    {
        "TargetFramework", "TargetFrameworkIdentifier", "TargetPlatformIdentifier", "UsingMicrosoftNETSdkWeb",
        "UsingMicrosoftNETSdkBlazorWebAssembly", "UsingMicrosoftNETSdkWorker", "_SupportedPlatformList", "RootNamespace",
        "ProjectDir", "UseMaui", "UseWPF", "UseWindowsForms", "UseWinUI", "OutputType", "RuntimeIdentifier",
        "PackAsTool", "CadastoManifest", "IsTestProject",
    };

    // A test framework's package (Catalogs/TestFrameworks) makes a project test code (the SPEC: "IsTestProject, or a
    // reference to xUnit, NUnit, MSTest or TUnit"), even one that says IsTestProject false (a shared helper library of the
    // tests), as Semantics/TestProject finds in a build from the referenced assemblies. The scan has no restore, so the
    // package references stand for the assemblies, those a referenced project passes on included (PackageFlow: a build
    // references them too); an old-style project's assembly reference (MSTest v1) names one itself.

    // The test SDK sets IsTestProject itself, so it counts only where the project leaves the property unset.
    private static readonly string[] TestSdkPackages = { "Microsoft.NET.Test.Sdk", "MSTest.Sdk" };

    /// <summary>
    /// Roslyn's switch for the nullable flow analysis (<c>run-nullable-analysis</c>, the one the IDE uses): no rule reads
    /// nullable flow states, and the analysis ran over every analysed body of a <c>#nullable enable</c> project.
    /// </summary>
    private static readonly KeyValuePair<string, string>[] NoNullableAnalysis = { new("run-nullable-analysis", "never") };

    private readonly ReferenceSet _references;

    public SourceOnlyLoader(ReferenceSet? references = null, bool prefilter = true)
    {
        _references = references ?? ReferenceSet.Default;
        UsePrefilter = prefilter;
    }

    public bool UsePrefilter { get; }

    /// <summary>Analyse generated code and EF Core migrations too (off by default: the rules skip generated code).</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary>Gets the time of each loading phase, when set.</summary>
    public ScanProfile? Profile { get; init; }

    /// <summary>Loads one project. Files that cannot be read are left out with a note on the project.</summary>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <param name="projectReferences">The compilations of the projects it references (its own types of the solution).</param>
    public LoadedProject Load(ScanProject project, CancellationToken cancellationToken = default, IEnumerable<MetadataReference>? projectReferences = null)
    {
        var properties = BuildProperties(project);
        var symbols = PreprocessorSymbols(properties["TargetFramework"]).ToList();
        if (project.Properties.TryGetValue("DefineConstants", out var defined))
        {
            symbols.AddRange(defined.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(SyntaxFacts.IsValidIdentifier));
        }

        var parseOptions = new CSharpParseOptions(LanguageVersionOf(project), DocumentationMode.None, SourceCodeKind.Regular, symbols.Distinct(StringComparer.Ordinal));
        parseOptions = parseOptions.WithFeatures(NoNullableAnalysis);

        var configNotes = new List<string>();
        AnalyzerConfigSet? configSet;
        ConfigOptionsProvider optionsProvider;
        SourcePrefilter prefilter;
        using (Profile.Phase("load: .editorconfig and prefilter words"))
        {
            configSet = ConfigOptionsProvider.CreateSet(project.EditorConfigFiles, configNotes);
            optionsProvider = new ConfigOptionsProvider(configSet, properties) { IncludeGenerated = IncludeGenerated };
            prefilter = new SourcePrefilter(optionsProvider.UserWords(project.SourceFiles));
        }

        project.Notes.AddRange(configNotes);

        var trees = new List<SyntaxTree>(project.SourceFiles.Count + 1);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        var analyzed = ImmutableArray.CreateBuilder<SyntaxTree>();
        int migrations = 0, generated = 0;
        foreach (var file in project.SourceFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool migration;
            using (Profile.Phase("load: generated-code test"))
            {
                migration = !IncludeGenerated && HeadIsMigration(file, project);
            }

            if (migration)
            {
                migrations++;
                continue;
            }

            SourceText? text;
            using (Profile.Phase("load: read"))
            {
                text = ReadText(file, project);
            }

            if (text is null)
            {
                continue;
            }

            var content = text.ToString();
            SourceKind kind;
            using (Profile.Phase("load: generated-code test"))
            {
                kind = IncludeGenerated ? SourceKind.Written : GeneratedCode.Classify(file, content);
            }

            if (kind == SourceKind.Migration)
            {
                migrations++;
                continue;
            }

            bool tooDeep;
            using (Profile.Phase("load: nesting guard"))
            {
                tooDeep = NestingGuard.TooDeepToParse(text, parseOptions, cancellationToken);
            }

            SyntaxTree? tree = null;
            if (!tooDeep)
            {
                using (Profile.Phase("load: parse"))
                {
                    tree = CSharpSyntaxTree.ParseText(text, parseOptions, file, cancellationToken);
                }

                using (Profile.Phase("load: nesting guard"))
                {
                    tooDeep = NestingGuard.TooDeep(text, tree, cancellationToken);
                }
            }

            if (tooDeep || tree is null)
            {
                project.Errors.Add(NestingGuard.NotAnalysed(project.Display(file)));
                continue;
            }

            if (kind == SourceKind.Generated)
            {
                generated++;
            }

            using (Profile.Phase("load: names the source spells"))
            {
                SourceNames.AddIdentifiers(content, identifiers);
                SourceNames.AddUsingNamespaces(tree.GetRoot(cancellationToken), namespaces);
            }

            using var stripping = Profile.Phase("load: prefilter and body stripping");
            if (project.ContextOnly || kind == SourceKind.Generated)
            {
                trees.Add(CSharpSyntaxTree.Create((CSharpSyntaxNode)BodyStripper.All.Visit(tree.GetRoot(cancellationToken)), parseOptions, file, text.Encoding));
            }
            else if (!UsePrefilter)
            {
                trees.Add(tree);
                analyzed.Add(tree);
            }
            else if (prefilter.MayHoldFinding(content))
            {
                tree = BodyBlanker.Blank(tree, text, content, prefilter, cancellationToken);

                trees.Add(tree);
                analyzed.Add(tree);
            }
            else
            {
                // Declarations only: its types resolve for the other files, its bodies are never bound.
                var stripped = BodyStripper.All.Visit(tree.GetRoot(cancellationToken));
                trees.Add(CSharpSyntaxTree.Create((CSharpSyntaxNode)stripped, parseOptions, file, text.Encoding));
            }
        }

        if (migrations + generated > 0 && !project.ContextOnly)
        {
            project.Notes.Add($"{project.Name}: {migrations} EF Core migration or snapshot file(s) left out and {generated} generated file(s) kept as declarations only: generated code is not analysed (--include-generated analyses them).");
        }

        var globalUsings = GlobalUsings(project);
        if (globalUsings.Length > 0)
        {
            // Named like the SDK's own file: *.g.cs is generated code, which the rules do not analyse.
            var usingsPath = Path.Combine(project.Directory, "obj", project.Name + ".GlobalUsings.g.cs");
            var usingsTree = CSharpSyntaxTree.ParseText(globalUsings, parseOptions, usingsPath, Encoding.UTF8, cancellationToken);
            SourceNames.AddUsingNamespaces(usingsTree.GetRoot(cancellationToken), namespaces);
            trees.Add(usingsTree);
        }

        var references = ReferencesFor(project, identifiers, namespaces, projectReferences);
        foreach (var package in project.PackageReferences)
        {
            if (package.StartsWith("Cadasto.", StringComparison.OrdinalIgnoreCase))
            {
                var local = Path.Combine(AppContext.BaseDirectory, package + ".dll");
                if (File.Exists(local))
                {
                    references = references.Add(MetadataReference.CreateFromFile(local));
                }
            }
        }

        var compilationOptions = new CSharpCompilationOptions(
                IsExecutable(project, properties) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableOf(project),
                allowUnsafe: true,
                concurrentBuild: false)
            .WithSpecificDiagnosticOptions(SpecificDiagnosticOptions(project));
        if (configSet is not null)
        {
            compilationOptions = compilationOptions.WithSyntaxTreeOptionsProvider(new ConfigSeverityProvider(configSet));
        }

        if (projectReferences is not null)
        {
            references = WithoutShippedCopiesOf(references, projectReferences).AddRange(projectReferences);
        }

        CSharpCompilation compilation;
        using (Profile.Phase("load: compilation"))
        {
            compilation = CSharpCompilation.Create(AssemblyNameOf(project), trees, references, compilationOptions);
        }

        using (Profile.Phase("load: package stand-ins"))
        {
            compilation = PackageStandIns.AddTo(compilation, project, namespaces);
        }

        using var additionalFiles = Profile.Phase("load: additional files");

        var additional = ImmutableArray.CreateBuilder<AdditionalText>(project.AdditionalFiles.Count);
        foreach (var file in project.AdditionalFiles)
        {
            // Read now, not when a rule asks: a file that cannot be read is named before the analysis, never seen empty.
            if (ReadText(file, project) is { } text)
            {
                additional.Add(new InMemoryAdditionalText(file, text));
            }
        }

        var additionalTexts = additional.ToImmutable();
        var options = new AnalyzerOptions(additionalTexts, optionsProvider);
        return new LoadedProject(project, compilation, options, analyzed.ToImmutable(), additionalTexts);
    }

    /// <summary>
    /// The references of the shipped set that the project's source can bind to (<see cref="ReferenceIndex"/>), and every
    /// one its referenced projects have, so that their declarations mean the same in it as in them. A project with a
    /// Cadasto manifest gets the whole set: the generated code it gets spells names its source does not.
    /// </summary>
    private ImmutableArray<MetadataReference> ReferencesFor(ScanProject project, HashSet<string> identifiers, HashSet<string> namespaces, IEnumerable<MetadataReference>? projectReferences)
    {
        var manifest = project.Properties.TryGetValue("CadastoManifest", out var named) && named.Length > 0 ? named : "cadasto.json";
        if (project.AdditionalFiles.Any(f => ConfigurationFiles.KindOf(f, manifest, project.Directory) == ConfigurationFileKind.Manifest))
        {
            return _references.All;
        }

        using var selecting = Profile.Phase("load: references the source can bind to");
        var selected = _references.For(identifiers, namespaces);
        var inherited = (projectReferences ?? Enumerable.Empty<MetadataReference>())
            .OfType<CompilationReference>()
            .SelectMany(r => r.Compilation.References)
            .ToHashSet();
        if (inherited.Count == 0)
        {
            return selected;
        }

        var own = selected.ToHashSet();
        return _references.All.Where(r => own.Contains(r) || inherited.Contains(r)).ToImmutableArray();
    }

    /// <summary>The <c>build_property.*</c> values the package would make visible for this project.</summary>
    public static Dictionary<string, string> BuildProperties(ScanProject project)
    {
        var p = project.Properties;
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in VisibleProperties.Concat(p.Keys.Where(k => k.StartsWith("Cadasto", StringComparison.OrdinalIgnoreCase))))
        {
            if (p.TryGetValue(name, out var value))
            {
                result[name] = value;
            }
        }

        if (project.PackageReferences.Any(TestFrameworks.IsFrameworkPackage)
            || project.InheritedPackageReferences.Any(TestFrameworks.IsFrameworkPackage)
            || project.AssemblyReferences.Any(TestFrameworks.IsFrameworkAssembly)
            || (!result.ContainsKey("IsTestProject")
                && (project.PackageReferences.Any(p => TestSdkPackages.Contains(p, StringComparer.OrdinalIgnoreCase))
                    || project.Sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase))))
        {
            result["IsTestProject"] = "true";
        }

        var sdk = project.Sdk;
        var targetFramework = result.TryGetValue("TargetFramework", out var tfm) ? tfm : "net10.0";
        result["TargetFramework"] = targetFramework;
        var isWeb = sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);
        var isBlazorWasm = sdk.Equals("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase);
        var isWorker = sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase);
        if (isWeb)
        {
            result["UsingMicrosoftNETSdkWeb"] = "true";
        }

        if (isBlazorWasm)
        {
            result["UsingMicrosoftNETSdkBlazorWebAssembly"] = "true";
            result["_SupportedPlatformList"] = "browser";
            result.TryAdd("RuntimeIdentifier", "browser-wasm");
        }

        if (isWorker)
        {
            result["UsingMicrosoftNETSdkWorker"] = "true";
        }

        var dash = targetFramework.IndexOf('-');
        var bareFramework = dash < 0 ? targetFramework : targetFramework.Substring(0, dash);
        if (dash > 0)
        {
            var platform = targetFramework.Substring(dash + 1);
            var digits = platform.IndexOfAny("0123456789".ToCharArray());
            result.TryAdd("TargetPlatformIdentifier", digits < 0 ? platform : platform.Substring(0, digits));
        }

        result.TryAdd("TargetFrameworkIdentifier",
            bareFramework.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase) ? ".NETStandard"
            : bareFramework.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase) || bareFramework.Contains('.') ? ".NETCoreApp"
            : ".NETFramework");
        result.TryAdd("OutputType", isWeb || isWorker || isBlazorWasm ? "Exe" : "Library");
        result.TryAdd("RootNamespace", Regex.Replace(project.Name, "[^A-Za-z0-9_.]", "_"));
        result["ProjectDir"] = project.Directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return result;
    }

    private static bool IsExecutable(ScanProject project, Dictionary<string, string> properties) =>
        properties.TryGetValue("OutputType", out var type) && (type.Equals("Exe", StringComparison.OrdinalIgnoreCase) || type.Equals("WinExe", StringComparison.OrdinalIgnoreCase))
        || project.IsLoose;

    private static LanguageVersion LanguageVersionOf(ScanProject project) =>
        project.Properties.TryGetValue("LangVersion", out var value) && LanguageVersionFacts.TryParse(value, out var version) && version != LanguageVersion.Default
            ? (version == LanguageVersion.Latest || version == LanguageVersion.LatestMajor ? LanguageVersion.Preview : version)
            : LanguageVersion.Preview;

    private static NullableContextOptions NullableOf(ScanProject project) =>
        project.Properties.TryGetValue("Nullable", out var value) && Enum.TryParse<NullableContextOptions>(value, ignoreCase: true, out var nullable)
            ? nullable
            : NullableContextOptions.Disable;

    /// <summary>
    /// The shipped references minus those a project of the scan compiles itself: where the repository is the library (MSAL.NET's
    /// dev apps reference the <c>Microsoft.Identity.Client</c> project), its source replaces the package, as in a build. Both
    /// at once would declare every type twice, and a type declared twice resolves to nothing: the catalogued sinks with it.
    /// </summary>
    private static ImmutableArray<MetadataReference> WithoutShippedCopiesOf(ImmutableArray<MetadataReference> references, IEnumerable<MetadataReference> projectReferences)
    {
        HashSet<string>? compiled = null;
        foreach (var reference in projectReferences)
        {
            if (reference is CompilationReference { Compilation.AssemblyName: { } name })
            {
                (compiled ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(name);
            }
        }

        if (compiled is null)
        {
            return references;
        }

        return references.RemoveAll(r => r is PortableExecutableReference { FilePath: { } path } && compiled.Contains(Path.GetFileNameWithoutExtension(path)));
    }

    private static string AssemblyNameOf(ScanProject project) =>
        project.Properties.TryGetValue("AssemblyName", out var name) ? name : project.Name;

    /// <summary><c>NoWarn</c> silences a rule, <c>WarningsAsErrors</c> raises it, as the compiler would.</summary>
    private static IEnumerable<KeyValuePair<string, ReportDiagnostic>> SpecificDiagnosticOptions(ScanProject project)
    {
        var result = new Dictionary<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        if (project.Properties.TryGetValue("WarningsAsErrors", out var raised))
        {
            foreach (var id in SplitIds(raised))
            {
                result[id] = ReportDiagnostic.Error;
            }
        }

        if (project.Properties.TryGetValue("NoWarn", out var silenced))
        {
            foreach (var id in SplitIds(silenced))
            {
                result[id] = ReportDiagnostic.Suppress;
            }
        }

        return result;
    }

    private static IEnumerable<string> SplitIds(string value) =>
        value.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(id => !id.Contains('$'));

    /// <summary>The SDK's implicit usings (ImplicitUsings=enable) plus the project's <c>Using</c> items.</summary>
    private static string GlobalUsings(ScanProject project)
    {
        var usings = new List<string>();
        var implicitUsings = project.Properties.TryGetValue("ImplicitUsings", out var value)
            && (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));
        if (implicitUsings)
        {
            usings.AddRange(new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" });
            var sdk = project.Sdk;
            if (sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(new[]
                {
                    "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                    "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
                    "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
                });
            }
            else if (sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(new[] { "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" });
            }
            else if (sdk.Equals("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(new[] { "System.Net.Http.Json", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging" });
            }
        }

        usings.AddRange(project.Usings);
        return string.Concat(usings.Distinct(StringComparer.Ordinal)
            .Where(u => SyntaxFacts.IsValidIdentifier(u.Replace(".", string.Empty, StringComparison.Ordinal)))
            .Select(u => "global using global::" + u + ";\n"));
    }

    /// <summary>Preprocessor symbols the SDK defines for a target framework (Debug configuration).</summary>
    internal static IEnumerable<string> PreprocessorSymbols(string targetFramework)
    {
        var symbols = new List<string> { "DEBUG", "TRACE" };
        var dash = targetFramework.IndexOf('-');
        var bare = (dash < 0 ? targetFramework : targetFramework.Substring(0, dash)).ToLowerInvariant();
        var match = Regex.Match(bare, @"^net(\d+)\.(\d+)$");
        if (match.Success)
        {
            var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var minor = match.Groups[2].Value;
            symbols.AddRange(new[] { "NET", "NETCOREAPP", $"NET{major}_{minor}" });
            for (var v = 5; v <= major; v++)
            {
                symbols.Add($"NET{v}_0_OR_GREATER");
            }

            symbols.AddRange(new[] { "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" });
        }
        else if (bare.StartsWith("netstandard", StringComparison.Ordinal))
        {
            symbols.AddRange(new[] { "NETSTANDARD", bare.ToUpperInvariant().Replace('.', '_') });
        }
        else if (Regex.IsMatch(bare, @"^net\d{2,3}$"))
        {
            symbols.AddRange(new[] { "NETFRAMEWORK", bare.ToUpperInvariant() });
        }

        if (dash > 0)
        {
            var platform = Regex.Match(targetFramework.Substring(dash + 1), "^[A-Za-z]+").Value.ToUpperInvariant();
            if (platform.Length > 0)
            {
                symbols.Add(platform);
            }
        }

        return symbols;
    }

    /// <summary>
    /// An EF Core migration or snapshot known from its first bytes (<see cref="GeneratedCode.MigrationHeadBytes"/>): left out
    /// without reading, decoding or hashing the rest (on bitwarden/server, 50 of the 72 MB of C#). A head that is no
    /// migration says nothing: the whole file is read and classified as before.
    /// </summary>
    private static bool HeadIsMigration(string file, ScanProject project)
    {
        var head = project.Contents.TryGetValue(file, out var bytes)
            ? (bytes.Length <= InputFiles.MaxFileBytes ? InputFiles.Head(bytes, GeneratedCode.MigrationHeadBytes) : null)
            : InputFiles.ReadHead(file, GeneratedCode.MigrationHeadBytes);
        return head is not null && GeneratedCode.IsMigration(head);
    }

    private static SourceText? ReadText(string file, ScanProject project)
    {
        var rejectBinary = file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
        var read = project.Contents.TryGetValue(file, out var bytes)
            ? InputFiles.FromBytes(bytes, project.Display(file), rejectBinary)
            : InputFiles.Read(file, project.Display(file), rejectBinary);
        if (read.Error is not null)
        {
            project.Errors.Add(read.Error);
        }
        else if (read.Skipped is not null)
        {
            project.Notes.Add(read.Skipped);
        }

        return read.Text;
    }

    /// <summary>An AdditionalFile read once, when the project was loaded.</summary>
    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
