using Cadasto.Analyzers.Configuration;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Values;

/// <summary>
/// A JSON document written as a string (a claims request, a fixture): what a value under a credential name is when it
/// parses as an object or an array and holds nothing that looks generated.
/// </summary>
internal static class JsonDocuments
{
    // How many nodes are read before the value is taken as it is (a longer document is no claims request).
    private const int MaxNodes = 256;

    /// <summary>
    /// <c>{"access_token":{"nbf":{"essential":true,"value":"1701477303"}}}</c> under <c>ClaimsWithAccessToken</c>: strict JSON,
    /// an object or an array, whose strings are names and settings (none looks generated, <see cref="ConfigurationValueShapes.LooksLikeGeneratedCredential"/>)
    /// and which holds no private JSON Web Key: a document about a credential, not one. A document with a generated-looking
    /// string (<c>{"Key1":"q8ZxN3vR…"}</c>) still holds a value; a known format inside is CDS1003's either way.
    /// </summary>
    public static bool IsDocumentWithoutAValue(string value)
    {
        var text = value.Trim();
        if (text.Length < 2 || !((text[0] == '{' && text[text.Length - 1] == '}') || (text[0] == '[' && text[text.Length - 1] == ']'))
            || JsonWebKeys.HasPrivatePart(text))
        {
            return false;
        }

        var document = JsonReader.Parse(SourceText.From(text));
        if (document.Error is not null || document.Root is not (JsonObject or JsonArray))
        {
            return false;
        }

        var visited = 0;
        return HoldsNoValue(document.Root, ref visited);
    }

    private static bool HoldsNoValue(JsonNode node, ref int visited)
    {
        if (++visited > MaxNodes)
        {
            return false;
        }

        switch (node)
        {
            case JsonString text:
                return !ConfigurationValueShapes.LooksLikeGeneratedCredential(text.Value);
            case JsonObject container:
                foreach (var property in container.Properties)
                {
                    if (!HoldsNoValue(property.Value, ref visited))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray array:
                foreach (var item in array.Items)
                {
                    if (!HoldsNoValue(item, ref visited))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
