using Connector.Mapping.EInvoicing;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class VatRuleTests
{
    private static EInvoice WithStandardVat(decimal taxable, decimal tax)
    {
        var e = CheckHelper.WithBreakdown(EInvoiceFixtures.Valid(), 0, b => b with { TaxableAmount = taxable, TaxAmount = tax });
        return e with { Totals = e.Totals with { TaxTotal = tax, TaxInclusive = 275m + tax, Payable = 275m + tax } };
    }

    [Fact]
    public void Check_BreakdownVatNotTaxableTimesRate_ReportsBrCo17()
    {
        var problems = Check(WithStandardVat(245m, 49.05m));

        var p = Single(problems, "EN16931_BR_CO_17");
        p.Field.ShouldBe("BT-117");
        p.Value.ShouldBe("49.05");
        p.Message.ShouldBe("BR-CO-17: VAT category S at 20 %: VAT amount (BT-117) 49.05 is not taxable amount (BT-116) 245.00 x rate (BT-119) 20 / 100 = 49.00");
        p.Location.Line.ShouldBe(72);
        problems.Count.ShouldBe(1);
    }

    [Fact]
    public void Check_BreakdownVatOffByOneCent_HoldsBrCo17PerTheRoundingNote()
    {
        Check(WithStandardVat(245m, 49.01m)).ShouldBeEmpty();
    }

    [Fact]
    public void Check_StandardTaxableNotItsLinesAllowancesAndCharges_ReportsBrS08()
    {
        var problems = Check(WithStandardVat(250m, 50m));

        var p = Single(problems, "EN16931_BR_S_08");
        p.Field.ShouldBe("BT-116");
        p.Value.ShouldBe("250.00");
        p.Message.ShouldBe("BR-S-08: VAT category S at 20 %: taxable amount (BT-116) 250.00 is not its line net amounts (BT-131) 250.00 + document charges (BT-99) 5.00 - document allowances (BT-92) 10.00 = 245.00");
        problems.Count.ShouldBe(1);
    }

    [Fact]
    public void Check_TwoStandardRates_TaxableIsCheckedPerRate()
    {
        var e = EInvoiceFixtures.Valid();
        e = WithLine(e, 1, l => l with { VatRate = 10m });
        e = e with
        {
            VatBreakdown =
            [
                e.VatBreakdown[0] with { TaxableAmount = 195m, TaxAmount = 39m },
                new VatBreakdown { Category = "S", Rate = 10m, TaxableAmount = 50m, TaxAmount = 5m },
                e.VatBreakdown[1],
            ],
            Totals = e.Totals with { TaxTotal = 44m, TaxInclusive = 319m, Payable = 319m },
        };

        Check(e).ShouldBeEmpty();
        Single(Check(WithBreakdown(e, 1, b => b with { TaxableAmount = 60m, TaxAmount = 6m })), "EN16931_BR_S_08").Value.ShouldBe("60.00");
    }

    [Theory]
    [InlineData("E")]
    [InlineData("Z")]
    [InlineData("AE")]
    [InlineData("K")]
    [InlineData("G")]
    [InlineData("O")]
    public void Check_ZeroRatedCategoryTaxable_HoldsWhenItsLinesSumAndFailsOtherwise(string category)
    {
        var e = WithLine(EInvoiceFixtures.Valid(), 2, l => l with { VatCategory = category });
        // The exemption reason code of the category itself (BR-x-10; a zero-rated breakdown has none, BR-Z-10).
        var code = category switch { "Z" => null, "K" => "VATEX-EU-IC", "E" => "VATEX-EU-132", _ => "VATEX-EU-" + category };
        e = WithBreakdown(e, 1, b => b with { Category = category, ExemptionReasonCode = code });
        e = e with { DeliveryDate = new DateOnly(2026, 3, 1), DeliverToCountry = "DE" }; // BR-IC-11/12 for K

        Check(e).ShouldBeEmpty();

        var broken = WithBreakdown(e, 1, b => b with { TaxableAmount = 31m });
        var p = Single(Check(broken), $"EN16931_BR_{category}_08");
        p.Field.ShouldBe("BT-116");
        p.Value.ShouldBe("31.00");
        p.Message.ShouldStartWith($"BR-{category}-08: VAT category {category}: taxable amount (BT-116) 31.00 is not its line net amounts (BT-131) 30.00");
    }
}
