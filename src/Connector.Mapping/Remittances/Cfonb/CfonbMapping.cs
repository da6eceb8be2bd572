using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Cfonb;

/// <summary>
/// A CFONB 04 operation with its 05 complements as a remittance. Complements: LIB, LCC, LC2 label text; NPY payer
/// name and IPY payer id (credits); RCN the payer's end-to-end reference (the payment number) and purpose; REF the
/// bank's reference when columns 105-120 are blank; LCS a structured creditor reference (an application); MMO the
/// original amount and currency, FEE fees, NBE / NPO / NBU other parties: kept as text. Unknown qualifiers are kept
/// as text with their code.
/// </summary>
internal static class CfonbMapping
{
    public static Remittance Map(CfonbOperation operation, string entityCode, DocumentReadContext context)
    {
        var credit = operation.Amount > 0;
        var text = new List<string>();
        if (operation.Label.Length > 0)
        {
            text.Add(operation.Label);
        }

        string? payerName = null, payerId = null, endToEnd = null, reference = null;
        var lines = new List<RemittanceLine>();
        foreach (var complement in operation.Complements)
        {
            var info = complement.Info.Trim();
            var head = complement.Info[..35].Trim();
            switch (complement.Qualifier)
            {
                case "LIB" or "LCC" or "LC2":
                    Add(text, info);
                    break;
                case "NPY":
                    payerName ??= BankFields.NullIfBlank(info);
                    Add(text, credit ? null : "payer: " + info);
                    break;
                case "IPY":
                    payerId ??= BankFields.NullIfBlank(head);
                    break;
                case "RCN":
                    endToEnd ??= BankFields.NullIfBlank(head);
                    Add(text, complement.Info[35..].Trim());
                    break;
                case "REF":
                    reference ??= BankFields.NullIfBlank(info);
                    break;
                case "LCS":
                    var structured = complement.Info[..36].Trim();
                    if (structured.Length > 0)
                    {
                        lines.Add(new RemittanceLine { LineNumber = lines.Count + 1, Reference = structured, Kind = ReferenceKind.CreditorReference, Source = context.At(complement.Line, "49-84") });
                    }

                    break;
                case "MMO" or "FEE":
                    Add(text, $"{(complement.Qualifier == "MMO" ? "original amount" : "fee")} {Money(complement.Info) ?? info}");
                    break;
                case "NBE":
                    Add(text, "beneficiary: " + info);
                    break;
                case "NPO":
                    Add(text, "ultimate debtor: " + info);
                    break;
                case "NBU":
                    Add(text, "ultimate creditor: " + info);
                    break;
                default:
                    Add(text, $"{complement.Qualifier}: {info}");
                    break;
            }
        }

        return new Remittance
        {
            EntityCode = entityCode,
            PaymentNumber = endToEnd,
            Method = CfonbCodes.Method(operation.Code, operation.Label),
            Direction = credit ? EntryDirection.Credit : EntryDirection.Debit,
            BookingDate = operation.OperationDate,
            ValueDate = operation.ValueDate,
            Amount = Math.Abs(operation.Amount),
            Currency = operation.Currency,
            Payer = credit ? new PayerReference { Name = payerName, TaxId = payerId } : PayerReference.Empty,
            ReceivingAccount = operation.Account,
            BankReference = BankFields.NullIfBlank(operation.Reference) ?? reference ?? (operation.EntryNumber.Trim('0').Length > 0 ? operation.EntryNumber : null),
            BankTransactionCode = operation.Code,
            FreeText = text.Count == 0 ? null : string.Join(" | ", text),
            Lines = lines,
            Source = context.At(operation.Line),
        };
    }

    private static void Add(List<string> text, string? piece)
    {
        if (!string.IsNullOrWhiteSpace(piece) && !piece.EndsWith(": ", StringComparison.Ordinal))
        {
            text.Add(piece.Trim());
        }
    }

    /// <summary>MMO / FEE information: currency (3), number of decimals (1), amount (14 digits).</summary>
    private static string? Money(string info)
    {
        var currency = info[..3];
        var digits = info[4..18];
        if (!currency.All(char.IsAsciiLetterUpper) || !char.IsAsciiDigit(info[3]) || !BankFields.AllDigits(digits))
        {
            return null;
        }

        var amount = BankFields.Scale(decimal.Parse(digits, CultureInfo.InvariantCulture), info[3] - '0');
        return $"{currency} {BankFields.Money(amount)}";
    }
}
