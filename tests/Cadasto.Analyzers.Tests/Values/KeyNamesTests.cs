using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

public sealed class KeyNamesTests
{
    [Theory]
    [InlineData("Cadasto:ClientSecret")]
    [InlineData("AzureAd:ClientSecret")]
    [InlineData("ConnectionStrings:Orders:Password")]
    [InlineData("Cadasto__ClientSecret")]
    [InlineData("CADASTO_CLIENT_SECRET")]
    [InlineData("SMTP_PASSWORD_2")]
    [InlineData("Stripe:ApiKey")]
    public void NameOfAKey_ShouldBeAKeyName(string value) =>
        Assert.True(KeyNames.IsCredentialKeyName(value, CredentialNames.Default));

    [Theory]
    [InlineData("my_client_secret")] // lower-case words: what a sample sets as the secret (SPEC)
    [InlineData("SuperSecret")] // no separator: a value
    [InlineData("Password1")]
    [InlineData("Cadasto:ClientId")] // not a credential word
    [InlineData("Cadasto:")]
    [InlineData("Cadasto::ClientSecret")]
    [InlineData("https://vault.example/secrets/ClientSecret")]
    [InlineData("Tr1cky:Pass#word")]
    [InlineData("9X:ClientSecret")]
    public void Value_ShouldNotBeAKeyName(string value) =>
        Assert.False(KeyNames.IsCredentialKeyName(value, CredentialNames.Default));

    [Theory]
    [InlineData("BlobStorageConnectionString")]
    [InlineData("Orders:DbConnectionString")]
    [InlineData("ORDERS_CONNECTION_STRING")]
    public void NameOfAConnectionStringSetting_ShouldBeAKeyName(string value) =>
        Assert.True(KeyNames.IsConnectionStringName(value));

    [Theory]
    [InlineData("ConnectionString")] // the word alone names no setting
    [InlineData("Server=db;Password=x;ConnectionString")]
    [InlineData("my connection string")]
    public void ConnectionStringOrWords_ShouldNotBeAConnectionStringName(string value) =>
        Assert.False(KeyNames.IsConnectionStringName(value));
}
