using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

public sealed class CredentialNamesTests
{
    [Theory]
    [InlineData("ClientSecret", "secret")]
    [InlineData("clientSecret", "secret")]
    [InlineData("_clientSecret", "secret")]
    [InlineData("CLIENT_SECRET", "secret")]
    [InlineData("client_secret", "secret")]
    [InlineData("clientsecret", "secret")]
    [InlineData("Cadasto:ClientSecret", "secret")]
    [InlineData("AzureAd.ClientSecret", "secret")]
    [InlineData("DbPassword", "password")]
    [InlineData("db-password", "password")]
    [InlineData("SMTP_PASSWORD_2", "password")]
    [InlineData("Password1", "password")]
    [InlineData("mysql_passwd", "passwd")]
    [InlineData("Pwd", "pwd")]
    [InlineData("KeyPassphrase", "passphrase")]
    [InlineData("DefaultPassPhrase", "passphrase")]
    [InlineData("StringEncryption:DefaultPassPhrase", "passphrase")]
    [InlineData("key_pass_phrase", "passphrase")]
    [InlineData("PassWord", "password")] // a capital W in the middle, as many code bases write it
    [InlineData("HangfirePassWord", "password")]
    [InlineData("db_pass_word", "password")]
    [InlineData("partner_api_key", "api key")]
    [InlineData("X-Api-Key", "api key")]
    [InlineData("APIKey", "api key")]
    [InlineData("ApiKey", "api key")]
    [InlineData("apikey", "api key")]
    [InlineData("STRIPE_APIKEY", "api key")]
    [InlineData("AwsAccessKey", "access key")]
    [InlineData("aws.access-key", "access key")]
    [InlineData("AccessToken", "token")]
    [InlineData("ForwardedToken", "token")] // "for" only as a word of its own
    [InlineData("TokenForAccessToken", "token")] // the head before "for" is itself a credential
    [InlineData("refresh_token", "token")]
    [InlineData("GITHUB_TOKEN", "token")]
    [InlineData("token", "token")]
    [InlineData("ServiceCredential", "credential")]
    [InlineData("Credentials", "credential")]
    [InlineData("SigningPrivateKey", "private key")]
    [InlineData("private_key", "private key")]
    public void CredentialNamed_ShouldMatch(string name, string expectedWord)
    {
        Assert.True(CredentialNames.Default.TryMatch(name, out var word), name);
        Assert.Equal(expectedWord, word);
    }

    [Theory]
    [InlineData("TokenEndpoint")]
    [InlineData("PasswordText")]
    [InlineData("PasswordHash")]
    [InlineData("EncryptedPrivateKey")]
    [InlineData("EncryptedUserPrivateKey")]
    [InlineData("HashedPassword")]
    [InlineData("WrappedPrivateKey")]
    [InlineData("SecretName")]
    [InlineData("ClientSecretVariable")]
    [InlineData("ClientSecretKey")]
    [InlineData("ClientId")]
    [InlineData("Key")]
    [InlineData("SigningKey")]
    [InlineData("cancellationToken")]
    [InlineData("CancellationToken")]
    [InlineData("ct")]
    [InlineData("continuationToken")]
    [InlineData("nextPageToken")]
    [InlineData("next_page_token")]
    [InlineData("RequestVerificationToken")]
    [InlineData("Tokens")]
    [InlineData("Secretary")]
    [InlineData("PasswordResetUrl")]
    [InlineData("InvalidClientSecret")]
    [InlineData("B2CForgottenPassword")]
    [InlineData("ExpiredAccessToken")]
    [InlineData("PublicKeyToken")]
    [InlineData("public_key_token")]
    [InlineData("publickeytoken")]
    [InlineData("FxAssemblyToken")] // the framework assemblies' strong-name tokens, one per assembly
    [InlineData("assembly_token")]
    [InlineData("ScopeForAccessToken")] // a scope for the token: the name's head comes before "for"
    [InlineData("AudienceForNewAccessToken")]
    [InlineData("issuer_for_refresh_token")]
    [InlineData("")]
    [InlineData("__")]
    [InlineData("1234")]
    [InlineData(null)]
    public void OtherNames_ShouldNotMatch(string? name) => Assert.False(CredentialNames.Default.IsCredentialName(name), name);

    [Fact]
    public void ExtraWords_ShouldExtendTheDefaults()
    {
        var names = CredentialNames.FromOption("signing_key, ConnectionString;salt");

        Assert.True(names.IsCredentialName("JwtSigningKey"));
        Assert.True(names.IsCredentialName("DB_CONNECTION_STRING"));
        Assert.True(names.IsCredentialName("PasswordSalt"));
        Assert.True(names.IsCredentialName("ClientSecret"));
        Assert.False(names.IsCredentialName("SigningKeyId"));
        Assert.False(CredentialNames.Default.IsCredentialName("JwtSigningKey"));
    }

    [Fact]
    public void SplitWords_ShouldSplitEveryConvention() =>
        Assert.Equal(new[] { "x", "api", "key", "client", "secret", "2", "db", "password" }, CredentialNames.SplitWords("X-APIKey.client_secret2:dbPassword"));
}
