using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.X12;
using static Connector.Mapping.Tests.Remittances.X12Builder;

namespace Connector.Mapping.Tests.Remittances;

public sealed class X12ReaderTests
{
    [Fact]
    public void Read_PaymentWithInvoices_MapsBprTrnN1AndRmr()
    {
        var (remittances, context) = Read(Interchange(Payment("150.00",
            "RMR*IV*INV-001*PI*100.00*102.00*2.00",
            "REF*PO*PO-77",
            "DTM*003*20231201",
            "RMR*CM*CM-9*PI*-25.00",
            "RMR*IV*INV-002*PI*75.00")));

        context.Failed.ShouldBeFalse();
        var mapped = remittances.ShouldHaveSingleItem();
        mapped.Problems.ShouldBeEmpty();
        var remittance = mapped.Remittance;
        remittance.EntityCode.ShouldBe("US01");
        remittance.PaymentNumber.ShouldBe("TRACE0001");
        remittance.Method.ShouldBe(PaymentMethod.Ach);
        remittance.Direction.ShouldBe(EntryDirection.Credit);
        remittance.Amount.ShouldBe(150.00m);
        remittance.PaymentDate.ShouldBe(new DateOnly(2024, 1, 5));
        remittance.Payer.ShouldBe(new PayerReference { Name = "ACME CORP", BankId = "011000015", BankAccount = "123456789", TaxId = "1234567890" });
        remittance.ReceivingAccount.ShouldBe("987654321");
        remittance.Source.Line.ShouldBe(3);
        remittance.Lines.Select(l => (l.LineNumber, l.Reference, l.Kind, l.AmountPaid)).ShouldBe(
            [(1, "INV-001", ReferenceKind.Invoice, 100.00m), (2, "CM-9", ReferenceKind.CreditNote, -25.00m), (3, "INV-002", ReferenceKind.Invoice, 75.00m)]);
        remittance.Lines[0].InvoiceAmount.ShouldBe(102.00m);
        remittance.Lines[0].DiscountTaken.ShouldBe(2.00m);
        remittance.Lines[0].Text.ShouldBe("RMR03 PI | REF PO PO-77 | DTM 003 20231201");
        remittance.Lines[0].Source.Column.ShouldBe("segment 8 RMR");
    }

    [Fact]
    public void Read_OtherSeparators_ReadsTheSameValues()
    {
        var text = WithSeparators(Interchange(Payment("10.00", "RMR*IV*A-1**10.00")), '|', '^', '!');
        text.ShouldNotContain("*");

        var (remittances, context) = Read(text);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var remittance = remittances.ShouldHaveSingleItem().Remittance;
        remittance.Amount.ShouldBe(10.00m);
        remittance.Lines.ShouldHaveSingleItem().Reference.ShouldBe("A-1");
    }

    [Fact]
    public void Read_NewlineAsSegmentTerminator_ReadsTheSegmentsAndTheirLines()
    {
        var text = Interchange(Payment("10.00", "RMR*IV*A-1**10.00")).Replace("~\n", "\n", StringComparison.Ordinal);

        var (remittances, context) = Read(text);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var line = remittances.ShouldHaveSingleItem().Remittance.Lines.ShouldHaveSingleItem();
        line.Source.Line.ShouldBe(8);
        line.Source.Column.ShouldBe("segment 8 RMR");
    }

    [Fact]
    public void Read_FileLargerThanTheLimit_FailsUnread()
    {
        var context = new Connector.Mapping.Reading.DocumentReadContext("big.820", new Connector.Mapping.Reading.ReaderLimits(MaxEInvoiceBytes: 100));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Interchange(Payment("1.00"))));

        X12Reader.Read(stream, "US01", context).ShouldBeEmpty();

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.FileTooLarge);
    }

    [Fact]
    public void Read_SegmentsOnOneLineWithoutIndentation_ReadsThem()
    {
        var text = Interchange(Payment("10.00", "RMR*IV*A-1**10.00")).Replace("\n", string.Empty, StringComparison.Ordinal);

        var (remittances, context) = Read(text);

        context.Failed.ShouldBeFalse();
        remittances.ShouldHaveSingleItem().Remittance.Lines.ShouldHaveSingleItem().AmountPaid.ShouldBe(10.00m);
    }

    [Fact]
    public void Read_AdxUnderRmrAndAtEntLevel_GivesDeductionAndOwnLine()
    {
        var (remittances, _) = Read(Interchange(Payment("80.00",
            "ADX*-5.00*ZZ*CM*CM-44",
            "REF*CM*CM-44",
            "RMR*IV*INV-1*PI*100.00",
            "ADX*-15.00*01",
            "NTE*ZZZ*DAMAGED GOODS")));

        var mapped = remittances.ShouldHaveSingleItem();
        mapped.Problems.ShouldBeEmpty();
        var lines = mapped.Remittance.Lines;
        lines.Count.ShouldBe(2);
        lines[0].ShouldSatisfyAllConditions(
            l => l.Reference.ShouldBe("CM-44"),
            l => l.Kind.ShouldBe(ReferenceKind.CreditNote),
            l => l.AmountPaid.ShouldBeNull(),
            l => l.Deduction.ShouldBe(5.00m),
            l => l.DeductionReason.ShouldBe("ZZ"),
            l => l.Text.ShouldBe("REF CM CM-44"));
        lines[1].ShouldSatisfyAllConditions(
            l => l.Reference.ShouldBe("INV-1"),
            l => l.AmountPaid.ShouldBe(100.00m),
            l => l.Deduction.ShouldBe(15.00m),
            l => l.DeductionReason.ShouldBe("01"),
            l => l.Text.ShouldBe("RMR03 PI | ADX -15.00 01 | NTE ZZZ DAMAGED GOODS"));
    }

    [Fact]
    public void Read_HeaderReferencesAndDates_AreKeptInTheFreeTextButNotThoseOfAnIndividual()
    {
        var body = Payment("10.00", "NM1*QE*1*DOE*JOHN", "REF*1L*POLICY-9", "RMR*IV*A-1**10.00");
        var (remittances, _) = Read(Interchange([body[0], body[1], "REF*TN*BATCH-5", "DTM*097*20240104", .. body[2..]]));

        var remittance = remittances.ShouldHaveSingleItem().Remittance;
        remittance.FreeText.ShouldBe("REF TN BATCH-5 | DTM 097 20240104");
        remittance.Lines.ShouldHaveSingleItem().Text.ShouldBe(null);
    }

    [Fact]
    public void Read_TotalNotTheSumOfLines_IsAnErrorOnTheRecordNotTheFile()
    {
        var (remittances, context) = Read(Interchange(Payment("100.00", "RMR*IV*INV-1**60.00", "RMR*IV*INV-2**30.00", "ADX*-5.00*ZZ")));

        context.Failed.ShouldBeFalse();
        var problem = remittances.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.RemittanceTotal);
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Field.ShouldBe("BPR02");
        problem.Value.ShouldBe("100.00");
        problem.Location.Column.ShouldBe("segment 4 BPR02");
        problem.Message.ShouldBe("The payment is 100.00 (BPR02) but its 2 RMR lines pay 90.00 (Σ RMR04) and its adjustments come to -5.00 (Σ ADX01): 85.00, -15.00 off.");
    }

    [Fact]
    public void Read_PaymentOnlyHandlingCode_IsNotReconciled()
    {
        var body = Payment("100.00", "RMR*IV*INV-1**60.00");
        body[0] = body[0].Replace("BPR*C*", "BPR*D*", StringComparison.Ordinal);

        var (remittances, _) = Read(Interchange(body));

        remittances.ShouldHaveSingleItem().Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_PlaceholderAmounts_AreRecordProblemsNotACrash()
    {
        var (remittances, context) = Read(Interchange(Payment("TOTAL DOLLAR AMT OF CHECK", "RMR*IV*INVOICE NUMBER**NET AMOUNT PAID*GROSS AMOUNT", "DTM*003*CCYYMMDD")));

        context.Failed.ShouldBeFalse();
        var mapped = remittances.ShouldHaveSingleItem();
        mapped.Remittance.Amount.ShouldBe(0m);
        mapped.Problems.Select(p => (p.Code, p.Field)).ShouldBe(
            [(ProblemCodes.FieldInvalidNumber, "RMR04"), (ProblemCodes.FieldInvalidNumber, "RMR05"), (ProblemCodes.FieldInvalidNumber, "BPR02")],
            ignoreOrder: true);
        mapped.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Error);
        mapped.Problems.ShouldNotContain(p => p.Code == ProblemCodes.RemittanceTotal);
    }

    [Fact]
    public void Read_DebitCurrencyAndSellerAssignedPayerId_AreMapped()
    {
        var body = Payment("12.50", "RMR*IV*X**12.50");
        body[0] = body[0].Replace("BPR*C*12.50*C*ACH", "BPR*C*12.50*D*CHK", StringComparison.Ordinal);
        body[2] = "N1*PR*ACME CORP*91*CUST-0042";

        var remittance = Read(Interchange([.. body.Take(1), "CUR*BY*cad", .. body.Skip(1)])).Remittances.ShouldHaveSingleItem().Remittance;

        remittance.Direction.ShouldBe(EntryDirection.Debit);
        remittance.Method.ShouldBe(PaymentMethod.Cheque);
        remittance.Currency.ShouldBe("CAD");
        remittance.Payer.CustomerAccount.ShouldBe("CUST-0042");
    }

    [Fact]
    public void Read_TwoTransactionSets_GivesTwoRemittances()
    {
        var (remittances, context) = Read(Interchange(Payment("1.00", "RMR*IV*A**1.00"), Payment("2.00", "RMR*IV*B**2.00")));

        context.Failed.ShouldBeFalse();
        remittances.Select(r => r.Remittance.Amount).ShouldBe([1.00m, 2.00m]);
        context.RowsRead.ShouldBe(2);
    }

    [Fact]
    public void Read_AnotherTransactionSet_IsSkippedWithAWarning()
    {
        var text = Interchange(Payment("1.00", "RMR*IV*A**1.00"), ["BIG*20240101*INV1"]).Replace("ST*820*1002", "ST*810*1002", StringComparison.Ordinal);

        var (remittances, context) = Read(text);

        context.Failed.ShouldBeFalse();
        remittances.ShouldHaveSingleItem();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EdiUnsupportedSet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an edi file at all")]
    [InlineData("ISA*00*incomplete")]
    public void Read_NotX12_FailsTheFile(string text)
    {
        var (remittances, context) = Read(text);

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBeOneOf(ProblemCodes.EmptyFile, ProblemCodes.EdiMalformed);
    }

    [Fact]
    public void Sniff_X12820AndOthers_TellsThemApart()
    {
        X12Reader.Sniff(System.Text.Encoding.UTF8.GetBytes("\uFEFF  " + Interchange(Payment("1.00")))).ShouldBeTrue();
        X12Reader.Sniff(System.Text.Encoding.UTF8.GetBytes(Interchange(Payment("1.00")).Replace("ST*820", "ST*810", StringComparison.Ordinal))).ShouldBeFalse();
        X12Reader.Sniff("<?xml version=\"1.0\"?><Document/>"u8).ShouldBeFalse();
        X12Reader.Sniff("01,BANK,CUST,240101,1200,1,80,,2/"u8).ShouldBeFalse();
    }

    [Fact]
    public void Read_RemittanceInformationOnly_IsAnAdviceNotAPayment()
    {
        var advice = X12Builder.Payment("100.00", "RMR*IV*INV-1**100.00");
        advice[0] = advice[0].Replace("BPR*C*", "BPR*I*", StringComparison.Ordinal);
        var paid = X12Builder.Payment("100.00", "RMR*IV*INV-1**100.00");

        var (remittances, _) = X12Builder.Read(X12Builder.Interchange(advice, paid));

        remittances.Select(r => r.Remittance.AdviceOnly).ShouldBe([true, false]);
    }
}
