using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Ocr.Scans;

public sealed class ScanCorrectionTests
{
    [Fact]
    public void TryApply_WordsMisreadCorrected_ChecksPassAndTheCorrectionIsKept()
    {
        var payment = Read(ScanSamples.Cheque(words: "One thousand seven hundred sixty-one and 01/100"), ScanSamples.Stub());
        payment.Checks.ShouldContain(c => c.Code == ProblemCodes.OcrWordsFigures);

        ScanCorrection.TryApply(payment.Readings, "AmountInWords", "1716.01", "ann", out var corrected, out var error).ShouldBeTrue(error);
        var again = ScannedPayment.From(corrected, ChequeTrustOptions.Default);

        again.IsClean.ShouldBeTrue();
        corrected.Cheque!.AmountInWords!.Confidence.ShouldBe(100);
        corrected.Cheque.AmountInWords.Region.ShouldBe(payment.Readings.Cheque!.AmountInWords!.Region);
        corrected.Corrections.ShouldBe([new ScanFieldCorrection("AmountInWords", "1716.01", "ann")]);
        again.Mapped.Remittance.FreeText!.ShouldContain("AmountInWords corrected to 1716.01 by ann");
    }

    [Fact]
    public void TryApply_RowNetCorrected_OnlyThatCellChanges()
    {
        var payment = Read(ScanSamples.Cheque(), ScanSamples.Stub(secondNet: "1,308.48"));
        payment.Checks.ShouldContain(c => c.Code == ProblemCodes.OcrRowArithmetic && c.Field == "Row 2 Net");

        ScanCorrection.TryApply(payment.Readings, "row 2  net", "1308.46", "ann", out var corrected, out _).ShouldBeTrue();

        corrected.Stub!.Rows[1].Net!.Value.ShouldBe(1308.46m);
        corrected.Stub.Rows[0].ShouldBe(payment.Readings.Stub!.Rows[0]);
        ScannedPayment.From(corrected, ChequeTrustOptions.Default).IsClean.ShouldBeTrue();
    }

    [Theory]
    [InlineData("AmountInWords", "1716,01", "decimal point")]
    [InlineData("Date", "13/11/2026", "yyyy-MM-dd")]
    [InlineData("Row 9 Net", "1.00", "no row 9")]
    [InlineData("Colour", "blue", "not a field")]
    public void TryApply_BadFieldOrValue_RefusedSayingWhy(string field, string value, string said)
    {
        var payment = Read(ScanSamples.Cheque(), ScanSamples.Stub());

        ScanCorrection.TryApply(payment.Readings, field, value, "ann", out var corrected, out var error).ShouldBeFalse();

        error.ShouldContain(said);
        corrected.ShouldBe(payment.Readings);
    }

    [Fact]
    public void TryApply_DateAndPayer_ChequesWhenThereIsACheque_StubsByTheirStubNames()
    {
        var payment = Read(ScanSamples.Cheque(), ScanSamples.Stub());

        ScanCorrection.TryApply(payment.Readings, "Date", "2026-11-14", "ann", out var cheque, out _).ShouldBeTrue();
        ScanCorrection.TryApply(payment.Readings, "Stub Date", "2026-11-15", "ann", out var stub, out _).ShouldBeTrue();

        cheque.Cheque!.Date!.Value.ShouldBe(new DateOnly(2026, 11, 14));
        cheque.Stub!.Date.ShouldBe(payment.Readings.Stub!.Date);
        stub.Stub!.Date!.Value.ShouldBe(new DateOnly(2026, 11, 15));
    }

    private static ScannedPayment Read(ChequeText cheque, StubText stub)
        => ScanAssembler.Assemble([ScanSamples.Page("c.png", 1, cheque.Page()), ScanSamples.Page("s.png", 1, stub.Page())], "US01", new ScanOptions(), "USD").Payments.Single();
}
