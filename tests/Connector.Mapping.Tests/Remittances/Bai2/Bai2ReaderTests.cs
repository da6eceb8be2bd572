using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.Bai2;
using static Connector.Mapping.Tests.Remittances.BankTestFiles;

namespace Connector.Mapping.Tests.Remittances.Bai2;

public sealed class Bai2ReaderTests
{
    [Fact]
    public void Read_IncomingWire_MapsEveryField()
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,2400,USD,2/",
                "03,987654,,010,+100000,,/",
                "16,195,1234567,V,250301,,FED123,INV-42,WIRE FROM GLOBEX CORP/",
                "49,1334567,3/",
                "98,1334567,1,5/",
                "99,1334567,1,7/"),
            "US01",
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var r = remittances.ShouldHaveSingleItem().Remittance;
        r.EntityCode.ShouldBe("US01");
        r.Amount.ShouldBe(12345.67m);
        r.Currency.ShouldBe("USD");
        r.Direction.ShouldBe(EntryDirection.Credit);
        r.Method.ShouldBe(PaymentMethod.Wire);
        r.BankTransactionCode.ShouldBe("195");
        r.BankReference.ShouldBe("FED123");
        r.PaymentNumber.ShouldBe("INV-42");
        r.FreeText.ShouldBe("WIRE FROM GLOBEX CORP");
        r.ReceivingAccount.ShouldBe("987654");
        r.BookingDate.ShouldBe(new DateOnly(2025, 2, 28));
        r.ValueDate.ShouldBe(new DateOnly(2025, 3, 1));
        r.Lines.ShouldBeEmpty();
        r.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_TextContinuedIn88WithCommasAndSlashes_MergedIntoOneText()
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                "03,987654,USD,,,,/",
                "16,142,50000,Z,B1,AB/GS/0001,ACH CREDIT, FROM: GLOBEX",
                "88,REMI: INV 1001, INV 1002/2025",
                "88,EREF: E2E-9",
                "16,301,2500,,,,/",
                "88,DEPOSIT AT BRANCH 12/",
                "49,52500,7/",
                "98,52500,1,9/",
                "99,52500,1,11/"),
            "US01",
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Count.ShouldBe(2);
        var ach = remittances[0].Remittance;
        ach.PaymentNumber.ShouldBe("AB/GS/0001");
        ach.BankReference.ShouldBe("B1");
        ach.Method.ShouldBe(PaymentMethod.Ach);
        ach.FreeText.ShouldBe("ACH CREDIT, FROM: GLOBEX REMI: INV 1001, INV 1002/2025 EREF: E2E-9");
        var deposit = remittances[1].Remittance;
        deposit.FreeText.ShouldBe("DEPOSIT AT BRANCH 12");
        deposit.Method.ShouldBe(PaymentMethod.Unknown);
        deposit.Amount.ShouldBe(25m);
    }

    [Fact]
    public void Read_SeveralRecordsOnOneLineAndTextSplitByNewline_SplitAndJoined()
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/   02,ACME,BANK,1,250228,9999,USD,2/",
                "03,1,,010,-300,,,/",
                "16,142,200,Z,,,TRANSFER PAYPAL PPD/ 16,451,100,Z,,,CARD BILLING/  49,0,4/",
                "03,2,,/",
                "16,142,700,Z,,,CUSTOMER ONE",
                "PAYMENT REF 77          /",
                "49,700,3/",
                "98,700,2,9/ 99,700,1,11/"),
            "US01",
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Select(r => (r.Remittance.Amount, r.Remittance.Direction, r.Remittance.FreeText)).ShouldBe(
        [
            (2m, EntryDirection.Credit, "TRANSFER PAYPAL PPD"),
            (1m, EntryDirection.Debit, "CARD BILLING"),
            (7m, EntryDirection.Credit, "CUSTOMER ONE PAYMENT REF 77"),
        ]);
        remittances[1].Remittance.Source.Line.ShouldBe(3);
    }

    [Fact]
    public void Parse_FundsTypes_ExtraFieldsReadAndDistributionsLeftOutOfTheTotal()
    {
        var context = Context();
        var file = Bai2Reader.Parse(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                "03,1,,190,70000,4,D,3,0,20000,1,30000,3,20000,110/",
                "88,5000,2,S,1000,2000,2000/",
                "16,142,100,0,R0,,/",
                "16,142,200,1,R1,,/",
                "16,142,300,2,R2,,/",
                "16,142,400,Z,RZ,,/",
                "16,142,500,V,250303,1200,RV,,/",
                "16,142,600,S,100,200,300,RS,,/",
                "16,142,700,D,2,0,300,1,400,RD,CHK9,SPLIT/",
                "49,77800,10/",
                "98,77800,1,12/",
                "99,77800,1,14/"),
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var account = file.ShouldNotBeNull().Groups[0].Accounts[0];
        account.SummaryAmounts.ShouldBe([70000m, 5000m]);
        account.Details.Select(d => (d.FundsType, d.BankReference)).ShouldBe([("0", "R0"), ("1", "R1"), ("2", "R2"), ("Z", "RZ"), ("V", "RV"), ("S", "RS"), ("D", "RD")]);
        account.Details[4].ValueDate.ShouldBe(new DateOnly(2025, 3, 3));
        account.Details[6].CustomerReference.ShouldBe("CHK9");
        account.Details[6].Text.ShouldBe("SPLIT");
        account.ComputedTotal.ShouldBe(77800m);
    }

    [Theory]
    [InlineData("03,1,USD,010,500,,,/")]
    [InlineData("03,1,USD,010,500,,/")]
    [InlineData("03,1,USD,010,500/")]
    public void Parse_AccountContinuedAfterTrailingCommas_SummariesStayAligned(string account)
    {
        var context = Context();
        var file = Bai2Reader.Parse(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                account,
                account.EndsWith("500/", StringComparison.Ordinal) ? "88,,,015,600,,/" : "88,015,600,,/",
                "49,1100,3/",
                "98,1100,1,5/",
                "99,1100,1,7/"),
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        file.ShouldNotBeNull().Groups[0].Accounts[0].SummaryAmounts.ShouldBe([500m, 600m]);
    }

    [Theory]
    [InlineData("JPY", 123456, 123456)]
    [InlineData("KWD", 123456, 123.456)]
    [InlineData("EUR", 123456, 1234.56)]
    public void Read_ImpliedDecimals_FollowTheCurrency(string currency, int written, decimal amount)
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                $"03,1,{currency},/",
                $"16,195,{written},,,,/",
                $"49,{written},3/",
                $"98,{written},1,5/",
                $"99,{written},1,7/"),
            "US01",
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var r = remittances.ShouldHaveSingleItem().Remittance;
        r.Amount.ShouldBe(amount);
        r.Currency.ShouldBe(currency);
    }

    [Fact]
    public void Read_ChequePaidAndNonTransactionCodes_DebitWithNumberAndWarning()
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,1,250228,,USD,/",
                "03,1,,/",
                "16,475,10100,,B7,000123,CHECK PAID/",
                "16,890,,,,,BALANCE INFORMATION ONLY/",
                "49,10100,4/",
                "98,10100,1,6/",
                "99,10100,1,8/"),
            "US01",
            context);

        context.Failed.ShouldBeFalse();
        var r = remittances.ShouldHaveSingleItem().Remittance;
        (r.Direction, r.Method, r.PaymentNumber, r.Amount).ShouldBe((EntryDirection.Debit, PaymentMethod.Cheque, "000123", 101m));
        var warning = context.Problems.ShouldHaveSingleItem();
        (warning.Code, warning.Severity, warning.Location.Line, warning.Value).ShouldBe((ProblemCodes.BankNotATransaction, ProblemSeverity.Warning, 5, "890"));
    }

    [Fact]
    public void Read_TestGroup_CheckedButNotTakenAsPayments()
    {
        var context = Context();
        var remittances = Bai2Reader.Read(
            Stream(
                "01,BANK,ACME,250301,0800,1,,,2/",
                "02,ACME,BANK,4,250228,,USD,/",
                "03,1,,/",
                "16,195,500,,,,/",
                "49,500,3/",
                "98,500,1,5/",
                "99,500,1,7/"),
            "US01",
            context);

        remittances.ShouldBeEmpty();
        context.Failed.ShouldBeFalse();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.BankEntriesSkipped);
    }
}
