using System.Linq;
using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

/// <summary>The one splitter of connection strings, read by CDS1003 (literals in code) and CDS1004 (configuration values).</summary>
public sealed class ConnectionStringsTests
{
    [Fact]
    public void Pairs_ShouldTrimKeywordsAndUnquoteValues()
    {
        var pairs = ConnectionStrings.Pairs(" Server = sql.internal ; Password='p;w' ;Trusted", ConnectionStrings.ConfigurationSeparators).ToList();

        Assert.Equal(new[] { "Server", "Password" }, pairs.Select(p => p.Keyword));
        Assert.Equal("sql.internal", pairs[0].Value);
        // A separator inside quotes ends the pair (the value is cut, never widened); "w'" and "Trusted" hold no '='.
        Assert.Equal("p", pairs[1].Value);
    }

    [Fact]
    public void Pairs_InCode_ShouldAlsoEndAtQueryAndFormSeparators()
    {
        var pairs = ConnectionStrings.Pairs("https://api.example.com/x?user=a&password=b\nkey=c", ConnectionStrings.CodeSeparators).ToList();

        Assert.Equal(new[] { "user", "password", "key" }, pairs.Select(p => p.Keyword));
        Assert.Equal(new[] { "a", "b", "c" }, pairs.Select(p => p.Value));
    }

    [Fact]
    public void Pairs_ShouldSkipSegmentsWithoutAnEqualsSign() =>
        Assert.Empty(ConnectionStrings.Pairs("no pairs; here, at all", ConnectionStrings.CodeSeparators));

    [Theory]
    [InlineData("Server=sql;Password=Qv7!kL2#xR9m", "Password")]
    [InlineData("orders.redis.cache.windows.net:6380,password=Zx4Vb8Nm2Qw6Er0Ty3Ui,ssl=True", "password")]
    [InlineData("AccountKey=k8Qz1VbXw2Nc7Lp4Rt9Ys3Mh6Jd0Fg5Ae1Cu8Ko2Wi4=", "AccountKey")]
    [InlineData("Server=sql;Password={Qv7 kL2 xR9m}", "Password")] // braces, but no words
    [InlineData("Server=sql;Password={3F2504E0-4F89-11D3-9A0C-0305E82C3301}", "Password")] // a braced GUID is a value
    public void TryFindSecret_ShouldNameTheKeyword(string value, string keyword)
    {
        Assert.True(ConnectionStrings.TryFindSecret(value, new System.Collections.Generic.HashSet<string>(), out var found));
        Assert.Equal(keyword, found);
    }

    [Theory]
    [InlineData("Server=sql;Password=")]
    [InlineData("Server=sql;Password=CHANGEME")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Zm9vYmFyYmF6cXV4cXV1eA==")]
    [InlineData("password=letmein")]
    [InlineData("Endpoint=https://{app name}.service.signalr.net;AccessKey={access key};Version=1.0;")] // as the portal's docs write it
    [InlineData("Server=db;User Id=sa;Password={Your Password};")]
    public void TryFindSecret_ShouldFindNothing(string value) =>
        Assert.False(ConnectionStrings.TryFindSecret(value, new System.Collections.Generic.HashSet<string>(), out _));
}
