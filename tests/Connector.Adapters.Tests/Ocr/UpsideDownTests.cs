using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>A page fed to the scanner upside down is read turned, and says so (its boxes are those of the turned page).</summary>
public sealed class UpsideDownTests(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    [TesseractFact]
    public void Read_StubScannedUpsideDown_ReadTurnedWithTheSameWordsAsUpright()
    {
        var upright = File.ReadAllBytes(UsSampleScanFiles.PathOf("US01_scan_0002_stub.png"));

        var straight = fixture.Engine.Read(upright, "eng");
        var turned = fixture.Engine.Read(Tesseract.Rotate180(upright), "eng");

        straight.Rotated180.ShouldBeFalse();
        turned.Rotated180.ShouldBeTrue();
        turned.Engine.ShouldEndWith("turned 180)");
        Text(turned).ShouldContain("INV-104231");
        Text(turned).ShouldContain("INV-104251");
        turned.Words.Average(w => w.Confidence).ShouldBeGreaterThan(70);
        turned.Words.Select(w => w.Text).Intersect(straight.Words.Select(w => w.Text)).Count().ShouldBeGreaterThan(straight.Words.Count * 3 / 4);
    }

    [TesseractFact]
    public void Read_ChequeUpright_NotTurned()
        => fixture.Engine.Read(File.ReadAllBytes(UsSampleScanFiles.PathOf("US01_scan_0001_cheque.png")), "eng").Rotated180.ShouldBeFalse();

    private static string Text(OcrPage page) => string.Join(' ', page.Words.Select(w => w.Text));
}
