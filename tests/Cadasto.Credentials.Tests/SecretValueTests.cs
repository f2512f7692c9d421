using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Cadasto.Credentials.Tests;

public sealed class SecretValueTests
{
    private const string Value = "s3cr3t-Value-4711";

    [Fact]
    public void Reveal_ReturnsTheValue() => Assert.Equal(Value, new SecretValue(Value).Reveal());

    [Fact]
    public void TextualForms_ShouldRedact()
    {
        var secret = new SecretValue(Value);
        var forms = new[]
        {
            secret.ToString(),
            $"{secret}",
            $"{secret:X}",
            $"{secret,20}",
            string.Format("{0}", secret),
            string.Concat("a", secret, "b"),
            new StringBuilder().Append(secret).AppendFormat("{0:G}", secret).ToString(),
            FormattableString.Invariant($"{secret}"),
            Convert.ToString(secret)!,
        };

        Assert.All(forms, f => Assert.DoesNotContain(Value, f));
        Assert.All(forms, f => Assert.Contains(SecretValue.Redacted, f));
    }

    [Fact]
    public void JsonSerialization_ShouldRedact()
    {
        var secret = new SecretValue(Value);
        var direct = JsonSerializer.Serialize(secret);
        var holder = JsonSerializer.Serialize(new { ClientId = "cad-dev", ClientSecret = secret });
        var asObject = JsonSerializer.Serialize<object>(secret);

        Assert.Equal("\"***\"", direct);
        Assert.DoesNotContain(Value, holder);
        Assert.Contains("\"ClientSecret\":\"***\"", holder);
        Assert.DoesNotContain(Value, asObject);
    }

    [Fact]
    public void JsonRead_TakesTheString() =>
        Assert.Equal(Value, JsonSerializer.Deserialize<SecretValue>("\"" + Value + "\"")!.Reveal());

    [Fact]
    public void PublicMembers_ShouldNotExposeTheValue()
    {
        // netstandard2.0 consumers serialize with whatever reads public properties: none may hold the value.
        var secret = new SecretValue(Value);
        var properties = typeof(SecretValue).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var property in properties)
        {
            Assert.NotEqual(Value, property.GetValue(secret)?.ToString());
        }

        Assert.Empty(typeof(SecretValue).GetFields(BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void DebuggerDisplay_ShouldRedact()
    {
        var display = typeof(SecretValue).GetCustomAttribute<DebuggerDisplayAttribute>()!;
        Assert.Equal("{ToString(),nq}", display.Value);
        var fields = typeof(SecretValue).GetFields(BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.Equal(DebuggerBrowsableState.Never, field.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("  \n", true)]
    [InlineData("x", false)]
    public void IsEmpty_FollowsTheValue(string value, bool empty) => Assert.Equal(empty, new SecretValue(value).IsEmpty);
}
