using Connector.Adapters.Ocr;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>What makes the engine fast must not change what it reads: the one-pass Otsu, the engines made ahead, the native heap.</summary>
public sealed class TesseractSpeedTests
{
    [TesseractFact]
    public void Binarize_NoisyGrayScan_SameBitsAsOneTileOtsuAdaptiveThreshold()
    {
        TesseractEngine.IsAvailable(null, out _).ShouldBeTrue();
        using var gray = PixHandle.Own(ReadPgm(NoisyScan(1200, 700))).ShouldNotBeNull();
        gray.IsPlainGray.ShouldBeTrue();

        using var fast = gray.Binarize().ShouldNotBeNull();
        LeptonicaNative.pixOtsuAdaptiveThreshold(gray.Pointer, 20000, 20000, 0, 0, 0f, IntPtr.Zero, out var reference).ShouldBe(0);
        using var expected = PixHandle.Own(reference).ShouldNotBeNull();

        LeptonicaNative.pixGetDepth(fast.Pointer).ShouldBe(1);
        LeptonicaNative.pixEqual(fast.Pointer, expected.Pointer, out var same).ShouldBe(0);
        same.ShouldBe(1);
    }

    [TesseractFact]
    public void Prepare_MoreThanMaxEngines_MakesMaxEnginesIdle()
    {
        using var engine = new TesseractEngine(new TesseractOptions { MaxEngines = 2 });

        engine.Prepare("eng", 5);

        engine.IdleEngines("eng").ShouldBe(2);
        engine.IdleEngines("fra").ShouldBe(0);
        engine.Read(TestImages.Pgm(TestImages.Page(400, 300)), "eng");
        engine.IdleEngines("eng").ShouldBe(2);
    }

    [TesseractFact]
    public void Load_GlibcWithoutOperatorSettings_TunesTheNativeHeap()
    {
        TesseractEngine.IsAvailable(null, out _).ShouldBeTrue();
        var operatorSet = new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES" }.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));

        NativeHeap.Tuned.ShouldBe(!operatorSet);
    }

    [TesseractCorpusTheory]
    [InlineData("cheque_en_01.png", "eng")]
    [InlineData("stub_en_03.jpg", "eng")]
    [InlineData("stub_fr_02.jpg", "fra")]
    public void Recognize_CorpusImage_IteratorGivesTheWordsOfTheTsv(string image, string language)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Tesseract.Cheques!, "synthetic", image));
        using var pix = PixHandle.Own(LeptonicaNative.pixReadMem(ref bytes[0], (nuint)bytes.Length)).ShouldNotBeNull();
        using var binary = pix.Binarize().ShouldNotBeNull();
        using var worker = new TesseractWorker(language, new TesseractOptions());

        var (iterated, tsv) = worker.Recognize(binary, 300, api => (TesseractWords.Read(api), TsvWords(api)));

        iterated.Count.ShouldBeGreaterThan(40);
        iterated.Select(w => (w.Text, w.Box, w.Block, w.Paragraph, w.Line)).ShouldBe(tsv.Select(w => (w.Text, w.Box, w.Block, w.Paragraph, w.Line)));
        iterated.Zip(tsv).ShouldAllBe(p => Math.Abs(p.First.Confidence - p.Second.Confidence) < 0.001);
    }

    private static IReadOnlyList<Connector.Mapping.Ocr.OcrWord> TsvWords(IntPtr api)
    {
        var tsv = TesseractNative.TessBaseAPIGetTsvText(api, 0);
        try
        {
            return TesseractTsv.Words(System.Runtime.InteropServices.Marshal.PtrToStringUTF8(tsv) ?? string.Empty);
        }
        finally
        {
            TesseractNative.TessDeleteText(tsv);
        }
    }

    /// <summary>Gray paper (170-255) with dark text-like bars (20-90): a histogram with two humps, as on a scan.</summary>
    private static TestImages.Gray NoisyScan(int width, int height)
    {
        var random = new Random(7);
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var (row, column) = Math.DivRem(i, width);
            var ink = row % 60 < 18 && column % 40 < 25 && column > 100 && column < width - 100;
            pixels[i] = (byte)(ink ? random.Next(20, 90) : random.Next(170, 256));
        }

        return new TestImages.Gray(width, height, pixels);
    }

    private static IntPtr ReadPgm(TestImages.Gray image)
    {
        var bytes = TestImages.Pgm(image);
        return LeptonicaNative.pixReadMem(ref bytes[0], (nuint)bytes.Length);
    }
}
