using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.Cfonb;
using static Connector.Mapping.Tests.Remittances.BankTestFiles;
using static Connector.Mapping.Tests.Remittances.Cfonb.CfonbRecords;

namespace Connector.Mapping.Tests.Remittances.Cfonb;

public sealed class Cfonb120ReaderTests
{
    [Theory]
    [InlineData('{', 1.20)]
    [InlineData('A', 1.21)]
    [InlineData('B', 1.22)]
    [InlineData('C', 1.23)]
    [InlineData('D', 1.24)]
    [InlineData('E', 1.25)]
    [InlineData('F', 1.26)]
    [InlineData('G', 1.27)]
    [InlineData('H', 1.28)]
    [InlineData('I', 1.29)]
    [InlineData('}', -1.20)]
    [InlineData('J', -1.21)]
    [InlineData('K', -1.22)]
    [InlineData('L', -1.23)]
    [InlineData('M', -1.24)]
    [InlineData('N', -1.25)]
    [InlineData('O', -1.26)]
    [InlineData('P', -1.27)]
    [InlineData('Q', -1.28)]
    [InlineData('R', -1.29)]
    public void Parse_OverpunchedLastCharacter_GivesDigitAndSign(char last, decimal expected)
    {
        var amount = "0000000000012" + last;
        var context = Context();

        var statement = Cfonb120Reader.Parse(Stream(Balance("01", amount), Balance("07", amount)), context).ShouldNotBeNull().ShouldHaveSingleItem();

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        statement.Opening.ShouldBe(expected);
        statement.Closing.ShouldBe(expected);
    }

    [Theory]
    [InlineData('0', "JPY", "0000000012345E", 123455)]
    [InlineData('2', "EUR", "0000000012345E", 1234.55)]
    [InlineData('3', "TND", "0000000012345N", -123.455)]
    [InlineData(' ', "JPY", "0000000012345E", 123455)]
    public void Read_DecimalsDigit_ScalesEveryAmount(char decimals, string currency, string amount, decimal expected)
    {
        var context = Context();

        var statement = Cfonb120Reader.Parse(Stream(Balance("01", amount, decimals: decimals, currency: currency), Balance("07", amount, decimals: decimals, currency: currency)), context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        statement.ShouldNotBeNull()[0].Opening.ShouldBe(expected);
    }

    [Fact]
    public void Read_CreditWithComplements_PayerReferencesAndText()
    {
        var context = Context();
        var remittances = Cfonb120Reader.Read(
            Stream(
                Balance("01", "0000000100000{"),
                Operation("0000000015000{", reference: "BNK-REF-77"),
                Complement("NPY", "GLOBEX SARL"),
                Complement("IPY", "FR12345678901"),
                Complement("RCN", "E2E-INV-2025-001".PadRight(35) + "SUPPLIER PAYMENT"),
                Complement("LCS", "RF18539007547034"),
                Complement("LIB", "FACTURE F-1001 F-1002"),
                Complement("MMO", "USD2" + "00000000163050"),
                Complement("XYZ", "SOMETHING ELSE"),
                Operation("0000000002000}", code: "06", label: "VIR FOURNISSEUR", entry: "0004711"),
                Complement("NBE", "ACME SUPPLIES"),
                Balance("07", "0000000113000{", date: "040325")),
            "FR01",
            context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Count.ShouldBe(2);
        var credit = remittances[0].Remittance;
        (credit.Amount, credit.Direction, credit.Method, credit.BankTransactionCode).ShouldBe((1500.00m, EntryDirection.Credit, PaymentMethod.CreditTransfer, "05"));
        credit.Payer.Name.ShouldBe("GLOBEX SARL");
        credit.Payer.TaxId.ShouldBe("FR12345678901");
        credit.PaymentNumber.ShouldBe("E2E-INV-2025-001");
        credit.BankReference.ShouldBe("BNK-REF-77");
        credit.BookingDate.ShouldBe(new DateOnly(2025, 3, 3));
        credit.ValueDate.ShouldBe(new DateOnly(2025, 3, 4));
        credit.ReceivingAccount.ShouldBe(Account);
        credit.FreeText.ShouldBe("VIR SEPA GLOBEX | SUPPLIER PAYMENT | FACTURE F-1001 F-1002 | original amount USD 1630.50 | XYZ: SOMETHING ELSE");
        var line = credit.Lines.ShouldHaveSingleItem();
        (line.Reference, line.Kind, line.Source.Line).ShouldBe(("RF18539007547034", ReferenceKind.CreditorReference, 6));
        credit.Source.Line.ShouldBe(2);
        var debit = remittances[1].Remittance;
        (debit.Amount, debit.Direction, debit.BankReference, debit.Payer.IsEmpty).ShouldBe((200.00m, EntryDirection.Debit, "0004711", true));
        debit.FreeText.ShouldBe("VIR FOURNISSEUR | beneficiary: ACME SUPPLIES");
    }

    [Fact]
    public void Read_BalanceDoesNotReconcile_RefusedNamingThe07AndThe01()
    {
        var context = Context();
        Cfonb120Reader.Read(
            Stream(Balance("01", "0000000100000{"), Operation("0000000015000{"), Balance("07", "0000000114999I"), Balance("01", "0000000000000{"), Balance("07", "0000000000001}")),
            "FR01",
            context).ShouldBeEmpty();

        context.Failed.ShouldBeTrue();
        context.Problems.Select(p => (p.Code, p.Location.Line)).ShouldBe([(ProblemCodes.BankControlTotal, 3), (ProblemCodes.BankControlTotal, 5)]);
        context.Problems[0].Message.ShouldContain("the new balance 11499.99 of account 00012345603 is not the previous balance 10000.00 (line 1) plus its 1 operation(s) 1500.00 = 11500.00");
    }

    [Fact]
    public void Read_RecordsWithoutLineEnds_CutEvery120Characters()
    {
        var context = Context();
        var records = new[] { Balance("01", "0000000100000{"), Operation("0000000015000{"), Balance("07", "0000000115000{") };
        var text = string.Concat(records.Select(r => r.PadRight(120)));

        var remittances = Cfonb120Reader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)), "FR01", context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.ShouldHaveSingleItem().Remittance.Source.Line.ShouldBe(2);
    }

    [Theory]
    [InlineData("LONG", "BANK_MALFORMED", 2)]
    [InlineData("05FIRST", "BANK_MALFORMED", 2)]
    [InlineData("OTHER", "BANK_MALFORMED", 2)]
    [InlineData("BADAMOUNT", "BANK_MALFORMED", 2)]
    [InlineData("BADDATE", "BANK_MALFORMED", 2)]
    [InlineData("UNKNOWN", "BANK_MALFORMED", 2)]
    [InlineData("NOCLOSE", "BANK_MALFORMED", 2)]
    public void Read_MalformedRecord_RefusedNamingTheLine(string kind, string code, int line)
    {
        var second = kind switch
        {
            "LONG" => Operation("0000000015000{").PadRight(121, 'X'),
            "05FIRST" => Complement("LIB", "NO OPERATION BEFORE"),
            "OTHER" => Operation("0000000015000{", account: "99999999999"),
            "BADAMOUNT" => Operation("00000000150002"),
            "BADDATE" => Operation("0000000015000{", date: "320325"),
            "UNKNOWN" => "0930004",
            _ => Operation("0000000015000{"),
        };
        var lines = kind == "NOCLOSE" ? new[] { Balance("01", "0000000100000{"), second } : [Balance("01", "0000000100000{"), second, Balance("07", "0000000115000{")];
        var context = Context();

        Cfonb120Reader.Read(Stream(lines), "FR01", context).ShouldBeEmpty();

        var problem = context.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.Line).ShouldBe((code, line));
    }

    [Fact]
    public void Read_NotCfonb_RefusedAsUnknownFormat()
    {
        var context = Context();
        Cfonb120Reader.Read(Stream("01,BANK,ACME,250301,0800,1,,,2/"), "FR01", context).ShouldBeEmpty();

        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.BankUnknownFormat);
    }

    [Theory]
    [InlineData("0130004    00001EUR2 00012345603  010325", true)]
    [InlineData("01,BANK,ACME,250301,0800,1,,,2/", false)]
    [InlineData("3100000120181220E    300661077100020030401", false)]
    [InlineData("100ABCDEFGHIJ00999999911605231800", false)]
    public void Sniff_FirstBytes_RecognisesA01PreviousBalance(string head, bool expected)
        => Cfonb120Reader.Sniff(System.Text.Encoding.ASCII.GetBytes(head)).ShouldBe(expected);
}
