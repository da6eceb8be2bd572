using System.Globalization;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>
/// The control totals a camt file carries, checked against its own content: each batch (Btch NbOfTxs, TtlAmt) against
/// its transaction details, the transaction summary (TxsSummry) against the entries, and the booked balances
/// (OPBD + credits - debits = CLBD, when both are in one currency). Every failure names the element path and line;
/// any error fails the file.
/// </summary>
internal static class CamtChecks
{
    public static IReadOnlyList<Problem> Check(CamtMessage message, string documentName)
    {
        var problems = new List<Problem>();
        foreach (var statement in message.Statements)
        {
            foreach (var entry in statement.Entries)
            {
                Batch(entry, documentName, problems);
            }

            // One page of a split statement: its balances and summary are the whole statement's; the reader warns.
            if (statement.Page is null)
            {
                Summary(statement, documentName, problems);
                Balances(statement, documentName, problems);
            }
        }

        return problems;
    }

    private static void Batch(CamtEntry entry, string documentName, List<Problem> problems)
    {
        // A batch without transaction details is the bank's summary of what it does not detail: nothing to check against.
        if (entry.Batch is not { } batch || entry.Transactions.Count == 0)
        {
            return;
        }

        if (batch.TransactionCount is { } count && count != entry.Transactions.Count)
        {
            problems.Add(Problem.Error(
                ProblemCodes.CamtBatchTotal,
                $"The batch announces {Text(count)} transactions (NbOfTxs) but the entry holds {Text(entry.Transactions.Count)} TxDtls.",
                At(documentName, batch.Spot, "NbOfTxs"),
                "NbOfTxs",
                Text(count)));
        }

        if (batch.TotalAmount is { } total && entry.Transactions.All(t => t.Amount is not null))
        {
            var direction = batch.Direction ?? entry.Direction;
            var sum = entry.Transactions.Sum(t => (t.Direction ?? entry.Direction) == direction ? t.Amount!.Value : -t.Amount!.Value);
            if (sum != total)
            {
                problems.Add(Problem.Error(
                    ProblemCodes.CamtBatchTotal,
                    $"The batch total (TtlAmt) is {Text(total)} but its {Text(entry.Transactions.Count)} TxDtls add up to {Text(sum)}.",
                    At(documentName, batch.Spot, "TtlAmt"),
                    "TtlAmt",
                    Text(total)));
            }
        }
    }

    private static void Summary(CamtStatement statement, string documentName, List<Problem> problems)
    {
        if (statement.Summary is not { } summary)
        {
            return;
        }

        var credits = statement.Entries.Where(e => e.Direction == EntryDirection.Credit).ToList();
        var debits = statement.Entries.Where(e => e.Direction == EntryDirection.Debit).ToList();
        Compare(summary.Count, statement.Entries.Count, "TtlNtries/NbOfNtries", "entries");
        Compare(summary.Sum, statement.Entries.Sum(e => e.Amount), "TtlNtries/Sum", "sum of the entries");
        Compare(summary.Net, credits.Sum(e => e.Amount) - debits.Sum(e => e.Amount), "TtlNtries/TtlNetNtry", "credits - debits");
        Compare(summary.CreditCount, credits.Count, "TtlCdtNtries/NbOfNtries", "credit entries");
        Compare(summary.CreditSum, credits.Sum(e => e.Amount), "TtlCdtNtries/Sum", "sum of the credit entries");
        Compare(summary.DebitCount, debits.Count, "TtlDbtNtries/NbOfNtries", "debit entries");
        Compare(summary.DebitSum, debits.Sum(e => e.Amount), "TtlDbtNtries/Sum", "sum of the debit entries");

        void Compare(decimal? stated, decimal actual, string field, string what)
        {
            if (stated is { } value && value != actual)
            {
                problems.Add(Problem.Error(
                    ProblemCodes.CamtSummaryTotal,
                    $"The transaction summary says {field} = {Text(value)} but the {statement.Element} has {Text(actual)} ({what}).",
                    At(documentName, summary.Spot, field),
                    field,
                    Text(value)));
            }
        }
    }

    private static void Balances(CamtStatement statement, string documentName, List<Problem> problems)
    {
        var opening = statement.Balances.FirstOrDefault(b => b.Type == "OPBD");
        var closing = statement.Balances.FirstOrDefault(b => b.Type == "CLBD");
        if (opening is null || closing is null)
        {
            return;
        }

        // Balances in different currencies cannot be added to each other: said, not checked (and not a reason to refuse
        // the entries, which are booked facts of their own).
        if (!string.Equals(opening.Currency, closing.Currency, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Problem.Warning(
                ProblemCodes.CamtBalance,
                $"The opening (OPBD, {opening.Currency}) and closing (CLBD, {closing.Currency}) booked balances of {statement.Element} {statement.Id} are in different currencies: the balances were not checked against the entries.",
                At(documentName, closing.Spot, "CLBD"),
                "CLBD",
                Signed(closing.Amount, closing.Currency)));
            return;
        }

        var booked = statement.Entries.Where(e => e.IsBooked).ToList();
        var credits = booked.Where(e => e.Direction == EntryDirection.Credit).Sum(e => e.Amount);
        var debits = booked.Where(e => e.Direction == EntryDirection.Debit).Sum(e => e.Amount);
        var expected = opening.Amount + credits - debits;
        if (expected != closing.Amount)
        {
            problems.Add(Problem.Error(
                ProblemCodes.CamtBalance,
                $"Opening booked balance {Signed(opening.Amount, opening.Currency)} + credits {Text(credits)} - debits {Text(debits)} = {Signed(expected, opening.Currency)}, but the closing booked balance (CLBD) is {Signed(closing.Amount, closing.Currency)}"
                + $" ({statement.Element} {statement.Id}, {Text(booked.Count)} booked entries): an entry is missing or the balances are wrong.",
                At(documentName, closing.Spot, "CLBD"),
                "CLBD",
                Signed(closing.Amount, closing.Currency)));
        }
    }

    private static SourceLocation At(string documentName, XmlSpot spot, string field) => new(documentName, spot.Line, spot.Path + " (" + field + ")");

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Signed(decimal value, string? currency)
        => (value < 0 ? Text(-value) : Text(value)) + (currency is null ? string.Empty : " " + currency) + (value < 0 ? " DBIT" : " CRDT");
}
