using System.Globalization;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Tests.Ocr;

public sealed class ChequeReaderTests
{
    private static readonly OcrReaderOptions Cad = new(Currency: "CAD");

    [ChequeCorpusTheory]
    [InlineData("cheque_en_01")]
    [InlineData("cheque_en_02")]
    [InlineData("cheque_en_03")]
    public void Read_CorpusCheque_EveryFieldEqualsTheGroundTruth(string name)
    {
        var truth = ChequeCorpus.Truth(name);

        var cheque = ChequeReader.Read(ChequeText.From(truth).Page(), "CA01", name, Cad);

        cheque.Number!.Value.ShouldBe(truth.GetProperty("cheque_number").GetString());
        cheque.Date!.Value.ShouldBe(DateOnly.ParseExact(truth.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        cheque.AmountInFigures!.Value.ShouldBe(truth.GetProperty("amount").GetDecimal());
        cheque.AmountInWords!.Value.ShouldBe(truth.GetProperty("amount").GetDecimal());
        cheque.Payer!.Value.ShouldBe(truth.GetProperty("payer_name").GetString());
        cheque.Payee!.Value.ShouldBe(truth.GetProperty("payee").GetString());
        cheque.Memo!.Value.ShouldBe(truth.GetProperty("memo").GetString());
        cheque.Currency.ShouldBe(truth.GetProperty("currency").GetString());
        var micr = truth.GetProperty("micr");
        cheque.Micr!.ChequeNumber.ShouldBe(micr.GetProperty("cheque_number").GetString());
        cheque.Micr.Routing.ShouldBe(micr.GetProperty("routing").GetString());
        cheque.Micr.Account.ShouldBe(micr.GetProperty("account").GetString());
    }

    [Fact]
    public void Read_Fields_CarryTheirWordsConfidenceAndRegion()
    {
        var text = Sample();
        var page = text.Page(p => p.Smudged["Industrial"] = 41);

        var cheque = ChequeReader.Read(page, "CA01", "scan.png", Cad);

        cheque.Payee!.Confidence.ShouldBe(41);
        var words = page.Words.Where(w => w.Line == page.Words.Single(x => x.Text == "Acme").Line && w.Box.Left >= 330 && w.Box.Left < 1900).ToList();
        cheque.Payee.Region.Left.ShouldBe(words.Min(w => w.Box.Left));
        cheque.Payee.Region.Right.ShouldBe(words.Max(w => w.Box.Right));
        cheque.AmountInFigures!.Confidence.ShouldBe(92);
    }

    [Fact]
    public void Read_OcrDamage_LettersForDigitsAndAMisspelledWordAreRepaired()
    {
        var text = Sample() with
        {
            Number = "OO4871",
            Figures = "$**l2,345.67",
            Words = "Twelve thousand three hundred fortv-five and 67/1OO ********",
        };

        var cheque = ChequeReader.Read(text.Page(), "CA01", "scan.png", Cad);

        cheque.Number!.Value.ShouldBe("004871");
        cheque.AmountInFigures!.Value.ShouldBe(12345.67m);
        cheque.AmountInWords!.Value.ShouldBe(12345.67m);
    }

    [Fact]
    public void Read_DroppedThousandsComma_StillReadsTheAmount()
    {
        var cheque = ChequeReader.Read((Sample() with { Figures = "$**12345.67" }).Page(), "CA01", "scan.png", Cad);

        cheque.AmountInFigures!.Value.ShouldBe(12345.67m);
    }

    [Fact]
    public void Read_FrenchCheque_ReadsEurosWordsAndDayFirstDate()
    {
        var text = Sample() with
        {
            Date = "14/03/2026",
            PayLabel = "PAYEZ CONTRE CE CHÈQUE",
            OrderLabel = "À L'ORDRE DE",
            Payee = "Papeterie Saint-Laurent SA",
            Figures = "**12 345,67 €",
            Words = "Douze mille trois cent quarante-cinq euros et soixante-sept centimes ***",
            Currency = "EUROS",
            PayeeX = 700,
        };

        var cheque = ChequeReader.Read(text.Page(), "FR01", "cheque.png", new OcrReaderOptions(DayFirst: true));

        cheque.Date!.Value.ShouldBe(new DateOnly(2026, 3, 14));
        cheque.AmountInFigures!.Value.ShouldBe(12345.67m);
        cheque.AmountInWords!.Value.ShouldBe(12345.67m);
        cheque.Currency.ShouldBe("EUR");
        cheque.Payee!.Value.ShouldBe("Papeterie Saint-Laurent SA");
    }

    [Fact]
    public void Read_PayeeOnTheOrderLine_IsRead()
    {
        var text = Sample() with { PayLabel = "PAY TO THE ORDER OF", OrderLabel = string.Empty, PayeeX = 600 };

        ChequeReader.Read(text.Page(), "CA01", "scan.png", Cad).Payee!.Value.ShouldBe("Acme Industrial Supplies Inc.");
    }

    [Theory]
    [InlineData("The Home Depot Canada")]
    [InlineData("A & B Welding Ltd.")]
    [InlineData("De Vries Trading BV")]
    public void Read_PayeeStartingLikeALabelWord_KeepsItsWholeName(string payee)
        => ChequeReader.Read((Sample() with { Payee = payee }).Page(), "CA01", "scan.png", Cad).Payee!.Value.ShouldBe(payee);

    [Fact]
    public void Read_FiguresWithoutSignOrStars_TakesTheFigureWithTwoDecimals()
    {
        var cheque = ChequeReader.Read((Sample() with { Figures = "12,345.67" }).Page(), "CA01", "scan.png", Cad);

        cheque.AmountInFigures!.Value.ShouldBe(12345.67m);
    }

    [Fact]
    public void Read_WordsWrappedOnTwoLines_AreReadAsOneAmount()
    {
        var page = new OcrPageBuilder()
            .Line(60, new OcrCell(90, "NORTHWIND TRADING LTD.", 13), new OcrCell(2460, "No. 004871", 12, Right: true))
            .Line(400, new OcrCell(90, "PAY TO THE ORDER OF", 7), new OcrCell(700, "Acme Industrial Supplies Inc.", 12), new OcrCell(1930, "$**12,345.67", 13))
            .Line(545, new OcrCell(90, "Twelve thousand three hundred", 10.5))
            .Line(600, new OcrCell(90, "forty-five and 67/100 ********", 10.5), new OcrCell(2460, "DOLLARS", 9, Right: true))
            .Build();

        var cheque = ChequeReader.Read(page, "CA01", "scan.png", Cad);

        cheque.AmountInWords!.Value.ShouldBe(12345.67m);
        cheque.AmountInWords.Text.ShouldBe("Twelve thousand three hundred forty-five and 67/100");
    }

    [Theory]
    [InlineData("03/04/2026", false, "2026-03-04", "2026-04-03")]
    [InlineData("03/04/2026", true, "2026-04-03", "2026-03-04")]
    public void Read_DateReadingBothWays_KeepsTheOtherAsACompetingReading(string printed, bool dayFirst, string expected, string competing)
    {
        var cheque = ChequeReader.Read((Sample() with { Date = printed }).Page(), "CA01", "scan.png", new OcrReaderOptions(dayFirst, "CAD"));

        cheque.Date!.Value.ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));
        cheque.Date.Alternatives.ShouldBe([DateOnly.Parse(competing, CultureInfo.InvariantCulture)]);
    }

    [Theory]
    [InlineData("March 14, 2026")]
    [InlineData("14 mars 2026")]
    [InlineData("14.03.2026")]
    [InlineData("2026/03/14")]
    public void Read_DateFormats_AreRead(string printed)
        => ChequeReader.Read((Sample() with { Date = printed }).Page(), "CA01", "scan.png", new OcrReaderOptions(true, "CAD"))
            .Date!.Value.ShouldBe(new DateOnly(2026, 3, 14));

    [Theory]
    [InlineData("1]:004871]: 13026009593]: 1234567890]:", "026009593", true)]
    [InlineData("⑈004871⑈ ⑆000111222⑆ 987654321⑈", "000111222", false)]
    [InlineData("|:;' 004871 ]: 12345678 ]: 1234567890 [[", null, null)]
    public void Read_MicrWithJunkSymbols_IsAHintWithItsCheckDigit(string micr, string? routing, bool? valid)
    {
        var cheque = ChequeReader.Read((Sample() with { Micr = micr }).Page(), "CA01", "scan.png", Cad);

        cheque.Micr!.Routing.ShouldBe(routing);
        cheque.Micr.RoutingCheckDigitValid.ShouldBe(valid);
        cheque.Number!.Value.ShouldBe("004871");
    }

    [Theory]
    [InlineData("026009593", true)]
    [InlineData("011000015", true)]
    [InlineData("026009594", false)]
    [InlineData("000111222", false)]
    [InlineData("12345678", false)]
    public void RoutingChecks_ThreeSevenOne_IsVerified(string routing, bool valid) => MicrLine.RoutingChecks(routing).ShouldBe(valid);

    [Fact]
    public void Read_SpeckleLineAboveThePayer_IsNotThePayer()
    {
        var page = new OcrPageBuilder()
            .Line(20, new OcrCell(400, "~ . ,, '", 6))
            .Line(60, new OcrCell(90, "NORTHWIND TRADING LTD.", 13), new OcrCell(2460, "No. 004871", 12, Right: true))
            .Build();

        ChequeReader.Read(page, "CA01", "scan.png", Cad).Payer!.Value.ShouldBe("NORTHWIND TRADING LTD.");
    }

    [Fact]
    public void Read_EmptyOrJunkPage_FindsNothingAndDoesNotThrow()
    {
        var page = new OcrPageBuilder().Line(10, new OcrCell(10, "⑆⑈ ]: |||")).Line(90, new OcrCell(10, "~~ ** $ €")).Build();

        var cheque = ChequeReader.Read(page, "CA01", "junk.png", Cad);

        cheque.Number.ShouldBeNull();
        cheque.AmountInFigures.ShouldBeNull();
        cheque.AmountInWords.ShouldBeNull();
        cheque.Micr.ShouldBeNull();
    }

    internal static ChequeText Sample() => new(
        "NORTHWIND TRADING LTD.", "1450 Harbour Street, Suite 300", "Vancouver, BC V6E 4M2", "004871", "2026-03-14",
        "Acme Industrial Supplies Inc.", "$**12,345.67", "Twelve thousand three hundred forty-five and 67/100 ********",
        "Invoices INV-2026-00123 to INV-2026-00131", "⑈004871⑈ ⑆026009593⑆ 1234567890⑈");
}
