using Connector.Mapping.Matching;
using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>How much of a payment was applied automatically.</summary>
public enum ApplicationOutcome
{
    /// <summary>All the money went to open items (and any overpayment on account).</summary>
    FullyApplied,

    /// <summary>Some went to open items; the rest waits for an operator (see the candidates).</summary>
    PartlyApplied,

    /// <summary>Nothing was applied automatically.</summary>
    Unapplied,
}

/// <summary>The names of the cash-application rules, as they appear in <see cref="ItemApplication.Rule"/>.</summary>
public static class CashRules
{
    public const string ExactNumber = "exact_number";
    public const string NormalisedNumber = "normalised_number";
    public const string OcrNumber = "ocr_number";
    public const string PaymentReference = "payment_reference";
    public const string NumberInText = "number_in_text";
    public const string AmountAndCustomer = "amount_and_customer";
    public const string Combination = "combination";
}

/// <summary>
/// One automatic application: what of the payment goes to the item, the early-payment discount and the deduction
/// (short payment, with its reason) that close it, the rule that found the item and why, naming the values.
/// AmountApplied + DiscountTaken + Deduction never exceeds what was open on the item.
/// </summary>
public sealed record ItemApplication(
    OpenItem Item,
    decimal AmountApplied,
    decimal DiscountTaken,
    decimal Deduction,
    string? DeductionReason,
    string Rule,
    string Explanation,
    int? LineNumber)
{
    /// <summary>The item's index in the book the application was made against.</summary>
    internal int ItemIndex { get; init; }

    /// <summary>What the item gives up: the amount, the discount and the deduction.</summary>
    public decimal Closed => AmountApplied + DiscountTaken + Deduction;
}

/// <summary>An open item an operator may apply the payment to, with a score (0-100) and why.</summary>
public sealed record CashCandidate(OpenItem Item, int Score, string Reason);

/// <summary>
/// The outcome of applying one payment: the payer as resolved, the applications, what was left on account
/// (overpayment) or unapplied, ranked candidates for the operator when not fully applied, and an explanation.
/// Sum of AmountApplied + OnAccount + Unapplied = the payment's amount.
/// </summary>
public sealed record CashApplicationResult(
    Remittance Remittance,
    ApplicationOutcome Outcome,
    string? PayerAccount,
    MatchResult? PayerMatch,
    IReadOnlyList<ItemApplication> Applications,
    decimal OnAccount,
    decimal Unapplied,
    IReadOnlyList<CashCandidate> Candidates,
    string Explanation)
{
    public decimal Applied => Applications.Sum(a => a.AmountApplied);
}
