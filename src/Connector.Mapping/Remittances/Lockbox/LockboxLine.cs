using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Lockbox;

/// <summary>
/// One fixed-width BAI lockbox record (type = first character). Columns are 0-based [start, end) as in the
/// FundersClub layout; a record shorter than a field is read padded with blanks. A numeric field that is not all
/// digits fails the document naming the line and the field.
/// </summary>
internal sealed class LockboxLine(string text, int number, DocumentReadContext context)
{
    /// <summary>The longest record of the layout (a 6 detail ends with the payee name at column 102).</summary>
    public const int MaxLength = 104;

    public int Number { get; } = number;

    public char Type { get; } = text[0];

    public string Text(int start, int end) => (text.Length >= end ? text[start..end] : text.PadRight(end)[start..end]).Trim();

    /// <summary>The digits of a numeric field as written (leading zeros kept), or null after failing the document.</summary>
    public string? Digits(int start, int end, string field)
    {
        var value = Text(start, end);
        if (BankFields.AllDigits(value) && value.Length == end - start)
        {
            return value;
        }

        context.Fail(Problem.Error(ProblemCodes.BankMalformed, $"record {Type}: the {field} (columns {start + 1}-{end}) is '{value}', not {end - start} digits", context.At(Number, $"{start + 1}-{end}"), field, value));
        return null;
    }

    public long? Value(int start, int end, string field) => Digits(start, end, field) is { } digits ? BankFields.Unsigned(digits) : null;
}
