using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.Lockbox;
using static Connector.Mapping.Tests.Remittances.BankTestFiles;

namespace Connector.Mapping.Tests.Remittances.Lockbox;

public sealed class LockboxReaderTests
{
    private const string Header = "100ABCDEFGHIJ00999999912503041800";
    private const string Service = "2ABCDEFGHIJ0099999991000000000040008000801";
    private const string Lockbox = "50000000012345250304ABCDEFGHIJ0099999991";

    [Fact]
    public void Read_TwoChequesWithOverflows_ApplicationsWithAmounts()
    {
        var context = Context();
        var remittances = LockboxReader.Read(
            Stream(
                Header,
                Service,
                Lockbox,
                Cheque("001", "001", 175000, "0000004711", "030125", "GLOBEX CORP"),
                "4001001601 INV1001 1500.00 INV1002 250.00",
                "4001001602 INV1003",
                "4001001609 THANK YOU FOR YOUR BUSINESS",
                Cheque("001", "002", 2500, "0000000099", "030225", "JANE DOE"),
                "70010000012345250304002" + "0000177500",
                "80000000012345250304" + "0002" + "0000177500",
                "9000011"),
            "US01",
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Count.ShouldBe(2);
        var first = remittances[0];
        first.Remittance.Amount.ShouldBe(1750.00m);
        first.Remittance.PaymentNumber.ShouldBe("4711");
        first.Remittance.Payer.Name.ShouldBe("GLOBEX CORP");
        first.Remittance.PaymentDate.ShouldBe(new DateOnly(2025, 3, 1));
        first.Remittance.Lines.Select(l => (l.LineNumber, l.Reference, l.AmountPaid, l.Source.Line)).ShouldBe(
        [
            (1, "INV1001", 1500.00m, 5),
            (2, "INV1002", 250.00m, 5),
            (3, "INV1003", (decimal?)null, 6),
        ]);
        first.Remittance.FreeText.ShouldBe("INV1001 1500.00 INV1002 250.00 | INV1003 | THANK YOU FOR YOUR BUSINESS | payee: MY BUSINESS COMPANY");
        var warning = first.Problems.ShouldHaveSingleItem();
        (warning.Severity, warning.Location.Line).ShouldBe((ProblemSeverity.Warning, 7));
        remittances[1].Remittance.Lines.ShouldBeEmpty();
        remittances[1].Remittance.BankReference.ShouldBe("0012345-001-002");
    }

    [Fact]
    public void Read_BatchTotalDoesNotReconcile_RefusedNamingThe7()
    {
        var context = Context();
        LockboxReader.Read(
            Stream(
                Header,
                Service,
                Lockbox,
                Cheque("001", "001", 175000, "0000004711", "030125", "GLOBEX CORP"),
                "70010000012345250304002" + "0000175001",
                "80000000012345250304" + "0002" + "0000175001",
                "9000007"),
            "US01",
            context).ShouldBeEmpty();

        context.Failed.ShouldBeTrue();
        context.Problems.Select(p => (p.Code, p.Location.Line)).ShouldBe(
        [
            (ProblemCodes.BankRecordCount, 5),
            (ProblemCodes.BankControlTotal, 5),
            (ProblemCodes.BankRecordCount, 6),
            (ProblemCodes.BankControlTotal, 6),
        ]);
        context.Problems[1].Message.ShouldContain("gives 1750.01 but the batch holds 1750.00");
        context.Problems[1].Message.ShouldContain("cheques at lines 4-4");
    }

    [Fact]
    public void Read_RecordCountWrong_RefusedNamingThe9()
    {
        var context = Context();
        LockboxReader.Read(Stream(Header, Service, "9000009"), "US01", context).ShouldBeEmpty();

        var problem = context.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.Line, problem.Value).ShouldBe((ProblemCodes.BankRecordCount, 3, "9"));
    }

    [Fact]
    public void Read_OverflowOfAnotherItem_RefusedAsMalformed()
    {
        var context = Context();
        LockboxReader.Read(
            Stream(Header, Service, Lockbox, Cheque("001", "001", 100, "0000000001", "030125", "A"), "4001002601 INV9", "70010000012345250304001" + "0000000100", "80000000012345250304" + "0001" + "0000000100", "9000008"),
            "US01",
            context).ShouldBeEmpty();

        var problem = context.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.Line).ShouldBe((ProblemCodes.BankMalformed, 5));
    }

    [Theory]
    [InlineData("6001001000017500X", "cheque amount")]
    [InlineData("9000003", null)]
    public void Read_BadFieldOrMissingTotals_RefusedNamingLine(string record, string? field)
    {
        var context = Context();
        LockboxReader.Read(Stream(Header, Service, Lockbox, record), "US01", context).ShouldBeEmpty();

        context.Problems.ShouldAllBe(p => p.Code == ProblemCodes.BankMalformed && p.Location.Line == 4);
        var problem = context.Problems[0];
        if (field is not null)
        {
            problem.Field.ShouldBe(field);
        }
    }

    [Fact]
    public void Read_FileWithoutTrailer_RefusedAsTruncated()
    {
        var context = Context();
        LockboxReader.Read(Stream(Header, Service, Lockbox), "US01", context).ShouldBeEmpty();

        context.Problems.ShouldHaveSingleItem().Message.ShouldContain("truncated");
    }

    private static string Cheque(string batch, string item, long cents, string number, string mmddyy, string remitter)
        => $"6{batch}{item}{cents:D10}0550027070012345555{number}{mmddyy}{remitter,-30}MY BUSINESS COMPANY";
}
