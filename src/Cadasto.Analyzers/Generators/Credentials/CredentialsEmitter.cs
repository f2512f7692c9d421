using System.Collections.Generic;
using System.Text;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Secrets;
using Cadasto.Analyzers.Generators.Credentials.Models;
using Microsoft.CodeAnalysis.CSharp;

namespace Cadasto.Analyzers.Generators.Credentials;

/// <summary>
/// Writes the generated source from a <see cref="GenerationSpec"/>: plain C# 8 (no interceptors, no
/// reflection, so trimming and AOT safe), every type name <c>global::</c>-qualified, every literal
/// escaped by Roslyn. Only references to secrets are written, never a value: the model holds none.
/// </summary>
internal static class CredentialsEmitter
{
    public const string EnvironmentsType = "CadastoEnvironments";
    public const string CredentialsType = "CadastoCredentials";
    public const string ExtensionsType = "CadastoServiceCollectionExtensions";

    private const string Runtime = "global::Cadasto.Credentials";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    private static readonly string Version = typeof(CredentialsEmitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    private static readonly string GeneratedCode = $"[global::System.CodeDom.Compiler.GeneratedCode(\"Cadasto.Analyzers\", \"{Version}\")]";

    /// <summary>The generated files: hint name and text, in a stable order.</summary>
    public static IReadOnlyList<(string HintName, string Source)> Emit(GenerationSpec spec)
    {
        var files = new List<(string, string)>
        {
            (HintName(spec, EnvironmentsType), EmitEnvironments(spec)),
        };
        foreach (var environment in spec.Credentials.Environments)
        {
            files.Add((HintName(spec, EnvironmentsType + "." + environment.Identifier.TrimStart('@')), EmitEnvironment(spec, environment)));
        }

        files.Add((HintName(spec, CredentialsType), EmitCredentials(spec)));
        files.Add((HintName(spec, ExtensionsType), EmitExtensions(spec)));
        return files;
    }

    /// <summary><c>&lt;Namespace&gt;.&lt;Type&gt;.g.cs</c>, shortened with a hash when it would not fit a file name (see <see cref="GeneratedNames"/>).</summary>
    private static string HintName(GenerationSpec spec, string type) =>
        GeneratedNames.HintName(spec.Namespace.Length == 0 ? type : spec.Namespace.Replace("@", string.Empty) + "." + type, ".g.cs");

    private static string EmitEnvironments(GenerationSpec spec)
    {
        var credentials = spec.Credentials;
        var w = Open(spec);
        w.Line($"/// <summary>The environments of <c>{Xml(credentials.Application)}</c> that <c>cadasto.json</c> describes, and the choice of one by name.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public static partial class {EnvironmentsType}");
        w.Line("/// <summary>The application's name in <c>cadasto.json</c>.</summary>");
        w.Line($"public const string Application = {Literal(credentials.Application)};");
        w.Line();
        w.Line("/// <summary>The environments' names, as <c>cadasto.json</c> spells them.</summary>");
        w.Line($"public static {ReadOnlyList}<string> Names {{ get; }} = {ReadOnlyArray("string", Names(credentials.Environments))};");
        w.Line();
        w.Line("/// <summary>Every environment, in the order of <c>cadasto.json</c>.</summary>");
        var all = new List<string>();
        foreach (var environment in credentials.Environments)
        {
            all.Add(environment.Identifier + ".Environment");
        }

        w.Line($"public static {ReadOnlyList}<{Runtime}.CadastoEnvironment> All {{ get; }} = {ReadOnlyArray(Runtime + ".CadastoEnvironment", all)};");
        w.Line();
        w.Line("/// <summary>The environment named <paramref name=\"name\"/> (case-insensitive), or null.</summary>");
        w.Open($"public static {Runtime}.CadastoEnvironment? Find(string? name)");
        w.Open("if (name is null)");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Open("foreach (var environment in All)");
        w.Open("if (environment.Matches(name))");
        w.Line("return environment;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The environment named <paramref name=\"name\"/> (case-insensitive).</summary>");
        w.Line($"/// <exception cref=\"{Runtime}.CadastoCredentialsException\">No environment has that name; the message lists the known ones.</exception>");
        w.Open($"public static {Runtime}.CadastoEnvironment For(string name)");
        w.Line($"return Find(name) ?? throw new {Runtime}.CadastoCredentialsException({Runtime}.CadastoCredentialsMessages.UnknownEnvironment(Application, name, Names));");
        w.Close();
        w.Close();
        return w.Finish();
    }

    private static string EmitEnvironment(GenerationSpec spec, EnvironmentSpec environment)
    {
        var w = Open(spec);
        w.Open($"public static partial class {EnvironmentsType}");
        w.Line($"/// <summary>The <c>{Xml(environment.Name)}</c> environment of <c>{Xml(spec.Credentials.Application)}</c>, as <c>cadasto.json</c> describes it.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public static class {environment.Identifier}");
        w.Line("/// <summary>The environment's name in <c>cadasto.json</c>.</summary>");
        w.Line($"public const string Name = {Literal(environment.Name)};");
        w.Line();
        w.Line("/// <summary>The public client id Cadasto issued for this environment.</summary>");
        w.Line($"public const string ClientId = {Literal(environment.ClientId)};");
        w.Line();
        w.Line("/// <summary>The authorization server; null when <c>cadasto.json</c> names none.</summary>");
        w.Line($"public const string? Authority = {(environment.Authority is null ? "null" : Literal(environment.Authority))};");
        w.Line();
        w.Line("/// <summary>The scopes this environment requests.</summary>");
        w.Line($"public static {ReadOnlyList}<string> Scopes {{ get; }} = {ReadOnlyArray("string", Literals(environment.Scopes))};");
        w.Line();
        w.Line("/// <summary>The registered redirect URIs.</summary>");
        w.Line($"public static {ReadOnlyList}<string> RedirectUris {{ get; }} = {ReadOnlyArray("string", Literals(environment.RedirectUris))};");
        w.Line();
        w.Line("/// <summary>The allowed CORS origins.</summary>");
        w.Line($"public static {ReadOnlyList}<string> AllowedOrigins {{ get; }} = {ReadOnlyArray("string", Literals(environment.AllowedOrigins))};");
        w.Line();
        if (environment.Secret is { } secret)
        {
            w.Line($"/// <summary>Where the client secret lives ({Xml(Describe(secret))}): a reference, never the value, which is read from the store at run time.</summary>");
            w.Line($"public static {Runtime}.SecretReference Secret {{ get; }} = {SecretFactory(secret)};");
        }
        else
        {
            w.Line("/// <summary>Always null: a public client holds no secret.</summary>");
            w.Line($"public static {Runtime}.SecretReference? Secret => null;");
        }

        w.Line();
        w.Line($"/// <summary>This environment as the runtime type, as <c>{EnvironmentsType}.For</c> returns it.</summary>");
        w.Line($"public static {Runtime}.CadastoEnvironment Environment {{ get; }} = new {Runtime}.CadastoEnvironment({EnvironmentsType}.Application, Name, ClientId, Authority, Scopes, RedirectUris, AllowedOrigins, Secret);");
        w.Close();
        w.Close();
        return w.Finish();
    }

    private static string EmitCredentials(GenerationSpec spec)
    {
        var optional = spec.Credentials.SecretIsOptional;
        var secretType = Runtime + ".SecretValue" + (optional ? "?" : string.Empty);
        var w = Open(spec);
        w.Line($"/// <summary>");
        w.Line($"/// The Cadasto credentials of <c>{Xml(spec.Credentials.Application)}</c> in the environment the host runs in: registered by");
        w.Line($"/// <c>AddCadastoCredentials</c>, with the client secret read from its store and checked at start-up.");
        w.Line($"/// </summary>");
        w.Line(GeneratedCode);
        w.Open($"public sealed partial class {CredentialsType}");
        w.Line("/// <summary>Credentials of <paramref name=\"environment\"/> with the secret its store returned.</summary>");
        w.Open($"public {CredentialsType}({Runtime}.CadastoEnvironment environment, {Runtime}.SecretValue? clientSecret)");
        w.Line("Environment = environment ?? throw new global::System.ArgumentNullException(nameof(environment));");
        w.Line(optional
            ? "ClientSecret = clientSecret;"
            : "ClientSecret = clientSecret ?? throw new global::System.ArgumentNullException(nameof(clientSecret));");
        w.Close();
        w.Line();
        w.Line("/// <summary>The environment chosen from the host's environment name.</summary>");
        w.Line($"public {Runtime}.CadastoEnvironment Environment {{ get; }}");
        w.Line();
        w.Line("/// <summary>The application's name in <c>cadasto.json</c>.</summary>");
        w.Line("public string Application => Environment.Application;");
        w.Line();
        w.Line("/// <summary>The environment's name in <c>cadasto.json</c>.</summary>");
        w.Line("public string EnvironmentName => Environment.Name;");
        w.Line();
        w.Line("/// <summary>The public client id.</summary>");
        w.Line("public string ClientId => Environment.ClientId;");
        w.Line();
        w.Line("/// <summary>The authorization server, or null.</summary>");
        w.Line("public string? Authority => Environment.Authority;");
        w.Line();
        w.Line("/// <summary>The scopes to request.</summary>");
        w.Line($"public {ReadOnlyList}<string> Scopes => Environment.Scopes;");
        w.Line();
        w.Line("/// <summary>The registered redirect URIs.</summary>");
        w.Line($"public {ReadOnlyList}<string> RedirectUris => Environment.RedirectUris;");
        w.Line();
        w.Line("/// <summary>The allowed CORS origins.</summary>");
        w.Line($"public {ReadOnlyList}<string> AllowedOrigins => Environment.AllowedOrigins;");
        w.Line();
        w.Line("/// <summary>Where the client secret lives (store and key), never its value.</summary>");
        w.Line($"public {Runtime}.SecretReference? Secret => Environment.Secret;");
        w.Line();
        w.Line("/// <summary>The client secret: redacted in every textual form; <c>Reveal()</c> hands out the value.</summary>");
        w.Line($"public {secretType} ClientSecret {{ get; }}");
        w.Line();
        w.Line("/// <summary>Identifiers and the secret's reference; the secret shows as <c>***</c>.</summary>");
        w.Line($"public override string ToString() => Environment.ToString() + \", client secret \" + {(optional ? "(ClientSecret?.ToString() ?? \"(none)\")" : "ClientSecret.ToString()")};");
        w.Close();
        return w.Finish();
    }

    private static string EmitExtensions(GenerationSpec spec)
    {
        var w = Open(spec);
        w.Line($"/// <summary>Registers the Cadasto credentials of <c>{Xml(spec.Credentials.Application)}</c>.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public static partial class {ExtensionsType}");
        w.Line("/// <summary>The project's <c>UserSecretsId</c>, where the user-secrets store looks.</summary>");
        w.Line($"private const string? UserSecretsId = {(spec.UserSecretsId is null ? "null" : Literal(spec.UserSecretsId))};");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Chooses the environment of <c>cadasto.json</c> that <paramref name=\"environment\"/> names (case-insensitive),");
        w.Line($"/// registers <see cref=\"{CredentialsType}\"/> with its secret read through the store the manifest names, and");
        w.Line("/// checks at start-up that the secret is there: a missing or empty one stops the host with a message that");
        w.Line("/// names the application, environment, store and key, and says how to set it.");
        w.Line("/// </summary>");
        w.Line($"/// <exception cref=\"{Runtime}.CadastoCredentialsException\">The host's environment is not in <c>cadasto.json</c>.</exception>");
        w.Open("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddCadastoCredentials(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration, global::Microsoft.Extensions.Hosting.IHostEnvironment environment)");
        w.Open("if (services is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(services));");
        w.Close();
        w.Line();
        w.Open("if (environment is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(environment));");
        w.Close();
        w.Line();
        w.Line($"var selected = {EnvironmentsType}.For(environment.EnvironmentName);");
        w.Line($"return {Runtime}.CadastoCredentialsServiceCollectionExtensions.AddCadastoCredentialsCore(services, configuration, environment, selected, UserSecretsId, (chosen, secret) => new {CredentialsType}(chosen, secret));");
        w.Close();
        w.Line();

        // Hosts without an IHostEnvironment: Blazor WebAssembly (IWebAssemblyHostEnvironment), MAUI, desktop.
        w.Line("/// <summary>");
        w.Line("/// As the overload that takes an <c>IHostEnvironment</c>, for hosts that have none: Blazor WebAssembly");
        w.Line("/// (<c>builder.Services.AddCadastoCredentials(builder.Configuration, builder.HostEnvironment.Environment)</c>),");
        w.Line("/// MAUI and desktop applications, which name their environment themselves.");
        w.Line("/// </summary>");
        w.Line($"/// <exception cref=\"{Runtime}.CadastoCredentialsException\"><paramref name=\"environmentName\"/> is not in <c>cadasto.json</c>.</exception>");
        w.Open("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddCadastoCredentials(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration, string environmentName)");
        w.Open("if (services is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(services));");
        w.Close();
        w.Line();
        w.Line($"var selected = {EnvironmentsType}.For(environmentName);");
        w.Line($"return {Runtime}.CadastoCredentialsServiceCollectionExtensions.AddCadastoCredentialsCore(services, configuration, (string?)null, selected, UserSecretsId, (chosen, secret) => new {CredentialsType}(chosen, secret));");
        w.Close();
        w.Close();
        return w.Finish();
    }

    private static string SecretFactory(SecretReferenceSpec secret) => secret.Store switch
    {
        "environment" => $"{Runtime}.SecretReference.Environment({Literal(secret.Name)})",
        "user-secrets" => $"{Runtime}.SecretReference.UserSecrets({Literal(secret.Name)})",
        "configuration" => $"{Runtime}.SecretReference.Configuration({Literal(secret.Name)})",
        "file" => $"{Runtime}.SecretReference.File({Literal(secret.Name)})",
        "azure-key-vault" => $"{Runtime}.SecretReference.AzureKeyVault({Literal(secret.Vault ?? string.Empty)}, {Literal(secret.Name)})",
        _ => $"new {Runtime}.SecretReference({Literal(secret.Store)}, {Literal(secret.Name)}, {(secret.Vault is null ? "null" : Literal(secret.Vault))})",
    };

    private static string Describe(SecretReferenceSpec secret) => secret.Store switch
    {
        "environment" => $"environment variable {secret.Name}",
        "file" => $"file {secret.Name}",
        "azure-key-vault" => $"Azure Key Vault {secret.Vault}, secret {secret.Name}",
        _ => $"{secret.Store} key {secret.Name}",
    };

    private static List<string> Names(EquatableArray<EnvironmentSpec> environments)
    {
        var names = new List<string>();
        foreach (var environment in environments)
        {
            names.Add(Literal(environment.Name));
        }

        return names;
    }

    private static List<string> Literals(EquatableArray<string> values)
    {
        var literals = new List<string>();
        foreach (var value in values)
        {
            literals.Add(Literal(value));
        }

        return literals;
    }

    private static string ReadOnlyArray(string elementType, List<string> items) =>
        items.Count == 0
            ? $"global::System.Array.AsReadOnly(global::System.Array.Empty<{elementType}>())"
            : $"global::System.Array.AsReadOnly(new {elementType}[] {{ {string.Join(", ", items)} }})";

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text for a <c>///</c> line: XML-escaped, and on one line (a manifest string may hold a line break, which would end the comment).</summary>
    private static string Xml(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static Writer Open(GenerationSpec spec)
    {
        var w = new Writer();
        w.Line("// <auto-generated/>");
        w.Line("// Generated by Cadasto.Analyzers from cadasto.json: change the manifest, not this file.");
        w.Line("#nullable enable");
        w.Line();
        if (spec.Namespace.Length > 0)
        {
            w.Open("namespace " + spec.Namespace);
        }

        w.Namespaced = spec.Namespace.Length > 0;
        return w;
    }

    /// <summary>Lines with indentation; braces opened and closed in pairs.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public bool Namespaced { get; set; }

        public void Line(string line = "")
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _depth * 4).Append(line);
            }

            _text.Append('\n');
        }

        public void Open(string header)
        {
            Line(header);
            Line("{");
            _depth++;
        }

        public void Close()
        {
            _depth--;
            Line("}");
        }

        public string Finish()
        {
            if (Namespaced)
            {
                Close();
            }

            return _text.ToString();
        }
    }
}
