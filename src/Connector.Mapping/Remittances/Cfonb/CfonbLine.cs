using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Validation;

namespace Connector.Mapping.Remittances.Cfonb;

/// <summary>
/// One 120-character CFONB record, padded with blanks when a mailer trimmed its trailing spaces. Columns are 1-based
/// and inclusive as the CFONB specification numbers them. Common prefix: code 1-2, bank 3-7, internal code 8-11, desk
/// 12-16, currency 17-19, number of decimals 20, account 22-32; amounts in 91-104.
/// </summary>
internal sealed class CfonbLine(string text, int number, DocumentReadContext context)
{
    public const int Length = 120;

    private readonly string _text = text.PadRight(Length);

    public int Number { get; } = number;

    public string Code => _text[..2];

    public string Account => Col(22, 32).Trim();

    public string Currency => Col(17, 19).Trim() is { Length: > 0 } c ? c.ToUpperInvariant() : "EUR";

    public string Col(int from, int to) => _text[(from - 1)..to];

    /// <summary>
    /// The amount of columns 91-104: 13 digits and a last character that is both the last digit and the sign
    /// (<c>{ A-I</c> = +0..+9, <c>} J-R</c> = -0..-9), divided by 10^(number of decimals of column 20; when blank, the
    /// currency's). Null after failing the document when it is not such an amount.
    /// </summary>
    public decimal? Amount()
    {
        var field = Col(91, 104);
        var digits = field[..13];
        var (last, negative) = Overpunch(field[13]);
        var decimalsText = Col(20, 20);
        int decimals;
        if (decimalsText == " ")
        {
            decimals = Iso4217.MinorUnits(Currency);
        }
        else if (char.IsAsciiDigit(decimalsText[0]))
        {
            decimals = decimalsText[0] - '0';
        }
        else
        {
            Fail($"the number of decimals (column 20) is '{decimalsText}', not a digit", "number of decimals", decimalsText);
            return null;
        }

        if (!BankFields.AllDigits(digits) || last < 0)
        {
            Fail($"the amount (columns 91-104) is '{field}': not 13 digits and a sign character ({{ A-I positive, }} J-R negative)", "amount", field);
            return null;
        }

        var value = BankFields.Scale(decimal.Parse(digits + (char)('0' + last), System.Globalization.CultureInfo.InvariantCulture), decimals);
        return negative ? -value : value;
    }

    /// <summary>A DDMMYY date; null when blank or not a date.</summary>
    public DateOnly? Date(int from, int to) => BankFields.DdMmYy(Col(from, to));

    public void Fail(string message, string field, string? value = null, string code = ProblemCodes.BankMalformed)
        => context.Fail(Problem.Error(code, $"record {Code}: {message}", context.At(Number), field, value));

    private static (int Digit, bool Negative) Overpunch(char c) => c switch
    {
        '{' => (0, false),
        >= 'A' and <= 'I' => (c - 'A' + 1, false),
        '}' => (0, true),
        >= 'J' and <= 'R' => (c - 'J' + 1, true),
        _ => (-1, false),
    };
}
