using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Tests.Reading;
using static Connector.Mapping.Tests.Remittances.Advice.AdviceHelper;

namespace Connector.Mapping.Tests.Remittances.Advice;

public sealed class RemittanceXlsxReaderTests
{
    /// <summary>A lockbox provider's workbook: a title row, the header on row 3, typed dates and amounts.</summary>
    private const string XlsxProfile = """
        name: p
        format: xlsx
        record: remittance
        xlsx: { sheet: Remittance, header_row: 3 }
        dates: { formats: [MM/dd/yyyy] }
        fields:
          payment_number: { column: Check No }
          payment_date: { column: Check Date }
          payment_method: { value: cheque }
          payment_amount: { column: Check Amount }
          currency: { column: Cur, default: USD }
          payer_name: { column: Remitter }
          payer_bank_id: { column: ABA }
          payer_bank_account: { column: DDA }
          receiving_account: { column: Lockbox }
          invoice_reference: { column: Document }
          reference_kind: { column: Doc Type, map: kinds }
          invoice_amount: { column: Gross }
          amount_paid: { column: Paid }
          discount: { column: Discount }
          line_text: { column: Memo }
        value_maps:
          kinds: { INV: invoice, CM: credit_note, PO: purchase_order }
        """;

    private static readonly object?[] Header = ["Check No", "Check Date", "Check Amount", "Cur", "Remitter", "ABA", "DDA", "Lockbox", "Document", "Doc Type", "Gross", "Paid", "Discount", "Memo"];

    [Fact]
    public void Read_TypedCells_GiveDatesAndAmountsAndCreditNotesByValueMap()
    {
        using var xlsx = XlsxBuilder.Build(("Remittance", [
            ["Lockbox 4471 deposit 2026-11-20"],
            null,
            Header,
            [100231, new DateTime(2026, 11, 18), 1480.5, null, "ACME CORP", "021000021", "123456789", "4471", "INV-1001", "INV", 1000.0, 980.0, 20.0, null],
            [100231, new DateTime(2026, 11, 18), 1480.5, null, "ACME CORP", "021000021", "123456789", "4471", "INV-1002", "INV", 600.0, 600.0, null, "partial shipment"],
            [100231, new DateTime(2026, 11, 18), 1480.5, null, "ACME CORP", "021000021", "123456789", "4471", "CM-77", "CM", 99.5, 99.5, null, null],
            ["100232", "11/19/2026", "250.00", "CAD", "Beta Ltd", null, null, "4471", "PO-5", "PO", null, "250", null, null],
        ]));

        var (payments, context) = Read(xlsx, Profile(XlsxProfile), "lockbox.xlsx");

        context.Failed.ShouldBeFalse();
        context.Problems.ShouldBeEmpty();
        payments.Count.ShouldBe(2);
        payments.ShouldAllBe(p => p.Problems.Count == 0);
        var first = payments[0].Remittance;
        first.PaymentNumber.ShouldBe("100231");
        first.PaymentDate.ShouldBe(new DateOnly(2026, 11, 18));
        first.Method.ShouldBe(PaymentMethod.Cheque);
        first.Amount.ShouldBe(1480.5m);
        first.Currency.ShouldBe("USD");
        first.Payer.ShouldBe(new PayerReference { Name = "ACME CORP", BankId = "021000021", BankAccount = "123456789" });
        first.ReceivingAccount.ShouldBe("4471");
        first.Source.ShouldBe(new SourceLocation("lockbox.xlsx", 4, null, "Remittance"));
        first.Lines.Select(l => l.Kind).ShouldBe([ReferenceKind.Invoice, ReferenceKind.Invoice, ReferenceKind.CreditNote]);
        first.Lines.Select(l => l.AmountPaid).ShouldBe([980.0m, 600.0m, 99.5m]);
        first.Lines[0].InvoiceAmount.ShouldBe(1000.0m);
        first.Lines[0].DiscountTaken.ShouldBe(20.0m);
        first.Lines[1].Text.ShouldBe("partial shipment");
        first.Lines.Select(l => l.Source.Line).ShouldBe([4, 5, 6]);
        first.Lines.ShouldAllBe(l => l.Source.Sheet == "Remittance");
        var second = payments[1].Remittance;
        second.PaymentDate.ShouldBe(new DateOnly(2026, 11, 19));
        second.Currency.ShouldBe("CAD");
        second.Amount.ShouldBe(250m);
        second.Lines.ShouldHaveSingleItem().Kind.ShouldBe(ReferenceKind.PurchaseOrder);
    }

    [Fact]
    public void Read_WorkbookProblems_NameTheSpreadsheetRowAndColumnLetter()
    {
        using var xlsx = XlsxBuilder.Build(("Remittance", [
            null,
            null,
            Header,
            [100231, "not a date", 500.0, "USD", "ACME", null, null, null, "INV-1", "INV", null, 400.0, null, null],
            [100232, new DateTime(2026, 11, 18), 10.0, "USD", "Beta", null, null, null, "INV-2", "XX", null, 10.0, null, null],
        ]));

        var (payments, _) = Read(xlsx, Profile(XlsxProfile), "lockbox.xlsx");

        payments.Count.ShouldBe(2);
        var first = payments[0].Problems.Select(p => (p.Code, p.Location)).ToList();
        first.ShouldBe([
            (ProblemCodes.FieldInvalidDate, new SourceLocation("lockbox.xlsx", 4, "Check Date (B)", "Remittance")),
            (ProblemCodes.RemittanceTotal, new SourceLocation("lockbox.xlsx", 4, "Check Amount (C)", "Remittance")),
        ]);
        var unmapped = payments[1].Problems.ShouldHaveSingleItem();
        unmapped.Code.ShouldBe(ProblemCodes.FieldUnmappedValue);
        unmapped.Location.ShouldBe(new SourceLocation("lockbox.xlsx", 5, "Doc Type (J)", "Remittance"));
        payments[1].Remittance.Lines[0].Kind.ShouldBe(ReferenceKind.Unknown);
    }
}
