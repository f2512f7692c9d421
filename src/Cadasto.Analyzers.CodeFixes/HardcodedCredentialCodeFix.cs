using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>CDS1002: read the credential from a secret store instead of the literal, under a key named after its symbol.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialCodeFix)), Shared]
public sealed class HardcodedCredentialCodeFix() : SecretStoreReadCodeFix(DiagnosticIds.HardcodedCredential, keyFromSymbol: true);
