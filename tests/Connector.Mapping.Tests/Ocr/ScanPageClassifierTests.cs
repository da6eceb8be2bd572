using Connector.Mapping.Ocr;

namespace Connector.Mapping.Tests.Ocr;

public sealed class ScanPageClassifierTests
{
    [Fact]
    public void Classify_ChequeLayout_IsCheque()
        => ScanPageClassifier.Classify(ChequeReaderTests.Sample().Page()).ShouldBe(ScanPageKind.Cheque);

    [Fact]
    public void Classify_StubLayout_IsStub()
        => ScanPageClassifier.Classify(StubReaderTests.Sample().Page()).ShouldBe(ScanPageKind.Stub);

    [Fact]
    public void Classify_FrenchStubWithOtherHeadingsAndColumnOrder_IsStub()
    {
        var text = StubReaderTests.Sample() with
        {
            Title = "AVIS DE PAIEMENT",
            Headings = ["Facture N°", "Net payé", "Date facture", "Montant", "Escompte"],
            Order = [0, 4, 1, 2, 3],
        };

        ScanPageClassifier.Classify(text.Page()).ShouldBe(ScanPageKind.Stub);
    }

    [Fact]
    public void Classify_ChequeWithDamagedLabelAndNoMicr_IsChequeByItsWordsAndDollars()
    {
        var page = new OcrPageBuilder()
            .Line(60, new OcrCell(90, "NORTHWIND TRADING LTD.", 13), new OcrCell(2460, "No. 004871", 12, Right: true))
            .Line(420, new OcrCell(100, "paYTOTHE", 7), new OcrCell(600, "Bluewater Logistics Corp.", 12))
            .Line(560, new OcrCell(100, "Thirty-four thousand fourteen and 10/100", 10.5), new OcrCell(2460, "DOLLARS", 9, Right: true))
            .Build();

        ScanPageClassifier.Classify(page).ShouldBe(ScanPageKind.Cheque);
    }

    [Fact]
    public void Classify_FrenchCheque_IsCheque()
    {
        var page = new OcrPageBuilder()
            .Line(60, new OcrCell(90, "LES ATELIERS BOREAL SARL", 13), new OcrCell(2460, "N° 000917", 12, Right: true))
            .Line(420, new OcrCell(100, "PAYEZ CONTRE CE CHÈQUE", 7), new OcrCell(700, "Papeterie Saint-Laurent SA", 12), new OcrCell(1950, "€**2 050,02", 13))
            .Line(560, new OcrCell(100, "Deux mille cinquante euros et deux centimes", 10.5))
            .Build();

        ScanPageClassifier.Classify(page).ShouldBe(ScanPageKind.Cheque);
    }

    [Fact]
    public void Classify_StubThatSaysPayToAndCheque_IsStub()
    {
        var text = StubReaderTests.Sample() with { PayeeLine = "Pay to: Acme Industrial Supplies Inc.", Foot = "Please detach this stub before depositing the cheque." };

        ScanPageClassifier.Classify(text.Page()).ShouldBe(ScanPageKind.Stub);
    }

    [Theory]
    [InlineData("INVOICE 2026-00123 Please pay within 30 days", "Total due 1,234.56")]
    [InlineData("Dear customer, thank you for your order", "Kind regards")]
    [InlineData("Invoice Date Amount", "Nothing under it")]
    public void Classify_OtherPages_IsUnknown(string first, string second)
    {
        var page = new OcrPageBuilder().Line(100, new OcrCell(90, first, 10)).Line(200, new OcrCell(90, second, 10)).Build();

        ScanPageClassifier.Classify(page).ShouldBe(ScanPageKind.Unknown);
    }

    [Fact]
    public void Classify_EmptyPage_IsUnknown()
        => ScanPageClassifier.Classify(new OcrPage(100, 100, 300, [], "test")).ShouldBe(ScanPageKind.Unknown);
}
