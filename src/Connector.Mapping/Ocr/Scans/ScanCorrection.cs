using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Ocr.Scans;

/// <summary>
/// An operator's correction of one field of a scanned cheque or stub, by the field's name as the failed check gives it
/// (Number, Date, AmountInFigures, AmountInWords, Payer, Payee, Memo; ChequeNumber, Stub Date, Stub Payer, Row 3 Net,
/// Row 3 Amount, Row 3 Discount, Row 3 Invoice, Row 3 Date, Total Amount, Total Discount, Total Net). The corrected
/// field reads with full confidence and no competing readings, keeps its region, and says who corrected it.
/// Amounts are written 1234.56, dates yyyy-MM-dd.
/// </summary>
internal static partial class ScanCorrection
{
    public static bool TryApply(ScannedReadings readings, string field, string value, string actor, out ScannedReadings corrected, out string error)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        corrected = readings;
        error = string.Empty;
        var name = Regex.Replace(field.Trim(), "\\s+", " ");
        try
        {
            corrected = Apply(readings, name, value, $"corrected by {actor}: {value.Trim()}");
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }

        corrected = corrected with { Corrections = [.. readings.Corrections, new ScanFieldCorrection(name, value.Trim(), actor)] };
        return true;
    }

    private static ScannedReadings Apply(ScannedReadings readings, string name, string value, string text)
    {
        var cheque = readings.Cheque;
        var stub = readings.Stub;
        if (RowField().Match(name) is { Success: true } row)
        {
            var index = int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            var target = stub?.Rows.FirstOrDefault(r => r.Index == index) ?? throw new FormatException($"the stub has no row {index}");
            var fixedRow = Cell(target, row.Groups[2].Value, value, text);
            return readings with { Stub = stub with { Rows = [.. stub.Rows.Select(r => r.Index == index ? fixedRow : r)] } };
        }

        if (TotalField().Match(name) is { Success: true } total)
        {
            var line = NeedStub(stub).Total ?? new StubRow(0, null, null, null, null, null, default);
            return readings with { Stub = stub! with { Total = Cell(line, total.Groups[1].Value, value, text) } };
        }

        return name.ToUpperInvariant() switch
        {
            "NUMBER" => readings with { Cheque = Need(cheque) with { Number = Field(cheque!.Number, Code(value), text) } },
            "DATE" when cheque is not null => readings with { Cheque = cheque with { Date = Field(cheque.Date, Date(value), text) } },
            "AMOUNT" or "AMOUNTINFIGURES" => readings with { Cheque = Need(cheque) with { AmountInFigures = Field(cheque!.AmountInFigures, Money(value), text) } },
            "AMOUNTINWORDS" => readings with { Cheque = Need(cheque) with { AmountInWords = Field(cheque!.AmountInWords, Money(value), text) } },
            "PAYER" when cheque is not null => readings with { Cheque = cheque with { Payer = Field(cheque.Payer, Name(value), text) } },
            "PAYEE" => readings with { Cheque = Need(cheque) with { Payee = Field(cheque!.Payee, Name(value), text) } },
            "MEMO" => readings with { Cheque = Need(cheque) with { Memo = Field(cheque!.Memo, Name(value), text) } },
            "CHEQUENUMBER" => readings with { Stub = NeedStub(stub) with { ChequeNumber = Field(stub!.ChequeNumber, Code(value), text) } },
            "STUB DATE" or "DATE" => readings with { Stub = NeedStub(stub) with { Date = Field(stub!.Date, Date(value), text) } },
            "STUB PAYER" or "PAYER" => readings with { Stub = NeedStub(stub) with { Payer = Field(stub!.Payer, Name(value), text) } },
            _ => throw new FormatException($"'{name}' is not a field of a cheque or stub (Number, Date, AmountInFigures, AmountInWords, Payer, Payee, Memo, ChequeNumber, Stub Date, Stub Payer, Row N Invoice|Date|Amount|Discount|Net, Total Amount|Discount|Net)"),
        };
    }

    private static StubRow Cell(StubRow row, string column, string value, string text) => column.ToUpperInvariant() switch
    {
        "INVOICE" => row with { Invoice = Field(row.Invoice, Code(value), text), Unreadable = Without(row, StubColumn.Invoice) },
        "DATE" => row with { Date = Field(row.Date, Date(value), text), Unreadable = Without(row, StubColumn.Date) },
        "AMOUNT" => row with { Amount = Field(row.Amount, Money(value), text), Unreadable = Without(row, StubColumn.Amount) },
        "DISCOUNT" => row with { Discount = Field(row.Discount, Money(value), text), Unreadable = Without(row, StubColumn.Discount) },
        _ => row with { Net = Field(row.Net, Money(value), text), Unreadable = Without(row, StubColumn.Net) },
    };

    private static IReadOnlyList<UnreadableCell> Without(StubRow row, StubColumn column) => [.. row.Unreadable.Where(u => u.Column != column)];

    private static OcrField<T> Field<T>(OcrField<T>? old, T value, string text)
        => new(value, text, 100, old?.Region ?? default, []);

    private static ChequeReading Need(ChequeReading? cheque) => cheque ?? throw new FormatException("there is no cheque, only a stub");

    private static StubReading NeedStub(StubReading? stub) => stub ?? throw new FormatException("there is no stub, only a cheque");

    private static decimal Money(string value)
    {
        var text = value.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal))
        {
            throw new FormatException($"'{value}': write the amount with a decimal point, e.g. 1234.56");
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && decimal.Round(amount, 2) == amount
            ? amount
            : throw new FormatException($"'{value}' is not an amount such as 1234.56");
    }

    private static DateOnly Date(string value)
        => DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{value}' is not a date written yyyy-MM-dd");

    private static string Code(string value)
        => value.Trim() is { Length: > 0 and <= 60 } code && !code.Any(char.IsWhiteSpace) ? code : throw new FormatException($"'{value}' is not a number or reference (no spaces, 60 characters at most)");

    private static string Name(string value)
        => value.Trim() is { Length: > 0 and <= 240 } name ? name : throw new FormatException("a name of 1 to 240 characters is needed");

    [GeneratedRegex("^row (\\d{1,4}) (invoice|date|amount|discount|net)$", RegexOptions.IgnoreCase)]
    private static partial Regex RowField();

    [GeneratedRegex("^total (amount|discount|net)$", RegexOptions.IgnoreCase)]
    private static partial Regex TotalField();
}
