using Connector.Mapping.EInvoicing;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

public sealed class Zugferd1ReaderTests
{
    [Fact]
    public void Read_Zugferd1Document_IsReadWithTheSharedCiiNames()
    {
        var invoice = ReaderHelper.Invoice(CiiSamples.Zugferd1);

        invoice.Syntax.ShouldBe(EInvoiceSyntax.Zugferd1);
        invoice.Profile.ShouldBe(EInvoiceProfile.Zugferd1Extended);
        invoice.Number.ShouldBe("471102");
        invoice.IssueDate.ShouldBe(new DateOnly(2013, 3, 5));
        invoice.DueDate.ShouldBe(new DateOnly(2013, 4, 4));
        invoice.DeliveryDate.ShouldBe(new DateOnly(2013, 3, 3));
        invoice.Currency.ShouldBe("EUR");
        invoice.PurchaseOrderReference.ShouldBe("PO-1");
        invoice.ContractReference.ShouldBe("V88456789");
        invoice.PaymentMeansCode.ShouldBe("31");
        invoice.PayeeAccount.ShouldBe("DE08700901001234567890");
        invoice.Seller.VatId.ShouldBe("DE123456789");
        invoice.Buyer.Identifiers.ShouldBe([new SchemedId("GE2020211", null)]);
        invoice.VatBreakdown.ShouldHaveSingleItem().Rate.ShouldBe(19.00m);
        invoice.Totals.ShouldBe(invoice.Totals with
        {
            LineTotal = 198.00m, ChargeTotal = 7.00m, AllowanceTotal = 2.00m, TaxExclusive = 203.00m, TaxTotal = 38.57m,
            TaxInclusive = 241.57m, Prepaid = 0.00m, Payable = 241.57m,
        });
        invoice.SpotOf("BT-1").Path.ShouldBe("rsm:HeaderExchangedDocument/ram:ID");
    }

    [Fact]
    public void Read_Zugferd1AllowancesAndLogisticsCharges_AreReadAsWritten()
    {
        var charges = ReaderHelper.Invoice(CiiSamples.Zugferd1).AllowancesCharges;

        charges.Count.ShouldBe(2);
        charges[0].ShouldBe(charges[0] with { IsCharge = false, Amount = -2.00m, VatRate = 19.00m, Reason = "Sondernachlass" });
        charges[1].ShouldBe(charges[1] with { IsCharge = true, Amount = 7.00m, VatCategory = "S", Reason = "Versandkosten" });
    }

    [Fact]
    public void Read_Zugferd1TextOnlyLine_IsInformationAndTheItemLineIsDetail()
    {
        var lines = ReaderHelper.Invoice(CiiSamples.Zugferd1).Lines;

        lines.Count.ShouldBe(2);
        lines[0].ShouldBe(lines[0] with { Id = string.Empty, Role = LineRole.Information, Note = "Text only" });
        lines[1].ShouldBe(lines[1] with
        {
            Id = "1", Role = LineRole.Detail, Quantity = 20m, NetAmount = 198.00m, NetPrice = 9.90m, GrossPrice = 9.90m, VatRate = 19.00m, SellerItemId = "TB100A4",
        });
    }
}
