using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Cadasto.Fuzz;

/// <summary>
/// A secret put into an input, and the text around it that makes it a secret (a URI's user information, a
/// credential-named key, a sink's argument). It must not appear in any output while that context survives the
/// mutations; a byte flip inside the context makes it an ordinary string, which the product may echo.
/// </summary>
internal sealed record Planted(string Value, Regex Context);

/// <summary>Seeded generators of odd values and the mutations applied to inputs.</summary>
internal sealed class Mutators
{
    private static readonly string[] Invisible = { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u034F" };
    private static readonly string[] Bidi = { "\u202E", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u061C" };
    private static readonly string[] Odd =
    {
        "\uD83D\uDE00", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF", "\u0000", "\u0301\u0301\u0301", "e\u0301", "\u00C5", "\u212B", "\uFF21",
        "\u0130", "\u0131", "\u03A3", "\u2028", "\u2029", "\u0085", "\t", "\r\n", "\\", "\"", "'", "{", "}", "<", ">", "&", "%", "$", "@", "#",
    };

    private static readonly string[] EnvironmentNames =
    {
        "development", "staging", "production", "Production", "PRODUCTION", "prod-1", "prod_1", "prod.1", "1prod", "class", "namespace",
        "For", "All", "Names", "Current", "Default", "default", "@prod", "producción", "生产", "prod\u200Bution", "p\u202Erod", "", " ",
        "dev elopment", "Development ", "ω", "_", "__", "a-b-c", "CadastoEnvironments", "System", "global", "object", "Equals",
    };

    public Mutators(Random random) => Random = random;

    public Random Random { get; }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double p) => Random.NextDouble() < p;

    /// <summary>A high-entropy secret; its prefix never occurs in the product's texts.</summary>
    public string NewSecret()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var builder = new StringBuilder("Fz");
        for (var i = 0; i < 22; i++)
        {
            builder.Append(alphabet[Random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A URI whose user information holds a new secret (planted into <paramref name="secrets"/>).</summary>
    public string UserInfoUri(List<Planted> secrets, string hostAndPath)
    {
        var secret = NewSecret();
        var user = Pick(new[] { "fuzzuser", "admin", "u", "client%20id", "x" });
        secrets.Add(new Planted(secret, new Regex(":" + Regex.Escape(secret) + "@", RegexOptions.CultureInvariant)));
        return $"https://{user}:{secret}@{hostAndPath}";
    }

    public string EnvironmentName()
    {
        return Random.Next(6) switch
        {
            0 => new string('e', Pick(new[] { 200, 230, 1_000, 1_100, 5_000, 100_000 })),
            1 => Pick(EnvironmentNames) + Pick(Invisible),
            2 => Pick(Bidi) + Pick(EnvironmentNames),
            _ => Pick(EnvironmentNames),
        };
    }

    /// <summary>A string made odd: invisible, bidi or other unusual characters inserted.</summary>
    public string OddString(string value)
    {
        var insert = Random.Next(3) switch
        {
            0 => Pick(Invisible),
            1 => Pick(Bidi),
            _ => Pick(Odd),
        };
        var at = value.Length == 0 ? 0 : Random.Next(value.Length + 1);
        return value.Insert(at, insert);
    }

    public string HugeString() =>
        new(Pick(new[] { 'a', 'x', '\u00e9', '\u200B' }), Chance(0.05) ? Pick(new[] { 1_000_000, 4_000_000 }) : Pick(new[] { 10_000, 65_536, 100_000 }));

    /// <summary>Arrays or objects nested <c>depth</c> levels, written without recursion.</summary>
    public static string Nested(int depth, bool objects, string inner)
    {
        var builder = new StringBuilder(depth * 6 + inner.Length);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(objects ? "{\"a\":" : "[");
        }

        builder.Append(inner);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(objects ? '}' : ']');
        }

        return builder.ToString();
    }

    public int Depth() => Pick(new[] { 10, 63, 64, 65, 100, 1_000, 10_000, 100_000 });

    /// <summary>Mutations of the tree: the shapes a careless user or an attacker writes.</summary>
    public string MutateTree(J root, List<Planted> secrets)
    {
        var slots = JsonText.Slots(root);
        if (slots.Count == 0)
        {
            return "none";
        }

        var (parent, slot, node) = Pick(slots);
        switch (Random.Next(11))
        {
            case 0:
                if (parent is JObj dupParent)
                {
                    var key = dupParent.Members[slot].Key;
                    var twin = Chance(0.5) ? key : Chance(0.5) ? key.ToUpperInvariant() : OddString(key);
                    dupParent.Members.Insert(Random.Next(dupParent.Members.Count + 1), new(twin, Chance(0.5) ? node.Clone() : WrongType(secrets)));
                    return "duplicate-key";
                }

                return "none";
            case 1:
                JsonText.Replace(parent, slot, WrongType(secrets));
                return "wrong-type";
            case 2:
                JsonText.Replace(parent, slot, new JRaw(Nested(Depth(), Chance(0.5), Chance(0.5) ? "1" : "\"x\"")));
                return "deep-nesting";
            case 3:
                JsonText.Replace(parent, slot, new JStr(HugeString()));
                return "huge-string";
            case 4:
                if (node is JStr str)
                {
                    str.Value = OddString(str.Value);
                }
                else if (parent is JObj oddParent)
                {
                    oddParent.Members[slot] = new(OddString(oddParent.Members[slot].Key), node);
                }

                return "odd-unicode";
            case 5:
                JsonText.Replace(parent, slot, new JStr(UserInfoUri(secrets, "host.example/cb")));
                return "userinfo-uri";
            case 6:
                if (parent is JObj removeParent)
                {
                    removeParent.Members.RemoveAt(slot);
                }
                else if (parent is JArr removeArray)
                {
                    removeArray.Items.RemoveAt(slot);
                }

                return "remove";
            case 7:
                JsonText.Replace(parent, slot, new JRaw(Pick(new[] { "1e999", "-0", "123456789012345678901234567890", "NaN", "Infinity", "0x10", "01", "1.", ".5", "tru", "nul", "undefined", "'single'", "\"\\ud800\"", "\"\\uDFFF\\uD800\"", "\"\\u0000\"", "\"\\x41\"", "\"unterminated" })));
                return "odd-literal";
            case 8:
                if (parent is JObj renameParent)
                {
                    renameParent.Members[slot] = new(EnvironmentName(), node);
                }

                return "rename-key";
            case 9:
                if (node is JObj many)
                {
                    var count = Pick(new[] { 100, 1_000, 5_000 });
                    for (var i = 0; i < count; i++)
                    {
                        many.Add("env" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new JObj().Add("clientId", new JStr("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    }

                    return "many-members";
                }

                return "none";
            default:
                if (node is JArr array && array.Items.Count > 0)
                {
                    var count = Pick(new[] { 10, 1_000, 20_000 });
                    var first = array.Items[0];
                    for (var i = 0; i < count; i++)
                    {
                        array.Items.Add(first.Clone());
                    }

                    return "long-array";
                }

                return "none";
        }
    }

    private J WrongType(List<Planted> secrets) => Random.Next(8) switch
    {
        0 => new JRaw("null"),
        1 => new JRaw("true"),
        2 => new JRaw(Random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        3 => new JObj(),
        4 => new JArr(new JStr("x"), new JRaw("1"), new JObj()),
        5 => new JStr(UserInfoUri(secrets, "wrong.example/")),
        6 => new JStr(string.Empty),
        _ => new JObj().Add("nested", new JArr(new JRaw("false"))),
    };

    /// <summary>Mutations of the bytes: what a disk, an editor or an attacker does to a file.</summary>
    public string MutateBytes(ref byte[] bytes, bool csharp)
    {
        var list = bytes.ToList();
        string name;
        switch (Random.Next(csharp ? 9 : 8))
        {
            case 0:
                name = "bit-flip";
                for (var i = Random.Next(1, 9); i > 0 && list.Count > 0; i--)
                {
                    var at = Random.Next(list.Count);
                    list[at] = (byte)(list[at] ^ (1 << Random.Next(8)));
                }

                break;
            case 1:
                name = "truncate";
                list = list.Take(Random.Next(list.Count + 1)).ToList();

                break;
            case 2:
                name = "insert-bytes";
                var inserted = Pick(new[]
                {
                    new byte[] { 0 }, new byte[] { 0xFF }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF },
                    new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0x1B, (byte)'[', (byte)'2', (byte)'J' }, new byte[] { (byte)'\r' },
                    Encoding.UTF8.GetBytes("\u202E"), Encoding.UTF8.GetBytes("\u200B"), Encoding.UTF8.GetBytes("\uFEFF"),
                });
                list.InsertRange(Random.Next(list.Count + 1), inserted);
                break;
            case 3:
                name = "delete-range";
                if (list.Count > 0)
                {
                    var start = Random.Next(list.Count);
                    list.RemoveRange(start, Math.Min(list.Count - start, Random.Next(1, 64)));
                }

                break;
            case 4:
                name = "duplicate-range";
                if (list.Count > 0)
                {
                    var start = Random.Next(list.Count);
                    var range = list.GetRange(start, Math.Min(list.Count - start, Random.Next(1, 200)));
                    list.InsertRange(Random.Next(list.Count + 1), range);
                }

                break;
            case 5:
                name = "insert-token";
                var tokens = csharp
                    ? new[] { "{", "}", "(", ")", "\"", "'", "/*", "*/", "//", "#if X", "#endif", "#region", "@\"", "\"\"\"", "$\"{", "$$\"\"\"{{", "=>", "?.", "!", ";", ",", "\\u0041", "#error" }
                    : new[] { "{", "}", "[", "]", "\"", ",", ":", "//c\n", "/*", "*/", ",}", ",]", "\\", "\\u", "\\ud800", "true", "null" };
                list.InsertRange(Random.Next(list.Count + 1), Encoding.UTF8.GetBytes(Pick(tokens)));
                break;
            case 6:
                name = "line-endings";
                var text = Encoding.UTF8.GetString(list.ToArray());
                text = Chance(0.5) ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text.Replace("\n", "\r", StringComparison.Ordinal);
                list = Encoding.UTF8.GetBytes(text).ToList();
                break;
            case 7:
                name = "utf16";
                var decoded = Encoding.UTF8.GetString(list.ToArray());
                list = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(decoded)).ToList();
                break;
            default:
                name = "nul-run";
                list.InsertRange(Random.Next(list.Count + 1), new byte[Random.Next(1, 4096)]);
                break;
        }

        bytes = list.ToArray();
        return name;
    }

    /// <summary>Decodes a file as a reader would (a UTF-16 byte-order mark, else UTF-8 with replacement).</summary>
    public static string Decode(byte[] bytes) =>
        bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.UTF8.GetString(bytes);
}
