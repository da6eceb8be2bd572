using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Lockbox;

/// <summary>
/// Reads a BAI lockbox file (fixed-width records 1 immediate address header, 2 service, 5 lockbox header, 6 detail =
/// one cheque, 4 overflow of the cheque before it, 7 batch total, 8 service total, 9 destination trailer; the
/// FundersClub bai-lockbox layout, 6 records up to 102 columns). One <see cref="Remittance"/> per cheque. The batch
/// totals (count and amount), the service totals and the record count are checked; a mismatch, a record out of
/// order or an unreadable field refuses the file whole. Banks that keep the record types but move the columns
/// (80-column layouts) need their own layout: such a file is refused on its first field that does not fit.
/// </summary>
internal static class LockboxReader
{
    /// <summary>A lockbox file begins with a 1 immediate address header: '1', a two-digit priority, no comma.</summary>
    public static bool Sniff(ReadOnlySpan<byte> head)
    {
        var line = BankTextFile.FirstLine(BankTextFile.Head(head), out var complete);
        return line.Length >= 33 && line.Length <= LockboxLine.MaxLength && line[0] == (byte)'1'
            && char.IsAsciiDigit((char)line[1]) && char.IsAsciiDigit((char)line[2]) && !line.Contains((byte)',')
            && (!complete || NextLineStartsWith(head, (byte)'2'));
    }

    public static IReadOnlyList<MappedRemittance> Read(Stream stream, string entityCode, DocumentReadContext context)
    {
        var deposits = Parse(stream, context);
        if (deposits is null)
        {
            return [];
        }

        var remittances = new List<MappedRemittance>();
        foreach (var deposit in deposits)
        {
            remittances.AddRange(deposit.Cheques.Select(c => LockboxMapping.Map(c, deposit, entityCode, context)));
        }

        context.RowsRead += remittances.Count;
        return remittances;
    }

    /// <summary>The lockboxes of the file, totals checked; null when the file fails.</summary>
    public static IReadOnlyList<LockboxDeposit>? Parse(Stream stream, DocumentReadContext context)
    {
        var text = BankTextFile.ReadLines(stream, context);
        if (text is null)
        {
            return null;
        }

        var lines = new List<LockboxLine>();
        for (var i = 0; i < text.Count; i++)
        {
            var line = text[i].TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length > LockboxLine.MaxLength)
            {
                context.Fail(Problem.Error(ProblemCodes.BankMalformed, $"the record is {BankFields.Digits(line.Length)} characters long; a BAI lockbox record has at most {BankFields.Digits(LockboxLine.MaxLength)}", context.At(i + 1)));
                return null;
            }

            lines.Add(new LockboxLine(line, i + 1, context));
        }

        if (lines.Count == 0 || lines[0].Type != '1')
        {
            context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, "not a BAI lockbox file: it does not begin with a 1 immediate address header record", context.At(lines.Count == 0 ? null : lines[0].Number)));
            return null;
        }

        var deposits = new LockboxParser(context).Run(lines);
        return context.Failed ? null : deposits;
    }

    private static bool NextLineStartsWith(ReadOnlySpan<byte> head, byte type)
    {
        var start = BankTextFile.Head(head);
        var end = start.IndexOfAny((byte)'\r', (byte)'\n');
        var rest = BankTextFile.Head(start[end..]);
        return rest.IsEmpty || rest[0] == type;
    }
}
