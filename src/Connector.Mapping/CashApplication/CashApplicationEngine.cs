using System.Globalization;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>
/// Applies payments to an entity's open items, explainably and with precision before recall: the payer is resolved
/// with the customer matcher (account, tax id, learned bank account, name), then, in order: exact invoice number;
/// normalised number (prefixes, separators, leading zeros); OCR-folded number; payment reference; numbers found in free
/// text; amount and customer; a combination of the payer's open items. Early-payment discounts within terms are
/// accepted, short payments within tolerance become deductions, overpayments go on account. What is not certain is
/// left unapplied with ranked candidates. Pure and deterministic; what is applied is reserved in the book so that an
/// item is not given twice in a run.
/// </summary>
internal sealed class CashApplicationEngine(CashApplicationOptions options)
{
    public CashApplicationResult Apply(Remittance remittance, OpenItemBook book, CustomerMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(matcher);
        if (remittance.Direction == EntryDirection.Debit || remittance.Amount <= 0m)
        {
            var why = remittance.Direction == EntryDirection.Debit ? "a debit is not a customer's payment" : Text($"the amount {remittance.Amount:0.00} is not a payment");
            return new CashApplicationResult(remittance, ApplicationOutcome.Unapplied, null, null, [], 0m, remittance.Amount, [], why + ": nothing is applied");
        }

        var match = remittance.Payer.IsEmpty ? null : matcher.MatchPayer(remittance.Payer);
        var payer = match is { Outcome: MatchOutcome.Matched, Customer: { } c } && (match.Rule != MatchRules.Name || match.Score >= options.PayerNameMinScore)
            ? c.AccountNumber
            : null;
        var payerNote = match is null
            ? "the payment names no payer"
            : payer is null ? Text($"payer \"{remittance.Payer}\" is not identified ({match.Explanation})") : Text($"payer: {match.Explanation}");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var run = new PaymentRun(remittance, book, options, payer);
            run.Plan();
            var takes = run.Applications.Select(a => (a.ItemIndex, a.Closed)).ToList();
            if (takes.Count == 0 || book.TryReserve(takes))
            {
                return Result(remittance, book, match, payer ?? run.InferredPayer, payerNote, run);
            }
        }

        return new CashApplicationResult(remittance, ApplicationOutcome.Unapplied, payer, match, [], 0m, remittance.Amount, [],
            payerNote + "; the items were taken by other payments of the run while this one was planned: nothing is applied");
    }

    /// <summary>Gives back to the book what a result took (the operator rejected it, or it could not be posted).</summary>
    public static void Release(CashApplicationResult result, OpenItemBook book)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(book);
        book.Release([.. result.Applications.Select(a => (a.ItemIndex, a.Closed))]);
    }

    private CashApplicationResult Result(Remittance remittance, OpenItemBook book, MatchResult? match, string? payer, string payerNote, PaymentRun run)
    {
        var applied = run.Applications.Sum(a => a.AmountApplied);
        var unapplied = remittance.Amount - applied - run.OnAccount;
        var outcome = run.Applications.Count == 0 ? ApplicationOutcome.Unapplied
            : unapplied == 0m ? ApplicationOutcome.FullyApplied : ApplicationOutcome.PartlyApplied;
        var candidates = outcome == ApplicationOutcome.FullyApplied ? [] : CandidateRanker.Rank(run.Seeds, run.Applications, book, options.MaxCandidates);
        var parts = new List<string> { payerNote };
        parts.AddRange(run.Applications.Select(a => Text($"{a.Item.Number} [{a.Rule}] {a.Explanation}")));
        parts.AddRange(run.Notes);
        if (run.OnAccount > 0m)
        {
            parts.Add(Text($"on account: {run.OnAccount:0.00}"));
        }

        if (unapplied != 0m)
        {
            parts.Add(Text($"unapplied: {unapplied:0.00}"));
        }

        return new CashApplicationResult(remittance, outcome, payer, match, run.Applications, run.OnAccount, unapplied, candidates, string.Join("; ", parts));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
