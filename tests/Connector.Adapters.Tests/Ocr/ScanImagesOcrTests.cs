using System.Text.Json;
using Connector.Adapters.Ocr;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>The regions the OCR engine reports are in the page images ScanImages gives: a word's box shows its ink.</summary>
public sealed class ScanImagesOcrTests(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    [TesseractCorpusTheory]
    [InlineData("cheque_en_01")]
    [InlineData("cheque_en_02")]
    public void Crop_AmountWordTheEngineReadOnACheque_ShowsItsInk(string name)
    {
        var folder = Path.Combine(Tesseract.Cheques!, "synthetic");
        var image = File.ReadAllBytes(Path.Combine(folder, name + ".png"));
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")));
        var amount = labels.RootElement.GetProperty("amount_text").GetString()!;

        var ocr = fixture.Engine.Read(image, "eng");
        var page = ScanImages.Page(image, 1).ShouldNotBeNull();

        (page.Width, page.Height).ShouldBe((ocr.Width, ocr.Height));
        var word = ocr.Words.FirstOrDefault(w => w.Text.Contains(amount, StringComparison.Ordinal)).ShouldNotBeNull($"the engine read no word with {amount}");
        ShouldShowInk(page, word.Box);
    }

    [TesseractPdfFact]
    public void Crop_WordTheEngineReadOnAPdfPage_ShowsItsInkAndPaperBelowIt()
    {
        var pdf = TestImages.PdfWithText("REMITTANCE", "AMOUNT 100.00");

        var ocr = new PdfScanReader(fixture.Engine).Read(new MemoryStream(pdf), "eng").ShouldHaveSingleItem();
        var page = ScanImages.Page(pdf, 1).ShouldNotBeNull();

        (page.Width, page.Height).ShouldBe((ocr.Width, ocr.Height));
        var word = ocr.Words.FirstOrDefault(w => w.Text == "100.00").ShouldNotBeNull();
        ShouldShowInk(page, word.Box);
        var below = word.Box with { Top = word.Box.Bottom + (2 * word.Box.Height) };
        ScanImageFiles.Mean(ScanImages.Pixels(ScanImages.Crop(page, below, margin: 0)), 0, 0, below.Width, below.Height).ShouldBe(255);
    }

    private static void ShouldShowInk(PageImage page, OcrBox box)
    {
        var crop = ScanImages.Pixels(ScanImages.Crop(page, box, margin: 0));
        (crop.GetLength(1), crop.GetLength(0)).ShouldBe((box.Width, box.Height));
        var dark = crop.Cast<byte>().Count(level => level < 100);
        dark.ShouldBeGreaterThan(crop.Length / 20, "a word's box holds its ink");
        dark.ShouldBeLessThan(crop.Length * 9 / 10, "and paper between the strokes");
    }
}
