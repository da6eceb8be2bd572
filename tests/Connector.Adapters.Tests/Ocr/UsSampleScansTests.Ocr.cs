using System.Globalization;
using System.Text.Json;
using Connector.Adapters.Ocr;
using Connector.Adapters.Sources.X937;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;
using static Connector.Adapters.Tests.Ocr.UsSampleScanFiles;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>The US01 sample scans through real Tesseract and the cheque and stub readers.</summary>
public sealed partial class UsSampleScansTests
{
    private static readonly OcrReaderOptions Us01 = new(Currency: "USD") { DateOrderKnown = true };

    [UsSampleTesseractTheory]
    [InlineData("US01_scan_0001_cheque.png", "US01_scan_0001_cheque.json", 1)]
    [InlineData("US01_scan_0003.tif", "US01_scan_0003.p1.json", 2)]
    [InlineData("inconsistent/wrong_total_cheque.png", "inconsistent/wrong_total_cheque.json", 1)]
    [InlineData("inconsistent/words_figures_cheque.png", "inconsistent/words_figures_cheque.json", 1)]
    public void ChequeReader_SampleChequeImage_ReadsTheNumberAndFiguresOfItsGroundTruth(string image, string truth, int pages)
    {
        var read = _fixture.Engine.ReadPages(File.ReadAllBytes(PathOf(image)), "eng");

        read.Count.ShouldBe(pages);
        ShouldReadChequeAsItsGroundTruth(read[0], image, Json(truth));
    }

    [TesseractPdfFact]
    public void ChequeAndStubReaders_SamplePdfScan_ReadTheChequeAndTheRowsOfItsGroundTruth()
    {
        using var pdf = File.OpenRead(PathOf("US01_scan_0004.pdf"));

        var read = new PdfScanReader(_fixture.Engine).Read(pdf, "eng");

        read.Count.ShouldBe(2);
        ShouldReadChequeAsItsGroundTruth(read[0], "US01_scan_0004.pdf", Json("US01_scan_0004.p1.json"));
        ShouldReadStubAsItsGroundTruth(read[1], "US01_scan_0004.pdf", Json("US01_scan_0004.p2.json"));
    }

    [UsSampleTesseractTheory]
    [InlineData("US01_scan_0002_stub.png", "US01_scan_0002_stub.json", 0)]
    [InlineData("US01_scan_0003.tif", "US01_scan_0003.p2.json", 1)]
    [InlineData("inconsistent/wrong_total_stub.png", "inconsistent/wrong_total_stub.json", 0)]
    [InlineData("inconsistent/words_figures_stub.png", "inconsistent/words_figures_stub.json", 0)]
    public void StubReader_SampleStubImage_ReadsTheRowsAndTotalOfItsGroundTruth(string image, string truth, int page)
    {
        var read = _fixture.Engine.ReadPages(File.ReadAllBytes(PathOf(image)), "eng");

        ShouldReadStubAsItsGroundTruth(read[page], image, Json(truth));
    }

    [UsSampleTesseractTheory]
    [InlineData("wrong_total", new[] { ProblemCodes.OcrTotalMismatch, ProblemCodes.OcrChequeStubMismatch })]
    [InlineData("words_figures", new[] { ProblemCodes.OcrWordsFigures })]
    public void ChequeTrust_InconsistentSample_FlagsItsIntendedArithmeticChecksOnly(string name, string[] codes)
    {
        var cheque = ChequeReader.Read(_fixture.Engine.Read(File.ReadAllBytes(PathOf($"inconsistent/{name}_cheque.png")), "eng"), "US01", name, Us01);
        var stub = StubReader.Read(_fixture.Engine.Read(File.ReadAllBytes(PathOf($"inconsistent/{name}_stub.png")), "eng"), "US01", name, Us01);

        var checks = ChequeTrust.Check(cheque, stub);

        string[] arithmetic = [ProblemCodes.OcrRowArithmetic, ProblemCodes.OcrTotalMismatch, ProblemCodes.OcrChequeStubMismatch, ProblemCodes.OcrWordsFigures];
        var failed = checks.Where(c => c.Severity == ProblemSeverity.Error && arithmetic.Contains(c.Code)).Select(c => c.Code).Distinct().Order(StringComparer.Ordinal);
        failed.ShouldBe(codes.Order(StringComparer.Ordinal), string.Join("; ", checks.Select(c => $"{c.Code} {c.Field}: {c.Message}")));
    }

    [UsSampleTesseractTheory]
    [InlineData(0)]
    [InlineData(1)]
    public void ChequeReader_CashLetterFrontImage_ReadsTheNumberAndFiguresOfTheItem(int index)
    {
        var check = X937Reader.Read(File.ReadAllBytes(PathOf(CashLetter + ".x937")), CashLetter).Checks[index];
        var item = Json(CashLetter + ".json").GetProperty("items")[index];

        var page = _fixture.Engine.Read(check.Front!.Data, "eng");

        page.Dpi.ShouldBe(200);
        ShouldReadChequeAsItsGroundTruth(page, string.Create(CultureInfo.InvariantCulture, $"{CashLetter} item {index + 1}"), item);
    }

    private static string Heard(OcrPage page, string document) => $"{document}: Tesseract read \"{string.Join(' ', page.Words.Select(w => w.Text))}\"";

    private static void ShouldReadChequeAsItsGroundTruth(OcrPage page, string document, JsonElement truth)
    {
        var reading = ChequeReader.Read(page, "US01", document, Us01);
        var words = Heard(page, document);

        reading.Number.ShouldNotBeNull(words).Value.ShouldBe(truth.GetProperty("cheque_number").GetString(), words);
        reading.AmountInFigures.ShouldNotBeNull(words).Value.ShouldBe(truth.GetProperty("amount").GetDecimal(), words);
    }

    private static void ShouldReadStubAsItsGroundTruth(OcrPage page, string document, JsonElement truth)
    {
        var stub = StubReader.Read(page, "US01", document, Us01);
        var words = Heard(page, document);

        var expected = truth.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("invoice_no").GetString(), r.GetProperty("amount").GetDecimal(), r.GetProperty("discount").GetDecimal(), r.GetProperty("net_paid").GetDecimal()));
        stub.Rows.Select(r => (r.Invoice?.Value, r.Amount?.Value ?? -1m, r.Discount?.Value ?? -1m, r.Net?.Value ?? -1m)).ShouldBe(expected, words);
        stub.Total.ShouldNotBeNull(words).Net.ShouldNotBeNull(words).Value.ShouldBe(truth.GetProperty("total").GetProperty("net_paid").GetDecimal(), words);
    }
}

/// <summary>A theory that runs libtesseract on the repository's sample scans: skipped when it is missing, failed instead under CI.</summary>
internal sealed class UsSampleTesseractTheoryAttribute : TheoryAttribute
{
    public UsSampleTesseractTheoryAttribute() => Skip = Tesseract.SkipReason(corpus: false);
}
