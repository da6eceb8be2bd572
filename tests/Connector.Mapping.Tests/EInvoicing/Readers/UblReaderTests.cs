using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

public sealed class UblReaderTests
{
    [Fact]
    public void Read_UblInvoice_FillsTheHeaderTerms()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.Invoice());

        invoice.Syntax.ShouldBe(EInvoiceSyntax.Ubl);
        invoice.IsUblCreditNote.ShouldBeFalse();
        invoice.Profile.ShouldBe(EInvoiceProfile.PeppolBis);
        invoice.BusinessProcess.ShouldBe("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        invoice.Number.ShouldBe("INV-2026-001");
        invoice.TypeCode.ShouldBe("380");
        invoice.IssueDate.ShouldBe(new DateOnly(2026, 3, 1));
        invoice.DueDate.ShouldBe(new DateOnly(2026, 3, 31));
        invoice.DeliveryDate.ShouldBe(new DateOnly(2026, 2, 15));
        invoice.PeriodStart.ShouldBe(new DateOnly(2026, 2, 1));
        invoice.PeriodEnd.ShouldBe(new DateOnly(2026, 2, 28));
        invoice.Currency.ShouldBe("EUR");
        invoice.TaxCurrency.ShouldBe("SEK");
        invoice.BuyerReference.ShouldBe("BUYER-REF");
        invoice.ProjectReference.ShouldBe("PROJ-9");
        invoice.ContractReference.ShouldBe("CONTRACT-1");
        invoice.PurchaseOrderReference.ShouldBe("PO-77");
        invoice.SalesOrderReference.ShouldBe("SO-88");
        invoice.BuyerAccountingReference.ShouldBe("4711-ACC");
        invoice.PrecedingInvoices.ShouldBe(["INV-2025-900"]);
        invoice.Notes.ShouldBe(["First note", "Second note"]);
        invoice.PaymentMeansCode.ShouldBe("58");
        invoice.PaymentReference.ShouldBe("RF18539007547034");
        invoice.PayeeAccount.ShouldBe("SE4550000000058398257466");
        invoice.PaymentTerms.ShouldBe("30 days net");
    }

    [Fact]
    public void Read_UblInvoice_FillsSellerBuyerAndPayee()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.Invoice());

        invoice.Seller.Name.ShouldBe("Seller AB");
        invoice.Seller.TradingName.ShouldBe("Seller Trading");
        invoice.Seller.VatId.ShouldBe("SE123456789001");
        invoice.Seller.TaxRegistrationId.ShouldBe("201/113/40209");
        invoice.Seller.LegalId.ShouldBe(new SchemedId("5560000001", "0007"));
        invoice.Seller.Identifiers.ShouldBe([new SchemedId("5790000435968", "0088"), new SchemedId("SUP-1", null)]);
        invoice.Seller.ElectronicAddress.ShouldBe(new SchemedId("7300010000001", "0088"));
        invoice.Seller.CountryCode.ShouldBe("SE");
        invoice.Seller.Address.ShouldBe("Main Street 1, Building B, Stockholm, 11122");
        invoice.Seller.HasPostalAddress.ShouldBeTrue();
        invoice.Buyer.Name.ShouldBe("Buyer GmbH");
        invoice.Buyer.VatId.ShouldBe("DE987654321");
        invoice.Buyer.ElectronicAddress.ShouldBe(new SchemedId("ap@buyer.example", "EM"));
        invoice.Buyer.CountryCode.ShouldBe("DE");
        invoice.Payee.ShouldNotBeNull().Name.ShouldBe("Factoring Co");
    }

    [Fact]
    public void Read_TwoTaxTotals_TakesBt110InDocumentCurrencyAndBt111InTaxCurrency()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.Invoice());

        invoice.Totals.TaxTotal.ShouldBe(23.75m);
        invoice.Totals.TaxTotalInTaxCurrency.ShouldBe(250.00m);
        invoice.Totals.Spots["BT-110"].Path.ShouldBe("cac:TaxTotal[2]/cbc:TaxAmount");
        invoice.VatBreakdown.Count.ShouldBe(2);
        invoice.VatBreakdown[0].ShouldBe(invoice.VatBreakdown[0] with { Category = "S", Rate = 25m, TaxableAmount = 95.00m, TaxAmount = 23.75m });
        invoice.VatBreakdown[1].ExemptionReasonCode.ShouldBe("VATEX-EU-132");
        invoice.VatBreakdown[1].ExemptionReason.ShouldBe("Exempt");
    }

    [Fact]
    public void Read_LegalMonetaryTotal_FillsEveryTotalWithItsSpot()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.Invoice());

        var totals = invoice.Totals;
        totals.LineTotal.ShouldBe(100.00m);
        totals.AllowanceTotal.ShouldBe(10.00m);
        totals.ChargeTotal.ShouldBe(5.00m);
        totals.TaxExclusive.ShouldBe(95.00m);
        totals.TaxInclusive.ShouldBe(118.75m);
        totals.Prepaid.ShouldBe(20.00m);
        totals.Rounding.ShouldBe(0.25m);
        totals.Payable.ShouldBe(99.00m);
        totals.Spots["BT-115"].Path.ShouldBe("cac:LegalMonetaryTotal/cbc:PayableAmount");
        totals.Spots["BT-115"].Line.ShouldNotBeNull().ShouldBeGreaterThan(1);
        totals.Spots.Keys.ShouldBe(["BT-106", "BT-107", "BT-108", "BT-109", "BT-112", "BT-113", "BT-114", "BT-115", "BT-110"], ignoreOrder: true);
    }

    [Fact]
    public void Read_HeaderSpots_NameThePathAndLine()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.Invoice());

        invoice.SpotOf("BT-1").ShouldBe(new XmlSpot("cbc:ID", 5));
        invoice.SpotOf("BT-2").Path.ShouldBe("cbc:IssueDate");
        invoice.SpotOf("BT-27").Path.ShouldBe("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName");
        invoice.SpotOf("BT-31").Path.ShouldBe("cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[1]/cbc:CompanyID");
        invoice.SpotOf("BT-48").Path.ShouldStartWith("cac:AccountingCustomerParty/");
        invoice.SpotOf("BT-9").Path.ShouldBe("cbc:DueDate");
        invoice.SpotOf("BT-999").ShouldBe(XmlSpot.Root);
    }

    [Fact]
    public void Read_DocumentAllowancesAndCharges_AreReadAsWritten()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.Invoice());

        invoice.AllowancesCharges.Count.ShouldBe(2);
        var allowance = invoice.AllowancesCharges[0];
        allowance.IsCharge.ShouldBeFalse();
        allowance.Amount.ShouldBe(10.00m);
        allowance.BaseAmount.ShouldBe(100.00m);
        allowance.Percent.ShouldBe(10m);
        allowance.VatCategory.ShouldBe("S");
        allowance.VatRate.ShouldBe(25m);
        allowance.Reason.ShouldBe("Discount");
        allowance.ReasonCode.ShouldBe("95");
        invoice.AllowancesCharges[1].IsCharge.ShouldBeTrue();
        invoice.AllowancesCharges[1].ReasonCode.ShouldBe("FC");
    }

    [Fact]
    public void Read_InvoiceLine_FillsQuantityPriceItemTaxAndLineAllowance()
    {
        var line = ReaderHelper.Invoice(UblSamples.Invoice()).Lines.ShouldHaveSingleItem();

        line.Id.ShouldBe("1");
        line.Role.ShouldBe(LineRole.Detail);
        line.ParentId.ShouldBeNull();
        line.Note.ShouldBe("Line note");
        line.Quantity.ShouldBe(2m);
        line.UnitCode.ShouldBe("HUR");
        line.NetAmount.ShouldBe(100.00m);
        line.NetPrice.ShouldBe(55.00m);
        line.GrossPrice.ShouldBe(60.00m);
        line.PriceBaseQuantity.ShouldBe(1m);
        line.ItemName.ShouldBe("Consulting");
        line.ItemDescription.ShouldBe("Consulting hours");
        line.SellerItemId.ShouldBe("CONS-1");
        line.StandardItemId.ShouldBe(new SchemedId("07300000000017", "0160"));
        line.VatCategory.ShouldBe("S");
        line.VatRate.ShouldBe(25m);
        line.OrderLineReference.ShouldBe("3");
        line.BuyerAccountingReference.ShouldBe("LINE-ACC");
        line.PeriodStart.ShouldBe(new DateOnly(2026, 2, 1));
        line.PeriodEnd.ShouldBe(new DateOnly(2026, 2, 14));
        line.AllowancesCharges.ShouldHaveSingleItem().ShouldBe(line.AllowancesCharges[0] with { IsCharge = false, Amount = 10.00m, Reason = "Line discount" });
        line.Spot.Path.ShouldBe("cac:InvoiceLine");
    }

    [Fact]
    public void Read_CreditNote_ReadsCreditedQuantityTypeCodeAndDueDateFromPaymentMeans()
    {
        var invoice = ReaderHelper.Invoice(UblSamples.CreditNote());

        invoice.IsUblCreditNote.ShouldBeTrue();
        invoice.TypeCode.ShouldBe("381");
        invoice.Profile.ShouldBe(EInvoiceProfile.En16931);
        invoice.DueDate.ShouldBe(new DateOnly(2026, 4, 30));
        invoice.SpotOf("BT-9").Path.ShouldBe("cac:PaymentMeans/cbc:PaymentDueDate");
        invoice.PrecedingInvoices.ShouldBe(["INV-2026-001"]);
        invoice.Totals.TaxTotal.ShouldBe(2.50m);
        var line = invoice.Lines.ShouldHaveSingleItem();
        line.Quantity.ShouldBe(1m);
        line.UnitCode.ShouldBe("C62");
        line.NetAmount.ShouldBe(10.00m);
        line.Spot.Path.ShouldBe("cac:CreditNoteLine");
    }

    [Fact]
    public void Read_SubInvoiceLines_AreFlattenedAfterTheirParentWithParentId()
    {
        const string extra = """
              <cac:InvoiceLine>
                <cbc:ID>2</cbc:ID>
                <cbc:LineExtensionAmount currencyID="EUR">30.00</cbc:LineExtensionAmount>
                <cac:Item><cbc:Name>Bundle</cbc:Name></cac:Item>
                <cac:SubInvoiceLine>
                  <cbc:ID>2.1</cbc:ID>
                  <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>
                  <cac:SubInvoiceLine><cbc:ID>2.1.1</cbc:ID><cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount></cac:SubInvoiceLine>
                </cac:SubInvoiceLine>
                <cac:SubInvoiceLine><cbc:ID>2.2</cbc:ID><cbc:LineExtensionAmount currencyID="EUR">10.00</cbc:LineExtensionAmount></cac:SubInvoiceLine>
              </cac:InvoiceLine>
            """;

        var lines = ReaderHelper.Invoice(UblSamples.Invoice(extraLine: extra)).Lines;

        lines.Select(l => (l.Id, l.ParentId, l.Role)).ShouldBe(
        [
            ("1", null, LineRole.Detail),
            ("2", null, LineRole.Detail),
            ("2.1", "2", LineRole.Information),
            ("2.1.1", "2.1", LineRole.Information),
            ("2.2", "2", LineRole.Information),
        ]);
        lines[3].NetAmount.ShouldBe(20.00m);
    }

    [Fact]
    public void Read_BadAmount_IsAProblemNamingTheElementAndTheRestIsRead()
    {
        var totals = UblSamples.DefaultTotals.Replace(">99.00<", ">99,00<", StringComparison.Ordinal);

        var result = ReaderHelper.Read(UblSamples.Invoice(totals: totals), "bad-amount.xml");

        var invoice = result.Invoice.ShouldNotBeNull();
        invoice.Totals.Payable.ShouldBeNull();
        invoice.Totals.TaxInclusive.ShouldBe(118.75m);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldInvalidNumber);
        problem.Field.ShouldBe("BT-115");
        problem.Value.ShouldBe("99,00");
        problem.Location.Document.ShouldBe("bad-amount.xml");
        problem.Location.Column.ShouldBe("cac:LegalMonetaryTotal/cbc:PayableAmount");
        problem.Location.Line.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("01.03.2026")]
    [InlineData("20260301")]
    public void Read_BadIssueDate_IsAProblemAndTheDateIsLeftEmpty(string date)
    {
        var result = ReaderHelper.Read(UblSamples.Invoice(issueDate: date));

        result.Invoice.ShouldNotBeNull().IssueDate.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldInvalidDate);
        problem.Field.ShouldBe("BT-2");
        problem.Location.Column.ShouldBe("cbc:IssueDate");
    }

    [Theory]
    [InlineData("2026-03-01Z")]
    [InlineData("2026-03-01+01:00")]
    public void Read_IssueDateWithTimeZone_IsReadAsTheDate(string date)
        => ReaderHelper.Invoice(UblSamples.Invoice(issueDate: date)).IssueDate.ShouldBe(new DateOnly(2026, 3, 1));

    [Fact]
    public void Read_FiftyThousandLines_StaysLinearAndSpotsTheLastLineByIndex()
    {
        const string line = "<cac:InvoiceLine><cbc:ID>n</cbc:ID><cbc:LineExtensionAmount currencyID=\"EUR\">1.00</cbc:LineExtensionAmount></cac:InvoiceLine>";
        var extra = string.Concat(Enumerable.Repeat(line, 49_999));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var invoice = ReaderHelper.Invoice(UblSamples.Invoice(extraLine: extra));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "spotting each line must not rescan its siblings");
        invoice.Lines.Count.ShouldBe(50_000);
        invoice.Lines[^1].Spot.Path.ShouldBe("cac:InvoiceLine[50000]");
    }

    [Fact]
    public void Read_SingleTaxTotalWithoutCurrency_IsBt110()
    {
        const string taxTotals = "<cac:TaxTotal><cbc:TaxAmount>23.75</cbc:TaxAmount></cac:TaxTotal>";

        var invoice = ReaderHelper.Invoice(UblSamples.Invoice(taxTotals: taxTotals));

        invoice.Totals.TaxTotal.ShouldBe(23.75m);
        invoice.Totals.TaxTotalInTaxCurrency.ShouldBeNull();
    }
}
