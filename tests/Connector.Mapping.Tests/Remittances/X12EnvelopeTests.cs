using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.Remittances.X12Builder;

namespace Connector.Mapping.Tests.Remittances;

public sealed class X12EnvelopeTests
{
    private static readonly string Good = Interchange(Payment("10.00", "RMR*IV*A-1**10.00"));

    [Fact]
    public void Read_SegmentCountWrong_FailsTheFileNamingSe01()
    {
        var (remittances, context) = Read(Good.Replace("SE*7*1001", "SE*9*1001", StringComparison.Ordinal));

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.EdiSegmentCount);
        problem.Field.ShouldBe("SE01");
        problem.Value.ShouldBe("9");
        problem.Location.Line.ShouldBe(9);
        problem.Location.Column.ShouldBe("segment 9 SE01");
        problem.Message.ShouldBe("SE01 says 9 but there are 7 segments in transaction set 1001 (ST at segment 3 to SE).");
    }

    [Fact]
    public void Read_SetControlNumberDiffers_FailsTheFile()
    {
        var (_, context) = Read(Good.Replace("SE*7*1001", "SE*7*1002", StringComparison.Ordinal));

        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.EdiControlNumber);
        problem.Field.ShouldBe("SE02");
    }

    [Fact]
    public void Read_ControlNumbersDifferingOnlyInLeadingZeros_AreOneNumber()
    {
        var (_, context) = Read(Good.Replace("SE*7*1001", "SE*7*0001001", StringComparison.Ordinal));

        context.Failed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("GE*1*7", "GE*2*7", ProblemCodes.EdiEnvelopeCount, "GE01")]
    [InlineData("GE*1*7", "GE*1*8", ProblemCodes.EdiControlNumber, "GE02")]
    [InlineData("IEA*1*000000001", "IEA*3*000000001", ProblemCodes.EdiEnvelopeCount, "IEA01")]
    [InlineData("IEA*1*000000001", "IEA*1*000000002", ProblemCodes.EdiControlNumber, "IEA02")]
    public void Read_GroupOrInterchangeTrailerWrong_FailsTheFile(string from, string to, string code, string field)
    {
        var (remittances, context) = Read(Good.Replace(from, to, StringComparison.Ordinal));

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(code);
        problem.Field.ShouldBe(field);
    }

    [Fact]
    public void Read_TruncatedFile_FailsSayingWhatIsMissing()
    {
        var truncated = Good[..Good.IndexOf("GE*", StringComparison.Ordinal)];

        var (_, context) = Read(truncated);

        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.EdiMalformed);
        problem.Message.ShouldContain("its GE is missing");
    }

    [Fact]
    public void Read_SegmentOutsideATransactionSet_FailsTheFile()
    {
        var (_, context) = Read(Good.Replace("GE*1*7", "RMR*IV*STRAY**1.00~\nGE*1*7", StringComparison.Ordinal));

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Message.ShouldBe("Segment RMR is out of place: ST or GE was expected.");
    }

    [Fact]
    public void Read_StBeforeSe_FailsTheFile()
    {
        var (_, context) = Read(Good.Replace("SE*7*1001", "ST*820*1002", StringComparison.Ordinal));

        context.Failed.ShouldBeTrue();
        context.Problems[0].Message.ShouldContain("its SE is missing");
    }
}
