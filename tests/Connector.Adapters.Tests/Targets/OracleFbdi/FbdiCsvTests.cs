using Connector.Adapters.Targets.OracleFbdi;

namespace Connector.Adapters.Tests.Targets.OracleFbdi;

public sealed class FbdiCsvTests
{
    [Fact]
    public void ReadRows_QuotedDelimitersQuotesAndLineBreaks_KeptInTheField()
    {
        var rows = FbdiCsv.ReadRows("\"a,b\",\"say \"\"hi\"\"\",3\r\n\"x\r\ny\",,\r\nlast,\"\"");

        rows.Count.ShouldBe(3);
        rows[0].ShouldBe(["a,b", "say \"hi\"", "3"]);
        rows[1].ShouldBe(["x\r\ny", "", ""]);
        rows[2].ShouldBe(["last", ""]);
    }

    [Fact]
    public void ReadRows_UnterminatedQuote_ThrowsInvalidData()
        => Should.Throw<InvalidDataException>(() => FbdiCsv.ReadRows("\"open,1\r\n"));

    [Fact]
    public void QuoteIfNeeded_OnlyWhenNeeded()
    {
        FbdiCsv.QuoteIfNeeded("FR01|INV|F-1").ShouldBe("FR01|INV|F-1");
        FbdiCsv.QuoteIfNeeded("F,1").ShouldBe("\"F,1\"");
        FbdiCsv.QuoteIfNeeded("F\"1").ShouldBe("\"F\"\"1\"");
    }
}
