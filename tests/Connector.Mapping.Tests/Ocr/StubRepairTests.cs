using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.Ocr;

/// <summary>A zero with a dot inside (DejaVu Sans Mono) read as 9, 6 or 8 in a stub amount, as libtesseract did on a mono-font scan.</summary>
public sealed class StubRepairTests
{
    [Fact]
    public void Read_NetWithAZeroReadAsNineProvenByRowAndTotal_RepairedWithAWarning()
    {
        var text = StubReaderTests.Sample() with { Rows = [StubReaderTests.Sample().Rows[0] with { Net = "1,190.17" }, StubReaderTests.Sample().Rows[1]] };

        var stub = StubReader.Read(text.Page(), "CA01", "stub.png");
        var checks = ChequeTrust.Check(null, stub);

        stub.Rows[0].Net!.Value.ShouldBe(1100.17m);
        stub.Rows[0].Net!.Text.ShouldBe("1,190.17");
        var repair = stub.Rows[0].Repaired.ShouldHaveSingleItem();
        (repair.Column, repair.Read, repair.Value).ShouldBe((StubColumn.Net, 1190.17m, 1100.17m));
        var check = checks.ShouldHaveSingleItem();
        (check.Severity, check.Code, check.Field).ShouldBe((ProblemSeverity.Warning, ProblemCodes.OcrRowArithmetic, "Row 1 Net"));
    }

    [Fact]
    public void Read_MisreadTheTotalDoesNotConfirm_NotRepairedAndAnError()
    {
        var sample = StubReaderTests.Sample();
        var text = sample with { Rows = [sample.Rows[0] with { Net = "1,190.17" }, sample.Rows[1]], Total = sample.Total with { Net = "12,906.01" } };

        var stub = StubReader.Read(text.Page(), "CA01", "stub.png");
        var checks = ChequeTrust.Check(null, stub);

        stub.Rows[0].Net!.Value.ShouldBe(1190.17m);
        stub.Rows[0].Repaired.ShouldBeEmpty();
        checks.ShouldContain(c => c.Code == ProblemCodes.OcrRowArithmetic && c.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void Read_DigitThatIsNoDottedZeroConfusion_NotRepaired()
    {
        var sample = StubReaderTests.Sample();
        var text = sample with { Rows = [sample.Rows[0] with { Net = "1,130.17" }, sample.Rows[1]] };

        var stub = StubReader.Read(text.Page(), "CA01", "stub.png");

        stub.Rows[0].Net!.Value.ShouldBe(1130.17m);
        stub.Rows[0].Repaired.ShouldBeEmpty();
    }
}
