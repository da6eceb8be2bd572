using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Mapping.Model;
using static Connector.Adapters.Tests.Targets.OracleFbdi.FbdiTestData;

namespace Connector.Adapters.Tests.Targets.OracleFbdi;

public sealed class AutoInvoiceLineWriterTests
{
    [Fact]
    public void ToText_TwoInvoices_OneRowPerLineOf372FieldsEndingWithEnd()
    {
        var batch = Batch(Invoice("F-1"), Invoice("F-2", lines: Line(1, 1m, 10m)));

        var text = AutoInvoiceLineWriter.ToText(batch);
        var rows = Parse(text);

        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.Length == 372 && r[371] == "END");
        text.Split("\r\n").Length.ShouldBe(4, "three CRLF-terminated rows");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        text.ShouldNotContain("F-1,", Case.Sensitive, "no header row and text is quoted");
    }

    [Theory]
    [InlineData("EA", "EA")]
    [InlineData("Each", "")]
    [InlineData(null, "")]
    public void BuildRows_UnitOfMeasure_OnlyACodeGoesToUomCode(string? unit, string expected)
    {
        var invoice = Invoice("F-2026-0002", lines: Line(1, 2m, 50m) with { UnitOfMeasure = unit });

        Parse(AutoInvoiceLineWriter.ToText(Batch(invoice)))[0].At(FbdiLinesLayout.UomCode).ShouldBe(expected);
    }

    [Fact]
    public void BuildRows_Invoice_FillsEveryMappedPosition()
    {
        var invoice = Invoice("F-2026-0001");
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(invoice)))[0];

        row.At(1).ShouldBe("300000001234567");
        row.At(2).ShouldBe("CONNECTOR FR01");
        row.At(3).ShouldBe("Invoice");
        row.At(4).ShouldBe("45 EOM");
        row.At(5).ShouldBe("2026/03/17");
        row.At(6).ShouldBe("2026/03/17");
        row.At(7).ShouldBe("F-2026-0001");
        row.At(19).ShouldBe("C-1001");
        row.At(20).ShouldBe("S-1001-1");
        row.At(26).ShouldBe("LINE");
        row.At(27).ShouldBe("Widget");
        row.At(28).ShouldBe("EUR");
        row.At(32).ShouldBe("100.00");
        row.At(33).ShouldBe("2.00");
        row.At(35).ShouldBe("50.00");
        row.At(37).ShouldBe("CONNECTOR");
        row.At(38).ShouldBe("FR01");
        row.At(39).ShouldBe("INV");
        row.At(40).ShouldBe("F-2026-0001");
        row.At(41).ShouldBe("1");
        row.At(54).ShouldBe("FR VAT 20");
        row.At(61).ShouldBe("EA");
        row.At(107).ShouldBe("PO-77");
        row.At(287).ShouldBe("FR01 Business Unit");
        row.At(288).ShouldBe("March delivery");
        row.At(289).ShouldBe("FR01|INV|F-2026-0001");
        var filled = new[] { 1, 2, 3, 4, 5, 6, 7, 19, 20, 26, 27, 28, 29, 31, 32, 33, 35, 37, 38, 39, 40, 41, 54, 61, 107, 287, 288, 289, 372 };
        Enumerable.Range(1, 372).Except(filled).ShouldAllBe(p => row[p - 1].Length == 0);
    }

    [Fact]
    public void BuildRows_SecondLine_CarriesItsOwnLineNumberInAttribute4()
    {
        var rows = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice())));

        rows.Select(r => r.At(41)).ShouldBe(["1", "2"]);
        rows[1].At(32).ShouldBe("12.50");
    }

    [Fact]
    public void BuildRows_NoPaymentTerms_UsesEntityDefaultTerms()
    {
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice() with { PaymentTerms = null })))[0];

        row.At(4).ShouldBe("30 NET");
    }

    [Fact]
    public void BuildRows_CreditNote_UsesCreditMemoTypeNoTermsAndCmKey()
    {
        var credit = Invoice("AV-9", InvoiceKind.CreditNote, lines: Line(1, 2m, 50m, amount: -100m));
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(credit)))[0];

        row.At(3).ShouldBe("Credit Memo");
        row.At(4).ShouldBe(string.Empty);
        row.At(39).ShouldBe("CM");
        row.At(289).ShouldBe("FR01|CM|AV-9");
        row.At(32).ShouldBe("-100.00");
        row.At(33).ShouldBe("-2.00", "quantity x price must carry the credit's sign");
        row.At(35).ShouldBe("50.00");
    }

    [Fact]
    public void BuildRows_FunctionalCurrency_UserRateOneWithoutDate()
    {
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice())))[0];

        row.At(29).ShouldBe("User");
        row.At(30).ShouldBe(string.Empty);
        row.At(31).ShouldBe("1.00");
    }

    [Fact]
    public void BuildRows_ForeignCurrency_CorporateOnTransactionDateWithoutRate()
    {
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice(currency: "USD"))))[0];

        row.At(28).ShouldBe("USD");
        row.At(29).ShouldBe("Corporate");
        row.At(30).ShouldBe("2026/03/17");
        row.At(31).ShouldBe(string.Empty);
    }

    [Fact]
    public void BuildRows_NoBusinessUnitId_LeavesOrgIdBlank()
    {
        var batch = Batch(Entity(businessUnitId: null), "B1", Invoice());

        Parse(AutoInvoiceLineWriter.ToText(batch))[0].At(1).ShouldBe(string.Empty);
    }

    [Fact]
    public void BuildRows_InvoiceNumberOf30Characters_Accepted()
    {
        var number = new string('N', 30);

        Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice(number))))[0].At(40).ShouldBe(number);
    }

    [Fact]
    public void BuildRows_InvoiceNumberOf31Characters_RefusedNamingTheRecord()
    {
        var number = new string('N', 31);
        var batch = new InvoiceBatch("B1", Entity(), [Postable(Invoice("OK-1"), 7), Postable(Invoice(number), 8)]);

        var refused = Should.Throw<RefusedByTargetException>(() => AutoInvoiceLineWriter.BuildRows(batch));

        refused.Errors.Count.ShouldBe(1);
        refused.Errors[0].Message.ShouldContain("record 8");
        refused.Errors[0].Message.ShouldContain("INTERFACE_LINE_ATTRIBUTE3");
        refused.Errors[0].Message.ShouldContain($"FR01|INV|{number}");
    }

    [Fact]
    public void BuildRows_ContextOf31Characters_Refused()
    {
        var batch = Batch(Entity(context: new string('C', 31)), "B1", Invoice());

        Should.Throw<RefusedByTargetException>(() => AutoInvoiceLineWriter.BuildRows(batch))
            .Errors[0].Message.ShouldContain("INTERFACE_LINE_CONTEXT");
    }

    [Fact]
    public void BuildRows_DuplicateLineNumber_Refused()
    {
        var batch = Batch(Invoice(lines: [Line(1, 1m, 1m), Line(1, 2m, 2m)]));

        Should.Throw<RefusedByTargetException>(() => AutoInvoiceLineWriter.BuildRows(batch))
            .Errors[0].Message.ShouldContain("line number 1 occurs twice");
    }

    [Fact]
    public void BuildRows_NoResolvedCustomer_ThrowsArgumentException()
    {
        var batch = Batch(Invoice() with { ResolvedCustomer = null });

        Should.Throw<ArgumentException>(() => AutoInvoiceLineWriter.BuildRows(batch)).Message.ShouldContain("no resolved customer");
    }

    [Fact]
    public void BuildRows_KeyNotMatchingInvoice_ThrowsArgumentException()
    {
        var batch = new InvoiceBatch("B1", Entity(), [new PostableInvoice(1, "FR01|INV|OTHER", Invoice("F-1"))]);

        Should.Throw<ArgumentException>(() => AutoInvoiceLineWriter.BuildRows(batch));
    }

    [Fact]
    public void ToText_TextWithDelimiterQuotesAndLineBreaks_QuotedOnOneLine()
    {
        var line = Line(1, 1m, 10m, description: "Bolts, \"M8\"\r\nzinc\nplated");
        var text = AutoInvoiceLineWriter.ToText(Batch(Invoice(lines: line) with { Comments = "a\rb" }));

        text.ShouldContain("\"Bolts, \"\"M8\"\" zinc plated\"");
        var row = Parse(text).ShouldHaveSingleItem();
        row.Length.ShouldBe(372);
        row.At(27).ShouldBe("Bolts, \"M8\" zinc plated");
        row.At(288).ShouldBe("a b");
    }

    [Fact]
    public void ToText_TextFieldsQuotedNumbersAndDatesBare()
    {
        var text = AutoInvoiceLineWriter.ToText(Batch(Invoice(lines: Line(1, 2m, 50m))));

        text.ShouldStartWith("\"300000001234567\",\"CONNECTOR FR01\",\"Invoice\",\"45 EOM\",2026/03/17,2026/03/17,\"F-2026-0001\",");
        text.ShouldContain(",\"EUR\",\"User\",,1.00,100.00,2.00,,50.00,,\"CONNECTOR\",\"FR01\",\"INV\",");
        text.ShouldEndWith(",END\r\n");
    }

    [Fact]
    public void ToText_Amounts_InvariantWithTwoToSixDecimalsWithoutGrouping()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var lines = new[] { Line(1, 1m, 1234567.5m), Line(2, 3m, 0.123456m, amount: 0.37m), Line(3, 1.5m, 0.1234567m, amount: 0.19m) };
            var rows = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice(lines: lines))));

            rows[0].At(32).ShouldBe("1234567.50");
            rows[1].At(35).ShouldBe("0.123456");
            rows[1].At(33).ShouldBe("3.00");
            rows[2].At(33).ShouldBe("1.50");
            rows[2].At(35).ShouldBe("0.123457");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void BuildRows_AmountOnlyLine_LeavesQuantityAndPriceBlank()
    {
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice(lines: Line(1, 0m, 0m, amount: 80m)))))[0];

        row.At(32).ShouldBe("80.00");
        row.At(33).ShouldBe(string.Empty);
        row.At(35).ShouldBe(string.Empty);
    }

    [Fact]
    public void ToBytes_NonAsciiText_Utf8WithoutBom()
    {
        var bytes = AutoInvoiceLineWriter.ToBytes(Batch(Invoice(lines: Line(1, 1m, 1m, description: "Café"))));

        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        bytes[0].ShouldBe((byte)'"');
        Parse(bytes)[0].At(27).ShouldBe("Café");
    }

    [Fact]
    public void BuildRows_LongDescription_CutTo240Characters()
    {
        var row = Parse(AutoInvoiceLineWriter.ToText(Batch(Invoice(lines: Line(1, 1m, 1m, description: new string('d', 300))))))[0];

        row.At(27).Length.ShouldBe(240);
    }
}
