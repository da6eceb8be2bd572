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

        straight.Rotation.ShouldBe(0);
        turned.Rotation.ShouldBe(180);
        turned.Engine.ShouldEndWith("turned 180)");
        Text(turned).ShouldContain("INV-104231");
        Text(turned).ShouldContain("INV-104251");
        turned.Words.Average(w => w.Confidence).ShouldBeGreaterThan(70);
        turned.Words.Select(w => w.Text).Intersect(straight.Words.Select(w => w.Text)).Count().ShouldBeGreaterThan(straight.Words.Count * 3 / 4);
    }

    [TesseractFact]
    public void Read_ChequeUpright_NotTurned()
        => fixture.Engine.Read(File.ReadAllBytes(UsSampleScanFiles.PathOf("US01_scan_0001_cheque.png")), "eng").Rotation.ShouldBe(0);

    [TesseractFact]
    public void Read_StubScannedSideways_ReadTurnedAndItsBoxesMapBackOntoTheStoredImage()
    {
        var upright = File.ReadAllBytes(UsSampleScanFiles.PathOf("US01_scan_0002_stub.png"));
        var straight = fixture.Engine.Read(upright, "eng");
        var sideways = Tesseract.Rotate90Clockwise(upright);

        var turned = fixture.Engine.Read(sideways, "eng");

        turned.Rotation.ShouldBe(270, "a page turned clockwise is read turned back counter-clockwise");
        (turned.Width, turned.Height).ShouldBe((straight.Width, straight.Height));
        var word = straight.Words.First(w => w.Text == "INV-104231");
        var again = turned.Words.First(w => w.Text == "INV-104231");
        Math.Abs(again.Box.Left - word.Box.Left).ShouldBeLessThan(8);
        Math.Abs(again.Box.Top - word.Box.Top).ShouldBeLessThan(8);
        // On the stored (sideways) image the word is where turning the upright page clockwise puts it.
        var stored = again.Box.InStored(turned.Rotation, straight.Height, straight.Width);
        var expected = new OcrBox(straight.Height - word.Box.Top - word.Box.Height, word.Box.Left, word.Box.Height, word.Box.Width);
        Math.Abs(stored.Left - expected.Left).ShouldBeLessThan(8);
        Math.Abs(stored.Top - expected.Top).ShouldBeLessThan(8);
        (stored.Width, stored.Height).ShouldBe((again.Box.Height, again.Box.Width));
    }

    private static string Text(OcrPage page) => string.Join(' ', page.Words.Select(w => w.Text));
}
