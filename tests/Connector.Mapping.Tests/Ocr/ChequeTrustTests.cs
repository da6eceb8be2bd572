using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.Ocr;

public sealed class ChequeTrustTests
{
    private static readonly OcrReaderOptions Cad = new(Currency: "CAD");

    [ChequeCorpusTheory]
    [InlineData("02")]
    [InlineData("03")]
    public void Build_CorpusChequeWithItsStub_IsACleanChequeRemittance(string pair)
    {
        var cheque = ChequeReader.Read(ChequeText.From(ChequeCorpus.Truth("cheque_en_" + pair)).Page(), "CA01", "cheque_en_" + pair, Cad);
        var stub = StubReader.Read(StubText.From(ChequeCorpus.Truth("stub_en_" + pair)).Page(), "CA01", "stub_en_" + pair, Cad);

        var mapped = ChequeRemittance.Build(cheque, stub);

        mapped.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        ChequeRemittance.IsClean(mapped).ShouldBeTrue();
        var remittance = mapped.Remittance;
        remittance.Method.ShouldBe(PaymentMethod.Cheque);
        remittance.PaymentNumber.ShouldBe(cheque.Number!.Value);
        remittance.Amount.ShouldBe(stub.Total!.Net!.Value);
        remittance.Lines.Count.ShouldBe(stub.Rows.Count);
        remittance.Lines.Sum(l => l.AmountPaid ?? 0).ShouldBe(remittance.Amount);
    }

    [ChequeCorpusTheory]
    [InlineData("stub_en_01")]
    [InlineData("stub_en_02")]
    [InlineData("stub_en_03")]
    [InlineData("stub_fr_01")]
    [InlineData("stub_fr_02")]
    public void Check_CorpusStub_AddsUp(string name)
    {
        var stub = StubReader.Read(StubText.From(ChequeCorpus.Truth(name)).Page(), "E1", name, Cad);

        ChequeTrust.Check(null, stub).ShouldBeEmpty();
    }

    [ChequeCorpusFact]
    public void Check_CorpusCheque03_RoutingFailsItsCheckDigitAsAWarningOnly()
    {
        var cheque = ChequeReader.Read(ChequeText.From(ChequeCorpus.Truth("cheque_en_03")).Page(), "CA01", "cheque_en_03", Cad);

        var check = ChequeTrust.Check(cheque, null).ShouldHaveSingleItem();

        check.Code.ShouldBe(ProblemCodes.MicrCheckDigit);
        check.Severity.ShouldBe(ProblemSeverity.Warning);
    }

    [ChequeCorpusFact]
    public void Check_Cheque01WithStub01_AmountsDifferAndAreFlagged()
    {
        var cheque = ChequeReader.Read(ChequeText.From(ChequeCorpus.Truth("cheque_en_01")).Page(), "CA01", "cheque_en_01", Cad);
        var stub = StubReader.Read(StubText.From(ChequeCorpus.Truth("stub_en_01")).Page(), "CA01", "stub_en_01", Cad);

        var check = ChequeTrust.Check(cheque, stub).ShouldHaveSingleItem();

        check.Code.ShouldBe(ProblemCodes.OcrChequeStubMismatch);
        check.Field.ShouldBe("Amount");
        check.Readings.ShouldBe(["12,345.67", "17,251.00"]);
        check.Region.ShouldBe(cheque.AmountInFigures!.Region);
    }

    [Fact]
    public void Build_ConsistentPair_HasLinesWithDiscountsAndNoProblem()
    {
        var (cheque, stub) = Pair();

        var mapped = ChequeRemittance.Build(cheque, stub);

        mapped.Problems.ShouldBeEmpty();
        var remittance = mapped.Remittance;
        remittance.EntityCode.ShouldBe("CA01");
        remittance.PaymentDate.ShouldBe(new DateOnly(2026, 3, 14));
        remittance.Currency.ShouldBe("CAD");
        remittance.Payer.Name.ShouldBe("NORTHWIND TRADING LTD.");
        remittance.Payer.BankId.ShouldBe("026009593");
        remittance.FreeText.ShouldBe("Invoices INV-2026-00123 to INV-2026-00131");
        remittance.Lines[1].Reference.ShouldBe("INV-2026-00567");
        remittance.Lines[1].InvoiceAmount.ShouldBe(11954.93m);
        remittance.Lines[1].DiscountTaken.ShouldBe(239.09m);
        remittance.Lines[1].AmountPaid.ShouldBe(11715.84m);
        remittance.Lines[0].DiscountTaken.ShouldBeNull();
    }

    [Fact]
    public void Check_WrongTotal_IsFlaggedWithTheRowsSumAndNeverClean()
    {
        var (cheque, stub) = Pair(stub: s => s with { Total = s.Total with { Net = "12,861.01" } });

        var mapped = ChequeRemittance.Build(cheque, stub);

        var total = mapped.Problems.Single(p => p.Code == ProblemCodes.OcrTotalMismatch);
        total.Field.ShouldBe("Total Net");
        total.Value.ShouldBe("12,861.01 | 12,816.01");
        mapped.Problems.ShouldContain(p => p.Code == ProblemCodes.OcrChequeStubMismatch);
        ChequeRemittance.IsClean(mapped).ShouldBeFalse();
    }

    [Fact]
    public void Check_RowNetNotAmountLessDiscount_NamesTheRowAndItsRegion()
    {
        var (cheque, stub) = Pair(stub: s => s with { Rows = [s.Rows[0] with { Net = "1,100.71" }, s.Rows[1]] });

        var checks = ChequeTrust.Check(cheque, stub);

        var row = checks.Single(c => c.Code == ProblemCodes.OcrRowArithmetic);
        row.Row.ShouldBe(1);
        row.Field.ShouldBe("Row 1 Net");
        row.Readings.ShouldBe(["1,100.71", "1,100.17"]);
        row.Region.ShouldBe(stub.Rows[0].Region);
        checks.ShouldContain(c => c.Code == ProblemCodes.OcrTotalMismatch);
    }

    [Fact]
    public void Check_FiguresDifferFromWords_IsFlaggedWithBothReadings()
    {
        var (cheque, stub) = Pair(cheque: c => c with { Words = "Twelve thousand three hundred fifty-four and 67/100 ****" });

        var mapped = ChequeRemittance.Build(cheque, stub);

        var problem = mapped.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.OcrWordsFigures);
        problem.Value.ShouldBe("12,816.01 | 12,354.67");
        problem.Message.ShouldContain("region x=");
        ChequeRemittance.IsClean(mapped).ShouldBeFalse();
    }

    [Fact]
    public void Check_LowConfidenceWord_FlagsItsFieldOnlyBelowTheFloor()
    {
        var (cheque, stub) = Pair(smudge: p => p.Smudged["11,715.84"] = 45);

        var checks = ChequeTrust.Check(cheque, stub);
        var relaxed = ChequeTrust.Check(cheque, stub, new ChequeTrustOptions(ConfidenceFloor: 40));

        var low = checks.ShouldHaveSingleItem();
        low.Code.ShouldBe(ProblemCodes.OcrLowConfidence);
        low.Field.ShouldBe("Row 2 Net");
        low.Readings.ShouldBe(["11,715.84"]);
        low.Severity.ShouldBe(ProblemSeverity.Warning, "the stub's arithmetic confirms the amount");
        relaxed.ShouldBeEmpty();
    }

    [Fact]
    public void Check_LowConfidenceAmountThatDoesNotAddUp_IsAnError()
    {
        var (cheque, stub) = Pair(stub: s => s with { Rows = [s.Rows[0], s.Rows[1] with { Net = "11,716.84" }] }, smudge: p => p.Smudged["11,716.84"] = 45);

        var checks = ChequeTrust.Check(cheque, stub);

        checks.ShouldContain(c => c.Code == ProblemCodes.OcrLowConfidence && c.Field == "Row 2 Net" && c.Severity == ProblemSeverity.Error);
        checks.ShouldContain(c => c.Code == ProblemCodes.OcrRowArithmetic);
    }

    [Fact]
    public void Check_LowConfidenceFiguresConfirmedByTheWords_IsAWarningNamingTheWords()
    {
        var (cheque, _) = Pair(smudge: p => p.Smudged["$**12,816.01"] = 38);

        var check = ChequeTrust.Check(cheque, null).ShouldHaveSingleItem();

        check.Field.ShouldBe("AmountInFigures");
        check.Severity.ShouldBe(ProblemSeverity.Warning);
        check.Message.ShouldContain("the amount in words agrees");
    }

    [Fact]
    public void Check_LowConfidencePayerWithNothingToConfirmIt_IsAnError()
    {
        var (cheque, _) = Pair(smudge: p => p.Smudged["NORTHWIND"] = 30);

        var check = ChequeTrust.Check(cheque, null).ShouldHaveSingleItem();

        (check.Field, check.Severity).ShouldBe(("Payer", ProblemSeverity.Error));
    }

    [Fact]
    public void Check_LowConfidenceReferenceLikeTheOthersOnAStubThatAddsUp_IsAWarning()
    {
        var check = ChequeTrust.Check(null, ThreeRows("INV-2026-00569", 13)).ShouldHaveSingleItem();

        (check.Field, check.Code, check.Severity).ShouldBe(("Row 3 Invoice", ProblemCodes.OcrLowConfidence, ProblemSeverity.Warning));
        check.Message.ShouldContain("not verified by arithmetic");
    }

    [Theory]
    [InlineData("INV-2026-569")]
    [InlineData("INV-2026-90569")]
    public void Check_LowConfidenceReferenceUnlikeTheOthers_StaysAnError(string reference)
    {
        var check = ChequeTrust.Check(null, ThreeRows(reference, 20)).ShouldHaveSingleItem();

        (check.Field, check.Severity).ShouldBe(("Row 3 Invoice", ProblemSeverity.Error));
    }

    /// <summary>The sample stub with a third row whose reference is read with the given confidence.</summary>
    private static StubReading ThreeRows(string reference, double confidence)
    {
        var sample = StubReaderTests.Sample();
        var text = sample with
        {
            Rows = [.. sample.Rows, new StubRowText(reference, "2026-01-15", "2,075.46", "41.50", "2,033.96")],
            Total = sample.Total with { Amount = "15,130.56", Discount = "280.59", Net = "14,849.97" },
        };
        return StubReader.Read(text.Page(p => p.Smudged[reference] = confidence), "CA01", "stub.png", Cad);
    }

    [Fact]
    public void Check_AmbiguousDateAndMissingWords_AreErrors()
    {
        var (cheque, _) = Pair(cheque: c => c with { Date = "03/04/2026", Words = "********" });

        var checks = ChequeTrust.Check(cheque, null);

        checks.ShouldContain(c => c.Code == ProblemCodes.OcrAmbiguous && c.Field == "Date" && c.Readings.SequenceEqual(new[] { "2026-03-04", "2026-04-03" }));
        checks.ShouldContain(c => c.Code == ProblemCodes.OcrFieldMissing && c.Field == "AmountInWords");
    }

    [Fact]
    public void Build_AmbiguousChequeDateSettledByTheStubsDate_TakesThatReading()
    {
        var (cheque, stub) = Pair(cheque: c => c with { Date = "03/04/2026" }, stub: s => s with
        {
            DateLine = "Date: 03/04/2026",
            Rows = [s.Rows[0] with { Date = "18/01/2026" }, s.Rows[1] with { Date = "21/03/2026" }],
        });

        var mapped = ChequeRemittance.Build(cheque, stub);

        cheque.Date!.IsAmbiguous.ShouldBeTrue();
        mapped.Remittance.PaymentDate.ShouldBe(new DateOnly(2026, 4, 3));
        mapped.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Check_ChequeNumbersDiffer_IsAMismatch()
    {
        var (cheque, stub) = Pair(stub: s => s with { NumberLine = "Cheque No. 004781" });

        ChequeTrust.Check(cheque, stub).ShouldContain(c => c.Code == ProblemCodes.OcrChequeStubMismatch && c.Field == "Number");
    }

    [Fact]
    public void Check_UnreadableAmountCell_IsFlaggedWithItsTextNotTakenAsZero()
    {
        var (cheque, stub) = Pair(stub: s => s with { Rows = [s.Rows[0] with { Discount = "O.#Q" }, s.Rows[1]] });

        var checks = ChequeTrust.Check(cheque, stub);

        stub.Rows[0].Discount.ShouldBeNull();
        var check = checks.ShouldHaveSingleItem();
        check.Code.ShouldBe(ProblemCodes.OcrFieldMissing);
        check.Field.ShouldBe("Row 1 Discount");
        check.Readings.ShouldBe(["O.#Q"]);
    }

    [Fact]
    public void Build_StubAlone_TakesItsTotalAndChequeNumber()
    {
        var (_, stub) = Pair();

        var mapped = ChequeRemittance.Build(null, stub);

        mapped.Remittance.Amount.ShouldBe(12816.01m);
        mapped.Remittance.PaymentNumber.ShouldBe("004871");
        mapped.Problems.ShouldBeEmpty();
    }

    private static (ChequeReading Cheque, StubReading Stub) Pair(
        Func<ChequeText, ChequeText>? cheque = null, Func<StubText, StubText>? stub = null, Action<OcrPageBuilder>? smudge = null)
    {
        var chequeText = ChequeReaderTests.Sample() with
        {
            Figures = "$**12,816.01",
            Words = "Twelve thousand eight hundred sixteen and 01/100 ********",
        };
        chequeText = cheque?.Invoke(chequeText) ?? chequeText;
        var stubText = stub?.Invoke(StubReaderTests.Sample()) ?? StubReaderTests.Sample();
        return (ChequeReader.Read(chequeText.Page(smudge), "CA01", "cheque.png", Cad), StubReader.Read(stubText.Page(smudge), "CA01", "stub.png", Cad));
    }
}
