using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances.Advice;
using Connector.Mapping.Tests.Reading;
using static Connector.Mapping.Tests.Remittances.Advice.AdviceHelper;

namespace Connector.Mapping.Tests.Remittances.Advice;

public sealed class RemittanceCsvReaderTests
{
    [Fact]
    public void Read_ConsecutiveRowsOfOnePayment_FormOnePaymentWithItsLines()
    {
        var (payments, context) = ReadText(CsvHeader
            + "VIR-1;20/11/2026;VIR;1 929,92; c10025 ;Nexa Immobilier;F26-004532;FA;714,48;;;\n"
            + "VIR-1;20/11/2026;VIR;1 929,92; c10025 ;Nexa Immobilier;F26-004535;FA;1 215,44;;10,00;LIVRAISON INCOMPLETE\n"
            + "CHQ-7;21/11/2026;CHQ;866,32;C10023;Auvergne Câblage;F26-004531;FA;866,32;17,68;;\n");

        context.Failed.ShouldBeFalse();
        context.Problems.ShouldBeEmpty();
        context.RowsRead.ShouldBe(3);
        payments.Count.ShouldBe(2);
        payments.ShouldAllBe(p => p.Problems.Count == 0);
        var first = payments[0].Remittance;
        first.EntityCode.ShouldBe("FR01");
        first.PaymentNumber.ShouldBe("VIR-1");
        first.PaymentDate.ShouldBe(new DateOnly(2026, 11, 20));
        first.Method.ShouldBe(PaymentMethod.CreditTransfer);
        first.Amount.ShouldBe(1929.92m);
        first.Currency.ShouldBe("EUR");
        first.Direction.ShouldBe(EntryDirection.Credit);
        first.Payer.ShouldBe(new PayerReference { CustomerAccount = "C10025", Name = "Nexa Immobilier" });
        first.Source.ShouldBe(new SourceLocation("avis.csv", 2));
        first.Lines.Select(l => l.LineNumber).ShouldBe([1, 2]);
        first.Lines.Select(l => l.Reference).ShouldBe(["F26-004532", "F26-004535"]);
        first.Lines.ShouldAllBe(l => l.Kind == ReferenceKind.Invoice);
        first.Lines[1].AmountPaid.ShouldBe(1215.44m);
        first.Lines[1].Deduction.ShouldBe(10.00m);
        first.Lines[1].DeductionReason.ShouldBe("LIVRAISON INCOMPLETE");
        first.Lines[0].Deduction.ShouldBeNull();
        first.Lines.Select(l => l.Source).ShouldBe([new SourceLocation("avis.csv", 2), new SourceLocation("avis.csv", 3)]);
        var cheque = payments[1].Remittance;
        cheque.Method.ShouldBe(PaymentMethod.Cheque);
        cheque.Lines.ShouldHaveSingleItem().DiscountTaken.ShouldBe(17.68m);
        cheque.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_EmptyMethodAndPaymentAmount_TakeTheDefaultAndTheSumOfTheLines()
    {
        var (payments, _) = ReadText(CsvHeader
            + "P-1;20/11/2026;;;C1;A;F-1;;100,00;;;\n"
            + "P-1;20/11/2026;;;C1;A;F-2;;50,50;;;\n");

        var payment = payments.ShouldHaveSingleItem();
        payment.Problems.ShouldBeEmpty();
        payment.Remittance.Amount.ShouldBe(150.50m);
        payment.Remittance.Method.ShouldBe(PaymentMethod.CreditTransfer);
        payment.Remittance.Lines.ShouldAllBe(l => l.Kind == ReferenceKind.Unknown);
    }

    [Fact]
    public void Read_CreditNoteLine_IsACreditNoteKeptPositiveAndSubtracted()
    {
        var (payments, _) = ReadText(CsvHeader
            + "P-1;20/11/2026;VIR;1 717,72;C10003;BRA;FX26-00102;FA;1 930,24;;;\n"
            + "P-1;20/11/2026;VIR;1 717,72;C10003;BRA;AV26-000231;AV;-212,52;;;\n"
            + "P-2;20/11/2026;VIR;;C10003;BRA;F-9;FA;300,00;;;\n"
            + "P-2;20/11/2026;VIR;;C10003;BRA;AV-9;AV;100,00;;;\n");

        payments.Count.ShouldBe(2);
        payments.ShouldAllBe(p => p.Problems.Count == 0);
        var credit = payments[0].Remittance.Lines[1];
        credit.Kind.ShouldBe(ReferenceKind.CreditNote);
        credit.AmountPaid.ShouldBe(212.52m);
        payments[0].Remittance.Amount.ShouldBe(1717.72m);
        payments[1].Remittance.Amount.ShouldBe(200.00m);
    }

    [Fact]
    public void Read_PaymentAmountNotTheSumOfTheLines_IsRemittanceTotalOnThatPaymentOnly()
    {
        var (payments, context) = ReadText(CsvHeader
            + "P-1;20/11/2026;VIR;1 000,00;C1;A;F-1;FA;600,00;;;\n"
            + "P-1;20/11/2026;VIR;1 000,00;C1;A;F-2;FA;390,00;;10,00;ESCOMPTE\n"
            + "P-2;20/11/2026;VIR;70,00;C2;B;F-3;FA;70,00;;;\n");

        context.Problems.ShouldBeEmpty();
        var problem = payments[0].Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.RemittanceTotal);
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Location.ShouldBe(new SourceLocation("avis.csv", 2, "Montant (4)"));
        problem.Field.ShouldBe("payment_amount");
        problem.Value.ShouldBe("1000.00");
        problem.Message.ShouldContain("its 2 lines pay 990.00");
        problem.Message.ShouldContain("-10.00 off");
        payments[0].Remittance.Amount.ShouldBe(1000.00m);
        payments[1].Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_PaymentFieldDifferingWithinAPayment_IsAnInconsistencyOnThatPayment()
    {
        var (payments, _) = ReadText(CsvHeader
            + "P-1;20/11/2026;VIR;30,00;C1;A;F-1;FA;10,00;;;\n"
            + "P-1;21/11/2026;VIR;30,00;C1;A;F-2;FA;10,00;;;\n"
            + "P-1;22/11/2026;VIR;30,00;C1;A;F-3;FA;10,00;;;\n"
            + "P-2;20/11/2026;VIR;5,00;C2;B;F-4;FA;5,00;;;\n");

        var problem = payments[0].Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.RemittanceHeaderInconsistent);
        problem.Location.ShouldBe(new SourceLocation("avis.csv", 3, "Date (2)"));
        problem.Field.ShouldBe("payment_date");
        problem.Value.ShouldBe("21/11/2026");
        problem.Message.ShouldBe("payment_date is '21/11/2026' here but '20/11/2026' on the first line of payment P-1 (line 2)");
        payments[0].Remittance.PaymentDate.ShouldBe(new DateOnly(2026, 11, 20));
        payments[0].Remittance.Lines.Count.ShouldBe(3);
        payments[1].Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_BadNumberAndDateRows_StayOnTheirPaymentsAndGoodPaymentsComeOut()
    {
        var (payments, context) = ReadText(CsvHeader
            + "P-1;20/11/2026;VIR;30,00;C1;A;F-1;FA;12,3x;;;\n"
            + "P-1;20/11/2026;VIR;30,00;C1;A;F-2;FA;17,70;;;\n"
            + "P-2;31/02/2026;VIR;5,00;C2;B;F-3;FA;5,00;;;\n"
            + "P-3;20/11/2026;VIR;8,00;C3;C;F-4;FA;8,00;;;\n");

        context.Failed.ShouldBeFalse();
        payments.Select(p => p.Remittance.PaymentNumber).ShouldBe(["P-1", "P-2", "P-3"]);
        var number = payments[0].Problems.ShouldHaveSingleItem();
        number.Code.ShouldBe(ProblemCodes.FieldInvalidNumber);
        number.Location.ShouldBe(new SourceLocation("avis.csv", 2, "Payé (9)"));
        number.Field.ShouldBe("amount_paid");
        number.Value.ShouldBe("12,3x");
        payments[0].Remittance.Lines[0].AmountPaid.ShouldBeNull();
        var date = payments[1].Problems.ShouldHaveSingleItem();
        date.Code.ShouldBe(ProblemCodes.FieldInvalidDate);
        date.Location.ShouldBe(new SourceLocation("avis.csv", 4, "Date (2)"));
        payments[1].Remittance.PaymentDate.ShouldBeNull();
        payments[2].Problems.ShouldBeEmpty();
        payments[2].Remittance.Amount.ShouldBe(8.00m);
    }

    [Fact]
    public void Read_RowsWithoutPaymentNumber_AreSkippedWithAProblemAndBlankRowsSilently()
    {
        var (payments, context) = ReadText(CsvHeader
            + "P-1;20/11/2026;VIR;10,00;C1;A;F-1;FA;10,00;;;\n"
            + ";;;;;;;;;;;\n"
            + ";;;;;Total;;;10,00;;;\n"
            + "P-2;20/11/2026;VIR;5,00;C2;B;F-2;FA;5,00;;;\n");

        payments.Count.ShouldBe(2);
        var skipped = context.Problems.ShouldHaveSingleItem();
        skipped.Code.ShouldBe(ProblemCodes.FieldRequired);
        skipped.Location.ShouldBe(new SourceLocation("avis.csv", 4, "Règlement (1)"));
        skipped.Field.ShouldBe("payment_number");
        skipped.Message.ShouldContain("the payment number is empty");
    }

    [Fact]
    public void Read_NoPaymentAmountAndALineWithoutAmount_SaysThePaymentAmountIsUnknown()
    {
        var (payments, _) = ReadText(CsvHeader
            + "P-1;20/11/2026;VIR;;C1;A;F-1;FA;10,00;;;\n"
            + "P-1;20/11/2026;VIR;;C1;A;F-2;FA;;;;\n");

        var problem = payments.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Field.ShouldBe("amount_paid");
        problem.Location.ShouldBe(new SourceLocation("avis.csv", 3, "Payé (9)"));
    }

    [Fact]
    public void Read_MethodOutsideTheVocabularyWithoutMap_IsUnmappedOnThePayment()
    {
        var profile = Profile(CsvProfile.Replace("{ column: Mode, map: modes, default: VIR }", "{ column: Mode }", StringComparison.Ordinal));

        var (payments, _) = ReadText(CsvHeader + "P-1;20/11/2026;virement;5,00;C1;A;F-1;FA;5,00;;;\nP-2;20/11/2026;Wire;5,00;C1;A;F-2;FA;5,00;;;\n", profile);

        var problem = payments[0].Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldUnmappedValue);
        problem.Location.ShouldBe(new SourceLocation("avis.csv", 2, "Mode (3)"));
        problem.Message.ShouldContain("cheque, ach, wire");
        payments[0].Remittance.Method.ShouldBe(PaymentMethod.Unknown);
        payments[1].Remittance.Method.ShouldBe(PaymentMethod.Wire);
    }

    [Fact]
    public void Read_MissingColumn_FailsTheDocumentNamingIt()
    {
        var (payments, context) = ReadText("Règlement;Date;Montant\nP-1;20/11/2026;5,00\n");

        payments.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MissingColumn);
        problem.Message.ShouldContain("'Payé'");
    }

    [Fact]
    public void Read_ForwardOnlyStream_IsStreamedLikeAFile()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(CsvHeader + "P-1;20/11/2026;VIR;5,00;C1;A;F-1;FA;5,00;;;\nP-2;20/11/2026;VIR;6,00;C1;A;F-2;FA;6,00;;;\n");

        var (payments, context) = Read(new ForwardOnlyStream(new MemoryStream(bytes)), Profile());

        context.Failed.ShouldBeFalse();
        payments.Select(p => p.Remittance.Amount).ShouldBe([5.00m, 6.00m]);
    }

    [Fact]
    public void Read_ProfileOfTheOtherRecord_FailsTheDocumentWithoutThrowing()
    {
        var invoiceProfile = Profile("name: p\nformat: csv\nfields:\n  invoice_number: { column: A }\n");
        var (payments, context) = ReadText("A\n1\n", invoiceProfile);
        payments.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.UnknownFormat);

        var invoiceContext = new DocumentReadContext("avis.csv");
        var invoices = InvoiceDocumentReader.Read(new MemoryStream("A\n1\n"u8.ToArray()), Profile(), "FR01", invoiceContext).ToList();
        invoices.ShouldBeEmpty();
        invoiceContext.Failed.ShouldBeTrue();
        invoiceContext.Problems.ShouldHaveSingleItem().Message.ShouldContain("remittance advices");
    }

    [Fact]
    public void Read_PaymentWithMoreRowsThanTheLimit_KeepsTheFirstAndSaysSo()
    {
        var rows = string.Concat(Enumerable.Range(1, 4).Select(i => $"P-1;20/11/2026;VIR;;C1;A;F-{i};FA;1,00;;;\n"));

        var (payments, _) = Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CsvHeader + rows)), Profile(), limits: new ReaderLimits(MaxRowsPerInvoice: 3));

        var payment = payments.ShouldHaveSingleItem();
        payment.Remittance.Lines.Count.ShouldBe(3);
        var problem = payment.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.RemittanceTooManyLines);
        problem.Location.Line.ShouldBe(5);
    }

    [Fact]
    public void Read_LargeAdvice_YieldsTheFirstPaymentBeforeReadingTheRest()
    {
        using var stream = new GeneratedAdvice(rows: 1_000_000);
        var context = new DocumentReadContext("big.csv");

        var first = RemittanceDocumentReader.Read(stream, Profile(), "FR01", context).First();

        first.Remittance.PaymentNumber.ShouldBe("P-1");
        first.Remittance.Lines.Count.ShouldBe(2);
        stream.Served.ShouldBeLessThan(1_000_000);
    }

    /// <summary>A remittance advice of two rows per payment, generated as it is read (never seekable), counting the bytes served.</summary>
    private sealed class GeneratedAdvice(int rows) : Stream
    {
        private byte[] _pending = System.Text.Encoding.UTF8.GetBytes(CsvHeader);
        private int _offset;
        private int _row;

        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_row == rows)
                {
                    return 0;
                }

                var payment = (_row / 2) + 1;
                _pending = System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"P-{payment};20/11/2026;VIR;2,00;C1;A;F-{_row};FA;1,00;;;\n"));
                _offset = 0;
                _row++;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer.AsSpan(offset, n));
            _offset += n;
            Served += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
