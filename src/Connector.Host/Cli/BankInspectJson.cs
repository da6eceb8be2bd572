using Connector.Host.Reports;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;

namespace Connector.Host.Cli;

/// <summary>The <c>bank</c> object of <c>connector inspect --json</c> for a bank or remittance file (docs/inspect-json.md).</summary>
internal static class BankInspectJson
{
    public static BankJson From(BankFileSummary bank)
    {
        var remittances = bank.Remittances.Select(RemittanceJson.From).ToList();
        return new BankJson(bank.Format, bank.Route, bank.OpenItems, remittances, Summary(bank));
    }

    private static SummaryJson Summary(BankFileSummary bank)
    {
        var t = PaymentTotals.From([.. bank.Remittances.Select(r => PaymentFigure.From(r.Application, r.Read.Remittance))]);
        return new SummaryJson(t.Payments, t.Credits, t.Debits, t.FullyApplied, t.PartlyApplied, t.Unapplied, t.PaymentRate, t.LineRate, t.AmountReceived, t.AmountApplied, t.Discounts, t.DeductionsByReason, t.OnAccount, t.UnappliedAmount);
    }

    internal sealed record BankJson(string Format, string? Route, int OpenItems, IReadOnlyList<RemittanceJson> Remittances, SummaryJson Summary);

    /// <summary>Payment- and line-level automatic rates (0-1), amounts received, applied, discounts, deductions by reason, on account and unapplied.</summary>
    internal sealed record SummaryJson(
        int Payments,
        int Credits,
        int Debits,
        int FullyApplied,
        int PartlyApplied,
        int Unapplied,
        decimal? PaymentRate,
        decimal? LineRate,
        decimal AmountReceived,
        decimal AmountApplied,
        decimal Discounts,
        IReadOnlyDictionary<string, decimal> DeductionsByReason,
        decimal OnAccount,
        decimal UnappliedAmount);

    internal sealed record RemittanceJson(string IdempotencyKey, Remittance Remittance, IReadOnlyList<InspectJson.ProblemJson> Problems, ApplicationJson? Application)
    {
        public static RemittanceJson From(RemittanceInspection r) => new(
            r.Key,
            r.Read.Remittance,
            r.Read.Problems.Select(InspectJson.ProblemJson.From).ToList(),
            r.Application is { } a ? ApplicationJson.From(a) : null);
    }

    internal sealed record ApplicationJson(
        string Outcome,
        string? PayerAccount,
        string? PayerRule,
        decimal Applied,
        decimal OnAccount,
        decimal Unapplied,
        string Explanation,
        IReadOnlyList<ItemJson> Applications,
        IReadOnlyList<CandidateJson> Candidates)
    {
        public static ApplicationJson From(CashApplicationResult a) => new(
            a.Outcome switch { ApplicationOutcome.FullyApplied => "fully_applied", ApplicationOutcome.PartlyApplied => "partly_applied", _ => "unapplied" },
            a.PayerAccount,
            a.PayerMatch?.Rule,
            a.Applied,
            a.OnAccount,
            a.Unapplied,
            a.Explanation,
            a.Applications.Select(x => new ItemJson(x.Item.Number, x.Item.CustomerAccount, x.Item.OpenAmount, x.AmountApplied, x.DiscountTaken, x.Deduction, x.DeductionReason, x.Rule, x.Explanation, x.LineNumber, x.Item.Origin)).ToList(),
            a.Candidates.Select(c => new CandidateJson(c.Item.Number, c.Item.CustomerAccount, c.Item.OpenAmount, c.Score, c.Reason)).ToList());
    }

    internal sealed record ItemJson(string Invoice, string Customer, decimal OpenAmount, decimal AmountApplied, decimal DiscountTaken, decimal Deduction, string? DeductionReason, string Rule, string Explanation, int? Line, string Origin);

    internal sealed record CandidateJson(string Invoice, string Customer, decimal OpenAmount, int Score, string Reason);
}
