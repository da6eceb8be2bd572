using System.Text.Json.Serialization;
using Connector.Host.Store;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;

namespace Connector.Host.Reports;

/// <summary>One application of a payment as the figures need it: the remittance line it answers, cash, discount, deduction.</summary>
internal sealed record PaymentFigureApplication(int? Line, decimal Amount, decimal Discount, decimal Deduction, string? DeductionReason);

/// <summary>
/// One payment as the figures need it: direction, amount, how many remittance lines it had, and what cash
/// application made of it (null outcome: cash application did not run, e.g. the payment had errors).
/// </summary>
internal sealed record PaymentFigure(EntryDirection Direction, decimal Amount, int Lines, ApplicationOutcome? Outcome, IReadOnlyList<PaymentFigureApplication> Applications, decimal OnAccount, decimal Unapplied)
{
    public static PaymentFigure From(CashApplicationResult? result, Remittance remittance)
        => new(
            remittance.Direction,
            remittance.Amount,
            remittance.Lines.Count,
            result?.Outcome,
            result is null ? [] : [.. result.Applications.Select(a => new PaymentFigureApplication(a.LineNumber, a.AmountApplied, a.DiscountTaken, a.Deduction, a.DeductionReason))],
            result?.OnAccount ?? 0m,
            result?.Unapplied ?? 0m);

    /// <summary>A stored payment: its outcome follows from its state (Applied and after: fully applied).</summary>
    public static PaymentFigure From(RemittanceInfo stored)
    {
        ApplicationOutcome? outcome = stored.State switch
        {
            RemittanceState.Debit or RemittanceState.Duplicate or RemittanceState.Advice or RemittanceState.AdviceUsed or RemittanceState.Skipped => null,
            // Held as read (a payment the file gets wrong, a scan that fails its checks) or unapplied by the engine: both wait.
            RemittanceState.Unapplied => ApplicationOutcome.Unapplied,
            RemittanceState.PartlyApplied => ApplicationOutcome.PartlyApplied,
            _ => ApplicationOutcome.FullyApplied,
        };
        return new PaymentFigure(
            stored.Direction,
            stored.Amount,
            stored.Remittance.Lines.Count,
            outcome,
            [.. stored.Applications.Select(a => new PaymentFigureApplication(a.Line, a.Amount, a.Discount, a.Deduction, a.DeductionReason))],
            stored.OnAccount,
            outcome is null ? 0m : stored.Unapplied);
    }
}

/// <summary>
/// What a set of payments came to: counts, payment- and line-level automatic rates (0-1), amounts received, applied,
/// discounts, deductions by reason, on account and unapplied. The same figures for <c>connector inspect</c> of a bank
/// file and for a run's report.
/// </summary>
internal sealed record PaymentTotals(
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
    decimal UnappliedAmount)
{
    /// <summary>All deductions (the JSON of inspect gives them by reason only).</summary>
    [JsonIgnore]
    public decimal Deductions => DeductionsByReason.Values.Sum();

    public static PaymentTotals From(IReadOnlyList<PaymentFigure> payments)
    {
        var credits = payments.Where(p => p.Direction == EntryDirection.Credit).ToList();
        var applied = credits.Where(p => p.Outcome is not null).ToList();
        var lines = applied.Sum(p => Math.Max(1, p.Lines));
        var linesApplied = applied.Sum(p => p.Lines == 0
            ? (p.Outcome == ApplicationOutcome.FullyApplied ? 1 : 0)
            : p.Applications.Where(x => x.Line is not null).Select(x => x.Line).Distinct().Count());
        var fully = applied.Count(p => p.Outcome == ApplicationOutcome.FullyApplied);
        return new PaymentTotals(
            payments.Count,
            credits.Count,
            payments.Count - credits.Count,
            fully,
            applied.Count(p => p.Outcome == ApplicationOutcome.PartlyApplied),
            applied.Count(p => p.Outcome == ApplicationOutcome.Unapplied),
            applied.Count == 0 ? null : Math.Round((decimal)fully / applied.Count, 4),
            lines == 0 ? null : Math.Round((decimal)linesApplied / lines, 4),
            credits.Sum(p => p.Amount),
            applied.Sum(p => p.Applications.Sum(x => x.Amount)),
            applied.Sum(p => p.Applications.Sum(x => x.Discount)),
            applied.SelectMany(p => p.Applications).Where(x => x.Deduction != 0).GroupBy(x => x.DeductionReason ?? "(none)", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Deduction), StringComparer.Ordinal),
            applied.Sum(p => p.OnAccount),
            applied.Sum(p => p.Unapplied));
    }
}

/// <summary>The payments of a run: how many ended in each state, and what they came to (duplicates left out of the figures).</summary>
internal sealed record PaymentReport(IReadOnlyList<PaymentStateCount> ByState, PaymentTotals Totals, IReadOnlyList<ReportPayment> Waiting)
{
    /// <summary>The payments of a run; <paramref name="images"/> gives the images of a waiting payment's failed fields (scans).</summary>
    public static PaymentReport? Build(IReadOnlyList<RemittanceInfo> payments, IReadOnlyDictionary<long, string> documents, Func<RemittanceInfo, IReadOnlyList<ReportImage>>? images = null)
    {
        if (payments.Count == 0)
        {
            return null;
        }

        var byState = payments.GroupBy(p => p.State).OrderBy(g => g.Key).Select(g => new PaymentStateCount(g.Key, g.Count(), g.Sum(p => p.Amount))).ToList();
        // Duplicates and advices bring no money: they are counted by state, not in the figures.
        var totals = PaymentTotals.From([.. payments.Where(p => p.State is not (RemittanceState.Duplicate or RemittanceState.Advice or RemittanceState.AdviceUsed)).Select(PaymentFigure.From)]);
        var waiting = payments
            .Where(p => p.State is RemittanceState.Unapplied or RemittanceState.PartlyApplied or RemittanceState.Refused or RemittanceState.NoTarget)
            .Select(p =>
            {
                var r = p.Remittance;
                return new ReportPayment(
                    r.PaymentNumber ?? r.BankReference ?? $"remittance {p.Id}",
                    documents.GetValueOrDefault(p.DocumentId, $"document {p.DocumentId}"),
                    r.Payer.ToString(),
                    p.Currency ?? string.Empty,
                    p.Amount,
                    p.Unapplied,
                    p.State,
                    p.Reason ?? string.Empty)
                {
                    Images = images?.Invoke(p) ?? [],
                };
            })
            .ToList();
        return new PaymentReport(byState, totals, waiting);
    }
}

internal sealed record PaymentStateCount(RemittanceState State, int Count, decimal Amount);

/// <summary>A payment that needs a person: unapplied, partly applied, refused by the ERP, or kept for want of a target that takes receipts.</summary>
internal sealed record ReportPayment(string Payment, string Document, string Payer, string Currency, decimal Amount, decimal Unapplied, RemittanceState State, string Reason)
{
    /// <summary>For a scanned payment: the image region of each failed field, to decide from.</summary>
    public IReadOnlyList<ReportImage> Images { get; init; } = [];
}

/// <summary>An image in a report: what it shows, and the PNG.</summary>
internal sealed record ReportImage(string Caption, byte[] Png);
