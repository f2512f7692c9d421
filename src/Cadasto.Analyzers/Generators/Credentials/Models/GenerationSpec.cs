
namespace Cadasto.Analyzers.Generators.Credentials.Models;

/// <summary>Everything one emission needs: where to put the code, and what it describes.</summary>
/// <param name="Namespace">The namespace of the generated types; empty for the global namespace.</param>
/// <param name="UserSecretsId">The project's <c>UserSecretsId</c>, or null.</param>
/// <param name="Credentials">The manifest's model.</param>
internal sealed record GenerationSpec(string Namespace, string? UserSecretsId, CredentialsSpec Credentials);

/// <summary>The facts about a compilation the generator needs, read once per compilation and compared by value.</summary>
/// <param name="ReferencesRuntime">The compilation references <c>Cadasto.Credentials</c>: only then is anything generated.</param>
/// <param name="LanguageVersion">The C# version, as the compiler displays it (e.g. <c>7.3</c>).</param>
/// <param name="SupportsGeneratedCode">C# 8 or later (the generated code uses nullable annotations).</param>
internal sealed record CompilationFactsSpec(bool ReferencesRuntime, string LanguageVersion, bool SupportsGeneratedCode);
