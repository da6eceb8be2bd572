using Connector.Adapters.Ocr;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

public sealed class ScanImagesTests
{
    private static PageImage Page(TestImages.Gray image) => ScanImages.Page(TestImages.Pgm(image), 1).ShouldNotBeNull();

    [TesseractFact]
    public void Page_SingleImage_IsAnEightBitGreyPngOfItsSize()
    {
        var pgm = TestImages.Pgm(ScanImageFiles.WithSquare(320, 200, 10, 10, 20));

        var page = ScanImages.Page(pgm, 1).ShouldNotBeNull();

        (page.Width, page.Height).ShouldBe((320, 200));
        ScanImageFiles.PngHeader(page.Png).ShouldBe((8, 0, 320, 200));
        ScanImages.Page(pgm, 2).ShouldBeNull();
    }

    [TesseractFact]
    public void Crop_RegionInsidePage_HasRegionSizePlusMargins()
    {
        var page = Page(ScanImageFiles.WithSquare(400, 300, 0, 0, 1));

        var crop = ScanImages.Crop(page, new OcrBox(100, 80, 50, 40));

        ScanImageFiles.PngHeader(crop).ShouldBe((8, 0, 50 + 48, 40 + 48));
        ScanImageFiles.PngHeader(ScanImages.Crop(page, new OcrBox(100, 80, 50, 40), margin: 0)).ShouldBe((8, 0, 50, 40));
    }

    [TesseractFact]
    public void Crop_RegionAtOrOverPageEdges_IsClampedToThePage()
    {
        var page = Page(ScanImageFiles.WithSquare(400, 300, 0, 0, 1));

        ScanImageFiles.PngHeader(ScanImages.Crop(page, new OcrBox(0, 0, 30, 20))).ShouldBe((8, 0, 30 + 24, 20 + 24));
        ScanImageFiles.PngHeader(ScanImages.Crop(page, new OcrBox(380, 290, 20, 10))).ShouldBe((8, 0, 24 + 20, 24 + 10));
        ScanImageFiles.PngHeader(ScanImages.Crop(page, new OcrBox(390, 295, 50, 50))).ShouldBe((8, 0, 24 + 10, 24 + 5));
        ScanImageFiles.PngHeader(ScanImages.Crop(page, new OcrBox(-10, -10, 500, 400))).ShouldBe((8, 0, 400, 300));
    }

    [TesseractFact]
    public void Crop_BlackSquareOnPage_IsBlackAtTheSamePlaceInTheCrop()
    {
        var page = Page(ScanImageFiles.WithSquare(400, 300, 150, 100, 30));

        var crop = ScanImages.Pixels(ScanImages.Crop(page, new OcrBox(140, 90, 60, 50), margin: 10));

        // The crop starts at (130, 80): the square is at (20, 20) to (49, 49) in it.
        (crop.GetLength(1), crop.GetLength(0)).ShouldBe((80, 70));
        ScanImageFiles.Mean(crop, 20, 20, 50, 50).ShouldBe(0);
        ScanImageFiles.Mean(crop, 0, 0, 80, 20).ShouldBe(255);
        ScanImageFiles.Mean(crop, 50, 20, 80, 70).ShouldBe(255);
        crop[19, 19].ShouldBe((byte)255);
        crop[49, 49].ShouldBe((byte)0);
    }

    [TesseractFact]
    public void Crop_EmptyOrOutOfPageRegion_ThrowsArgumentException()
    {
        var page = Page(ScanImageFiles.WithSquare(400, 300, 0, 0, 1));

        Should.Throw<ArgumentException>(() => ScanImages.Crop(page, new OcrBox(10, 10, 0, 20))).Message.ShouldContain("empty");
        Should.Throw<ArgumentException>(() => ScanImages.Crop(page, new OcrBox(10, 10, 20, -5))).Message.ShouldContain("empty");
        Should.Throw<ArgumentException>(() => ScanImages.Crop(page, new OcrBox(400, 10, 20, 20))).Message.ShouldContain("outside the page (400 x 300");
        Should.Throw<ArgumentException>(() => ScanImages.Crop(page, new OcrBox(10, 300, 20, 20))).Message.ShouldContain("outside the page");
        Should.Throw<ArgumentException>(() => ScanImages.Crop(page, new OcrBox(-30, 10, 30, 20))).Message.ShouldContain("outside the page");
        Should.Throw<ArgumentException>(() => ScanImages.Preview(page, new OcrBox(10, -40, 20, 40), 50, 20)).Message.ShouldContain("outside the page");
    }

    [TesseractFact]
    public void Page_TwoPageTiff_Page2IsTheSecondPage()
    {
        var tiff = TestImages.Tiff(ScanImageFiles.WithSquare(300, 200, 10, 10, 40), ScanImageFiles.WithSquare(250, 150, 200, 100, 40));

        var first = ScanImages.Page(tiff, 1).ShouldNotBeNull();
        var second = ScanImages.Page(tiff, 2).ShouldNotBeNull();

        (first.Width, first.Height).ShouldBe((300, 200));
        (second.Width, second.Height).ShouldBe((250, 150));
        var pixels = ScanImages.Pixels(ScanImages.Crop(second, new OcrBox(200, 100, 40, 40), margin: 0));
        ScanImageFiles.Mean(pixels, 0, 0, 40, 40).ShouldBe(0);
        ScanImageFiles.Mean(ScanImages.Pixels(ScanImages.Crop(second, new OcrBox(10, 10, 40, 40), margin: 0)), 0, 0, 40, 40).ShouldBe(255);
        ScanImages.Page(tiff, 3).ShouldBeNull();
    }

    [TesseractFact]
    public void Page_OneBitImage_BlackBitsAreBlackGrey()
    {
        var pbm = ScanImageFiles.Pbm(ScanImageFiles.WithSquare(203, 101, 50, 30, 20));

        var page = ScanImages.Page(pbm, 1).ShouldNotBeNull();

        ScanImageFiles.PngHeader(page.Png).ShouldBe((8, 0, 203, 101));
        var crop = ScanImages.Pixels(ScanImages.Crop(page, new OcrBox(50, 30, 20, 20), margin: 5));
        ScanImageFiles.Mean(crop, 5, 5, 25, 25).ShouldBe(0);
        ScanImageFiles.Mean(crop, 0, 0, 30, 5).ShouldBe(255);
    }

    [TesseractFact]
    public void Page_ColourImage_IsGreyByLuminance()
    {
        var ppm = ScanImageFiles.Ppm(ScanImageFiles.WithSquare(120, 80, 40, 20, 30), red: 200, green: 0, blue: 0);

        var page = ScanImages.Page(ppm, 1).ShouldNotBeNull();

        ScanImageFiles.PngHeader(page.Png).ShouldBe((8, 0, 120, 80));
        var grey = ScanImages.Pixels(page.Png);
        grey[30, 50].ShouldBeInRange((byte)40, (byte)80); // 0.3 x 200 = 60
        grey[5, 5].ShouldBe((byte)255);
    }

    [TesseractFact]
    public void Page_BytesThatAreNoImage_ThrowInvalidData()
    {
        Should.Throw<InvalidDataException>(() => ScanImages.Page("not an image at all"u8.ToArray(), 1));
        Should.Throw<InvalidDataException>(() => ScanImages.Page(Array.Empty<byte>(), 1));
        Should.Throw<ArgumentOutOfRangeException>(() => ScanImages.Page(TestImages.Pgm(ScanImageFiles.WithSquare(10, 10, 0, 0, 1)), 0));
    }

    [TesseractCorpusTheory]
    [InlineData("cheque_en_01.png", 2574, 1106)]
    [InlineData("cheque_en_03.jpg", 2588, 1140)]
    [InlineData("stub_fr_02.jpg", 2606, 1842)]
    public void Page_CorpusPngOrJpeg_IsItsOnlyPageAtItsSize(string name, int width, int height)
    {
        var file = File.ReadAllBytes(Path.Combine(Tesseract.Cheques!, "synthetic", name));

        var page = ScanImages.Page(file, 1).ShouldNotBeNull();

        ScanImageFiles.PngHeader(page.Png).ShouldBe((8, 0, width, height));
        ScanImages.Pixels(page.Png).ShouldBe(ScanImages.Pixels(file));
        ScanImages.Page(file, 2).ShouldBeNull();
    }

    [TesseractCorpusTheory]
    [InlineData("valid-ascii.x937")]
    [InlineData("valid-ebcdic.x937")]
    public void Page_X937Sample_Cheque1FrontIs1200By550(string name)
    {
        var folder = Path.Combine(Tesseract.Cheques!, "x937-check-images-moov");
        var file = File.ReadAllBytes(Path.Combine(folder, "test", "testdata", name));

        var front = ScanImages.Page(file, 1).ShouldNotBeNull();

        (front.Width, front.Height).ShouldBe((1200, 550));
        var grey = ScanImages.Pixels(front.Png);
        var extracted = ScanImages.Page(File.ReadAllBytes(Path.Combine(folder, "derived", "valid-x937_check1_front.tif")), 1).ShouldNotBeNull();
        ScanImages.Pixels(extracted.Png).ShouldBe(grey);
        grey.Cast<byte>().Distinct().Order().ShouldBe([(byte)0, (byte)255]); // a 1-bit CCITT G4 image: black and white only
        ScanImages.Page(file, 2).ShouldBeNull();
    }

    [TesseractPdfFact]
    public void Page_Pdf_RendersTheAskedPageAt300Dpi()
    {
        var pdf = TestImages.PdfWithPages(2, "AMOUNT 100.00");

        var page = ScanImages.Page(pdf, 2).ShouldNotBeNull();

        (page.Width, page.Height).ShouldBe((2480, 3509)); // 595 x 842 pt at 300 dpi, rounded up by pdftoppm
        ScanImageFiles.PngHeader(page.Png).BitDepth.ShouldBe(8);
        var text = ScanImages.Preview(page, new OcrBox(200, 200, 1200, 300), 120, 30, margin: 0);
        text.Cast<byte>().Min().ShouldBeLessThan((byte)128); // the line of text at 60 pt from the top-left shows
        ScanImageFiles.Mean(ScanImages.Pixels(ScanImages.Crop(page, new OcrBox(200, 2000, 400, 400), margin: 0)), 0, 0, 400, 400).ShouldBe(255);
        ScanImages.Page(pdf, 3).ShouldBeNull();
    }

    [LeptonicaPdfCorpusFact]
    public void Page_EInvoiceCorpusPdf_Page1IsRendered()
    {
        var page = ScanImages.Page(File.ReadAllBytes(ScanImageFiles.EInvoicePdf!), 1).ShouldNotBeNull();

        (page.Width, page.Height).ShouldBe((2480, 3508));
        ScanImages.Pixels(page.Png).Cast<byte>().Count(b => b < 128).ShouldBeGreaterThan(10_000);
    }

    [TesseractFact]
    public void Preview_HalfBlackRegion_ShowsADarkAndALightHalf()
    {
        var image = ScanImageFiles.WithSquare(400, 300, 100, 50, 100); // black 100..199 x 50..149
        var page = Page(image);

        var preview = ScanImages.Preview(page, new OcrBox(100, 50, 200, 100), columns: 40, rows: 40, margin: 0);

        (preview.GetLength(1), preview.GetLength(0)).ShouldBe((40, 20));
        ScanImageFiles.Mean(preview, 0, 0, 19, 20).ShouldBeLessThan(20);
        ScanImageFiles.Mean(preview, 21, 0, 40, 20).ShouldBeGreaterThan(235);
    }

    [TesseractFact]
    public void Preview_AnySize_FitsTheCellsWithTheRegionsAspect()
    {
        var page = Page(ScanImageFiles.WithSquare(1000, 800, 0, 0, 1));

        var wide = ScanImages.Preview(page, new OcrBox(100, 100, 600, 100), 100, 100, margin: 0);
        var tall = ScanImages.Preview(page, new OcrBox(100, 100, 600, 100), 100, 10, margin: 0);
        var small = ScanImages.Preview(page, new OcrBox(100, 100, 20, 10), 100, 30, margin: 0);

        (wide.GetLength(1), wide.GetLength(0)).ShouldBe((100, 17));
        (tall.GetLength(1), tall.GetLength(0)).ShouldBe((60, 10));
        (small.GetLength(1), small.GetLength(0)).ShouldBe((60, 30));
    }
}
