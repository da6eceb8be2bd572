using Connector.Adapters.Ocr;
using Connector.Adapters.Tests.EInvoicing;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

public sealed class PdfScanReaderTests
{
    [Fact]
    public void Read_PdfToPpmMissing_ThrowsOcrUnavailableNamingPoppler()
    {
        using var work = new TempFolder();
        var reader = new PdfScanReader(new RecordingEngine(), new PdfScanOptions { PdfToPpm = "/nonexistent/pdftoppm", WorkRoot = work.Path });

        var ex = Should.Throw<OcrUnavailableException>(() => reader.Read(new MemoryStream(TestImages.PdfWithText("x")), "eng"));

        ex.Message.ShouldContain("poppler-utils");
        Directory.GetFileSystemEntries(work.Path).ShouldBeEmpty();
    }

    [PopplerFact]
    public void Read_NotAPdf_ThrowsInvalidDataAndLeavesNoTemporaryFiles()
    {
        using var work = new TempFolder();
        var engine = new RecordingEngine();
        var reader = new PdfScanReader(engine, new PdfScanOptions { WorkRoot = work.Path });

        Should.Throw<InvalidDataException>(() => reader.Read(new MemoryStream("not a pdf"u8.ToArray()), "eng"));

        engine.Images.ShouldBeEmpty();
        Directory.GetFileSystemEntries(work.Path).ShouldBeEmpty();
    }

    [PopplerFact]
    public void Read_MorePagesThanTheLimit_RendersOnlyTheLimitAsPng()
    {
        using var work = new TempFolder();
        var engine = new RecordingEngine();
        var reader = new PdfScanReader(engine, new PdfScanOptions { WorkRoot = work.Path, MaxPages = 11, Dpi = 20 });

        var pages = reader.Read(new MemoryStream(TestImages.PdfWithPages(12, "page")), "fra");

        pages.Count.ShouldBe(11);
        engine.Images.ShouldAllBe(png => png.Length > 4 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        engine.Languages.ShouldAllBe(l => l == "fra");
        Directory.GetFileSystemEntries(work.Path).ShouldBeEmpty();
    }

    /// <summary>An engine that records what it is given and answers an empty page.</summary>
    private sealed class RecordingEngine : IOcrEngine
    {
        public List<byte[]> Images { get; } = [];

        public List<string> Languages { get; } = [];

        public OcrPage Read(ReadOnlyMemory<byte> image, string language, CancellationToken cancellationToken = default)
        {
            Images.Add(image.ToArray());
            Languages.Add(language);
            return new OcrPage(1, 1, 300, [], "recording");
        }
    }
}
