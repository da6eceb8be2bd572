using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Scans;

/// <summary>
/// A cheque of an X9.37 image cash letter: what the bank captured (the MICR line read magnetically, the item amount,
/// the business date) is trusted over what OCR reads from the image, which is often a 200 dpi bitonal picture. Where
/// the image reads otherwise, a warning says what it reads; the payer is known by its MICR account even when its name
/// cannot be read.
/// </summary>
internal static class CapturedCheque
{
    private const string Bank = "bank capture";

    public static (ChequeReading Cheque, IReadOnlyList<OcrCheck> Notes) Merge(ChequeReading cheque, BankCapture capture)
    {
        var notes = new List<OcrCheck>();
        var doc = cheque.Document;
        var number = cheque.Number;
        if (capture.SerialNumber is { Length: > 0 } serial)
        {
            if (number is not null && number.Value.TrimStart('0') != serial.TrimStart('0'))
            {
                notes.Add(Note(doc, "Number", $"the image reads cheque number {number.Value}, the bank's MICR serial is {serial}: the MICR serial is used", number.Region, [serial, number.Value]));
            }

            number = Trusted(serial, number?.Region ?? default);
        }

        var amount = Trusted(capture.Amount, cheque.AmountInFigures?.Region ?? default);
        if (cheque.AmountInFigures is { } figures && figures.Value != capture.Amount)
        {
            notes.Add(Note(doc, "AmountInFigures", $"the image reads {ChequeTrust.Money(figures.Value)} in figures, the bank captured {ChequeTrust.Money(capture.Amount)}: the captured amount is used", figures.Region, [ChequeTrust.Money(capture.Amount), ChequeTrust.Money(figures.Value)]));
        }

        if (cheque.AmountInWords is { } words && words.Value != capture.Amount)
        {
            notes.Add(Note(doc, "AmountInWords", $"the image reads {ChequeTrust.Money(words.Value)} in words ('{words.Text}'), the bank captured {ChequeTrust.Money(capture.Amount)}: the captured amount is used", words.Region, [ChequeTrust.Money(capture.Amount), ChequeTrust.Money(words.Value)]));
        }

        var micr = new MicrLine(
            string.Join(' ', new[] { capture.SerialNumber, capture.Routing, capture.Account }.Where(p => !string.IsNullOrEmpty(p))),
            cheque.Micr?.Region ?? default,
            100,
            capture.SerialNumber,
            capture.Routing,
            capture.Account,
            capture.RoutingValid);
        var merged = cheque with
        {
            Number = number,
            AmountInFigures = amount,
            AmountInWords = Trusted(capture.Amount, cheque.AmountInWords?.Region ?? default),
            Date = cheque.Date ?? (capture.Date is { } date ? Trusted(date, default) : null),
            Micr = micr,
        };
        return (merged, notes);
    }

    /// <summary>The checks of a captured cheque: a payer whose name the image does not give is known by its MICR account.</summary>
    public static IReadOnlyList<OcrCheck> Relax(IReadOnlyList<OcrCheck> checks, BankCapture capture)
        => capture.Account is not { Length: > 0 }
            ? checks
            : [.. checks.Select(c => c.Field == "Payer" && c.Severity == ProblemSeverity.Error
                ? c with { Severity = ProblemSeverity.Warning, Message = c.Message + $"; the payer is known by the MICR account {capture.Account}" }
                : c)];

    private static OcrField<T> Trusted<T>(T value, OcrBox region)
        => new(value, Bank, 100, region, []);

    private static OcrCheck Note(string document, string field, string message, OcrBox region, IReadOnlyList<string> readings)
        => new(ProblemSeverity.Warning, OcrCodes.Ambiguous, document, field, message, region, readings);
}
