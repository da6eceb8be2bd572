namespace Connector.Mapping.CashApplication;

/// <summary>How an entity's payments are applied to its open items, from the <c>cash_application:</c> section.</summary>
public sealed record CashApplicationOptions
{
    /// <summary>A short payment is accepted as a deduction when the difference is at most this amount...</summary>
    public decimal ShortPaymentTolerance { get; init; } = 5.00m;

    /// <summary>...and at most this percent (1 means 1 %) of the item's open amount: the lower of the two limits holds.</summary>
    public decimal ShortPaymentTolerancePercent { get; init; } = 1m;

    /// <summary>The reason code of a deduction when the remittance gives none.</summary>
    public string DeductionReason { get; init; } = "SHORT_PAY";

    /// <summary>Days after the discount window during which an early-payment discount is still accepted.</summary>
    public int DiscountGraceDays { get; init; }

    /// <summary>At most this many open items in a combination that sums to a payment without reference.</summary>
    public int MaxCombinationItems { get; init; } = 6;

    /// <summary>
    /// A combination is trusted only when at most <see cref="CombinationMaxNearMisses"/> other combinations of as many
    /// items come within this amount of the payment: with many near misses, an exact hit is likely a coincidence.
    /// </summary>
    public decimal CombinationNearWindow { get; init; } = 100.00m;

    public int CombinationMaxNearMisses { get; init; } = 20;

    /// <summary>How many search steps one combination search may take before it gives up and proposes.</summary>
    public int CombinationSearchBudget { get; init; } = 200_000;

    /// <summary>The payer's name must score at least this (0-100) for its customer to be taken as the payer.</summary>
    public int PayerNameMinScore { get; init; } = 92;

    /// <summary>How many candidates are proposed to the operator at most.</summary>
    public int MaxCandidates { get; init; } = 5;
}
