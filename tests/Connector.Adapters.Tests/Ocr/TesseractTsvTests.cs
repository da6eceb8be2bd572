using Connector.Adapters.Ocr;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

public sealed class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    [Fact]
    public void Words_WordRows_GiveTextConfidenceBoxAndLine()
    {
        var tsv = Header
            + "1\t1\t0\t0\t0\t0\t0\t0\t2574\t1106\t-1\t\n"
            + "4\t1\t1\t1\t1\t0\t120\t80\t900\t40\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t120\t80\t200\t40\t96.123456\tPAY\n"
            + "5\t1\t2\t3\t4\t2\t330\t82\t180\t38\t88\t$**12,345.67\n";

        var words = TesseractTsv.Words(tsv);

        words.ShouldBe([
            new OcrWord("PAY", 96.123456, new OcrBox(120, 80, 200, 40), 1, 1, 1),
            new OcrWord("$**12,345.67", 88, new OcrBox(330, 82, 180, 38), 2, 3, 4),
        ]);
    }

    [Fact]
    public void Words_ConfidenceWithDecimalComma_ReadAsAFractionNotThousands()
    {
        var words = TesseractTsv.Words(Header + "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t90,516426\tTotal\n");

        words.Single().Confidence.ShouldBe(90.516426, 1e-9);
    }

    [Fact]
    public void Words_BlankOrMalformedRows_AreLeftOut()
    {
        var tsv = Header
            + "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t95\t \n"
            + "5\t1\t1\t1\t1\t2\tx\t10\t50\t20\t95\tbad\n"
            + "5\t1\t1\t1\t1\t3\t10\t10\n"
            + "5\t1\t1\t1\t1\t4\t70\t10\t50\t20\t91\tgood\r\n";

        TesseractTsv.Words(tsv).Select(w => w.Text).ShouldBe(["good"]);
    }
}
