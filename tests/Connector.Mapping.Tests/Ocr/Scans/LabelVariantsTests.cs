using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Tests.Ocr.Scans;

/// <summary>Labels as the US01 sample scans print them and Tesseract reads them: "No," for "No.", "Disc." for Discount.</summary>
public sealed class LabelVariantsTests
{
    [Theory]
    [InlineData("No,")]
    [InlineData("No:")]
    [InlineData("N°")]
    [InlineData("#")]
    public void FindNumber_LabelReadWithOtherPunctuation_TheNumberAfterIt(string label)
    {
        var page = new OcrPageBuilder(2550, 1050).Line(60, new OcrCell(90, "OHIO VALLEY PLASTICS CORP.", 13), new OcrCell(2460, $"{label} 051827", 12, Right: true)).Build();

        ChequeReader.FindNumber(page.Lines)!.Value.ShouldBe("051827");
    }

    [Fact]
    public void Read_StubWithAbbreviatedDiscountHeadingAndNetBeforeIt_ColumnsByTheirHeadings()
    {
        var stub = new StubText(
            "REMITTANCE ADVICE", "SUMMIT FOOD PROCESSING INC.", "Cheque No. 008342", "Date: 11/12/2026", "Paid to: Acme Industrial Supply Inc.",
            ["Document", "Date", "Gross", "Disc.", "Paid"],
            [new StubRowText("INV-104232", "11/02/2026", "648.72", "12.97", "635.75"), new StubRowText("INV-104246", "11/03/2026", "162.82", "0.00", "162.82")],
            new StubRowText("TOTAL", string.Empty, "811.54", "12.97", "798.57"),
            "Detach before depositing.") { Order = [0, 1, 2, 4, 3] };

        var reading = StubReader.Read(stub.Page(), "US01", "stub.tif", new OcrReaderOptions { DateOrderKnown = true });

        reading.Columns.ShouldBe([StubColumn.Invoice, StubColumn.Date, StubColumn.Amount, StubColumn.Net, StubColumn.Discount]);
        reading.Rows.Select(r => (r.Invoice!.Value, r.Amount!.Value, r.Discount!.Value, r.Net!.Value)).ShouldBe(
            [("INV-104232", 648.72m, 12.97m, 635.75m), ("INV-104246", 162.82m, 0.00m, 162.82m)]);
        ChequeTrust.Check(null, reading).Where(c => c.Severity == Mapping.Problems.ProblemSeverity.Error).Select(c => c.Message).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Disc.", "Discount")]
    [InlineData("Esc.", "Discount")]
    [InlineData("Allowance", "Discount")]
    [InlineData("Description", null)]
    public void Classify_Heading_ItsColumn(string heading, string? column)
        => StubTable.Classify(OcrText.Fold(heading))?.ToString().ShouldBe(column);

    [Theory]
    [InlineData("4051827", "051827", "051827")]
    [InlineData("1916604", "016604", "016604")]
    [InlineData("051827", "051827", "051827")]
    [InlineData("9051828", "051827", "9051828")]
    [InlineData("12344051827", "051827", "12344051827")]
    public void SymbolsAroundNumber_MicrRunEndingWithThePrintedNumber_ThePrintedNumber(string read, string printed, string expected)
    {
        var micr = new MicrLine($"{read} 042105730 7301184452", default, 40, read, "042105730", "7301184452", true);

        ChequeReader.SymbolsAroundNumber(micr, printed)!.ChequeNumber.ShouldBe(expected);
    }
}
