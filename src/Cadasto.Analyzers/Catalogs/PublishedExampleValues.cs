using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// Values that specifications publish as examples (RFC 6749, RFC 6750, RFC 7517, RFC 7636, OpenID Connect Core), and a provider's
/// demo credential published for everyone to try its API (Tibber's demo token): known to everyone,
/// so no one's secret, and copied as fixtures into tests and samples (openiddict-core's tests hold 204 of them). The SPEC's
/// "identifiers that providers publish as public test values". Kept as the SHA-256 of the value (UTF-8, lower-case hex) and
/// its length, so that the values themselves stay out of this repository; each row names the document and section.
/// </summary>
internal static class PublishedExampleValues
{
    public static readonly ImmutableArray<PublishedExampleValue> Rows = ImmutableArray.Create<PublishedExampleValue>(
        new("2c31d647d56670580effa322c4e0d2612e333bedb4331f09352828e4e3cef66d", 7, "RFC 6749 §4.3.2 (resource owner password credentials: the example password)"),
        new("e9974c507d2a802143f614c878fcbb622a3800e05e6e0d329fee2c5b6b243329", 22, "RFC 6749 §2.3.1 (client password: the example client secret)"),
        new("6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c", 22, "RFC 6749 §4.1.4, §5.1 (the example access token)"),
        new("00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32", 22, "RFC 6749 §4.1.4, §5.1 (the example refresh token)"),
        new("a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f", 22, "RFC 6749 §4.1.2, §4.1.3; OpenID Connect Core 1.0 §3.1.2.5 (the example authorization code)"),
        new("b8e148545b13c78bc74da2f1a7275dd71e56ddece129d7d2f7b3ecc06f7994da", 15, "RFC 6750 §2.1 (the example bearer token)"),
        new("13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3", 43, "RFC 7636 Appendix B (the example code_verifier)"),
        new("0d299b1eb548708d04534e7e050c427b56edfa15d13637a3484bdd61babf8384", 43, "RFC 7636 Appendix B (the example code_challenge)"),
        new("ad71fb4165536675d80a8bbfe957697e4b9e17b35d5500406abc219705337107", 10, "OpenID Connect Core 1.0 §3.1.3.3 (the example access token)"),
        new("9e309cccd311ea64d04133daf7760f71f38a566db7aa98b71e043ede9325680f", 10, "OpenID Connect Core 1.0 §3.1.3.3 (the example refresh token)"),
        new("2e4ff57e9c832edab47dcc5a7ba5ef544a7c42b526248e088a8ae374d3c19677", 342, "RFC 7517 Appendix A.2 (the example RSA private key's \"d\": copied into tests as a DPoP or signing key)"),
        new("c39c8dd16f26e4af81e450eedbf22d37c783daec37b7a70c1925177138e41646", 43, "Tibber developer documentation, API explorer (the demo account's access token, published for anyone to try the API; public Tibber clients ship it labelled as the demo token)"),
        new("09a8e0fe098a621e54e4ebba827026f972cf2dc37d805b6cb172d01d525fd1eb", 43, "Tencent developer documentation, WeChat and WeCom message encryption, the WXBizMsgCrypt sample's Sample.cs (its EncodingAESKey, shipped with the sample for everyone to decrypt its sample message)"),
        new("d52528fb750c0e2bde701592e6f3cd18285602e7c630acd2e13e1f1626953962", 6, "Tencent developer documentation, WeChat and WeCom message encryption, the WXBizMsgCrypt sample's Sample.cs (its sToken, shipped beside the sample EncodingAESKey)"));
}

/// <summary>One published example value: its SHA-256 (lower-case hex of the UTF-8 bytes), its length, where it is published.</summary>
internal sealed record PublishedExampleValue(string Sha256, int Length, string Source);
