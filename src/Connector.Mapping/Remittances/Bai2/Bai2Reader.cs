using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Validation;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>
/// Reads a BAI2 (BAI Cash Management Balance Reporting version 2) file: one <see cref="Remittance"/> per 16 detail
/// whose type code is a credit (100-399) or a debit (400-699). The file is refused whole (nothing returned, the
/// context failed with every reason) when a record cannot be read, the records are out of order, or a control total
/// or count of a 49, 98 or 99 trailer does not reconcile. Text is not parsed for invoice numbers: cash application
/// does that; the remittance carries no lines.
/// </summary>
internal static class Bai2Reader
{
    /// <summary>A BAI2 file begins with a 01 file header: "01," and comma-separated fields.</summary>
    public static bool Sniff(ReadOnlySpan<byte> head)
    {
        var line = BankTextFile.FirstLine(BankTextFile.Head(head), out _);
        return line.StartsWith("01,"u8) && line[3..].Contains((byte)',');
    }

    public static IReadOnlyList<MappedRemittance> Read(Stream stream, string entityCode, DocumentReadContext context)
    {
        var file = Parse(stream, context);
        if (file is null)
        {
            return [];
        }

        var remittances = new List<MappedRemittance>();
        foreach (var group in file.Groups)
        {
            if (group.Status is "2" or "4")
            {
                context.Report(Problem.Warning(ProblemCodes.BankEntriesSkipped, $"the group at line {group.Line} has status {group.Status} ({(group.Status == "2" ? "deletion" : "test only")}): its entries are not taken as payments", context.At(group.Line), "group status", group.Status));
                continue;
            }

            if (group.Status == "3")
            {
                context.Report(Problem.Warning(ProblemCodes.BankEntriesSkipped, $"the group at line {group.Line} has status 3 (correction of an earlier report): its entries are read; a payment already read from the earlier report keeps its receipt key and is not counted twice", context.At(group.Line), "group status", group.Status));
            }

            foreach (var account in group.Accounts)
            {
                Map(group, account, entityCode, context, remittances);
            }
        }

        context.RowsRead += remittances.Count;
        return remittances;
    }

    /// <summary>The file's structure, checked against its control totals; null when the file fails.</summary>
    public static Bai2File? Parse(Stream stream, DocumentReadContext context)
    {
        var lines = BankTextFile.ReadLines(stream, context);
        var raw = lines is null ? null : Bai2Lexer.Split(lines, context);
        if (raw is null || raw.Count == 0)
        {
            if (raw is not null)
            {
                context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file holds no BAI2 record", context.At()));
            }

            return null;
        }

        var file = Bai2Parser.Parse(raw, context);
        if (file is null)
        {
            return null;
        }

        Bai2Checker.Check(file, context);
        return context.Failed ? null : file;
    }

    private static void Map(Bai2Group group, Bai2Account account, string entityCode, DocumentReadContext context, List<MappedRemittance> into)
    {
        var currency = account.Currency ?? group.Currency ?? "USD";
        if (!Iso4217.IsActive(currency))
        {
            context.Report(Problem.Warning(ProblemCodes.CurrencyUnknown, $"account {account.Number} is in '{currency}', which is no active ISO 4217 currency: its amounts are read with 2 decimals", context.At(account.Line), "currency code", currency));
        }

        var decimals = Iso4217.MinorUnits(currency);
        foreach (var detail in account.Details)
        {
            var code = int.Parse(detail.TypeCode, NumberStyles.None, CultureInfo.InvariantCulture);
            var direction = Bai2TypeCodes.Direction(code);
            if (direction is null)
            {
                context.Report(Problem.Warning(ProblemCodes.BankNotATransaction, $"the 16 detail with type code {detail.TypeCode} is no credit (100-399) or debit (400-699): it is not read as a payment", context.At(detail.Line), "type code", detail.TypeCode));
                continue;
            }

            if (detail.Amount == 0)
            {
                context.Report(Problem.Warning(ProblemCodes.BankNotATransaction, $"the 16 detail with type code {detail.TypeCode} has no amount: it is not read as a payment", context.At(detail.Line), "amount", "0"));
                continue;
            }

            var remittance = new Remittance
            {
                EntityCode = entityCode,
                PaymentNumber = detail.CustomerReference,
                Method = Bai2TypeCodes.Method(code),
                Direction = direction.Value,
                BookingDate = group.AsOfDate,
                ValueDate = detail.ValueDate,
                Amount = BankFields.Scale(detail.Amount, decimals),
                Currency = currency,
                ReceivingAccount = account.Number,
                BankReference = detail.BankReference,
                BankTransactionCode = detail.TypeCode,
                FreeText = detail.Text,
                Source = context.At(detail.Line),
            };
            into.Add(new MappedRemittance(remittance, []));
        }
    }
}
