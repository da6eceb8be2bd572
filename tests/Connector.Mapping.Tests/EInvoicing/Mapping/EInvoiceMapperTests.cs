using Connector.Mapping.EInvoicing;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.EInvoicing.Mapping.MapperHelper;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

public sealed class EInvoiceMapperTests
{
    [Fact]
    public void Map_Invoice_FillsTheHeaderFromTheBusinessTerms()
    {
        var mapped = Map(EInvoiceFixtures.Valid() with { Currency = "eur", PrecedingInvoices = ["", "INV-0"] });

        mapped.Problems.ShouldBeEmpty();
        var i = mapped.Invoice;
        i.EntityCode.ShouldBe("FR01");
        i.Number.ShouldBe("INV-2026-001");
        i.Kind.ShouldBe(InvoiceKind.Invoice);
        i.IssueDate.ShouldBe(new DateOnly(2026, 3, 2));
        i.DueDate.ShouldBe(new DateOnly(2026, 4, 1));
        i.Currency.ShouldBe("EUR");
        i.PaymentTerms.ShouldBeNull();
        i.PurchaseOrder.ShouldBe("PO-77");
        i.OriginalInvoiceNumber.ShouldBe("INV-0");
        i.Comments.ShouldBe("Merci pour votre commande");
        i.Source.ShouldBe(Source);
        (i.DeclaredNetTotal, i.DeclaredTaxTotal, i.DeclaredGrossTotal).ShouldBe((275m, 49m, 324m));
    }

    [Fact]
    public void Map_Invoice_KeepsTheElectronicFacts()
    {
        var facts = Map(EInvoiceFixtures.Valid()).Invoice.Electronic!;

        facts.Syntax.ShouldBe("UBL");
        facts.Profile.ShouldBe("EN 16931");
        facts.SpecificationId.ShouldBe("urn:cen.eu:en16931:2017");
        facts.TypeCode.ShouldBe("380");
        facts.BuyerReference.ShouldBe("C-1001");
        facts.PaymentTermsText.ShouldBe("30 jours net");
        facts.PaymentReference.ShouldBe("RF18539007547034");
        facts.PayeeAccount.ShouldBe("FR7630006000011234567890189");
        facts.Payable.ShouldBe(324m);
        facts.SellerName.ShouldBe("Dupont Distribution SAS");
        facts.SellerVatId.ShouldBe("FR40303265045");
    }

    [Fact]
    public void Map_LongNote_IsCutTo240Characters()
    {
        Map(EInvoiceFixtures.Valid() with { Notes = [new string('x', 300)] }).Invoice.Comments!.Length.ShouldBe(240);
    }

    [Fact]
    public void Map_Lines_TakeTheLineTermsAndTheVatKey()
    {
        var e = EInvoiceFixtures.Valid();
        e = e with { Lines = [e.Lines[0] with { ItemDescription = "Blue widget, 10 mm", VatRate = 5.50m }, e.Lines[1] with { SellerItemId = null, StandardItemId = new SchemedId("4012345000016", "0160") }, e.Lines[2]] };

        var lines = Map(e).Invoice.Lines;

        var first = lines[0];
        first.LineNumber.ShouldBe(1);
        first.ItemCode.ShouldBe("SKU-1");
        first.Description.ShouldBe("Item 1 - Blue widget, 10 mm");
        first.Quantity.ShouldBe(2m);
        first.UnitOfMeasure.ShouldBe("C62");
        first.UnitPrice.ShouldBe(100m);
        first.Amount.ShouldBe(200m);
        first.TaxCode.ShouldBe("S-5.5");
        first.TaxRate.ShouldBe(5.50m);
        first.SourceLine.ShouldBe(101);
        lines[1].ItemCode.ShouldBe("4012345000016");
        lines[2].TaxCode.ShouldBe("E-0");
    }

    [Fact]
    public void Map_PriceForABaseQuantity_UnitPriceIsPerUnit()
    {
        var line = EInvoiceFixtures.Line("1", 4m, 250m) with { PriceBaseQuantity = 5m, NetAmount = 200m };

        Map(WithLines(EInvoiceFixtures.Valid(), line)).Invoice.Lines[0].UnitPrice.ShouldBe(50m);
    }

    [Fact]
    public void Map_LineWithAllowance_UnitPriceIsNetOverQuantity()
    {
        var line = EInvoiceFixtures.Line("1", 3m, 10m) with { NetAmount = 25m, AllowancesCharges = [new AllowanceCharge { IsCharge = false, Amount = 5m }] };

        Map(WithLines(EInvoiceFixtures.Valid(), line)).Invoice.Lines[0].UnitPrice.ShouldBe(8.333333m);
    }

    [Fact]
    public void Map_DocumentAllowanceAndCharge_BecomeLinesSoTheNetTotalIsBt109()
    {
        var i = Map(EInvoiceFixtures.Valid()).Invoice;

        i.Lines.Count.ShouldBe(5);
        var allowance = i.Lines[3];
        allowance.LineNumber.ShouldBe(4);
        allowance.Description.ShouldBe("Remise fidélité");
        allowance.ItemCode.ShouldBeNull();
        allowance.Quantity.ShouldBe(1m);
        allowance.UnitPrice.ShouldBe(-10m);
        allowance.Amount.ShouldBe(-10m);
        allowance.TaxCode.ShouldBe("S-20");
        allowance.SourceLine.ShouldBe(60);
        i.Lines[4].Description.ShouldBe("FC");
        i.Lines[4].Amount.ShouldBe(5m);
        i.NetTotal.ShouldBe(275m);
        i.TaxTotal.ShouldBe(49m);
        i.GrossTotal.ShouldBe(324m);
        i.Lines.Select(l => l.TaxAmount).ShouldBe([40m, 10m, 0m, -2m, 1m]);
    }

    [Fact]
    public void Map_GroupAndInformationLines_AreLeftOut()
    {
        var e = EInvoiceFixtures.Valid();
        var group = EInvoiceFixtures.Line("G1", 1m, 250m) with { Role = LineRole.Group };
        var info = new EInvoiceLine { Id = "I1", Role = LineRole.Information, ItemName = "Delivery note 4711" };
        e = e with { Profile = EInvoiceProfile.Extended, Lines = [group, .. e.Lines, info] };

        var i = Map(e).Invoice;

        i.Lines.Select(l => l.Description).ShouldBe(["Item 1", "Item 2", "Item 3", "Remise fidélité", "FC"]);
        i.NetTotal.ShouldBe(275m);
        i.Electronic!.Profile.ShouldBe("EXTENDED");
    }

    [Fact]
    public void Map_UnknownProfile_NamesTheSpecificationId()
    {
        var e = EInvoiceFixtures.Valid() with { Profile = EInvoiceProfile.Unknown, SpecificationId = "urn:example:cius" };

        Map(e).Invoice.Electronic!.Profile.ShouldBe("urn:example:cius");
    }
}
