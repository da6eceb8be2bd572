using System.Globalization;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Ocr.Scans;

/// <summary>
/// One field of a scanned payment as an operator sees it: the name to correct it by, the value taken, the text it was
/// read from, the confidence, the page and region of the image, and the competing readings.
/// </summary>
internal sealed record ScanFieldView(string Field, string? Value, string Text, double Confidence, PageRef? Page, OcrBox Region, IReadOnlyList<string> Readings);

/// <summary>The fields of a scanned payment's readings, cheque first, then the stub's header, rows and total line.</summary>
internal static class ScanFields
{
    public static IReadOnlyList<ScanFieldView> List(ScannedReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var fields = new List<ScanFieldView>();
        var chequePage = readings.ChequePage;
        var stubPage = readings.StubPages.FirstOrDefault();
        if (readings.Cheque is { } c)
        {
            Add(fields, "Number", c.Number, chequePage);
            Add(fields, "Date", c.Date, chequePage);
            Add(fields, "AmountInFigures", c.AmountInFigures, chequePage);
            Add(fields, "AmountInWords", c.AmountInWords, chequePage);
            Add(fields, "Payer", c.Payer, chequePage);
            Add(fields, "Payee", c.Payee, chequePage);
            Add(fields, "Memo", c.Memo, chequePage);
            if (c.Micr is { } micr)
            {
                fields.Add(new ScanFieldView("Micr", string.Join(' ', new[] { micr.ChequeNumber, micr.Routing, micr.Account }.Where(p => p is not null)), micr.Raw, micr.Confidence, chequePage, micr.Region, []));
            }
        }

        if (readings.Capture is { } capture)
        {
            fields.Add(new ScanFieldView("BankCapture", Show(capture.Amount), $"{capture.Item}: MICR {capture.SerialNumber} {capture.Routing} {capture.Account}", 100, chequePage, default, []));
        }

        if (readings.Stub is { } s)
        {
            Add(fields, "ChequeNumber", s.ChequeNumber, stubPage);
            Add(fields, "Stub Date", s.Date, stubPage);
            Add(fields, "Stub Payer", s.Payer, stubPage);
            Add(fields, "Stub Payee", s.Payee, stubPage);
            foreach (var row in s.Rows)
            {
                Row(fields, string.Create(CultureInfo.InvariantCulture, $"Row {row.Index}"), row, stubPage);
            }

            if (s.Total is { } total)
            {
                Row(fields, "Total", total, stubPage);
            }
        }

        return fields;
    }

    private static void Row(List<ScanFieldView> fields, string name, StubRow row, PageRef? page)
    {
        Add(fields, name + " Invoice", row.Invoice, page);
        Add(fields, name + " Date", row.Date, page);
        Add(fields, name + " Amount", row.Amount, page);
        Add(fields, name + " Discount", row.Discount, page);
        Add(fields, name + " Net", row.Net, page);
        foreach (var cell in row.Unreadable)
        {
            fields.Add(new ScanFieldView($"{name} {cell.Column}", null, cell.Text, cell.Confidence, page, cell.Region, []));
        }
    }

    private static void Add<T>(List<ScanFieldView> fields, string name, OcrField<T>? field, PageRef? page)
    {
        if (field is not null)
        {
            fields.Add(new ScanFieldView(name, Show(field.Value), field.Text, field.Confidence, page, field.Region, [.. field.Alternatives.Select(a => Show(a))]));
        }
    }

    internal static string Show<T>(T value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString("0.00", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
