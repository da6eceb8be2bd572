using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Mapping;
using static Connector.Mapping.Tests.EInvoicing.Mapping.MapperHelper;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

public sealed class TaxAndNoLineMappingTests
{
    [Fact]
    public void Map_ThreeEqualLines_SpreadTheBreakdownVatExactly()
    {
        var e = EInvoiceFixtures.Valid() with
        {
            Lines = [EInvoiceFixtures.Line("1", 1m, 33.33m), EInvoiceFixtures.Line("2", 1m, 33.33m), EInvoiceFixtures.Line("3", 1m, 33.33m)],
            AllowancesCharges = [],
            VatBreakdown = [new VatBreakdown { Category = "S", Rate = 20m, TaxableAmount = 99.99m, TaxAmount = 20.00m }],
            Totals = new DocumentTotals { LineTotal = 99.99m, TaxExclusive = 99.99m, TaxTotal = 20m, TaxInclusive = 119.99m, Payable = 119.99m },
        };

        var taxes = Map(e).Invoice.Lines.Select(l => l.TaxAmount).ToList();

        taxes.ShouldBe([6.67m, 6.67m, 6.66m]);
        taxes.Sum().ShouldBe(20.00m);
    }

    [Fact]
    public void Spread_UnequalAndNegativeNets_SumsExactlyInProportion()
    {
        var shares = TaxSpread.Spread([1000m, 1m, -3m, 0.5m], 199.71m);

        shares.Sum().ShouldBe(199.71m);
        shares.ShouldAllBe(s => s == Math.Round(s, 2));
        shares[0].ShouldBe(200.01m);
        shares[2].ShouldBe(-0.60m);
    }

    [Fact]
    public void Spread_NetsSummingToZero_PutsTheAmountOnTheLargestLine()
    {
        TaxSpread.Spread([5m, -10m, 5m], 0.03m).ShouldBe([0m, 0.03m, 0m]);
    }

    [Fact]
    public void Map_LineOfARateWithoutBreakdown_TaxIsNetTimesRateHalfAwayFromZero()
    {
        var e = EInvoiceFixtures.Valid() with { Lines = [EInvoiceFixtures.Line("1", 1m, 0.05m, "S", 10m), EInvoiceFixtures.Line("2", 1m, 10.05m, "S", 7m)], AllowancesCharges = [] };

        Map(e).Invoice.Lines.Select(l => l.TaxAmount).ShouldBe([0.01m, 0.70m]);
    }

    [Fact]
    public void Map_MinimumWithoutBreakdown_OneLineOfTheTotals()
    {
        var i = Map(Checks.ProfileScopeTests.Minimum()).Invoice;

        var line = i.Lines.ShouldHaveSingleItem();
        line.Amount.ShouldBe(100m);
        line.TaxAmount.ShouldBe(20m);
        line.Quantity.ShouldBe(1m);
        line.Description.ShouldContain("no lines");
        i.Electronic!.Profile.ShouldBe("MINIMUM");
        (i.DeclaredNetTotal, i.DeclaredTaxTotal, i.DeclaredGrossTotal).ShouldBe((100m, 20m, 120m));
    }

    [Fact]
    public void Map_MinimumWithBreakdown_OneLinePerVatRateSayingThereAreNoLines()
    {
        var e = Checks.ProfileScopeTests.Minimum() with
        {
            VatBreakdown = [new VatBreakdown { Category = "S", Rate = 20.00m, TaxableAmount = 100m, TaxAmount = 20m, Spot = new XmlSpot("ram:ApplicableTradeTax", 31) }],
        };

        var line = Map(e).Invoice.Lines.ShouldHaveSingleItem();

        line.Description.ShouldBe("VAT S 20 % (the document has no lines: Factur-X MINIMUM)");
        line.TaxCode.ShouldBe("S-20");
        line.SourceLine.ShouldBe(31);
    }

    [Fact]
    public void Map_BasicWl_OneLinePerBreakdownEntry()
    {
        var e = EInvoiceFixtures.Valid() with { Profile = EInvoiceProfile.BasicWl, SpecificationId = "urn:factur-x.eu:1p0:basicwl", Lines = [] };

        var i = Map(e).Invoice;

        i.Lines.Select(l => (l.Description, l.Amount, l.TaxAmount, l.TaxCode)).ShouldBe([("VAT S 20 %", 245m, 49m, "S-20"), ("VAT E 0 %", 30m, 0m, "E-0")]);
        i.NetTotal.ShouldBe(275m);
        i.Electronic!.Profile.ShouldBe("BASIC WL");
    }

    [Fact]
    public void Map_LinesWithoutVatCategoryInAOneRateDocument_TakeThatRate()
    {
        var i = Map(Checks.ProfileScopeTests.Zugferd1Basic()).Invoice;

        i.Lines.Select(l => l.TaxCode).ShouldBe(["S-19", "S-19"]);
        i.Lines.Select(l => l.TaxRate).ShouldBe([19m, 19m]);
        i.Lines.Select(l => l.UnitPrice).ShouldBe([9.9m, 5.5m]);
        i.TaxTotal.ShouldBe(89.87m);
        i.Electronic!.Profile.ShouldBe("ZUGFERD 1.0 BASIC");
    }
}
