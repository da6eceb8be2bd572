using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Connector.Host.Reports;
using static Connector.Host.Tests.Reports.ReportTestData;

namespace Connector.Host.Tests.Reports;

public sealed class ReportXlsxWriterTests
{
    [Fact]
    public void Write_Report_FourSheetsInOrder()
    {
        using var document = Open(Report());

        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Totals", "Exceptions", "Set aside", "Documents"]);
    }

    [Fact]
    public void Write_HostileDocumentName_NeutralisedInlineString()
    {
        using var document = Open(Report(documentName: Hostile, problems: ["+cmd|' /C notepad'!A0"]));

        var row = Rows(document, "Documents")[1];
        var name = row.Elements<Cell>().First();
        name.DataType!.Value.ShouldBe(CellValues.InlineString);
        name.InlineString!.InnerText.ShouldBe("'" + Hostile);
        name.CellFormula.ShouldBeNull();
        row.Elements<Cell>().Last().InlineString!.InnerText.ShouldBe("'+cmd|' /C notepad'!A0");
        document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).ShouldBeEmpty();
    }

    [Fact]
    public void Write_Totals_NumbersAsNumericCells()
    {
        using var document = Open(Report());

        var usdSource = Rows(document, "Totals").Single(r => Texts(r).Take(2).SequenceEqual(["USD", "Source"]));
        var cells = usdSource.Elements<Cell>().ToList();
        cells[2].DataType!.Value.ShouldBe(CellValues.Number);
        decimal.Parse(cells[2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3m);
        cells[3].DataType!.Value.ShouldBe(CellValues.Number);
        decimal.Parse(cells[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(-1500.5m, "a negative amount is a number, never neutralised text");
    }

    [Fact]
    public void Write_Unbalanced_StatusSaysNotBalanced()
    {
        using var document = Open(Report([Eur(pendingAmount: 200m)]));

        var rows = Rows(document, "Totals");
        rows.Single(r => Texts(r).FirstOrDefault() == "Status").Elements<Cell>().Last().InlineString!.InnerText.ShouldBe("NOT BALANCED");
        var difference = rows.Single(r => Texts(r).Take(2).SequenceEqual(["EUR", "Difference"])).Elements<Cell>().ToList();
        difference[3].CellValue!.Text.ShouldStartWith("50");
        difference[4].InlineString!.InnerText.ShouldBe("NOT BALANCED");
    }

    [Fact]
    public void Write_ExceptionsAndProblems_OneRowEach()
    {
        using var document = Open(Report(problems: ["p1", "p2"]));

        Rows(document, "Exceptions").Skip(1).Select(r => Texts(r).Single()).ShouldBe(["CUSTOMER_UNKNOWN", "TOTAL_MISMATCH"]);
        Rows(document, "Documents").Skip(1).Select(r => r.Elements<Cell>().Last().InlineString!.InnerText).ShouldBe(["p1", "p2"]);
    }

    [Fact]
    public void Write_ControlCharactersInText_StillAValidWorkbook()
    {
        using var document = Open(Report(documentName: "bad\u0001name\u0000.csv"));

        Rows(document, "Documents")[1].Elements<Cell>().First().InlineString!.InnerText.ShouldBe("bad\uFFFDname\uFFFD.csv");
    }

    [Fact]
    public void Write_Report_PassesOpenXmlSchemaValidation()
    {
        using var document = Open(Report(documentName: Hostile));

        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    private static SpreadsheetDocument Open(ReconciliationReport report)
    {
        var buffer = new MemoryStream();
        ReportXlsxWriter.Write(report, buffer);
        buffer.Position = 0;
        return SpreadsheetDocument.Open(buffer, isEditable: false);
    }

    private static List<Row> Rows(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()];
    }

    private static IEnumerable<string> Texts(Row row)
        => row.Elements<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InlineString!.InnerText);
}
