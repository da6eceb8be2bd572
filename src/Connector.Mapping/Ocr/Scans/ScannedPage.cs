namespace Connector.Mapping.Ocr.Scans;

/// <summary>
/// What the bank captured of a cheque in an X9.37 image cash letter, trusted over what OCR reads from its image: the
/// MICR line read magnetically (serial number, routing with its check digit, account) and the item amount.
/// </summary>
internal sealed record BankCapture(string Item, decimal Amount, string? SerialNumber, string? Routing, string? Account, bool? RoutingValid, DateOnly? Date);

/// <summary>One scanned page as OCR read it: the document it came from, its page number (1-based) and, for a cheque of
/// an X9.37 file, what the bank captured.</summary>
internal sealed record ScannedPage(string Document, int Page, OcrPage Ocr)
{
    public BankCapture? Capture { get; init; }

    /// <summary>How the page is named to an operator: the file, and the page when the file has several.</summary>
    public string Label(bool severalPages)
        => severalPages ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Document} page {Page}") : Document;
}
