using System.Text.Json;
using Connector.Adapters.Ocr;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

public sealed class TesseractEngineTests(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    private static readonly string[] ImageNames =
    [
        "cheque_en_01.png", "cheque_en_02.png", "cheque_en_03.jpg",
        "stub_en_01.png", "stub_en_02.png", "stub_en_03.jpg", "stub_fr_01.png", "stub_fr_02.jpg",
    ];

    public static TheoryData<string> SyntheticImages => new(ImageNames);

    [TesseractCorpusTheory]
    [MemberData(nameof(SyntheticImages))]
    public void Read_SyntheticImage_FindsKeyWordsOfItsGroundTruth(string image)
    {
        var (bytes, truth) = Synthetic(image);
        var language = truth.GetProperty("lang").GetString()!;

        var page = fixture.Engine.Read(bytes, language);

        var text = string.Join(' ', page.Words.Select(w => w.Text));
        var expected = new List<string> { truth.GetProperty("cheque_number").GetString()! };
        if (truth.GetProperty("kind").GetString() == "cheque")
        {
            expected.Add(truth.GetProperty("amount_text").GetString()!);
            expected.Add(FirstWord(truth.GetProperty("payee").GetString()!));
        }
        else
        {
            expected.Add(FirstWord(truth.GetProperty("payer_name").GetString()!));
            expected.Add(truth.GetProperty("rows")[0].GetProperty("invoice_no").GetString()!);
        }

        foreach (var word in expected)
        {
            text.ShouldContain(word, Case.Sensitive, $"{image}: '{word}' not found in: {text}");
        }

        page.Dpi.ShouldBe(300);
        page.Width.ShouldBeGreaterThan(1000);
        page.Engine.ShouldStartWith("tesseract 5.");
        page.Words.ShouldAllBe(w => w.Confidence >= 0 && w.Confidence <= 100 && w.Box.Width > 0 && w.Box.Height > 0 && w.Box.Right <= page.Width && w.Block > 0 && w.Line > 0);
        page.Lines.Count.ShouldBeGreaterThan(5);
    }

    [TesseractCorpusFact]
    public void Read_TwoThreads_GiveTheSameWordsAsOne()
    {
        var images = ImageNames.Take(4).Select(name => (Name: name, Synthetic(name).Bytes)).ToList();
        var sequential = images.Select(i => fixture.Engine.Read(i.Bytes, "eng").Words).ToList();

        var parallel = new IReadOnlyList<OcrWord>[images.Count * 2];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => parallel[i] = fixture.Engine.Read(images[i % images.Count].Bytes, "eng").Words);

        for (var i = 0; i < parallel.Length; i++)
        {
            parallel[i].ShouldBe(sequential[i % images.Count], $"{images[i % images.Count].Name} read on two threads");
        }
    }

    [TesseractFact]
    public void ReadPages_MultiPageTiff_ReadsEachPage()
    {
        var tiff = TestImages.Tiff(TestImages.Page(800, 400), TestImages.Page(900, 500), TestImages.Page(1000, 600));

        var pages = fixture.Engine.ReadPages(tiff, "eng");

        pages.Select(p => (p.Width, p.Height)).ShouldBe([(800, 400), (900, 500), (1000, 600)]);
        pages.ShouldAllBe(p => p.Dpi == 300);
    }

    [TesseractFact]
    public void Read_NotAnImage_ThrowsInvalidData()
    {
        Should.Throw<InvalidDataException>(() => fixture.Engine.Read("not an image at all"u8.ToArray(), "eng"));
        Should.Throw<InvalidDataException>(() => fixture.Engine.Read(ReadOnlyMemory<byte>.Empty, "eng"));
    }

    [TesseractFact]
    public void Read_MissingLanguageModel_ThrowsOcrUnavailableNamingThePackage()
    {
        var ex = Should.Throw<OcrUnavailableException>(() => fixture.Engine.Read(TestImages.Pgm(TestImages.Page(200, 200)), "xyz"));

        ex.Message.ShouldContain("tesseract-ocr-xyz");
    }

    [Fact]
    public void Create_LibraryMissing_ThrowsOcrUnavailableNamingThePackages()
    {
        var options = new TesseractOptions { TesseractLibraryNames = ["libtesseract-not-here.so.99"] };

        var ex = Should.Throw<OcrUnavailableException>(() => new TesseractEngine(options));

        ex.Message.ShouldContain(OcrUnavailableException.Packages);
        ex.Message.ShouldContain(Tesseract.IsInstalled ? "libtesseract-not-here.so.99" : "tried");
    }

    [TesseractPdfFact]
    public void ReadPdf_ScannedPdf_RendersAndReadsEachPage()
    {
        var pdf = TestImages.PdfWithText("REMITTANCE ADVICE", "Cheque 004871", "INV-2026-00123 1,234.56");

        var pages = new PdfScanReader(fixture.Engine).Read(new MemoryStream(pdf), "eng");

        pages.Count.ShouldBe(1);
        var text = string.Join(' ', pages[0].Words.Select(w => w.Text));
        text.ShouldContain("REMITTANCE");
        text.ShouldContain("004871");
        text.ShouldContain("1,234.56");
        pages[0].Width.ShouldBe(2480);
    }

    private static (byte[] Bytes, JsonElement Truth) Synthetic(string image)
    {
        var folder = Path.Combine(Tesseract.Cheques!, "synthetic");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Path.ChangeExtension(image, ".json"))));
        return (File.ReadAllBytes(Path.Combine(folder, image)), json.RootElement.Clone());
    }

    private static string FirstWord(string text) => text.Split(' ')[0];
}
