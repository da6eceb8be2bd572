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

    /// <summary>The file's figures, as a run's report gives them (<see cref="PaymentTotals"/>).</summary>
    private static PaymentTotals Summary(BankFileSummary bank)
        => PaymentTotals.From([.. bank.Remittances.Select(r => PaymentFigure.From(r.Application, r.Read.Remittance))]);

    internal sealed record BankJson(string Format, string? Route, int OpenItems, IReadOnlyList<RemittanceJson> Remittances, PaymentTotals Summary);

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
