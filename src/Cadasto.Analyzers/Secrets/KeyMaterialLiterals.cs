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
/// (DER <c>SubjectPublicKeyInfo</c> or a certificate in base64), an emulator's published key, ciphertext nor a placeholder.
/// The same holds, in a key's alphabet only, under a name whose last word is <c>key</c> alone (<c>appKey</c>,
/// <c>EncodingAESKey</c>, <c>AnonKey</c>): an API, signing or encryption key that gitleaks' generic key rule reports too.
/// Asked only when no credential word of the SPEC claims the literal; a warning, since a name and a shape are no sink.
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

    /// <summary>
    /// The key-material name (field, property, local, assignment target, or the parameter a call passes the literal as) the
    /// literal is stored under, or null: a signing, encryption or secret key's name (<see cref="PrivateKeyFormats.KeyMaterialWords"/>)
    /// or a name whose last word is <c>key</c> alone (<see cref="CredentialNames.EndsWithKeyWord"/>: <c>appKey</c>,
    /// <c>EncodingAESKey</c>), where the value must itself read as a random key, in a key's alphabet
    /// (<see cref="IsRandomKey"/>).
    /// </summary>
    public string? NameFor(ILiteralOperation literal, string text)
    {
        // The name first: most literals are stored under none, and the value's screen is the dearer question.
        if (text.Length < PrivateKeyFormats.MinimumNamedKeyCharacters || HolderName(literal) is not { } name)
        {
            return null;
        }

        if (_names.TryMatch(name, out var word))
        {
            // A credential word of the SPEC is CDS1002's own name rule, asked before this one.
            // Under a signing or encryption key's name, 32 or 64 bytes in base64 are an HMAC key of SHA-256's or SHA-512's
            // size (a relying party's SymmetricSigningKey), not the digest that length would be elsewhere.
            return PrivateKeyFormats.KeyMaterialWords.Contains(word) && name.IndexOf("public", StringComparison.OrdinalIgnoreCase) < 0
                   && IsKeyMaterial(text, digestSizedIsAKey: true) ? name : null;
        }

        return CredentialNames.EndsWithKeyWord(name) && IsRandomKey(text) && !CredentialValueShape.IsNameOrLabel(text, name, _names)
            ? name
            : null;
    }

    /// <summary>
    /// Looks generated and random, and is no hash, id, reference, public key, ciphertext, placeholder or known shape; a
    /// SHA-2 digest's length in base64 is a key when <paramref name="digestSizedIsAKey"/> (the name says key material).
    /// </summary>
    internal static bool IsKeyMaterial(string text, bool digestSizedIsAKey = false)
    {
        var value = text.Trim();
        if (value.Length < PrivateKeyFormats.MinimumNamedKeyCharacters || CredentialShapes.Classify(value) is not null
            || ConnectionStringCatalog.IsEmulator(value) || IsPublicKeyOrCertificate(value) || SecretValueHeuristics.IsNotASecret(value))
        {
            return false;
        }

        // Hex reads as a key by its own test (a random 128-bit key in hex is as long as an MD5 digest or a GUID without
        // hyphens, and too few symbols for the entropy test of the other alphabets); the rest must look generated and real.
        return ConfigurationValueShapes.IsHex(value)
            ? ConfigurationValueShapes.IsRandomHexKey(value)
            : ConfigurationValueShapes.LooksLikeGeneratedCredential(value) && (digestSizedIsAKey || !ConfigurationValueShapes.IsSha2Digest(value))
              && TestSentinels.LooksReal(value);
    }

    /// <summary>
    /// Key material (<see cref="IsKeyMaterial"/>) written in a key's alphabet (hex, base64, base64url, an <c>ak-</c>-style
    /// prefix), and outside hex with lower-case letters, capitals and digits all three, not in words as a name in camel
    /// case is: what a name ending in <c>key</c> alone must hold, where the name is no credential name.
    /// </summary>
    internal static bool IsRandomKey(string text)
    {
        var value = text.Trim();
        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '/' or '=' or '-' or '_'))
            {
                return false;
            }
        }

        // Random base62 splits into words of about two letters (a change of case starts one), a name in camel case into
        // words of four and more (ConnectorSwitch3To1PhaseSupported): under 1 in 1,000 random values of 24 to 43
        // characters reach 4.
        return (ConfigurationValueShapes.IsHex(value) || (CharacterClasses.Of(value).HasAll(CharacterClass.Lower | CharacterClass.Upper | CharacterClass.Digit)
                                                     && CredentialNames.MeanLetterWordLength(value) < 4))
               && IsKeyMaterial(value);
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

    private static bool IsPairKey(IArgumentOperation argument) =>
        argument.Parameter is { ContainingSymbol: IMethodSymbol method } parameter
        && parameter.Ordinal + 1 < method.Parameters.Length
        && KeyedValues.IsValueParameter(method.Parameters[parameter.Ordinal + 1].Name);

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

            // new StreamingHueClient(ip, appKey: "…", clientKey: "…"): a parameter of two words or more; a bare "key" is a
            // lookup's (Get(key), ContainsKey(key)), and a key followed by its value is a key-value pair's.
            IArgumentOperation { Parameter: { } parameter } argument
                when CredentialNames.SplitWordCount(parameter.Name) >= 2 && !IsPairKey(argument) => parameter.Name,
            _ => null,
        };
    }
}
