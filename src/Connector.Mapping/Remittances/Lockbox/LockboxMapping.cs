using System.Text.RegularExpressions;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Lockbox;

/// <summary>
/// A lockbox cheque as a remittance. Each 4 overflow record becomes an application when its text is one reference
/// (e.g. <c>CE554</c>) or reference / amount pairs with a decimal point (<c>INV1001 1500.00 INV1002 250.00</c>);
/// other text is kept in the free text with a warning. The payee name and every overflow text go to the free text.
/// </summary>
internal static partial class LockboxMapping
{
    public static MappedRemittance Map(LockboxCheque cheque, LockboxDeposit deposit, string entityCode, DocumentReadContext context)
    {
        var problems = new List<Problem>();
        var chequeDate = BankFields.MmDdYy(cheque.ChequeDate);
        if (chequeDate is null)
        {
            problems.Add(Problem.Warning(ProblemCodes.FieldInvalidDate, $"the cheque date '{cheque.ChequeDate}' is not a date MMDDYY: the payment date is left empty", context.At(cheque.Line, "47-52"), "cheque date", cheque.ChequeDate));
        }

        var lines = new List<RemittanceLine>();
        foreach (var overflow in cheque.Overflows)
        {
            var applications = Applications(overflow.Text);
            if (applications is null)
            {
                problems.Add(Problem.Warning(ProblemCodes.FieldPattern, $"the overflow text '{overflow.Text}' is no invoice reference or reference / amount pairs: kept as free text", context.At(overflow.Line, "12-"), "overflow text", overflow.Text));
                continue;
            }

            foreach (var (reference, amount) in applications)
            {
                lines.Add(new RemittanceLine
                {
                    LineNumber = lines.Count + 1,
                    Reference = reference,
                    AmountPaid = amount,
                    Source = context.At(overflow.Line, "12-"),
                });
            }
        }

        var text = cheque.Overflows.Select(o => o.Text).Where(t => t.Length > 0).ToList();
        if (cheque.Payee.Length > 0)
        {
            text.Add("payee: " + cheque.Payee);
        }

        var remittance = new Remittance
        {
            EntityCode = entityCode,
            PaymentNumber = cheque.ChequeNumber.TrimStart('0') is { Length: > 0 } n ? n : "0",
            Method = PaymentMethod.Cheque,
            Direction = EntryDirection.Credit,
            PaymentDate = chequeDate,
            BookingDate = deposit.DepositDate,
            Amount = cheque.AmountCents / 100m,
            Currency = "USD",
            Payer = new PayerReference { Name = BankFields.NullIfBlank(cheque.Remitter), BankId = cheque.Routing, BankAccount = cheque.Account },
            ReceivingAccount = deposit.Number,
            BankReference = $"{deposit.Number}-{cheque.Batch}-{cheque.Item}",
            FreeText = text.Count == 0 ? null : string.Join(" | ", text),
            Lines = lines,
            Source = context.At(cheque.Line),
        };
        return new MappedRemittance(remittance, problems);
    }

    /// <summary>The applications an overflow text gives, none for an empty text, null when it is neither form.</summary>
    private static List<(string Reference, decimal? Amount)>? Applications(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length <= 1)
        {
            return [.. tokens.Select(t => (t, (decimal?)null))];
        }

        if (tokens.Length % 2 != 0 || !tokens.Where((_, i) => i % 2 == 1).All(t => Amount().IsMatch(t)))
        {
            return null;
        }

        return [.. tokens.Chunk(2).Select(p => (p[0], (decimal?)decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    [GeneratedRegex(@"^\d{1,12}\.\d{2}$")]
    private static partial Regex Amount();
}
