using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Trusts what OCR read only when the arithmetic agrees: amount - discount = net on each stub row, the rows add up to
/// the total line, the cheque's amount is the stub's total, the figures are the words; and no field read below the
/// confidence floor or with competing readings. Each failure names the field, its region and the readings.
/// </summary>
internal static class ChequeTrust
{
    public static IReadOnlyList<OcrCheck> Check(ChequeReading? cheque, StubReading? stub, ChequeTrustOptions? options = null)
    {
        options ??= ChequeTrustOptions.Default;
        cheque = cheque is null ? null : Resolve(cheque, stub);
        var checks = new List<OcrCheck>();
        if (cheque is not null)
        {
            CheckCheque(cheque, stub, options, checks);
        }

        if (stub is not null)
        {
            StubTrust.Check(stub, cheque, options, checks);
        }

        if (cheque is not null && stub is not null)
        {
            var stubTotal = stub.Total?.Net;
            var stubNet = stubTotal?.Value ?? stub.Rows.Sum(r => r.Net?.Value ?? 0);
            if (cheque.AmountInFigures is { } figures && figures.Value != stubNet)
            {
                checks.Add(Error(OcrCodes.ChequeStub, cheque.Document, "Amount",
                    $"the cheque's amount {Money(figures.Value)} is not the stub's total paid {Money(stubNet)}",
                    figures.Region, [Money(figures.Value), Money(stubNet)]));
            }

            if (cheque.Number is { } number && stub.ChequeNumber is { } stubNumber && number.Value != stubNumber.Value)
            {
                checks.Add(Error(OcrCodes.ChequeStub, cheque.Document, "Number",
                    $"the cheque's number {number.Value} is not the stub's {stubNumber.Value}", number.Region, [number.Value, stubNumber.Value]));
            }
        }

        return checks;
    }

    /// <summary>
    /// The cheque with what its stub settles: a date that reads both ways (03/04/2026) is the stub's date when that is
    /// one of its readings and reads one way only.
    /// </summary>
    public static ChequeReading Resolve(ChequeReading cheque, StubReading? stub)
    {
        if (cheque.Date is { IsAmbiguous: true } date && stub?.Date is { IsAmbiguous: false } stubDate
            && (date.Value == stubDate.Value || date.Alternatives.Contains(stubDate.Value)))
        {
            return cheque with { Date = date with { Value = stubDate.Value, Alternatives = [] } };
        }

        return cheque;
    }

    private static void CheckCheque(ChequeReading cheque, StubReading? stub, ChequeTrustOptions options, List<OcrCheck> checks)
    {
        var doc = cheque.Document;
        var confirm = new Corroboration(cheque, stub);
        Required(cheque.Number, doc, "Number", options, checks, confirmedBy: confirm.ChequeNumber());
        Required(cheque.Date, doc, "Date", options, checks, confirmedBy: confirm.Date());
        Required(cheque.AmountInFigures, doc, "AmountInFigures", options, checks, confirmedBy: confirm.Figures());
        Required(cheque.AmountInWords, doc, "AmountInWords", options, checks, confirmedBy: confirm.Words());
        Required(cheque.Payer, doc, "Payer", options, checks, confirmedBy: confirm.Payer());
        Optional(cheque.Payee, doc, "Payee", options, checks, confirmedBy: confirm.Payee());
        Optional(cheque.Memo, doc, "Memo", options, checks);
        if (cheque.AmountInFigures is { } figures && cheque.AmountInWords is { } words && figures.Value != words.Value)
        {
            checks.Add(Error(OcrCodes.WordsFigures, doc, "AmountInWords",
                $"the amount in figures {Money(figures.Value)} is not the amount in words {Money(words.Value)} ('{words.Text}')",
                OcrText.Union(figures.Region, words.Region), [Money(figures.Value), Money(words.Value)]));
        }

        if (cheque.Micr is { } micr)
        {
            if (micr.RoutingCheckDigitValid == false)
            {
                checks.Add(new OcrCheck(ProblemSeverity.Warning, OcrCodes.MicrCheckDigit, doc, "Micr.Routing",
                    $"the MICR routing number {micr.Routing} fails its 3-7-1 check digit (a hint only)", micr.Region, [micr.Raw]));
            }

            if (micr.ChequeNumber is { } micrNumber && cheque.Number is { } number && micrNumber.TrimStart('0') != number.Value.TrimStart('0'))
            {
                checks.Add(new OcrCheck(ProblemSeverity.Warning, OcrCodes.Ambiguous, doc, "Number",
                    $"the cheque number {number.Value} is not the MICR line's {micrNumber}", number.Region, [number.Value, micrNumber]));
            }
        }
    }

    internal static void Required<T>(OcrField<T>? field, string document, string name, ChequeTrustOptions options, List<OcrCheck> checks, int? row = null, OcrBox region = default, string? confirmedBy = null)
    {
        if (field is null)
        {
            checks.Add(Error(OcrCodes.Missing, document, name, $"{name} was not found on the page", region, [], row));
            return;
        }

        Optional(field, document, name, options, checks, row, confirmedBy);
    }

    /// <summary>
    /// A field's confidence and ambiguity. A field read below the floor is an error, unless another reading confirms
    /// it (<paramref name="confirmedBy"/> says which: the words for the figures, the arithmetic for a stub's amounts,
    /// the stub for the cheque's number): then it is a warning, still shown with its region.
    /// </summary>
    internal static void Optional<T>(OcrField<T>? field, string document, string name, ChequeTrustOptions options, List<OcrCheck> checks, int? row = null, string? confirmedBy = null)
    {
        if (field is null)
        {
            return;
        }

        if (field.Confidence < options.ConfidenceFloor)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"{name} '{field.Text}' was read with confidence {field.Confidence:0} (floor {options.ConfidenceFloor:0})");
            checks.Add(confirmedBy is null
                ? Error(OcrCodes.LowConfidence, document, name, message, field.Region, [field.Text], row)
                : new OcrCheck(ProblemSeverity.Warning, OcrCodes.LowConfidence, document, name, message + "; " + confirmedBy, field.Region, [field.Text], row));
        }

        if (field.IsAmbiguous)
        {
            checks.Add(Error(OcrCodes.Ambiguous, document, name, $"{name} '{field.Text}' reads more than one way", field.Region,
                [Show(field.Value), .. field.Alternatives.Select(a => Show(a))], row));
        }
    }

    internal static OcrCheck Error(string code, string document, string field, string message, OcrBox region, IReadOnlyList<string> readings, int? row = null)
        => new(ProblemSeverity.Error, code, document, field, message, region, readings, row);

    internal static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Show<T>(T value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal amount => Money(amount),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
