using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.Bai2;
using static Connector.Mapping.Tests.Remittances.BankTestFiles;

namespace Connector.Mapping.Tests.Remittances.Bai2;

public sealed class Bai2ControlTests
{
    [Fact]
    public void Read_AccountTotalDoesNotReconcile_RefusedNamingThe49WithBothValues()
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                "03,1,,010,1000,,/",
                "16,195,500,,,,/",
                "16,195,700,,,,/",
                "49,2100,4/",
                "98,2100,1,6/",
                "99,2100,1,8/"),
            "US01",
            context);

        remittances.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.BankControlTotal);
        problem.Location.Line.ShouldBe(6);
        problem.Value.ShouldBe("2100");
        problem.Message.ShouldContain("gives the control total 2100 but its 03 and 16 amounts add up to 2200");
        problem.Message.ShouldContain("account 1 (03 at line 3)");
    }

    [Fact]
    public void Read_CountsAndGroupAndFileTotalsWrong_EveryMismatchNamed()
    {
        var context = Context();
        Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                "03,1,,/",
                "16,195,500,,,,/",
                "49,500,9/",
                "98,600,2,7/",
                "99,700,3,6/"),
            "US01",
            context).ShouldBeEmpty();

        context.Problems.Select(p => (p.Code, p.Location.Line, p.Field)).ShouldBe(
        [
            (ProblemCodes.BankRecordCount, 5, "49 number of records"),
            (ProblemCodes.BankControlTotal, 6, "control total"),
            (ProblemCodes.BankRecordCount, 6, "98 number of accounts"),
            (ProblemCodes.BankRecordCount, 6, "98 number of records"),
            (ProblemCodes.BankControlTotal, 7, "control total"),
            (ProblemCodes.BankRecordCount, 7, "99 number of groups"),
            (ProblemCodes.BankRecordCount, 7, "99 number of records"),
        ]);
        context.Problems[0].Message.ShouldContain("gives 9 records but the account has 3");
    }

    [Fact]
    public void Read_FileEndsBeforeThe99_RefusedAsTruncated()
    {
        var context = Context();
        Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                "03,1,,/",
                "16,195,500,,,,/"),
            "US01",
            context).ShouldBeEmpty();

        var problem = context.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.Line).ShouldBe((ProblemCodes.BankMalformed, 4));
        problem.Message.ShouldContain("truncated");
    }

    [Theory]
    [InlineData("16,195,5X0,,,,/", "amount")]
    [InlineData("16,19,500,,,,/", "type code")]
    [InlineData("16,195,500,Q,,,/", "funds type")]
    [InlineData("16,195,500,V,251399,,,,/", "value date")]
    [InlineData("49,500,3/", "record code")]
    public void Read_BadFieldOrOrder_RefusedNamingLineAndField(string record, string field)
    {
        var context = Context();
        Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                record == "49,500,3/" ? "16,195,500,,,,/" : "03,1,,/",
                record,
                "49,500,3/",
                "98,500,1,5/",
                "99,500,1,7/"),
            "US01",
            context).ShouldBeEmpty();

        var problem = context.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.Line, problem.Field).ShouldBe((ProblemCodes.BankMalformed, record == "49,500,3/" ? 3 : 4, record == "49,500,3/" ? "record code" : field));
    }

    [Theory]
    [InlineData("2400", false)]
    [InlineData("9999", false)]
    [InlineData("0000", false)]
    [InlineData("2359", false)]
    [InlineData("2500", true)]
    [InlineData("12:0", true)]
    public void Read_AsOfTime_EndOfDayAcceptedOtherValuesWarned(string time, bool warned)
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                $"02,ACME,BANK,1,250228,{time},USD,2/",
                "03,1,,/",
                "16,195,500,,,,/",
                "49,500,3/",
                "98,500,1,5/",
                "99,500,1,7/"),
            "US01",
            context);

        remittances.Count.ShouldBe(1);
        context.Failed.ShouldBeFalse();
        context.Problems.Count.ShouldBe(warned ? 1 : 0);
        if (warned)
        {
            (context.Problems[0].Severity, context.Problems[0].Location.Line, context.Problems[0].Field).ShouldBe((ProblemSeverity.Warning, 2, "as-of time"));
        }
    }

    [Fact]
    public void Read_NotBai2_RefusedAsUnknownFormat()
    {
        var context = Context();
        Bai2Reader.Read(Stream("HEADER;DATE;AMOUNT", "X;20250101;10"), "US01", context).ShouldBeEmpty();

        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.BankUnknownFormat);
    }

    [Theory]
    [InlineData("01,BANK,ACME,250301,0800,1,,,2/\n02,", true)]
    [InlineData("\uFEFF01,BANK,ACME,250301", true)]
    [InlineData("0110278    02204EUR2 00012345603", false)]
    [InlineData("100ABCDEFGHIJ00999999911605231800", false)]
    [InlineData("01,", false)]
    public void Sniff_FirstBytes_RecognisesA01FileHeader(string head, bool expected)
        => Bai2Reader.Sniff(System.Text.Encoding.UTF8.GetBytes(head)).ShouldBe(expected);
}
