using Cadasto.Analyzers.CodeFixes;

namespace Cadasto.Analyzers.Tests.Rules.Secrets;

/// <summary>CDS1002's fix reads each credential under a key named after its symbol (SPEC), not the client secret's.</summary>
public sealed class SecretStoreTargetTests
{
    [Theory]
    [InlineData("PartnerApiKey", "Partner:ApiKey", "PARTNER_API_KEY")]
    [InlineData("partner_api_key", "Partner:ApiKey", "PARTNER_API_KEY")]
    [InlineData("partner_apikey", "Partner:ApiKey", "PARTNER_API_KEY")]
    [InlineData("DbPassword", "Db:Password", "DB_PASSWORD")]
    [InlineData("_stripeWebhookSecret", "StripeWebhook:Secret", "STRIPE_WEBHOOK_SECRET")]
    [InlineData("password", "Password", "PASSWORD")]
    [InlineData("SigningPrivateKey2", "Signing:PrivateKey", "SIGNING_PRIVATE_KEY")]
    public void CredentialName_ShouldNameTheKeyAndTheVariable(string name, string key, string variable)
    {
        var target = SecretStoreTarget.ForCredentialName(name);
        Assert.NotNull(target);
        Assert.Equal(key, target.ConfigurationKey);
        Assert.Equal(variable, target.EnvironmentVariable);
    }

    // The manifest's key names the variable by the names' one camelCase rule: words start after an acronym and after a
    // digit, so the key a credential's name gives and that name's own variable agree.
    [Theory]
    [InlineData("Cadasto:ClientSecret", "CADASTO_CLIENT_SECRET")]
    [InlineData("Partner:APIKey", "PARTNER_API_KEY")]
    [InlineData("Mail__SMTPPassword", "MAIL_SMTP_PASSWORD")]
    [InlineData("Auth0:ClientSecret", "AUTH0_CLIENT_SECRET")]
    [InlineData("Billing:Stripe2Key", "BILLING_STRIPE2_KEY")]
    public void ManifestKey_ShouldNameTheVariableWordByWord(string key, string variable) =>
        Assert.Equal(variable, SecretStoreTarget.EnvironmentVariableFor(key));

    [Theory]
    [InlineData("PartnerAPIKey")]
    [InlineData("SMTPPassword")]
    public void KeyDerivedFromAName_ShouldGiveThatNamesVariable(string name)
    {
        var target = SecretStoreTarget.ForCredentialName(name);
        Assert.NotNull(target);
        Assert.Equal(target.EnvironmentVariable, SecretStoreTarget.EnvironmentVariableFor(target.ConfigurationKey!));
    }

    [Theory]
    [InlineData("ClientSecret")]
    [InlineData("_clientSecret")]
    [InlineData("TokenEndpoint")]
    [InlineData("Name")]
    public void ClientSecretOrNoCredentialWord_ShouldLeaveTheKeyToTheManifest(string name) =>
        Assert.Null(SecretStoreTarget.ForCredentialName(name));
}
