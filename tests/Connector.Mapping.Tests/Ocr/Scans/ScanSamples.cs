using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Scans;

namespace Connector.Mapping.Tests.Ocr.Scans;

/// <summary>Cheque and stub pages laid out like printed ones (no OCR): a payer paying two invoices by cheque.</summary>
internal static class ScanSamples
{
    public static ChequeText Cheque(string number = "004911", string figures = "$**1,716.01", string words = "One thousand seven hundred sixteen and 01/100") => new(
        "OHIO VALLEY PLASTICS CORP.", "3400 Spring Grove Ave", "Cincinnati, OH 45225", number, "2026-11-13", "Acme Industrial Supply Inc.",
        figures, words + " ********", "INV-104231, INV-104251", $"⑈{number}⑈ ⑆042105730⑆ 7301184452⑈");

    public static StubText Stub(string number = "004911", string total = "1,716.01", string secondNet = "1,308.46") => new(
        "REMITTANCE ADVICE", "OHIO VALLEY PLASTICS CORP.", $"Cheque No. {number}", "Date: 2026-11-13", "Paid to: Acme Industrial Supply Inc.",
        ["Invoice No", "Invoice Date", "Amount", "Discount", "Net Paid"],
        [new StubRowText("INV-104231", "2026-11-02", "407.55", "0.00", "407.55"), new StubRowText("INV-104251", "2026-11-04", "1,308.46", "0.00", secondNet)],
        new StubRowText("TOTAL", string.Empty, total, "0.00", total),
        "Please detach this stub before depositing the cheque.");

    public static ScannedPage Page(string document, int page, OcrPage ocr) => new(document, page, ocr);
}
