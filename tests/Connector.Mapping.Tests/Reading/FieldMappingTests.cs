using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;
using static Connector.Mapping.Tests.Reading.ReadingHelper;

namespace Connector.Mapping.Tests.Reading;

public sealed class FieldMappingTests
{
    private static MappedInvoice Single(string profileFields, string header, string row, IReadOnlyDictionary<string, ValueMap>? shared = null, string extra = "")
    {
        var profile = Profile($"name: p\nformat: csv\n{extra}fields:\n  invoice_number: {{ column: N }}\n{profileFields}", shared);
        var (invoices, context) = ReadText($"N,{header}\nX1,{row}\n", profile);
        context.Failed.ShouldBeFalse();
        return invoices.ShouldHaveSingleItem();
    }

    [Fact]
    public void Transforms_TrimUpperLowerCollapse_ApplyInOrder()
    {
        var result = Single(
            "  item_code: { column: A, transforms: [trim, upper] }\n  description: { column: B, transforms: [collapse_spaces, lower] }\n",
            "A,B",
            "\"  ab-1 \",\"  Big    RED\t box \"");

        result.Invoice.Lines[0].ItemCode.ShouldBe("AB-1");
        result.Invoice.Lines[0].Description.ShouldBe("big red box");
    }

    [Fact]
    public void Transforms_RegexKeepsGroupOne_ReplacePrefixSuffix()
    {
        var result = Single(
            "  tax_rate: { column: A, transforms: [{ regex: \"([0-9.]+) ?%\" }] }\n"
            + "  item_code: { column: B, transforms: [{ replace: { pattern: \"[-/]\", with: \"\" } }, { prefix: \"SKU-\" }, { suffix: \"-FR\" }] }\n"
            + "  customer_account: { column: C, transforms: [{ regex: \"C[0-9]+\" }] }\n",
            "A,B,C",
            "TVA 20.5 %,12-34/5,client C1001 (Paris)");

        result.Problems.ShouldBeEmpty();
        result.Invoice.Lines[0].TaxRate.ShouldBe(20.5m);
        result.Invoice.Lines[0].ItemCode.ShouldBe("SKU-12345-FR");
        result.Invoice.Customer.AccountNumber.ShouldBe("C1001");
    }

    [Fact]
    public void Transforms_RegexWithoutMatch_IsFieldPatternProblem()
    {
        var result = Single("  customer_account: { column: A, transforms: [{ regex: \"C[0-9]+\" }] }\n", "A", "no account");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldPattern);
        problem.Value.ShouldBe("no account");
        problem.Location.Column.ShouldBe("A (2)");
        result.Invoice.Customer.AccountNumber.ShouldBeNull();
    }

    [Fact]
    public void Transforms_Negate_FlipsTheNumber()
    {
        var result = Single("  amount: { column: A, transforms: [negate] }\n", "A", "12.50");

        result.Invoice.Lines[0].Amount.ShouldBe(-12.50m);
    }

    [Fact]
    public void ValueMaps_LocalSharedAndFallback_MapValues()
    {
        var shared = new Dictionary<string, ValueMap> { ["currencies"] = new("currencies", [new("€", "EUR"), new("*", "USD")]) };
        var extra = "value_maps:\n  terms: { \"30 jours\": \"30 NET\" }\n";
        var profile = Profile("name: p\nformat: csv\n" + extra + "fields:\n  invoice_number: { column: N }\n  currency: { column: C, map: \"shared:currencies\" }\n  payment_terms: { column: T, map: terms }\n", shared);

        var (invoices, _) = ReadText("N,C,T\nA,€,30 JOURS \nB,£,30 jours\nC,€,60 jours\n", profile);

        invoices[0].Invoice.Currency.ShouldBe("EUR");
        invoices[0].Invoice.PaymentTerms.ShouldBe("30 NET");
        invoices[1].Invoice.Currency.ShouldBe("USD");
        var unmapped = invoices[2].Problems.ShouldHaveSingleItem();
        unmapped.Code.ShouldBe(ProblemCodes.FieldUnmappedValue);
        unmapped.Field.ShouldBe("payment_terms");
        unmapped.Value.ShouldBe("60 jours");
        unmapped.Location.Line.ShouldBe(4);
        invoices[2].Invoice.PaymentTerms.ShouldBeNull();
    }

    [Fact]
    public void Defaults_FixedValuesAndConcat_FillFields()
    {
        var result = Single(
            "  currency: { column: A, default: EUR }\n  unit: { value: EA }\n  payment_terms: { default: 30 NET }\n"
            + "  comments: { concat: [ { column: B }, \" / \", { position: 5 } ] }\n",
            "A,B,C",
            ",Objet,x,Agence");

        result.Invoice.Currency.ShouldBe("EUR");
        result.Invoice.PaymentTerms.ShouldBe("30 NET");
        result.Invoice.Lines[0].UnitOfMeasure.ShouldBe("EA");
        result.Invoice.Comments.ShouldBe("Objet / Agence");
    }

    [Fact]
    public void Required_EmptyValue_IsFieldRequiredProblem()
    {
        var result = Single("  customer_name: { column: A, required: true }\n", "A", "  ");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Field.ShouldBe("customer_name");
    }

    [Fact]
    public void Kind_MappedValues_MakeCreditNotes()
    {
        var profile = Profile("name: p\nformat: csv\nvalue_maps:\n  types: { FA: invoice, AV: credit_note }\nfields:\n  invoice_number: { column: N }\n  kind: { column: T, map: types }\n  amount: { column: M }\n");

        var (invoices, _) = ReadText("N,T,M\n1,FA,10\n2,AV,-10\n", profile);

        invoices[0].Invoice.Kind.ShouldBe(InvoiceKind.Invoice);
        invoices[1].Invoice.Kind.ShouldBe(InvoiceKind.CreditNote);
        invoices[1].Invoice.Lines[0].Amount.ShouldBe(-10m);
    }

    [Fact]
    public void CreditNotes_FlipSign_NegatesAmountsQuantitiesAndTotals()
    {
        var profile = Profile("name: p\nformat: csv\ncredit_notes: { flip_sign: true }\nvalue_maps:\n  types: { FA: invoice, AV: credit_note }\n"
            + "fields:\n  invoice_number: { column: N }\n  kind: { column: T, map: types }\n  quantity: { column: Q }\n  unit_price: { column: P }\n  tax_amount: { column: V }\n  total_gross: { column: G }\n");

        var (invoices, _) = ReadText("N,T,Q,P,V,G\n1,FA,2,5,2,12\n2,AV,2,5,2,12\n", profile);

        var invoice = invoices[0].Invoice;
        invoice.Lines[0].Amount.ShouldBe(10m);
        var credit = invoices[1].Invoice;
        credit.Kind.ShouldBe(InvoiceKind.CreditNote);
        credit.Lines[0].Quantity.ShouldBe(-2m);
        credit.Lines[0].UnitPrice.ShouldBe(5m);
        credit.Lines[0].Amount.ShouldBe(-10m);
        credit.Lines[0].TaxAmount.ShouldBe(-2m);
        credit.DeclaredGrossTotal.ShouldBe(-12m);
        credit.GrossTotal.ShouldBe(-12m);
    }

    [Fact]
    public void CreditNotes_NegativeTotalIsCredit_DetectsCreditNotes()
    {
        var profile = Profile("name: p\nformat: csv\ncredit_notes: { negative_total_is_credit: true }\nfields:\n  invoice_number: { column: N }\n  amount: { column: M }\n");

        var (invoices, _) = ReadText("N,M\n1,10\n1,-3\n2,-10\n2,4\n", profile);

        invoices[0].Invoice.Kind.ShouldBe(InvoiceKind.Invoice);
        invoices[1].Invoice.Kind.ShouldBe(InvoiceKind.CreditNote);
        invoices[1].Invoice.NetTotal.ShouldBe(-6m);
    }

    [Fact]
    public void Positions_WithoutHeaderAndSkipRows_ReadByColumnNumber()
    {
        var profile = Profile("name: p\nformat: csv\ncsv: { delimiter: \"\\t\", header: false, skip_rows: 2 }\nfields:\n  invoice_number: { position: 1 }\n  amount: { position: 3 }\n  line_number: { position: 2 }\n");

        var (invoices, context) = ReadText("Export du 01/03\nsociété X\nA1\t10\t5.5\nA1\t20\t4.5\n", profile);

        context.Problems.ShouldBeEmpty();
        var invoice = invoices.ShouldHaveSingleItem().Invoice;
        invoice.Source.Line.ShouldBe(3);
        invoice.Lines.Select(l => l.LineNumber).ShouldBe([10, 20]);
        invoice.NetTotal.ShouldBe(10m);
    }

    [Fact]
    public void Dates_FieldFormatOverridesProfileFormats()
    {
        var profile = Profile("name: p\nformat: csv\ndates: { formats: [dd/MM/yyyy, yyyy-MM-dd] }\nfields:\n  invoice_number: { column: N }\n  issue_date: { column: I }\n  due_date: { column: D, format: yyyyMMdd }\n");

        var (invoices, _) = ReadText("N,I,D\n1,2026-03-05,20260405\n2,05/03/2026,05/04/2026\n", profile);

        invoices[0].Invoice.IssueDate.ShouldBe(new DateOnly(2026, 3, 5));
        invoices[0].Invoice.DueDate.ShouldBe(new DateOnly(2026, 4, 5));
        invoices[1].Invoice.IssueDate.ShouldBe(new DateOnly(2026, 3, 5));
        invoices[1].Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.FieldInvalidDate);
    }

    [Fact]
    public void MaxRowsPerInvoice_ExtraRowsAreLeftOutWithAProblem()
    {
        var profile = Profile("name: p\nformat: csv\nfields:\n  invoice_number: { column: N }\n  amount: { column: M }\n");
        var csv = "N,M\n" + string.Concat(Enumerable.Repeat("1,1\n", 5)) + "2,1\n";

        var (invoices, _) = Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), profile, new ReaderLimits(MaxRowsPerInvoice: 3));

        invoices[0].Invoice.Lines.Count.ShouldBe(3);
        invoices[0].Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.InvoiceTooManyLines);
        invoices[1].Invoice.Lines.Count.ShouldBe(1);
    }
}
