using System;
using System.Collections.Immutable;
using System.IO;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Rules.Secrets;

/// <summary>
/// CDS1004: a secret value in a configuration file the build sees — <c>appsettings*.json</c> (also under
/// <c>wwwroot/</c>, which Blazor WebAssembly serves to every browser), <c>launchSettings.json</c> and the
/// manifest. Files are recognised by name, so the command-line scanner, which has no MSBuild, finds the
/// same. A value is a secret under a credential-named key (<c>ClientSecret</c>, <c>client_secret</c>,
/// <c>Password</c>, <c>ApiKey</c>, nested as <c>"AzureAd": { "ClientSecret": … }</c> or in arrays), or a
/// connection string or URL that carries a password or key, under any key. The diagnostic lands on the
/// string value in that file. A file with a JSON syntax error is read around the error (every value that can be
/// made out is judged) and the error is reported where it is, under the same id with its own message, as a warning.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInConfigurationFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SecretInConfigurationFile, DiagnosticDescriptors.ConfigurationFileNotValidJson);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var manifestFileName = CadastoOptions.ManifestFileName(start.Options);
            var projectDirectory = ConfigurationFiles.ProjectDirectory(start.Options);
            var secrets = ConfigurationSecrets.Create(start.Compilation, start.Options);
            // A test project's settings are test code (the SPEC): its sentinels are judged as in its C#.
            if (TestProject.Is(start.Compilation, start.Options))
            {
                secrets = secrets.ForTestCode();
            }

            var keyReads = new ClientSecretKeyReads(start.Compilation, CompilationSymbols.Get(start.Compilation).SecretSinks(start.Options));
            start.RegisterAdditionalFileAction(file =>
            {
                var kind = ConfigurationFiles.KindOf(file.AdditionalFile.Path, manifestFileName, projectDirectory);
                if (kind != ConfigurationFileKind.None)
                {
                    AnalyzeFile(file, manifestFileName, secrets, keyReads);
                }
            });
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, string manifestFileName, ConfigurationSecrets secrets, ClientSecretKeyReads keyReads)
    {
        var path = context.AdditionalFile.Path;
        SourceText? text;
        try
        {
            text = context.AdditionalFile.GetText(context.CancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return;
        }

        if (text is null || text.Length == 0)
        {
            return;
        }

        // Comments and trailing commas, as ASP.NET Core's JSON configuration provider reads them; past a syntax error,
        // whatever can still be read is judged, and the error is reported where it is (for the manifest CDS9001 does).
        var document = JsonReader.Parse(text, JsonReaderOptions.Configuration, context.CancellationToken);
        var fileName = ConfigurationFiles.FileName(path);
        var isManifest = ManifestProvider.IsManifestPath(path, manifestFileName);
        if (document.Error is { } error && !isManifest)
        {
            context.ReportDiagnostic(Findings.Create(
                DiagnosticDescriptors.ConfigurationFileNotValidJson,
                Location.Create(path, error.Span, error.LineSpan),
                DiagnosticSeverity.Warning,
                additionalLocations: null,
                properties: null,
                fileName,
                error.Message));
        }

        if (document.Root is null)
        {
            return;
        }

        foreach (var finding in ConfigurationFileSecrets.Find(document.Root, secrets, isManifest, key => keyReads.IsReadIntoClientSecretSink(key, context.CancellationToken)))
        {
            context.ReportDiagnostic(Findings.Create(
                DiagnosticDescriptors.SecretInConfigurationFile,
                Location.Create(path, finding.Value.Span, finding.Value.LineSpan),
                finding.IsConfident ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                additionalLocations: null,
                properties: null,
                finding.KeyPath,
                fileName));
        }
    }
}
