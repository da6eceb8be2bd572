using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

public sealed class CiiReaderTests
{
    [Fact]
    public void Read_CiiInvoice_FillsTheHeaderTerms()
    {
        var invoice = ReaderHelper.Invoice(CiiSamples.Invoice());

        invoice.Syntax.ShouldBe(EInvoiceSyntax.Cii);
        invoice.SpecificationId.ShouldBe("urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended");
        invoice.Profile.ShouldBe(EInvoiceProfile.Extended);
        invoice.BusinessProcess.ShouldBe("A1");
        invoice.Number.ShouldBe("FX-2026-7");
        invoice.TypeCode.ShouldBe("380");
        invoice.IssueDate.ShouldBe(new DateOnly(2026, 3, 1));
        invoice.DueDate.ShouldBe(new DateOnly(2026, 3, 31));
        invoice.DeliveryDate.ShouldBe(new DateOnly(2026, 2, 15));
        invoice.PeriodStart.ShouldBe(new DateOnly(2026, 2, 1));
        invoice.PeriodEnd.ShouldBe(new DateOnly(2026, 2, 28));
        invoice.Currency.ShouldBe("EUR");
        invoice.TaxCurrency.ShouldBe("SEK");
        invoice.BuyerReference.ShouldBe("LEITWEG-1");
        invoice.ProjectReference.ShouldBe("PROJ-9");
        invoice.ContractReference.ShouldBe("CONTRACT-1");
        invoice.PurchaseOrderReference.ShouldBe("PO-77");
        invoice.SalesOrderReference.ShouldBe("SO-88");
        invoice.BuyerAccountingReference.ShouldBe("4711-ACC");
        invoice.PrecedingInvoices.ShouldBe(["FX-2025-900"]);
        invoice.Notes.ShouldBe(["Header note", "Second note"]);
        invoice.PaymentMeansCode.ShouldBe("58");
        invoice.PaymentReference.ShouldBe("RF18539007547034");
        invoice.PayeeAccount.ShouldBe("DE02120300000000202051");
        invoice.PaymentTerms.ShouldBe("30 days net");
        invoice.Payee.ShouldNotBeNull().Name.ShouldBe("Factoring Co");
    }

    [Fact]
    public void Read_CiiParties_FillNamesIdsVatTaxNumberAndAddress()
    {
        var invoice = ReaderHelper.Invoice(CiiSamples.Invoice());

        var seller = invoice.Seller;
        seller.Name.ShouldBe("Lieferant GmbH");
        seller.TradingName.ShouldBe("Lieferant");
        seller.Identifiers.ShouldBe([new SchemedId("SUP-1", null), new SchemedId("4000001123452", "0088")]);
        seller.LegalId.ShouldBe(new SchemedId("123456789", "0002"));
        seller.VatId.ShouldBe("DE123456789");
        seller.TaxRegistrationId.ShouldBe("201/113/40209");
        seller.ElectronicAddress.ShouldBe(new SchemedId("invoices@lieferant.example", "EM"));
        seller.CountryCode.ShouldBe("DE");
        seller.Address.ShouldBe("Lieferantenstrasse 20, Muenchen, 80333");
        invoice.Buyer.Name.ShouldBe("Kunden AG");
        invoice.Buyer.VatId.ShouldBe("FR11123456782");
        invoice.Buyer.CountryCode.ShouldBe("FR");
    }

    [Fact]
    public void Read_TwoTaxTotalAmounts_TakesTheOneInInvoiceCurrencyAsBt110()
    {
        var totals = ReaderHelper.Invoice(CiiSamples.Invoice()).Totals;

        totals.TaxTotal.ShouldBe(23.75m);
        totals.TaxTotalInTaxCurrency.ShouldBe(250.00m);
        totals.Spots["BT-110"].Path.ShouldBe("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount[2]");
    }

    [Fact]
    public void Read_HeaderMonetarySummation_FillsEveryTotal()
    {
        var totals = ReaderHelper.Invoice(CiiSamples.Invoice()).Totals;

        totals.LineTotal.ShouldBe(100.00m);
        totals.ChargeTotal.ShouldBe(5.00m);
        totals.AllowanceTotal.ShouldBe(10.00m);
        totals.TaxExclusive.ShouldBe(95.00m);
        totals.TaxInclusive.ShouldBe(118.75m);
        totals.Prepaid.ShouldBe(20.00m);
        totals.Rounding.ShouldBe(0.25m);
        totals.Payable.ShouldBe(99.00m);
        totals.Spots["BT-115"].Path.ShouldEndWith("ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount");
    }

    [Fact]
    public void Read_CiiHeaderSpots_NameThePathAndLine()
    {
        var invoice = ReaderHelper.Invoice(CiiSamples.Invoice());

        invoice.SpotOf("BT-1").ShouldBe(new XmlSpot("rsm:ExchangedDocument/ram:ID", 11));
        invoice.SpotOf("BT-2").Path.ShouldBe("rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
        invoice.SpotOf("BT-24").Path.ShouldBe("rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID");
        invoice.SpotOf("BT-31").Path.ShouldBe("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedTaxRegistration[2]/ram:ID");
        invoice.SpotOf("BT-44").Path.ShouldEndWith("ram:BuyerTradeParty/ram:Name");
        invoice.SpotOf("BT-9").Path.ShouldEndWith("ram:DueDateDateTime/udt:DateTimeString");
    }

    [Fact]
    public void Read_VatBreakdown_HasCategoriesRatesAndExemptions()
    {
        var breakdown = ReaderHelper.Invoice(CiiSamples.Invoice()).VatBreakdown;

        breakdown.Count.ShouldBe(2);
        breakdown[0].ShouldBe(breakdown[0] with { Category = "S", Rate = 25m, TaxableAmount = 95.00m, TaxAmount = 23.75m, ExemptionReason = null });
        breakdown[1].ShouldBe(breakdown[1] with { Category = "K", Rate = 0m, ExemptionReason = "Intra-community supply", ExemptionReasonCode = "VATEX-EU-IC" });
    }

    [Fact]
    public void Read_DocumentAllowancesAndCharges_AreReadAsWritten()
    {
        var charges = ReaderHelper.Invoice(CiiSamples.Invoice()).AllowancesCharges;

        charges.Count.ShouldBe(2);
        charges[0].ShouldBe(charges[0] with
        {
            IsCharge = false, Amount = 10.00m, BaseAmount = 100.00m, Percent = 10m, VatCategory = "S", VatRate = 25m, Reason = "Discount", ReasonCode = "95",
        });
        charges[1].IsCharge.ShouldBeTrue();
        charges[1].Amount.ShouldBe(5.00m);
        charges[1].Reason.ShouldBe("Freight");
    }

    [Fact]
    public void Read_CiiLine_FillsEveryLineTerm()
    {
        var line = ReaderHelper.Invoice(CiiSamples.Invoice()).Lines.ShouldHaveSingleItem();

        line.Id.ShouldBe("1");
        line.Role.ShouldBe(LineRole.Detail);
        line.Note.ShouldBe("Line note");
        line.Quantity.ShouldBe(11m);
        line.UnitCode.ShouldBe("C62");
        line.NetAmount.ShouldBe(100.00m);
        line.NetPrice.ShouldBe(10.00m);
        line.GrossPrice.ShouldBe(12.00m);
        line.PriceBaseQuantity.ShouldBe(1m);
        line.ItemName.ShouldBe("Trennblaetter A4");
        line.ItemDescription.ShouldBe("Grey, 100 sheets");
        line.SellerItemId.ShouldBe("TB100A4");
        line.StandardItemId.ShouldBe(new SchemedId("4012345001235", "0160"));
        line.VatCategory.ShouldBe("S");
        line.VatRate.ShouldBe(25m);
        line.OrderLineReference.ShouldBe("3");
        line.BuyerAccountingReference.ShouldBe("LINE-ACC");
        line.PeriodStart.ShouldBe(new DateOnly(2026, 2, 1));
        line.PeriodEnd.ShouldBe(new DateOnly(2026, 2, 10));
        line.AllowancesCharges.ShouldHaveSingleItem().Reason.ShouldBe("Line discount");
        line.Spot.Path.ShouldBe("rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem");
    }

    [Fact]
    public void Read_ExtendedSubLines_GiveGroupDetailAndInformationRolesWithParents()
    {
        var lines = ReaderHelper.Invoice(CiiSamples.Invoice(lines: CiiSamples.GroupLines)).Lines;

        lines.Select(l => (l.Id, l.ParentId, l.Role)).ShouldBe(
        [
            ("1", null, LineRole.Group),
            ("2", "1", LineRole.Detail),
            ("3", "1", LineRole.Detail),
            ("4", null, LineRole.Information),
        ]);
        lines.Where(l => l.Role == LineRole.Detail).Sum(l => l.NetAmount).ShouldBe(100.00m);
        lines[1].Spot.Path.ShouldEndWith("ram:IncludedSupplyChainTradeLineItem[2]");
    }

    [Fact]
    public void Read_BadAmount_IsAProblemNamingTheElement()
    {
        var result = ReaderHelper.Read(CiiSamples.Invoice(grandTotal: "1.234,56"), "bad.xml");

        result.Invoice.ShouldNotBeNull().Totals.TaxInclusive.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldInvalidNumber);
        problem.Field.ShouldBe("BT-112");
        problem.Value.ShouldBe("1.234,56");
        problem.Location.Column.ShouldNotBeNull().ShouldEndWith("ram:GrandTotalAmount");
        problem.Message.ShouldContain("ram:GrandTotalAmount");
    }

    [Theory]
    [InlineData("<udt:DateTimeString format=\"102\">20261301</udt:DateTimeString>")]
    [InlineData("<udt:DateTimeString format=\"102\">2026-03-01</udt:DateTimeString>")]
    [InlineData("<udt:DateTimeString format=\"203\">202603011200</udt:DateTimeString>")]
    public void Read_BadIssueDate_IsAnErrorAndTheDateIsLeftEmpty(string date)
    {
        var result = ReaderHelper.Read(CiiSamples.Invoice(issueDate: date));

        result.Invoice.ShouldNotBeNull().IssueDate.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldInvalidDate);
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Field.ShouldBe("BT-2");
    }

    [Fact]
    public void Read_MonthOnlyDate610_IsTheFirstOfTheMonthWithAWarning()
    {
        var result = ReaderHelper.Read(CiiSamples.Invoice(issueDate: "<udt:DateTimeString format=\"610\">202603</udt:DateTimeString>"));

        result.Invoice.ShouldNotBeNull().IssueDate.ShouldBe(new DateOnly(2026, 3, 1));
        result.Problems.ShouldHaveSingleItem().Severity.ShouldBe(ProblemSeverity.Warning);
    }

    [Fact]
    public void Read_WeekDate616_IsTheMondayOfTheIsoWeekWithAWarning()
    {
        var result = ReaderHelper.Read(CiiSamples.Invoice(issueDate: "<udt:DateTimeString format=\"616\">202610</udt:DateTimeString>"));

        result.Invoice.ShouldNotBeNull().IssueDate.ShouldBe(new DateOnly(2026, 3, 2));
        result.Problems.ShouldHaveSingleItem().Severity.ShouldBe(ProblemSeverity.Warning);
    }

    [Fact]
    public void Read_MonthOnlyPeriodEnd610_IsTheLastDayOfTheMonth()
    {
        var xml = CiiSamples.Invoice().Replace(
            "<ram:EndDateTime><udt:DateTimeString format=\"102\">20260228</udt:DateTimeString></ram:EndDateTime>",
            "<ram:EndDateTime><udt:DateTimeString format=\"610\">202602</udt:DateTimeString></ram:EndDateTime>",
            StringComparison.Ordinal);

        var result = ReaderHelper.Read(xml);

        result.Invoice.ShouldNotBeNull().PeriodEnd.ShouldBe(new DateOnly(2026, 2, 28));
        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("BT-74");
    }

    [Fact]
    public void Read_WeekOnlyLinePeriodEnd616_IsTheSundayOfTheIsoWeek()
    {
        var xml = CiiSamples.Invoice().Replace(
            "<ram:EndDateTime><udt:DateTimeString format=\"102\">20260210</udt:DateTimeString></ram:EndDateTime>",
            "<ram:EndDateTime><udt:DateTimeString format=\"616\">202607</udt:DateTimeString></ram:EndDateTime>",
            StringComparison.Ordinal);

        var result = ReaderHelper.Read(xml);

        result.Invoice.ShouldNotBeNull().Lines[0].PeriodEnd.ShouldBe(new DateOnly(2026, 2, 15));
        result.Problems.ShouldHaveSingleItem().Field.ShouldBe("BT-135");
    }
}
