using Connector.Mapping.Ocr;

namespace Connector.Mapping.Tests.Ocr.Scans;

public sealed class OcrBoxTests
{
    // A 300 x 200 stored image; a 30 x 10 box at (40, 20) of the page as it was read after turning it.
    [Theory]
    [InlineData(0, 300, 200, 40, 20, 30, 10)]
    [InlineData(180, 300, 200, 230, 170, 30, 10)]
    [InlineData(90, 200, 300, 20, 230, 10, 30)]
    [InlineData(270, 200, 300, 170, 40, 10, 30)]
    public void InStored_BoxOfATurnedPage_WhereItIsOnTheStoredImage(int rotation, int storedWidth, int storedHeight, int left, int top, int width, int height)
        => new OcrBox(40, 20, 30, 10).InStored(rotation, storedWidth, storedHeight).ShouldBe(new OcrBox(left, top, width, height));

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void InStored_EveryCornerOfTheTurnedPage_StaysOnTheStoredImage(int rotation)
    {
        var (width, height) = rotation == 180 ? (300, 200) : (200, 300); // the turned page is 300 x 200
        foreach (var box in new[] { new OcrBox(0, 0, 1, 1), new OcrBox(299, 0, 1, 1), new OcrBox(0, 199, 1, 1), new OcrBox(299, 199, 1, 1) })
        {
            var stored = box.InStored(rotation, width, height);
            stored.Left.ShouldBeInRange(0, width - 1);
            stored.Top.ShouldBeInRange(0, height - 1);
        }
    }

    [Fact]
    public void InStored_NotAQuarterTurn_Refused()
        => Should.Throw<ArgumentOutOfRangeException>(() => new OcrBox(0, 0, 1, 1).InStored(45, 10, 10));
}
