using Connector.Adapters.Sources.X937;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Ocr;

/// <summary>
/// The real cheque of the moov X9.37 sample (handwritten: payee "Sam Harvey", $100.00, number 1211, routing 122000661),
/// its front image (CCITT G4 TIFF, 200 dpi) through the engine and the cheque reader, cross-checked with the record.
/// At 200 dpi the stock model reads the printed number; the handwriting (payee "San Hever", the words "One Trend Boa",
/// the figures "s 100%") and the MICR line ("WLe22OOORG") it does not: those must come out missing or flagged, never as
/// a confident wrong value.
/// </summary>
public sealed class X937ChequeOcrTests(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    [TesseractCorpusFact]
    public void Read_MoovFrontImage_NumberMatchesTheRecordAndNothingUnreadableIsTrusted()
    {
        var file = File.ReadAllBytes(Path.Combine(Tesseract.Cheques!, "x937-check-images-moov", "test", "testdata", "valid-ascii.x937"));
        var check = X937Reader.Read(file, "valid-ascii.x937").Checks.Single();
        var page = fixture.Engine.Read(check.Front!.Data, "eng");

        var cheque = ChequeReader.Read(page, "US01", "valid-ascii.x937#1", new OcrReaderOptions(Currency: "USD"));
        var checks = ChequeTrust.Check(cheque, null);

        page.Dpi.ShouldBe(200);
        cheque.Number!.Value.ShouldBe(check.Micr.SerialNumber);
        cheque.Number.Confidence.ShouldBeGreaterThan(60);
        check.Amount.ShouldBe(100.00m);
        (cheque.AmountInFigures?.Value ?? check.Amount).ShouldBe(check.Amount, "a figure read must be the record's amount");
        (cheque.AmountInWords?.Value ?? check.Amount).ShouldBe(check.Amount, "words read must be the record's amount");
        if (cheque.Micr?.Routing is { } routing && routing != check.Micr.RoutingNumber)
        {
            checks.ShouldContain(c => c.Code == ProblemCodes.MicrCheckDigit);
        }

        // What the page alone cannot confirm keeps the cheque from being applied by OCR alone.
        checks.ShouldContain(c => c.Severity == ProblemSeverity.Error && (c.Field == "AmountInFigures" || c.Field == "AmountInWords"));
        if (cheque.Payee is { } payee && !string.Equals(payee.Value, "Sam Harvey", StringComparison.OrdinalIgnoreCase))
        {
            checks.ShouldContain(c => c.Field == "Payee" && c.Severity == ProblemSeverity.Error, $"payee read as '{payee.Value}' must be flagged");
        }
    }
}
