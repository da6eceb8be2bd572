using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Remittances;

namespace Connector.Mapping.Ocr.Scans;

/// <summary>A page of a scanned file: the file's name as received and the page number (1-based).</summary>
internal sealed record PageRef(string Document, int Page)
{
    /// <summary>The degrees the stored page was turned clockwise to be read (<see cref="OcrPage.Rotation"/>): its regions are those of the turned page.</summary>
    public int Rotation { get; init; }

    public static PageRef Of(ScannedPage page) => new(page.Document, page.Page) { Rotation = page.Ocr.Rotation };
}

/// <summary>An operator's correction of one field: the field, the value written, who.</summary>
internal sealed record ScanFieldCorrection(string Field, string Value, string Actor);

/// <summary>
/// What was read of one payment in scanned pages, kept with the payment so that an operator can correct one field and
/// the checks run again: a cheque with its stub (either may be missing), what the bank captured of the cheque (X9.37),
/// the pages they were read from, and the corrections made so far.
/// </summary>
internal sealed record ScannedReadings(ChequeReading? Cheque, StubReading? Stub, BankCapture? Capture, PageRef? ChequePage, IReadOnlyList<PageRef> StubPages)
{
    public IReadOnlyList<ScanFieldCorrection> Corrections { get; init; } = [];

    /// <summary>The file the payment is stored under: its cheque's, else its first stub's.</summary>
    public string Document => ChequePage?.Document ?? StubPages[0].Document;

    /// <summary>The page a field was read from: a stub's field (ChequeNumber, Stub ..., Row ..., Total ...) on the stub's first page, else the cheque's.</summary>
    public PageRef? PageOf(string field)
    {
        var stubField = field.StartsWith("Row ", StringComparison.OrdinalIgnoreCase) || field.StartsWith("Total", StringComparison.OrdinalIgnoreCase)
            || field.StartsWith("Stub", StringComparison.OrdinalIgnoreCase) || field.Equals("ChequeNumber", StringComparison.OrdinalIgnoreCase)
            || field.Equals("Rows", StringComparison.OrdinalIgnoreCase);
        return stubField || ChequePage is null ? StubPages.FirstOrDefault() ?? ChequePage : ChequePage;
    }
}

/// <summary>
/// One payment found in scanned pages: its readings, every trust check that failed, and the canonical remittance for
/// cash application (an advice only when there is a stub without its cheque).
/// </summary>
internal sealed record ScannedPayment(ScannedReadings Readings, IReadOnlyList<OcrCheck> Checks, MappedRemittance Mapped)
{
    public string Document => Readings.Document;

    /// <summary>Whether the payment may go to cash application by itself: no failed check is an error.</summary>
    public bool IsClean => ChequeRemittance.IsClean(Mapped);

    /// <summary>The payment its readings make: the bank's capture merged in, the checks run, the remittance built.</summary>
    public static ScannedPayment From(ScannedReadings readings, ChequeTrustOptions trust, IReadOnlyList<string>? payeeNames = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var capture = readings.Capture;
        var cheque = readings.Cheque;
        var notes = (IReadOnlyList<OcrCheck>)[];
        if (cheque is not null && capture is not null)
        {
            (cheque, notes) = CapturedCheque.Merge(cheque, capture);
        }

        var checks = ChequeTrust.Check(cheque, readings.Stub, trust);
        if (capture is not null)
        {
            checks = [.. CapturedCheque.Relax(checks, capture), .. notes];
        }

        checks = PayeeCheck.Apply(checks, cheque, payeeNames ?? []);
        var remittance = ChequeRemittance.Build(cheque, readings.Stub, trust).Remittance;
        if (capture is not null)
        {
            remittance = remittance with { Payer = remittance.Payer with { BankId = capture.Routing, BankAccount = capture.Account } };
        }

        if (cheque is null)
        {
            remittance = remittance with { AdviceOnly = true };
        }

        if (readings.Corrections.Count > 0)
        {
            var said = string.Join("; ", readings.Corrections.Select(c => $"{c.Field} corrected to {c.Value} by {c.Actor}"));
            remittance = remittance with { FreeText = string.Join(" | ", new[] { remittance.FreeText, said }.Where(t => !string.IsNullOrWhiteSpace(t))) };
        }

        return new ScannedPayment(readings, checks, new MappedRemittance(remittance, [.. checks.Select(c => c.ToProblem())]));
    }
}
