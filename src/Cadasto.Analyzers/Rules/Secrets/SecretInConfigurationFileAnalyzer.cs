using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
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
/// string value in that file; it is the only rule that reports in configuration files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInConfigurationFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SecretInConfigurationFile);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var manifestFileName = CadastoOptions.ManifestFileName(start.Options);
            var projectDirectory = ConfigurationFiles.ProjectDirectory(start.Options);
            var secrets = ConfigurationSecrets.Create(
                CadastoOptions.GetGlobal(start.Options, CadastoOptions.CredentialWords),
                CadastoOptions.GetGlobal(start.Options, CadastoOptions.AllowedPlaceholders));
            start.RegisterAdditionalFileAction(file =>
            {
                var kind = ConfigurationFiles.KindOf(file.AdditionalFile.Path, manifestFileName, projectDirectory);
                if (kind != ConfigurationFileKind.None)
                {
                    AnalyzeFile(file, manifestFileName, secrets);
                }
            });
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, string manifestFileName, ConfigurationSecrets secrets)
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

        // Comments and trailing commas, as ASP.NET Core's JSON configuration provider reads them. A file that is
        // not JSON has no keys to judge (for the manifest, CDS9001 says why).
        var document = JsonReader.Parse(text, JsonReaderOptions.Configuration, context.CancellationToken);
        if (document.Root is null)
        {
            return;
        }

        var walker = new Walker(context, path, ConfigurationFiles.FileName(path), secrets, ManifestProvider.IsManifestPath(path, manifestFileName));
        walker.Visit(document.Root, parentKey: null, key: null);
    }

    private sealed class Walker
    {
        private readonly AdditionalFileAnalysisContext _context;
        private readonly string _path;
        private readonly string _fileName;
        private readonly ConfigurationSecrets _secrets;
        private readonly bool _isManifest;

        // The keys from the root to the current value; joined into a message only when something is reported.
        private readonly List<string> _keys = new();

        public Walker(AdditionalFileAnalysisContext context, string path, string fileName, ConfigurationSecrets secrets, bool isManifest)
        {
            _isManifest = isManifest;
            _context = context;
            _path = path;
            _fileName = fileName;
            _secrets = secrets;
        }

        /// <summary>Walks the tree; <paramref name="key"/> is the property that holds the node (an array's items share it).</summary>
        public void Visit(JsonNode node, string? parentKey, string? key, bool inArray = false, bool inCredentialList = false)
        {
            switch (node)
            {
                case JsonObject obj:
                    var isJsonWebKey = obj.Find("kty") is not null;

                    // "ApiKeys": { "acme": "…", "globex": "…" }: a flat map of generated-looking strings under a section
                    // that lists credentials by client. A section of settings ("Secrets": { "Provider": "AzureKeyVault", … })
                    // is not one, and objects inside arrays are descriptors ("ClientCredentials": [ { … } ]), not maps.
                    var isCredentialList = !inArray && key is not null && ConfigurationSecrets.IsCredentialListSection(key) && AllGeneratedStrings(obj);
                    foreach (var property in obj.Properties)
                    {
                        _keys.Add(property.Name);
                        if (isJsonWebKey && property.Value is JsonString privatePart
                            && ConfigurationSecrets.IsPrivateJsonWebKeyMember(property.Name, isJsonWebKey)
                            && !SecretValueHeuristics.IsNotASecret(privatePart.Value, _secrets.AllowedPlaceholders))
                        {
                            Report(privatePart, DiagnosticSeverity.Error);
                        }
                        else
                        {
                            Visit(property.Value, key, property.Name, inArray: false, inCredentialList: isCredentialList);
                        }

                        _keys.RemoveAt(_keys.Count - 1);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Items.Length; i++)
                    {
                        _keys.Add(i.ToString(CultureInfo.InvariantCulture));
                        Visit(array.Items[i], parentKey, key, inArray: true);
                        _keys.RemoveAt(_keys.Count - 1);
                    }

                    break;
                case JsonString text when key is not null:
                    // A URI with user information in the manifest is CDS9003's, which the generator also reports where the
                    // build skips analyzers: one value, one finding.
                    if (_isManifest && UriUserInfo.Contains(text.Value))
                    {
                        break;
                    }

                    if (_secrets.IsSecret(parentKey, key, text.Value, inCredentialList, out _))
                    {
                        Report(text, IsConfident(parentKey, key, text.Value) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
                    }

                    break;
            }
        }

        private static bool AllGeneratedStrings(JsonObject obj)
        {
            foreach (var property in obj.Properties)
            {
                if (property.Value is not JsonString text || !ConfigurationSecrets.LooksLikeGeneratedCredential(text.Value))
                {
                    return false;
                }
            }

            return obj.Properties.Length > 0;
        }

        /// <summary>
        /// Severity is confidence (the SPEC): an error for a value under a client-secret key, for a value found by its
        /// shape (a connection-string password, a token format, a private key) and for a credential-named value that looks
        /// real (long and random); a short value under another credential name (<c>"Password": "hunter2"</c>) matches on the
        /// name alone, a warning.
        /// </summary>
        private bool IsConfident(string? parentKey, string key, string value) =>
            IsClientSecretKey(parentKey, key) || !_secrets.IsCredentialKey(parentKey, key, out _) || TestSentinels.LooksReal(value);

        private static bool IsClientSecretKey(string? parentKey, string key) =>
            SeparatorInsensitiveText.EndsWith(key, "clientsecret")
            || (parentKey is not null && string.Equals(key, "Value", StringComparison.OrdinalIgnoreCase)
                && (SeparatorInsensitiveText.EndsWith(parentKey, "clientsecrets") || SeparatorInsensitiveText.EndsWith(parentKey, "apisecrets")));

        private void Report(JsonString value, DiagnosticSeverity severity) =>
            _context.ReportDiagnostic(Findings.Create(
                DiagnosticDescriptors.SecretInConfigurationFile,
                Location.Create(_path, value.Span, value.LineSpan),
                severity,
                additionalLocations: null,
                properties: null,
                DescribeKey(),
                _fileName));

        /// <summary>The value's configuration path (<c>AzureAd:ClientSecret</c>, <c>Clients:0:ClientSecret</c>); never the value.</summary>
        private string DescribeKey()
        {
            // Environment-variable style keys ("Cadasto__ClientSecret") read better as configuration paths.
            var shown = string.Join(":", _keys).Replace("__", ":");
            return shown.Length > 120 ? "…" + shown.Substring(shown.Length - 119) : shown;
        }
    }
}
