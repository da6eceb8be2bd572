using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Tests.Ocr;

/// <summary>
/// The damage libtesseract 5 (eng, fast model) did to the corpus's cheques, reproduced on constructed pages: the small
/// two-line PAY TO THE / ORDER OF label read merged or a letter off with rule fragments after it, the cents fraction
/// read "48/109" with the star fill after it read as junk, the memo line under the words, and the MICR symbols.
/// </summary>
public sealed class RealOcrDamageTests
{
    private static readonly OcrReaderOptions Cad = new(Currency: "CAD");

    [Theory]
    [InlineData("ORDER Oe ~=—", "Acme Industrial Supplies Inc.")]
    [InlineData("paYTOTHE", "Bluewater Logistics Corp.")]
    [InlineData("onveR of", "Prairie Packaging Co.")]
    [InlineData("PAY TO THE ORDER OF", "The Order Group")]
    [InlineData("PAY TO TH", "De Vries Trading BV")]
    [InlineData("PAYEZ A L'ORDRE DE", "Papeterie Saint-Laurent SA")]
    [InlineData("ONDERCE.", "Coastal Paper & Print Co.")]
    [InlineData("ORDER of =©6-", "Summit Office Supply Ltd.")]
    [InlineData("pTOTHE", "3M Canada Company")]
    public void Read_DamagedPayLabel_PayeeWithoutTheLabel(string label, string payee)
    {
        var page = Cheque(new OcrCell(100, label, 7, Confidence: 50), new OcrCell(600, payee, 12), new OcrCell(1950, "$**12,345.67", 13));

        ChequeReader.Read(page, "CA01", "scan.png", Cad).Payee!.Value.ShouldBe(payee);
    }

    [Fact]
    public void Read_LabelWithAnUnsureScrapAfterIt_ScrapIsNotThePayee()
    {
        var builder = new OcrPageBuilder();
        builder.Smudged["ME"] = 30;
        var page = Cheque(new OcrCell(100, "pavTO ME ~~", 7, Confidence: 50), new OcrCell(600, "Harbourview Electrical Ltd.", 12), new OcrCell(1950, "$38,933.35", 13), builder: builder);

        ChequeReader.Read(page, "CA01", "scan.png", Cad).Payee!.Value.ShouldBe("Harbourview Electrical Ltd.");
    }

    [Fact]
    public void Read_FiguresWithTheGroupSeparatorReadApart_WholeAmount()
    {
        var page = Cheque(new OcrCell(100, "Pay TO THE", 7), new OcrCell(600, "Westport Fuel Services Inc.", 12), new OcrCell(1950, "$**46 , 837.06", 13));

        ChequeReader.Read(page, "CA01", "scan.png", Cad).AmountInFigures!.Value.ShouldBe(46837.06m);
    }

    [Theory]
    [InlineData("27102/2026", 2026, 2, 27)]
    [InlineData("27/02l2026", 2026, 2, 27)]
    [InlineData("2026-02-27", 2026, 2, 27)]
    public void Find_DateWithASeparatorReadAsOne_IsTheDate(string text, int year, int month, int day)
        => OcrDates.Find(text, dayFirst: true)!.Value.Value.ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void Find_TokenThatIsNoDateEvenWithSeparators_IsNull()
        => OcrDates.Find("99199/2026", dayFirst: true).ShouldBeNull();

    [Fact]
    public void Read_PayerRunningIntoTheSmallerBankName_PayerAlone()
    {
        var page = new OcrPageBuilder()
            .Line(60, new OcrCell(90, "PINE CREST DENTAL CLINIC", 13), new OcrCell(800, "FIRST COASTAL BANK", 9), new OcrCell(2460, "No. 009912", 12, Right: true))
            .Line(420, new OcrCell(100, "PAY TO THE", 7), new OcrCell(600, "Medisupply Canada Inc.", 12), new OcrCell(1950, "$**1,234.56", 13))
            .Build();

        ChequeReader.Read(page, "CA01", "scan.png", Cad).Payer!.Value.ShouldBe("PINE CREST DENTAL CLINIC");
    }

    [Fact]
    public void Read_StubDateLabelMisread_DateStillRead()
    {
        var text = StubReaderTests.Sample() with { DateLine = "pate: 2026-06-02" };

        StubReader.Read(text.Page(), "CA01", "stub.png", Cad).Date!.Value.ShouldBe(new DateOnly(2026, 6, 2));
    }

    [Fact]
    public void Read_PayeePrintedCleanLikeALabelWord_KeepsItsWholeName()
    {
        var builder = new OcrPageBuilder();
        builder.Smudged["PAY"] = 60;
        var page = builder
            .Line(60, new OcrCell(90, "NORTHWIND TRADING LTD.", 13), new OcrCell(2460, "No. 004871", 12, Right: true))
            .Line(420, new OcrCell(100, "PAY TO THE", 7), new OcrCell(600, "Border Logistics Ltd.", 12, Confidence: 95), new OcrCell(1950, "$**12,345.67", 13))
            .Build();

        ChequeReader.Read(page, "CA01", "scan.png", Cad).Payee!.Value.ShouldBe("Border Logistics Ltd.");
    }

    [Fact]
    public void Read_NoLabelReadAtAll_PayeeIsTheTextBeforeTheAmount()
    {
        var page = Cheque(new OcrCell(100, "~=—", 7), new OcrCell(340, "Acme Industrial Supplies Inc.", 12), new OcrCell(1950, "$**12,345.67", 13));

        ChequeReader.Read(page, "CA01", "scan.png", Cad).Payee!.Value.ShouldBe("Acme Industrial Supplies Inc.");
    }

    [Fact]
    public void Read_FractionDenominatorMisreadAndJunkFill_WordsReadWithoutTheJunk()
    {
        var builder = new OcrPageBuilder();
        builder.Smudged["**##4x««"] = 0;
        var page = builder
            .Line(60, new OcrCell(90, "HALCYON FOODS INC.", 13), new OcrCell(2460, "No. 118305", 12, Right: true))
            .Line(430, new OcrCell(100, "onveR of", 7), new OcrCell(340, "Prairie Packaging Co.", 12), new OcrCell(1950, "$**33,461.48", 13))
            .Line(560, new OcrCell(100, "Thirty-three thousand four hundred Sixty-one and 48/109 **##4x««", 10.5), new OcrCell(2460, "DOLLARS", 9, Right: true))
            .Build();

        var words = ChequeReader.Read(page, "CA01", "scan.png", Cad).AmountInWords!;

        words.Value.ShouldBe(33461.48m);
        words.Text.ShouldNotContain("4x");
        words.Confidence.ShouldBeGreaterThan(90);
    }

    [Fact]
    public void Read_WordsEndingWithTheirCentsAboveTheMemo_MemoNotReadIntoTheAmount()
    {
        var page = new OcrPageBuilder()
            .Line(60, new OcrCell(90, "NORTHWIND TRADING LTD.", 13), new OcrCell(2460, "No. 004872", 12, Right: true))
            .Line(470, new OcrCell(100, "paYTOTHE", 7), new OcrCell(340, "Bluewater Logistics Corp.", 12), new OcrCell(1950, "$**34,014.10", 13))
            .Line(610, new OcrCell(100, "Thirty-four thousand fourteen and 10/100 ******\"*", 10.5), new OcrCell(2460, "DOLLARS", 9, Right: true))
            .Line(800, new OcrCell(100, "MEMO Remittance 004872 - 8 invoices", 8))
            .Build();

        var cheque = ChequeReader.Read(page, "CA01", "scan.png", Cad);

        cheque.AmountInWords!.Value.ShouldBe(34014.10m);
        cheque.AmountInWords.Text.ShouldBe("Thirty-four thousand fourteen and 10/100");
        cheque.Memo!.Value.ShouldBe("Remittance 004872 - 8 invoices");
    }

    [Theory]
    [InlineData("#118305\" 13060111222): 987654321\"", "118305", "060111222", "987654321", false)]
    [InlineData("\" 904872\" 13626009593]: 1234567890\"", "904872", "026009593", "1234567890", true)]
    [InlineData("\"004871\" |:026009593): 1234567890\"", "004871", "026009593", "1234567890", true)]
    [InlineData("\"220417! 15026009593: 4455667788!", "220417", "026009593", "4455667788", true)]
    [InlineData("1 909913! 13611000015): 9988776655!", "909913", "011000015", "9988776655", true)]
    public void Find_MicrWithSymbolsReadAsDigits_GroupsByTheTransitSymbol(string micr, string number, string routing, string account, bool valid)
    {
        var page = Cheque(new OcrCell(100, "PAY TO THE ORDER OF", 7), new OcrCell(340, "Acme Inc.", 12), new OcrCell(1950, "$**1.00", 13), micr);

        var line = ChequeReader.Read(page, "CA01", "scan.png", Cad).Micr!;

        (line.ChequeNumber, line.Routing, line.Account, line.RoutingCheckDigitValid).ShouldBe((number, routing, account, valid));
    }

    [Theory]
    [InlineData("626009593", "026009593")]
    [InlineData("026009593", "026009593")]
    [InlineData("060111222", "060111222")]
    public void ZeroRepair_RoutingFailingItsCheckDigit_RepairedOnlyByOneDottedZero(string read, string expected)
        => MicrLine.ZeroRepair(read).ShouldBe(expected);

    [Fact]
    public void Read_HandwritingReadAsADigitAndA_NoAmountInWords()
    {
        var page = new OcrPageBuilder(1200, 550)
            .Line(60, new OcrCell(1046, "1211", 9))
            .Line(160, new OcrCell(32, "7 a ‘", 9))
            .Line(250, new OcrCell(215, "One Trend Boa eat", 9))
            .Build();

        var cheque = ChequeReader.Read(page, "US01", "front.tif");

        cheque.AmountInWords.ShouldBeNull();
        cheque.Number!.Value.ShouldBe("1211");
    }

    [Fact]
    public void Read_NumberAloneTopRightWithoutLabel_IsTheChequeNumber()
    {
        var page = new OcrPageBuilder()
            .Line(60, new OcrCell(90, "Sam Money", 9), new OcrCell(2460, "1211", 12, Right: true))
            .Line(135, new OcrCell(90, "8911 Balboa Avenue", 8))
            .Line(420, new OcrCell(100, "PAY TO THE ORDER OF", 7), new OcrCell(600, "Sam Harvey", 12), new OcrCell(1950, "$**100.00", 13))
            .Build();

        ChequeReader.Read(page, "US01", "front.tif").Number!.Value.ShouldBe("1211");
    }

    private static Connector.Mapping.Ocr.OcrPage Cheque(OcrCell label, OcrCell payee, OcrCell figures, string micr = "\"004871\" |:026009593): 1234567890\"", OcrPageBuilder? builder = null)
        => (builder ?? new OcrPageBuilder())
            .Line(60, new OcrCell(90, "NORTHWIND TRADING LTD.", 13), new OcrCell(2460, "No. 004871", 12, Right: true))
            .Line(230, new OcrCell(2460, "DATE 2026-03-14", 9, Right: true))
            .Line(420, label, payee, figures)
            .Line(560, new OcrCell(100, "Twelve thousand three hundred forty-five and 67/100 ****", 10.5), new OcrCell(2460, "DOLLARS", 9, Right: true))
            .Line(750, new OcrCell(100, "MEMO Invoices INV-2026-00123", 8))
            .Line(930, new OcrCell(520, micr, 12))
            .Build();
}
