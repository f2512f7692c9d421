using System;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// CDS1002 for key material kept under a signing, encryption or secret key's name in C#
/// (<see cref="PrivateKeyFormats.KeyMaterialWords"/>: <c>const string JwtSigningKey = "…"</c>), as configuration
/// already reports it under the same names (the SPEC: one verdict for C# and JSON). The name alone is weak evidence here,
/// so the value must look generated and random, be long enough for a key, and be neither a hash, an id, a public key
/// (DER <c>SubjectPublicKeyInfo</c> or a certificate in base64), ciphertext nor a placeholder. Asked only when no
/// credential word of the SPEC claims the literal.
/// </summary>
internal sealed class KeyMaterialLiterals
{
    private static readonly PerCompilation<KeyMaterialLiterals> Cache = new();

    private readonly CredentialNames _names;

    private KeyMaterialLiterals(Compilation compilation, AnalyzerOptions options)
    {
        var words = CadastoOptions.SplitList(CadastoOptions.GetForProject(compilation, options, CadastoOptions.CredentialWords));
        words = words.AddRange(PrivateKeyFormats.KeyMaterialWords);
        _names = CredentialNames.WithExtraWords(words);
    }

    public static KeyMaterialLiterals For(Compilation compilation, AnalyzerOptions options) =>
        Cache.Get(compilation, options, static (c, o) => new KeyMaterialLiterals(c, o));

    /// <summary>The key-material name (field, property, local or assignment target) the literal is stored under, or null.</summary>
    public string? NameFor(ILiteralOperation literal, string text)
    {
        // The name first: most literals are stored under none, and the value's screen is the dearer question.
        if (text.Length < PrivateKeyFormats.MinimumNamedKeyCharacters || HolderName(literal) is not { } name
            || !_names.TryMatch(name, out var word) || !PrivateKeyFormats.KeyMaterialWords.Contains(word)
            || name.IndexOf("public", StringComparison.OrdinalIgnoreCase) >= 0 || !IsKeyMaterial(text))
        {
            return null;
        }

        return name;
    }

    /// <summary>Looks generated and random, and is no hash, id, reference, public key, ciphertext, placeholder or known shape.</summary>
    internal static bool IsKeyMaterial(string text)
    {
        var value = text.Trim();
        return value.Length >= PrivateKeyFormats.MinimumNamedKeyCharacters
               && ConfigurationValueShapes.LooksLikeGeneratedCredential(value)
               && !ConfigurationValueShapes.IsSha2Digest(value)
               && TestSentinels.LooksReal(value)
               && CredentialShapes.Classify(value) is null
               && !IsPublicKeyOrCertificate(value);
    }

    /// <summary>
    /// Base64 DER whose outer <c>SEQUENCE</c> opens with another <c>SEQUENCE</c>: a <c>SubjectPublicKeyInfo</c>
    /// (<c>MIIBIjAN…</c>, <c>MFkwEwYH…</c>) or an X.509 certificate. A PKCS#8 private key opens with its version
    /// (<c>INTEGER 0</c>) instead and is key material.
    /// </summary>
    private static bool IsPublicKeyOrCertificate(string value)
    {
        if (!value.StartsWith("M", StringComparison.Ordinal) || CredentialShapes.DecodeBase64Bytes(value) is not { Length: > 4 } der || der[0] != 0x30)
        {
            return false;
        }

        // The first element follows the outer length (short form, or 0x81/0x82 with one or two length bytes).
        var at = der[1] < 0x80 ? 2 : 2 + (der[1] & 0x7F);
        return at < der.Length && der[at] == 0x30;
    }

    /// <summary>The name of what the literal initializes or is assigned to, conversions skipped.</summary>
    private static string? HolderName(IOperation literal)
    {
        var parent = StringParts.Parent(literal);
        return parent switch
        {
            IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } => fields[0].Name,
            IPropertyInitializerOperation { InitializedProperties: { Length: 1 } properties } => properties[0].Name,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target } assignment
                when assignment.Value == literal || StringParts.Unwrap(assignment.Value) == literal => target.Member.Name,
            _ => null,
        };
    }
}
