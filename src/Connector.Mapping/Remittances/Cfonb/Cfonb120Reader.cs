using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Cfonb;

/// <summary>
/// Reads a French CFONB 120 account statement ("relevé de compte", 120-character records 01 / 04 / 05 / 07): one
/// <see cref="Remittance"/> per 04 operation (credits and debits), with its 05 complements. A statement whose previous
/// balance plus its operations is not its new balance, a record that cannot be read or a record out of order refuses
/// the file whole. CFONB 240 (transfer and direct-debit remittances, 240-character records) is another format and is
/// refused as such.
/// </summary>
internal static class Cfonb120Reader
{
    /// <summary>A CFONB 120 file begins with a 01 record: "01", a five-digit bank code, records of 120 characters.</summary>
    public static bool Sniff(ReadOnlySpan<byte> head)
    {
        var line = BankTextFile.FirstLine(BankTextFile.Head(head), out _);
        if (line.Length < 7 || !line.StartsWith("01"u8) || line[2..7].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        return line.Length <= CfonbLine.Length || (line.Length >= CfonbLine.Length + 2 && line[CfonbLine.Length] == (byte)'0' && line[CfonbLine.Length + 1] is (byte)'1' or (byte)'4' or (byte)'5' or (byte)'7');
    }

    public static IReadOnlyList<MappedRemittance> Read(Stream stream, string entityCode, DocumentReadContext context)
    {
        var statements = Parse(stream, context);
        if (statements is null)
        {
            return [];
        }

        var remittances = new List<MappedRemittance>();
        foreach (var operation in statements.SelectMany(s => s.Operations))
        {
            if (operation.Amount == 0)
            {
                context.Report(Problem.Warning(ProblemCodes.BankNotATransaction, "the operation's amount is zero: it is not read as a payment", context.At(operation.Line), "amount", "0"));
                continue;
            }

            remittances.Add(new MappedRemittance(CfonbMapping.Map(operation, entityCode, context), []));
        }

        context.RowsRead += remittances.Count;
        return remittances;
    }

    /// <summary>The statements of the file, balances checked; null when the file fails.</summary>
    public static IReadOnlyList<CfonbStatement>? Parse(Stream stream, DocumentReadContext context)
    {
        var lines = BankTextFile.ReadLines(stream, context);
        var records = lines is null ? null : CfonbParser.Records(lines, context);
        if (records is null)
        {
            return null;
        }

        var statements = new CfonbParser(context).Run(records);
        return context.Failed ? null : statements;
    }
}
