using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>
/// Turns checked statements into remittances: one per TxDtls of an entry, or one per entry without TxDtls (or whose
/// several TxDtls carry no amount: they are then one payment of the entry's amount, with all their references).
/// </summary>
internal static class CamtRemittances
{
    public static List<MappedRemittance> Build(CamtMessage message, string entityCode, string documentName, List<Problem> fileProblems)
    {
        var result = new List<MappedRemittance>();
        foreach (var statement in message.Statements)
        {
            foreach (var entry in statement.Entries)
            {
                var transactions = entry.Transactions;
                if (transactions.Count == 0)
                {
                    result.Add(FromEntry(entry, statement, entityCode, documentName, null));
                }
                else if (transactions.Count == 1 || transactions.All(t => t.Amount is not null))
                {
                    var breakdown = Breakdown(entry);
                    result.AddRange(transactions.Select(t => FromTransaction(entry, t, statement, entityCode, documentName, breakdown)));
                }
                else
                {
                    var merged = FromEntry(entry, statement, entityCode, documentName, transactions);
                    fileProblems.Add(Problem.Warning(
                        ProblemCodes.CamtDetailsMerged,
                        string.Create(CultureInfo.InvariantCulture, $"The entry has {transactions.Count} TxDtls and not all give an amount: they are kept as one payment of the entry's {entry.Amount} {entry.Currency} with all their references."),
                        merged.Remittance.Source));
                    result.Add(merged);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// What is wrong with how the entry's details add up, or null: in the entry's currency and without charges, the
    /// details must add up to what the bank booked (an error on each record: the booking is real, its breakdown is not).
    /// </summary>
    private static string? Breakdown(CamtEntry entry)
    {
        var details = entry.Transactions;
        if (entry.HasCharges || details.Any(t => t.Amount is null || (t.Currency is not null && t.Currency != entry.Currency)))
        {
            return null;
        }

        var sum = details.Sum(t => (t.Direction ?? entry.Direction) == entry.Direction ? t.Amount!.Value : -t.Amount!.Value);
        return sum == entry.Amount
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The entry booked {entry.Amount} {entry.Currency} but its {details.Count} TxDtls come to {sum}: the amounts of its payments cannot all be right.");
    }

    private static MappedRemittance FromTransaction(CamtEntry entry, CamtTransaction tx, CamtStatement statement, string entityCode, string documentName, string? breakdown)
    {
        var code = tx.Code ?? entry.Code;
        var remittance = new Remittance
        {
            EntityCode = entityCode,
            PaymentNumber = tx.ChequeNumber ?? tx.EndToEndId,
            Method = tx.ChequeNumber is not null && CamtMethods.Of(code) is PaymentMethod.Unknown or PaymentMethod.Other ? PaymentMethod.Cheque : CamtMethods.Of(code),
            Direction = tx.Direction ?? entry.Direction,
            PaymentDate = tx.SettlementDate,
            BookingDate = entry.BookingDate,
            ValueDate = entry.ValueDate,
            Amount = tx.Amount ?? entry.Amount,
            Currency = tx.Amount is null ? entry.Currency : tx.Currency ?? entry.Currency,
            Payer = tx.Payer,
            ReceivingAccount = statement.Account,
            BankReference = tx.AccountServicerReference ?? entry.AccountServicerReference ?? entry.EntryReference,
            BankTransactionCode = code?.ToString(),
            FreeText = Join(Reversed(entry).Concat(tx.Unstructured).Append(tx.AdditionalInfo).Append(entry.AdditionalInfo)),
            Lines = tx.Lines,
            Source = Location(documentName, tx.Spot),
        };
        var problems = EntryProblems(entry, remittance.Source).Concat(tx.Problems).ToList();
        if (breakdown is not null)
        {
            problems.Add(Problem.Error(ProblemCodes.CamtDetailsTotal, breakdown, remittance.Source, "Amt", string.Create(CultureInfo.InvariantCulture, $"{remittance.Amount}")));
        }
        else if (tx.Amount is not null && tx.Currency is not null && entry.Currency is not null && tx.Currency != entry.Currency)
        {
            problems.Add(Problem.Warning(
                ProblemCodes.CamtDetailsCurrency,
                string.Create(CultureInfo.InvariantCulture, $"The transaction is {tx.Amount} {tx.Currency}; the bank booked the entry as {entry.Amount} {entry.Currency}."),
                remittance.Source,
                "Amt",
                tx.Currency));
        }

        return new MappedRemittance(remittance, problems);
    }

    private static MappedRemittance FromEntry(CamtEntry entry, CamtStatement statement, string entityCode, string documentName, IReadOnlyList<CamtTransaction>? merged)
    {
        var transactions = merged ?? [];
        var lines = new List<RemittanceLine>();
        foreach (var line in transactions.SelectMany(t => t.Lines))
        {
            lines.Add(line with { LineNumber = lines.Count + 1 });
        }

        var first = transactions.FirstOrDefault();
        var payers = transactions.Select(t => t.Payer).Where(p => !p.IsEmpty).Distinct().ToList();
        var remittance = new Remittance
        {
            EntityCode = entityCode,
            PaymentNumber = transactions.Count == 1 ? first!.ChequeNumber ?? first.EndToEndId : null,
            Method = CamtMethods.Of(entry.Code),
            Direction = entry.Direction,
            BookingDate = entry.BookingDate,
            ValueDate = entry.ValueDate,
            Amount = entry.Amount,
            Currency = entry.Currency,
            Payer = payers.Count == 1 ? payers[0] : PayerReference.Empty,
            ReceivingAccount = statement.Account,
            BankReference = entry.AccountServicerReference ?? entry.EntryReference,
            BankTransactionCode = entry.Code?.ToString(),
            FreeText = Join(Reversed(entry).Concat(transactions.SelectMany(t => t.Unstructured.Append(t.AdditionalInfo))).Append(entry.AdditionalInfo)),
            Lines = lines,
            Source = Location(documentName, entry.Spot),
        };
        return new MappedRemittance(remittance, [.. EntryProblems(entry, remittance.Source), .. transactions.SelectMany(t => t.Problems)]);
    }

    private static IEnumerable<Problem> EntryProblems(CamtEntry entry, SourceLocation source)
    {
        var problems = entry.Problems.AsEnumerable();
        if (!entry.IsBooked)
        {
            problems = problems.Append(Problem.Warning(
                ProblemCodes.CamtEntryNotBooked,
                $"The entry's status is {entry.Status}, not booked: the booked entry will come in a later statement.",
                source,
                "Sts",
                entry.Status));
        }

        if (entry.Reversal)
        {
            problems = problems.Append(Problem.Warning(
                ProblemCodes.CamtReversal,
                $"The bank reverses an earlier {(entry.Direction == EntryDirection.Credit ? "debit" : "credit")} here (RvslInd): not a new payment; find and undo the original.",
                source,
                "RvslInd",
                "true"));
        }

        return problems;
    }

    /// <summary>A reversal (RvslInd) is said first in the free text, so that no one applies it as a payment.</summary>
    private static IEnumerable<string?> Reversed(CamtEntry entry)
        => entry.Reversal ? [$"REVERSAL of a {(entry.Direction == EntryDirection.Credit ? "debit" : "credit")} (RvslInd)"] : [];

    private static string? Join(IEnumerable<string?> parts)
    {
        var text = string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal));
        return text.Length == 0 ? null : text;
    }

    private static SourceLocation Location(string documentName, EInvoicing.XmlSpot spot) => new(documentName, spot.Line, spot.Path);
}
