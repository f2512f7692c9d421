using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// Reference ids a payment provider hands out for one payment, order or approval, which its API and redirect URLs carry
/// under the name <c>token</c> (PayPal's <c>?token=EC-…</c> after the buyer approves): they name a transaction and open
/// nothing without the merchant's credentials, so no secret, whatever member holds them. A prefix, then exactly
/// <see cref="PaymentReferenceFormat.BodyLength"/> upper-case letters and digits.
/// </summary>
internal static class PaymentReferenceFormats
{
    public static readonly ImmutableArray<PaymentReferenceFormat> Rows = ImmutableArray.Create<PaymentReferenceFormat>(
        new("EC-", 17, "PayPal Express Checkout token (the approval of one checkout)"),
        new("BA-", 17, "PayPal billing agreement token (the approval of one agreement)"),
        new("PAY-", 24, "PayPal REST v1 payment id"),
        new("PAYID-", 24, "PayPal REST v1 payment id, newer form"));
}

/// <summary>One reference-id format: its prefix (compared ordinally), how many upper-case letters and digits follow, whose it is.</summary>
internal sealed record PaymentReferenceFormat(string Prefix, int BodyLength, string Source);
