using System;


namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// A call that stores a value under a key: <c>Add(key, value)</c>, <c>new KeyValuePair&lt;,&gt;(key, value)</c>,
/// <c>headers.Add(name, value)</c>, <c>SetEnvironmentVariable(variable, value)</c>. Recognised by the key
/// parameter's name, so <c>Assert.Equal(expected, actual)</c> or <c>string.Replace(oldValue, newValue)</c> are not.
/// </summary>
internal static class KeyValueArguments
{
    public static bool IsKeyParameter(string name) =>
        name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("name", StringComparison.OrdinalIgnoreCase)
        || name.Equals("variable", StringComparison.OrdinalIgnoreCase)
        || name.Equals("item1", StringComparison.OrdinalIgnoreCase);
}
