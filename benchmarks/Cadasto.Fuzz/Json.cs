using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Cadasto.Fuzz;

/// <summary>A JSON tree that can hold what a parser must survive: duplicate keys and raw, invalid fragments.</summary>
internal abstract class J
{
    public abstract J Clone();
}

internal sealed class JObj : J
{
    public List<KeyValuePair<string, J>> Members { get; } = new();

    public JObj Add(string key, J value)
    {
        Members.Add(new(key, value));
        return this;
    }

    public override J Clone()
    {
        var copy = new JObj();
        foreach (var member in Members)
        {
            copy.Add(member.Key, member.Value.Clone());
        }

        return copy;
    }
}

internal sealed class JArr : J
{
    public JArr(params J[] items) => Items.AddRange(items);

    public List<J> Items { get; } = new();

    public override J Clone() => new JArr(Items.Select(i => i.Clone()).ToArray());
}

internal sealed class JStr : J
{
    public JStr(string value) => Value = value;

    public string Value { get; set; }

    public override J Clone() => new JStr(Value);
}

/// <summary>Text written as it is: numbers, literals, deep nesting built without recursion, or garbage.</summary>
internal sealed class JRaw : J
{
    public JRaw(string text) => Text = text;

    public string Text { get; }

    public override J Clone() => this;
}

internal static class JsonText
{
    public static string Write(J node, bool indented)
    {
        var builder = new StringBuilder();
        Write(node, builder, indented, 0);
        return builder.ToString();
    }

    private static void Write(J node, StringBuilder builder, bool indented, int level)
    {
        switch (node)
        {
            case JObj obj:
                builder.Append('{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    NewLine(builder, indented, level + 1);
                    Quote(obj.Members[i].Key, builder);
                    builder.Append(indented ? ": " : ":");
                    Write(obj.Members[i].Value, builder, indented, level + 1);
                }

                NewLine(builder, indented && obj.Members.Count > 0, level);
                builder.Append('}');
                break;
            case JArr arr:
                builder.Append('[');
                for (var i = 0; i < arr.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(indented ? ", " : ",");
                    }

                    Write(arr.Items[i], builder, indented, level + 1);
                }

                builder.Append(']');
                break;
            case JStr str:
                Quote(str.Value, builder);
                break;
            case JRaw raw:
                builder.Append(raw.Text);
                break;
        }
    }

    private static void NewLine(StringBuilder builder, bool indented, int level)
    {
        if (indented)
        {
            builder.Append('\n').Append(' ', 2 * level);
        }
    }

    public static void Quote(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
                    {
                        // A lone surrogate cannot be written as UTF-8: as an escape it reaches the reader intact.
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Every node with its parent slot, so that a mutation can replace it.</summary>
    public static List<(J Parent, int Slot, J Node)> Slots(J root)
    {
        var result = new List<(J, int, J)>();
        var pending = new Stack<J>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is JObj obj)
            {
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    result.Add((obj, i, obj.Members[i].Value));
                    pending.Push(obj.Members[i].Value);
                }
            }
            else if (node is JArr arr)
            {
                for (var i = 0; i < arr.Items.Count; i++)
                {
                    result.Add((arr, i, arr.Items[i]));
                    pending.Push(arr.Items[i]);
                }
            }
        }

        return result;
    }

    public static void Replace(J parent, int slot, J value)
    {
        if (parent is JObj obj)
        {
            obj.Members[slot] = new(obj.Members[slot].Key, value);
        }
        else if (parent is JArr arr)
        {
            arr.Items[slot] = value;
        }
    }
}
