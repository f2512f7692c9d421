using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Cadasto.Analyzers.CodeFixes;

/// <summary>CDS1001: read the client secret from a secret store instead of the literal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedClientSecretCodeFix)), Shared]
public sealed class HardcodedClientSecretCodeFix() : SecretStoreReadCodeFix(DiagnosticIds.HardcodedClientSecret, keyFromSymbol: false);
