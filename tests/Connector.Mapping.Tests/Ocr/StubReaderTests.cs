using System.Globalization;
using System.Text.Json;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Tests.Ocr;

public sealed class StubReaderTests
{
    [ChequeCorpusTheory]
    [InlineData("stub_en_01")]
    [InlineData("stub_en_02")]
    [InlineData("stub_en_03")]
    [InlineData("stub_fr_01")]
    [InlineData("stub_fr_02")]
    public void Read_CorpusStub_EveryFieldEqualsTheGroundTruth(string name)
    {
        var truth = ChequeCorpus.Truth(name);

        var stub = StubReader.Read(StubText.From(truth).Page(), "E1", name, new OcrReaderOptions(Currency: "CAD"));

        AssertEqualsTruth(stub, truth);
    }

    [ChequeCorpusFact]
    public void Read_ColumnsInAnotherOrderWithOtherHeadings_ReadsTheSameRows()
    {
        var truth = ChequeCorpus.Truth("stub_en_02");
        var text = StubText.From(truth) with
        {
            Headings = ["Invoice #", "Date", "Gross", "Deduction", "Amount Paid"],
            Order = [0, 1, 4, 2, 3],
        };

        var stub = StubReader.Read(text.Page(), "E1", "stub.png", new OcrReaderOptions(Currency: "CAD"));

        stub.Columns.ShouldBe([StubColumn.Invoice, StubColumn.Date, StubColumn.Net, StubColumn.Amount, StubColumn.Discount]);
        AssertEqualsTruth(stub, truth);
    }

    [ChequeCorpusFact]
    public void Read_FrenchHeadingNetAPayerAndDottedThousands_ReadsTheRows()
    {
        var truth = ChequeCorpus.Truth("stub_fr_01");
        var text = StubText.From(truth);
        text = text with
        {
            Headings = ["N° facture", "Date", "Montant TTC", "Remise", "Net à payer"],
            Rows = [.. text.Rows.Select(r => r with { Amount = Dotted(r.Amount), Net = Dotted(r.Net) })],
            Total = text.Total with { Amount = Dotted(text.Total.Amount), Net = Dotted(text.Total.Net) },
        };

        AssertEqualsTruth(StubReader.Read(text.Page(), "FR01", "talon.png"), truth);
    }

    [Fact]
    public void Read_OcrDamage_LettersForDigitsAndADroppedCommaAreRepaired()
    {
        var text = Sample() with
        {
            Rows =
            [
                new StubRowText("INV-2026-0O563", "2026-0l-18", "1,1OO.17", "0.00", "1,100.17"),
                new StubRowText("INV-2026-00567", "2026-03-21", "11954.93", "239.09", "11,715.84"),
            ],
        };

        var stub = StubReader.Read(text.Page(), "E1", "stub.png");

        stub.Rows[0].Invoice!.Value.ShouldBe("INV-2026-00563");
        stub.Rows[0].Date!.Value.ShouldBe(new DateOnly(2026, 1, 18));
        stub.Rows[0].Amount!.Value.ShouldBe(1100.17m);
        stub.Rows[1].Amount!.Value.ShouldBe(11954.93m);
    }

    [Theory]
    [InlineData("19/02/2026", "2026-03-04")]
    [InlineData("02/19/2026", "2026-04-03")]
    public void Read_DateThatReadsOneWayOnly_DecidesTheOrderOfTheOthers(string telling, string expected)
    {
        var text = Sample() with
        {
            DateLine = telling.StartsWith("02", StringComparison.Ordinal) ? "Date: 03/20/2026" : "Date: 20/03/2026",
            Rows = [Sample().Rows[0] with { Date = "04/03/2026" }, Sample().Rows[1] with { Date = telling }],
        };

        var stub = StubReader.Read(text.Page(), "E1", "stub.png");

        stub.Rows[0].Date!.Value.ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));
        stub.Rows[0].Date!.Alternatives.ShouldBeEmpty();
    }

    [Fact]
    public void Read_AllDatesReadBothWays_KeepTheCompetingReading()
    {
        var text = Sample() with
        {
            DateLine = "Date: 03/03/2026",
            Rows = [Sample().Rows[0] with { Date = "04/03/2026" }, Sample().Rows[1] with { Date = "05/03/2026" }],
        };

        var stub = StubReader.Read(text.Page(), "E1", "stub.png");

        stub.Rows[0].Date!.Alternatives.ShouldHaveSingleItem();
        ChequeTrust.Check(null, stub).Where(c => c.Code == Connector.Mapping.Problems.ProblemCodes.OcrAmbiguous).Select(c => c.Field)
            .ShouldBe(["Row 1 Date", "Row 2 Date"]);
    }

    [Fact]
    public void Read_NoTable_HasNoRowsAndDoesNotThrow()
    {
        var page = new OcrPageBuilder().Line(60, new OcrCell(120, "REMITTANCE ADVICE", 14)).Line(150, new OcrCell(120, "Thank you for your business")).Build();

        var stub = StubReader.Read(page, "E1", "letter.png");

        stub.Rows.ShouldBeEmpty();
        stub.Total.ShouldBeNull();
    }

    internal static StubText Sample() => new(
        "REMITTANCE ADVICE", "NORTHWIND TRADING LTD.", "Cheque No. 004871", "Date: 2026-03-14", "Paid to: Acme Industrial Supplies Inc.",
        ["Invoice No", "Invoice Date", "Amount", "Discount", "Net Paid"],
        [
            new StubRowText("INV-2026-00563", "2026-01-18", "1,100.17", "0.00", "1,100.17"),
            new StubRowText("INV-2026-00567", "2026-03-21", "11,954.93", "239.09", "11,715.84"),
        ],
        new StubRowText("TOTAL", string.Empty, "13,055.10", "239.09", "12,816.01"),
        "Please detach this stub before depositing the cheque.");

    private static string Dotted(string french) => french.Replace(' ', '.').Replace(".€", " €", StringComparison.Ordinal);

    private static void AssertEqualsTruth(StubReading stub, JsonElement truth)
    {
        stub.ChequeNumber!.Value.ShouldBe(truth.GetProperty("cheque_number").GetString());
        var dateText = truth.GetProperty("date_text").GetString()!;
        stub.Date!.Value.ShouldBe(DateOnly.ParseExact(dateText, dateText.Contains('/') ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture));
        stub.Payer!.Value.ShouldBe(truth.GetProperty("payer_name").GetString());
        stub.Payee!.Value.ShouldBe(truth.GetProperty("payee").GetString());
        stub.Currency.ShouldBe(truth.GetProperty("currency").GetString());
        var rows = truth.GetProperty("rows").EnumerateArray().ToList();
        stub.Rows.Count.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = stub.Rows[i];
            row.Invoice!.Value.ShouldBe(rows[i].GetProperty("invoice_no").GetString());
            row.Date!.Value.ShouldBe(DateOnly.ParseExact(rows[i].GetProperty("invoice_date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            row.Amount!.Value.ShouldBe(rows[i].GetProperty("amount").GetDecimal());
            row.Discount!.Value.ShouldBe(rows[i].GetProperty("discount").GetDecimal());
            row.Net!.Value.ShouldBe(rows[i].GetProperty("net_paid").GetDecimal());
        }

        var total = truth.GetProperty("total");
        stub.Total!.Amount!.Value.ShouldBe(total.GetProperty("amount").GetDecimal());
        stub.Total.Discount!.Value.ShouldBe(total.GetProperty("discount").GetDecimal());
        stub.Total.Net!.Value.ShouldBe(total.GetProperty("net_paid").GetDecimal());
    }
}
