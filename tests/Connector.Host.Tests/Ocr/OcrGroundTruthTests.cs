using Connector.Host.Bench;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Host.Tests.Ocr;

public sealed class OcrGroundTruthTests
{
    private const string ChequeJson = """
        {"image": "c.png", "kind": "cheque", "lang": "eng", "payer_name": "NORTHWIND TRADING LTD.", "cheque_number": "004871",
         "date": "2026-03-14", "payee": "Acme  Industrial Supplies Inc.", "amount": 12345.67,
         "amount_words": "Twelve thousand three hundred forty-five and 67/100", "memo": "Invoices INV-1 to INV-9",
         "micr": {"cheque_number": "004871", "routing": "026009593", "account": "1234567890"}}
        """;

    private const string StubJson = """
        {"image": "s.jpg", "kind": "remittance_stub", "lang": "fra", "payer_name": "LES ATELIERS", "payee": "Papeterie SA",
         "cheque_number": "000917", "date_text": "14/03/2026", "currency": "EUR",
         "rows": [{"invoice_no": "FAC-2026-00248", "invoice_date": "2026-02-19", "amount": 2050.02, "discount": 0.00, "net_paid": 2050.02}],
         "total": {"amount": 2050.02, "discount": 0.00, "net_paid": 2050.02}}
        """;

    [Fact]
    public void Compare_NoReading_EveryFieldUnequalWithNoActual()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), ChequeJson);
        var truth = OcrGroundTruth.Load(dir.File("c.json"));

        var results = OcrGroundTruth.Compare(truth, null, null);

        (truth.Image, truth.Kind, truth.Language, truth.IsCheque).ShouldBe(("c.png", "cheque", "eng", true));
        results.Select(r => r.Field).ShouldBe(["cheque_number", "date", "payer_name", "payee", "amount", "amount_words", "memo", "micr.routing", "micr.account", "micr.cheque_number"]);
        results.ShouldAllBe(r => !r.Equal && r.Actual == null);
    }

    [Fact]
    public void Compare_ChequeReading_NamesIgnoreCaseAndSpacesAmountsAsDecimalsNumbersExactly()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), ChequeJson);
        var truth = OcrGroundTruth.Load(dir.File("c.json"));
        var cheque = new ChequeReading
        {
            EntityCode = "CA01",
            Document = "c.png",
            Number = Field("4871"),
            Date = Field(new DateOnly(2026, 3, 14)),
            Payer = Field("Northwind Trading Ltd."),
            Payee = Field("ACME INDUSTRIAL SUPPLIES INC."),
            AmountInFigures = Field(12345.670m),
            AmountInWords = Field(12345.67m),
            Memo = Field("invoices INV-1 to INV-9"),
            Micr = new MicrLine("raw", default, 90, "004871", "026009593", "1234567890", true),
        };

        var results = OcrGroundTruth.Compare(truth, cheque, null).ToDictionary(r => r.Field);

        results.Where(r => !r.Value.Equal).Select(r => r.Key).Order().ShouldBe(["cheque_number", "memo"]);
        results["amount"].Expected.ShouldBe("12345.67");
    }

    [Fact]
    public void Compare_StubReading_RowsDatesAndTotals()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("s.json"), StubJson);
        var truth = OcrGroundTruth.Load(dir.File("s.json"));
        var row = new StubRow(1, Field("FAC-2026-00248"), Field(new DateOnly(2026, 2, 19)), Field(2050.02m), Field(0m), Field(2050.02m), default);
        var stub = new StubReading
        {
            EntityCode = "FR01",
            Document = "s.jpg",
            ChequeNumber = Field("000917"),
            Date = Field(new DateOnly(2026, 3, 14)),
            Payer = Field("les ateliers"),
            Payee = Field("Papeterie SA"),
            Currency = "EUR",
            Rows = [row, row with { Index = 2 }],
            Total = row with { Index = 0, Invoice = null, Date = null, Net = Field(2050.20m) },
            Style = FigureStyle.DecimalComma,
        };

        var unequal = OcrGroundTruth.Compare(truth, null, stub).Where(r => !r.Equal).Select(r => r.Field).ToList();

        unequal.ShouldBe(["rows[1]", "total.net_paid"]);
    }

    [Fact]
    public void Load_UnknownKind_Throws()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.json"), """{"image": "x.png", "kind": "invoice"}""");

        Should.Throw<InvalidDataException>(() => OcrGroundTruth.Load(dir.File("x.json")));
    }

    private static OcrField<T> Field<T>(T value) => new(value, value?.ToString() ?? string.Empty, 95, new OcrBox(0, 0, 10, 10), []);
}
