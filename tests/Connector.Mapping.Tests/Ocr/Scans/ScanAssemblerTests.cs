using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Ocr.Scans;

public sealed class ScanAssemblerTests
{
    private static readonly ScanOptions Options = new();

    [Fact]
    public void Assemble_ChequeAndStubInTwoFiles_OnePaymentWithTheStubsLines()
    {
        var assembly = ScanAssembler.Assemble(
            [ScanSamples.Page("scan_0001.png", 1, ScanSamples.Cheque().Page()), ScanSamples.Page("scan_0002.png", 1, ScanSamples.Stub().Page())],
            "US01", Options, "USD");

        var payment = assembly.Payments.ShouldHaveSingleItem();
        payment.Document.ShouldBe("scan_0001.png");
        payment.Readings.StubPages.ShouldBe([new PageRef("scan_0002.png", 1)]);
        var remittance = payment.Mapped.Remittance;
        remittance.Method.ShouldBe(PaymentMethod.Cheque);
        remittance.PaymentNumber.ShouldBe("004911");
        remittance.Amount.ShouldBe(1716.01m);
        remittance.AdviceOnly.ShouldBeFalse();
        remittance.Lines.Select(l => (l.Reference, l.AmountPaid)).ShouldBe([("INV-104231", 407.55m), ("INV-104251", 1308.46m)]);
        payment.Checks.Where(c => c.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        payment.IsClean.ShouldBeTrue();
    }

    [Fact]
    public void Assemble_StubScannedBeforeItsChequeInOneFile_PairedByTheChequeNumber()
    {
        var assembly = ScanAssembler.Assemble(
            [
                ScanSamples.Page("batch.tif", 1, ScanSamples.Stub("000777").Page()),
                ScanSamples.Page("batch.tif", 2, ScanSamples.Cheque("000512").Page()),
                ScanSamples.Page("batch.tif", 3, ScanSamples.Cheque("000777").Page()),
            ],
            "US01", Options, "USD");

        assembly.Payments.Count.ShouldBe(2);
        assembly.Payments.Single(p => p.Mapped.Remittance.PaymentNumber == "000777").Readings.StubPages.ShouldBe([new PageRef("batch.tif", 1)]);
        var lone = assembly.Payments.Single(p => p.Mapped.Remittance.PaymentNumber == "000512");
        lone.Readings.Stub.ShouldBeNull();
        lone.Mapped.Remittance.Lines.ShouldBeEmpty();
        lone.Readings.ChequePage!.Document.ShouldBe("batch.tif");
        lone.Mapped.Problems.ShouldAllBe(p => p.Location.Document == "batch.tif page 2");
    }

    [Fact]
    public void Assemble_StubWithoutItsCheque_AnAdviceThatWaitsForItsMoney()
    {
        var payment = ScanAssembler.Assemble([ScanSamples.Page("stub.png", 1, ScanSamples.Stub().Page())], "US01", Options, "USD").Payments.ShouldHaveSingleItem();

        payment.Mapped.Remittance.AdviceOnly.ShouldBeTrue();
        payment.Mapped.Remittance.PaymentNumber.ShouldBe("004911");
        payment.Mapped.Remittance.Amount.ShouldBe(1716.01m);
        payment.Readings.Cheque.ShouldBeNull();
    }

    [Fact]
    public void Assemble_StubTotalNotTheRowsNorTheCheque_FlaggedNotClean()
    {
        var payment = ScanAssembler.Assemble(
            [ScanSamples.Page("c.png", 1, ScanSamples.Cheque().Page()), ScanSamples.Page("s.png", 1, ScanSamples.Stub(total: "1,726.01").Page())],
            "US01", Options, "USD").Payments.ShouldHaveSingleItem();

        payment.IsClean.ShouldBeFalse();
        payment.Checks.ShouldContain(c => c.Code == ProblemCodes.OcrTotalMismatch && c.Field == "Total Net");
        payment.Checks.ShouldContain(c => c.Code == ProblemCodes.OcrChequeStubMismatch);
        payment.Mapped.Problems.ShouldContain(p => p.Code == ProblemCodes.OcrTotalMismatch && p.Severity == ProblemSeverity.Error && p.Message.Contains("region x=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, "2026-11-05", false)]
    [InlineData(true, "2026-05-11", false)]
    [InlineData(null, "2026-11-05", true)]
    public void Assemble_DateThatReadsBothWays_TheEntitysOrderElseAmbiguous(bool? dayFirst, string expected, bool ambiguous)
    {
        var cheque = ScanSamples.Cheque() with { Date = "11/05/2026" };

        var payment = ScanAssembler.Assemble([ScanSamples.Page("c.png", 1, cheque.Page())], "US01", new ScanOptions { DayFirst = dayFirst }, "USD").Payments.Single();

        payment.Readings.Cheque!.Date!.Value.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        payment.Checks.Any(c => c.Code == ProblemCodes.OcrAmbiguous && c.Field == "Date").ShouldBe(ambiguous);
    }

    [Fact]
    public void Assemble_PageThatIsNeitherChequeNorStub_WarnedAndSkipped()
    {
        var letter = new OcrPageBuilder(2550, 3300).Line(200, new OcrCell(120, "Dear customer, thank you for your order of last week.", 10)).Build();

        var assembly = ScanAssembler.Assemble([ScanSamples.Page("mail.png", 1, letter), ScanSamples.Page("mail.png", 2, ScanSamples.Cheque().Page())], "US01", Options, "USD");

        assembly.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.OcrPageUnknown);
        assembly.Problems[0].Location.ShouldBe(new SourceLocation("mail.png", 1));
        assembly.Payments.ShouldHaveSingleItem().Readings.ChequePage.ShouldBe(new PageRef("mail.png", 2));
    }

    [Fact]
    public void Assemble_ChequeOfACashLetter_TheBanksCaptureTrustedOverTheImage()
    {
        var page = ScanSamples.Page("letter.x937", 1, ScanSamples.Cheque(figures: "$**1,716.91").Page()) with
        {
            Capture = new BankCapture("item 1", 1716.01m, "004911", "042105730", "7301184452", true, new DateOnly(2026, 11, 20)),
        };

        var payment = ScanAssembler.Assemble([page], "US01", Options, "USD").Payments.ShouldHaveSingleItem();

        payment.Mapped.Remittance.Amount.ShouldBe(1716.01m);
        payment.Mapped.Remittance.Payer.BankAccount.ShouldBe("7301184452");
        payment.Mapped.Remittance.Payer.BankId.ShouldBe("042105730");
        payment.Checks.ShouldContain(c => c.Field == "AmountInFigures" && c.Severity == ProblemSeverity.Warning && c.Readings.Contains("1,716.91"));
        payment.Checks.ShouldNotContain(c => c.Code == ProblemCodes.OcrWordsFigures);
    }

    [Theory]
    [InlineData("Acme Industrial Supply Inc.", 100)]
    [InlineData("onpen one Acme Industrial Supply Inc.", 100)]
    [InlineData("Acme tndustrial Supply Inc.", 90)]
    [InlineData("Northwind Traders", 0)]
    public void PayeeCheck_Score_HowWellThePayeeReadsAsTheEntity(string payee, int atLeast)
    {
        var score = PayeeCheck.Score(payee, "Acme Industrial Supply Inc.");

        if (atLeast == 0)
        {
            score.ShouldBeLessThan(PayeeCheck.SameName);
        }
        else
        {
            score.ShouldBeGreaterThanOrEqualTo(atLeast);
        }
    }

    [Fact]
    public void Assemble_PayeeIsAnotherCompany_WarnedNotStopped()
    {
        var cheque = ScanSamples.Cheque() with { Payee = "Northwind Traders Ltd." };

        var payment = ScanAssembler.Assemble([ScanSamples.Page("c.png", 1, cheque.Page()), ScanSamples.Page("s.png", 1, ScanSamples.Stub().Page())], "US01", Options, "USD", ["Acme Industrial Supply Inc."]).Payments.Single();

        var check = payment.Checks.Single(c => c.Code == ProblemCodes.OcrPayeeNotEntity);
        check.Severity.ShouldBe(ProblemSeverity.Warning);
        check.Readings.ShouldBe(["Northwind Traders Ltd.", "Acme Industrial Supply Inc."]);
        payment.IsClean.ShouldBeTrue();
    }
}
